"""Which input file an unexpected error happened on, so its one-line message can name it.

A bug or an exhausted resource in the middle of a run over hundreds of
briefings is only actionable when the message says which briefing was at hand.
Stages that work file by file wrap that work in :func:`working_on`; the CLI
reads the file back with :func:`file_of` from the exception it catches.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from .errors import ConsistencyError

_ATTR = "consistency_file"


@contextmanager
def working_on(path: str) -> Iterator[None]:
    """Mark an unexpected exception raised inside as having happened on ``path``.

    The innermost mark wins; :class:`~consistency.errors.ConsistencyError`\\ s
    name their file themselves and are left alone.

    >>> try:
    ...     with working_on("a.txt"):
    ...         raise ValueError("bad")
    ... except ValueError as e:
    ...     file_of(e)
    'a.txt'
    """
    try:
        yield
    except Exception as e:
        if not isinstance(e, ConsistencyError) and file_of(e) is None:
            with suppress(AttributeError, TypeError):
                setattr(e, _ATTR, path)
        raise


def file_of(error: BaseException) -> str | None:
    """The file ``error`` happened on, if a :func:`working_on` block marked it."""
    value = getattr(error, _ATTR, None)
    return value if isinstance(value, str) else None
