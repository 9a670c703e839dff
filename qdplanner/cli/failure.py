"""One-line errors for every way in: the click commands and the window's quick start.

Kept free of click, so starting the window does not pay for importing it.
"""

from __future__ import annotations

import functools
import os
import sys

from qdplanner.errors import QdError

EXIT_ERROR = 1
EXIT_INTERNAL = 3


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print one line on stderr (when there is one: a windowed app has none) and exit."""
    if sys.stderr is not None:
        print(f"qdplanner: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def one_line_errors(func, passthrough: tuple[type[BaseException], ...] = ()):
    """Turn our errors into one line on stderr; unexpected ones too, unless debugging.

    Exceptions of the ``passthrough`` types (click's own exits) are raised unchanged.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except passthrough:
            raise
        except QdError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as exc:  # the last line of defence for users
            if os.environ.get("QDPLANNER_DEBUG"):
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc} "
                "(set QDPLANNER_DEBUG=1 to see details)",
                EXIT_INTERNAL,
            )

    return wrapper
