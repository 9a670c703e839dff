"""Entry point of the frozen app (PyInstaller): the same command line as the ``qdplanner`` script.

With no arguments, or with only a plan file (a double-clicked ``.qdplan``), the window opens;
``qdplanner status PLAN`` and the other sub-commands work as they do from a pip install.
"""

from qdplanner.cli import main

if __name__ == "__main__":
    main()
