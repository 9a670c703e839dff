"""One-line errors for every way in: the click commands and the window's quick start.

Every message is in the command line's language (:mod:`qdplanner.cli.language`). Kept free of
click, so starting the window does not pay for importing it.
"""

from __future__ import annotations

import errno
import functools
import os
import sys

from qdplanner.cli.language import INTERNAL, INTERRUPTED, error_text
from qdplanner.errors import N_, QdError

EXIT_ERROR = 1
EXIT_INTERNAL = 3


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print one line on stderr (when there is one: a windowed app has none) and exit."""
    if sys.stderr is not None:
        print(f"qdplanner: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


def notice(message: str) -> None:
    """One line on stderr that is not a failure (the command goes on)."""
    if sys.stderr is not None:
        print(f"qdplanner: {message}", file=sys.stderr, flush=True)


def os_error(exc: OSError) -> QdError | None:
    """An operating-system refusal a user can meet, as a sentence naming the file."""
    where = exc.filename if exc.filename is not None else "?"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return QdError(
            N_(
                "Messages",
                "{path}: the disk is full; nothing was written. Free some space and try again",
            ),
            path=where,
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return QdError(
            N_(
                "Messages",
                "{path}: permission denied (the file or its folder is read-only for you); "
                "nothing was written",
            ),
            path=where,
        )
    if exc.errno == errno.ENOENT:
        return QdError(N_("Messages", "{path}: no such file or folder"), path=where)
    if exc.errno == errno.EIO:
        return QdError(
            N_("Messages", "{path}: the drive could not be read or written; try again"),
            path=where,
        )
    return None


def _quiet_broken_pipe() -> None:
    """The reader of our output went away (``| head``): stop quietly, as other tools do."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(EXIT_PIPE)


EXIT_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a tool stopped by a closed pipe


def one_line_errors(func, passthrough: tuple[type[BaseException], ...] = ()):
    """Turn our errors into one line on stderr; unexpected ones too, unless debugging.

    Exceptions of the ``passthrough`` types (click's own exits) are raised unchanged.
    """

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            result = func(*args, **kwargs)
            if sys.stdout is not None:
                sys.stdout.flush()  # a closed pipe is met here, not at exit
            return result
        except passthrough:
            raise
        except QdError as exc:
            fail(error_text(exc))
        except KeyboardInterrupt:
            fail(error_text(QdError(INTERRUPTED)), 130)
        except BrokenPipeError:
            _quiet_broken_pipe()
        except OSError as exc:
            told = os_error(exc)
            if told is None:
                raise_internal(exc)
            fail(error_text(told))
        except Exception as exc:  # the last line of defence for users
            raise_internal(exc)

    return wrapper


def raise_internal(exc: BaseException) -> None:
    """A bug: a traceback when debugging, else one line and exit code 3."""
    if os.environ.get("QDPLANNER_DEBUG"):
        raise exc
    fail(error_text(QdError(INTERNAL, kind=type(exc).__name__, error=exc)), EXIT_INTERNAL)
