"""Writing output files: atomically, and never over an input or an existing file by accident."""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from dxscore.errors import InputError, problem

BOM = "\ufeff".encode()
HEAD_BYTES = 8192  # enough for a report's title lines, or a CSV report's header


def write_atomic(
    path: Path,
    data: bytes,
    *,
    inputs: Iterable[Path] = (),
    overwrite: bool = True,
    replaceable: Callable[[bytes], bool] | None = None,
) -> bool:
    """Write ``data`` to ``path`` through a temporary file renamed into place; return
    whether a file was replaced.

    Refuses (``InputError``) to write over any of ``inputs``, over a folder, over an
    existing file when ``overwrite`` is false, or over one whose first bytes
    ``replaceable`` does not accept. A reader of ``path`` sees either the old file or
    the whole new one, never a part.
    """
    target = Path(os.path.realpath(path))  # not Path.resolve, which raises on a link to itself
    if any(target == Path(os.path.realpath(source)) for source in inputs):
        raise InputError([problem(str(path), "output-is-input")])
    if target.is_dir():
        raise InputError([problem(str(path), "output-is-folder")])
    if target.exists() and not target.is_file():
        raise InputError([problem(str(path), "output-not-a-file")])
    existed = target.exists()
    if existed and not overwrite:
        raise InputError([problem(str(path), "output-exists")])
    if existed and replaceable is not None and not replaceable(_head(target)):
        raise InputError([problem(str(path), "output-not-a-report")])
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise InputError([problem(str(path), "output-folder-is-file", folder=folder)])
    if not folder.is_dir():
        raise InputError([problem(str(path), "output-folder-missing", folder=folder)])
    # a report replaced keeps its permissions (one made private stays private)
    mode = stat.S_IMODE(target.stat().st_mode) if existed else _new_file_mode()
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
    return existed


def is_a_report(head: bytes) -> bool:
    """Whether a file starting with ``head`` is a report dxscore wrote (or is empty), and so
    may be replaced by a new one without ``--force``. Each format is known by what only its
    reports hold: a markdown report's "made with dxscore" line, an HTML report's generator tag,
    a JSON report's opening, a CSV report's header, a workbook's document properties. A file
    that merely mentions dxscore (a target file starts with ``dxscore: 1``) is not one."""
    from dxscore.render.csv_report import COLUMNS
    from dxscore.render.workbook import is_a_workbook_report

    text = head.removeprefix(BOM)
    return (
        not text.strip()
        or _JSON_REPORT.match(text.lstrip()) is not None
        or b'<meta name="generator" content="dxscore">' in text
        or any(mark in text for mark in _made_with())
        or text.startswith(",".join(COLUMNS).encode())
        or is_a_workbook_report(head)
    )


_JSON_REPORT = re.compile(rb'\{\s*"tool":\s*"dxscore"')  # a report, or a comparison (indented)


def _made_with() -> set[bytes]:
    """The words before the version on a markdown report's meta line, in every language
    ("· made with dxscore ", "· lập bằng dxscore ")."""
    from dxscore.i18n import CATALOGUE

    return {
        ("·" + text.split("{version}")[0].rsplit("·", 1)[1]).encode()
        for key in ("report.meta", "report.meta_no_data")
        for text in CATALOGUE[key].values()
    }


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(HEAD_BYTES)
    except OSError as error:
        raise InputError([problem(str(path), "output-unwritable", reason=error.strerror)]) from None


def _new_file_mode() -> int:
    """The mode ``open()`` would give a new file (mkstemp's is 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
