"""The index file itself: opening and validating it, locks, leftovers of killed builds."""

from __future__ import annotations

import glob
import os
import re
import sqlite3
import stat
import struct
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: leftovers of killed builds stay until removed by hand
    fcntl = None  # type: ignore[assignment]

from .._version import __version__
from ..errors import IndexFileError
from .schema import _HEADER, APPLICATION, APPLICATION_ID, SCHEMA_VERSION


def is_sqlite_file(path: str | Path) -> bool:
    """Whether ``path`` is a file that starts with SQLite's header (cheap: reads 16 bytes)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(16) == _HEADER
    except OSError:
        return False


def _connect(path: Path, *, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    """A connection to the index ``path``, which exists.

    ``readonly``: for a run that only reads. The index is a WAL-mode file: while it is
    open a ``-wal`` and a ``-shm`` file stand beside it, and the last connection to close
    removes them -- unless that one is read-only (SQLite's ``mode=ro``): it leaves them,
    and a CI job that keeps its index in its repository sees them as changes. So a
    reader opens the file read-write (``mode=rw``, which never creates it) and writes
    nothing of its own: closing last, it checkpoints the log (empty, unless a writer was
    killed after its commit) and removes both files. A file it may not write (its
    permissions, a read-only file system) SQLite opens read-only all the same, as before.
    ``immutable``: a read-only, lock-free reading of a file in a folder where those
    files cannot be made (a restored CI cache); safe only when nothing writes it.
    """
    if immutable:
        uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
        con = sqlite3.connect(uri, uri=True, isolation_level=None)
    elif readonly:
        uri = f"{path.resolve().as_uri()}?mode=rw"
        con = sqlite3.connect(uri, uri=True, isolation_level=None)
    else:
        con = sqlite3.connect(str(path), isolation_level=None)
    return con


def _refuse(path: Path, message: str) -> IndexFileError:
    return IndexFileError(message, path=str(path))


def _validate(con: sqlite3.Connection, path: Path) -> dict[str, str]:
    """Check the marks of a consistency index and return its ``meta`` table."""
    _check_application(con, path)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        raise _refuse(
            path,
            f"index made with schema {version}; this version of consistency "
            f"({__version__}) reads schema {SCHEMA_VERSION}: rebuild it with "
            "'consistency index PATH... --db FILE --rebuild'",
        )
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as e:
        raise _refuse(path, f"damaged consistency index: {e}") from None
    if meta.get("application") != APPLICATION:
        raise _refuse(path, "damaged consistency index: its meta table is not consistency's")
    return meta


def _check_application(con: sqlite3.Connection, path: Path) -> None:
    """Refuse, before writing anything, an SQLite file that is not a consistency index."""
    try:
        app = con.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.OperationalError:
        raise  # cannot open (read-only folder, locked): not a verdict on the file
    except sqlite3.DatabaseError as e:
        raise _refuse(path, f"not a consistency index (unreadable SQLite file: {e})") from None
    if app != APPLICATION_ID:
        raise _refuse(
            path,
            "not a consistency index (an SQLite database of another program); "
            "give a file made by 'consistency index PATH... --db FILE'",
        )


def _check_file(path: Path, *, must_exist: bool) -> bool:
    """Whether ``path`` holds an SQLite file; raise when it holds something else."""
    if not path.exists():
        if must_exist:
            raise _refuse(
                path, "no such index; build one with 'consistency index PATH... --db FILE'"
            )
        return False
    if path.is_dir():
        raise _refuse(path, "is a directory, not an index file")
    try:
        info = path.stat()
    except OSError as e:
        raise _refuse(path, f"cannot read index: {e.strerror or e}") from None
    if not stat.S_ISREG(info.st_mode):
        # a device or a pipe reads as empty, and a new index would replace it
        raise _refuse(path, "not a regular file, not an index file")
    size = info.st_size
    if size == 0 and not must_exist:
        return False
    if not is_sqlite_file(path):
        raise _refuse(path, "not a consistency index (not an SQLite database)")
    return True


_DAMAGE = (sqlite3.DatabaseError, ValueError, TypeError, KeyError, IndexError, struct.error)
"""What reading a damaged or tampered index raises (bad pages, rows of the wrong type or
shape: dates, roles, levels, JSON, packed offsets)."""


def damaged(path: str | Path, error: BaseException) -> IndexFileError:
    """The one error for an index that cannot be read or written as it stands."""
    if isinstance(error, sqlite3.OperationalError) and _is_full(error):
        return IndexFileError(f"cannot write index: {error}", path=str(path))
    if isinstance(error, sqlite3.OperationalError) and any(
        word in str(error) for word in ("locked", "busy", "readonly", "read-only", "unable to open")
    ):
        return IndexFileError(f"cannot use index: {error}", path=str(path))
    detail = _UNDECODABLE.sub(r"\1", str(error)) or type(error).__name__
    return IndexFileError(
        f"damaged consistency index ({detail}); rebuild it with "
        "'consistency index PATH... --db FILE --rebuild'",
        path=str(path),
    )


_UNDECODABLE = re.compile(r"(Could not decode to UTF-8 column '[^']*') with text '.*", re.DOTALL)
"""The message of :mod:`sqlite3` for a text column that is not UTF-8; the text it then quotes
(a whole briefing, lines and all) is left out of the error line."""


def _is_full(error: sqlite3.Error) -> bool:
    return "full" in str(error) or getattr(error, "sqlite_errorcode", 0) == 13


def _lock(fd: int, *, wait: bool) -> bool:
    """An exclusive ``flock`` on ``fd`` (not SQLite's POSIX locks); False if held elsewhere."""
    if fcntl is None:
        return not wait
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def _sweep(folder: Path, name: str) -> None:
    """Remove the temporary files of builds of ``name`` that were killed.

    A live build holds a lock on its file; a file nobody holds is a leftover.
    """
    try:
        leftovers = sorted(folder.glob(f".{glob.escape(name)}.*.tmp"))
    except OSError:
        return
    for tmp in leftovers:
        try:
            fd = os.open(tmp, os.O_RDONLY | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            if _lock(fd, wait=False):
                _drop(tmp)
        finally:
            os.close(fd)


def _drop(tmp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def _drop_sidecars(path: Path) -> None:
    """Remove a stale write-ahead log of a file about to be replaced or created.

    SQLite would otherwise replay it into the new file.
    """
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _new_file_mode() -> int:
    """0o666 less the umask: what a plain ``open()`` gives (mkstemp's 0o600 is private)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _header_application_id(path: Path) -> int | None:
    """The ``application_id`` in an SQLite file's header (bytes 68-71), read without SQLite.

    It stays readable when the pages after the header are damaged.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError:
        return None
    if len(head) < 72 or not head.startswith(_HEADER):
        return None
    return int.from_bytes(head[68:72], "big")


def _empty_database(path: Path) -> bool:
    """Whether ``path`` is an SQLite file with nothing in it (a first build that was killed
    before its commit, by an older version): safe to build over."""
    if _header_application_id(path) != 0:
        return False
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return bool(con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0)
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _check_ours(path: Path) -> None:
    """Refuse to rebuild over an SQLite file that is not a consistency index."""
    if _header_application_id(path) != APPLICATION_ID:
        raise _refuse(
            path,
            "not a consistency index (an SQLite database of another program); "
            "give a file made by 'consistency index PATH... --db FILE'",
        )
