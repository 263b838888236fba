"""Reading an input's bytes without hanging on what is not a file.

A FIFO in a folder blocks ``open()`` until someone writes to it; a link to
``/dev/zero`` reads forever. Inputs are opened non-blocking and checked with
``fstat`` on the open descriptor (no race between the check and the read):
regular files are read; a pipe is read only where the user named it
(``consistency ingest <(zcat x.gz)``); anything else is an
:class:`~consistency.errors.InputError`.
"""

from __future__ import annotations

import os
import stat

from ..errors import InputError

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def read_bytes(path: str, *, pipes: bool = False) -> bytes:
    """The bytes of the regular file (or, with ``pipes``, the pipe) at ``path``.

    Raises :class:`InputError` for any other kind of file, :class:`OSError`
    when it cannot be opened or read.
    """
    if pipes and stat.S_ISFIFO(os.stat(path).st_mode):
        # A FIFO the user named: wait for its writer, as ``cat`` would.
        with open(path, "rb") as handle:
            return handle.read()
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            if not (pipes and stat.S_ISFIFO(mode)):
                what = next((name for test, name in _KINDS if test(mode)), "not a regular file")
                raise InputError(f"not a regular file ({what}): not read", path=path)
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    finally:
        os.close(fd)
