"""Writing output files: atomically, and never over an input or an existing file by accident."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from dxscore.errors import InputError, problem


def write_atomic(
    path: Path, data: bytes, *, inputs: Iterable[Path] = (), overwrite: bool = True
) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    Refuses (``InputError``) to write over any of ``inputs``, over a folder, or
    over an existing file when ``overwrite`` is false. A reader of ``path`` sees
    either the old file or the whole new one, never a part.
    """
    target = Path(os.path.realpath(path))  # not Path.resolve, which raises on a link to itself
    if any(target == Path(os.path.realpath(source)) for source in inputs):
        raise InputError([problem(str(path), "output-is-input")])
    if target.is_dir():
        raise InputError([problem(str(path), "output-is-folder")])
    if target.exists() and not target.is_file():
        raise InputError([problem(str(path), "output-not-a-file")])
    if not overwrite and target.exists():
        raise InputError([problem(str(path), "output-exists")])
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise InputError([problem(str(path), "output-folder-is-file", folder=folder)])
    if not folder.is_dir():
        raise InputError([problem(str(path), "output-folder-missing", folder=folder)])
    # a report replaced keeps its permissions (one made private stays private)
    mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _new_file_mode()
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError([problem(str(path), "output-unwritable", reason=error.strerror)]) from None
    try:
        os.fchmod(handle, mode)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file (mkstemp's is 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
