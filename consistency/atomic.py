"""Writing an output file so that it holds the old content or the new, never a part.

The new content goes to a file in the target's folder that is renamed over the
target at the end (a rename within a folder is atomic). Where Linux allows it
(``O_TMPFILE``), that file has no name while it is being written, so even
``kill -9`` in the middle leaves nothing behind; it gets a hidden name only for
the instant between linking and renaming. Elsewhere it is a hidden
``.NAME.XXXXXXXX.tmp`` file, removed on any exception, Ctrl-C and SIGTERM
included (the CLI turns SIGTERM into an exception).
"""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path

from .errors import OptionError


def write_atomically(path: str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``, atomically; :class:`OptionError` if it cannot."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    data = text.encode("utf-8")
    mode = _file_mode(target)
    try:
        fd = os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600)
    except (AttributeError, OSError):
        _write_named(target, folder, data, mode)
        return
    try:
        _write_all(fd, data)
        os.fchmod(fd, mode)
        name = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            _link_unnamed(fd, folder, name.name)
        except OSError:  # no /proc: write it again the portable way
            _write_named(target, folder, data, mode)
            return
        try:
            os.replace(name, target)
        except BaseException as e:
            name.unlink(missing_ok=True)
            if isinstance(e, OSError):
                raise _cannot(path, e) from None
            raise
    except OSError as e:
        raise _cannot(path, e) from None
    finally:
        os.close(fd)


def _link_unnamed(fd: int, folder: Path, name: str) -> None:
    """Give the ``O_TMPFILE`` file ``fd`` a name in ``folder`` (``linkat`` through /proc).

    A ``dst_dir_fd`` makes Python call ``linkat`` with ``AT_SYMLINK_FOLLOW``;
    plain ``link`` would try to link the /proc symlink itself.
    """
    where = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=where, follow_symlinks=True)
    finally:
        os.close(where)


def _write_named(target: Path, folder: Path, data: bytes, mode: int) -> None:
    """The portable way: a hidden temp file beside the target, removed on any exception."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as e:
        raise _cannot(str(target), e) from None
    try:
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise _cannot(str(target), e) from None
        raise


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _cannot(path: str, error: OSError) -> OptionError:
    return OptionError(f"cannot write output: {error.strerror or error}", path=path)


def _file_mode(target: Path) -> int:
    """The mode a plain ``open(target, "w")`` would give: the old file's, or 0o666 less umask.

    Temp files are private (0o600); a report is usually meant to be shared.
    """
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
