"""``python -m consistency``: the same as the ``consistency`` command."""

from .cli import main

main()
