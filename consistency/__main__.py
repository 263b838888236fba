"""``python -m consistency``: the same as the ``consistency`` command."""

from .cli import main

if __name__ == "__main__":
    main()
