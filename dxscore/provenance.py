"""What a report was made from: when, by which dxscore, from which files (with their SHA-256).

Built once, where the files are known, and handed to the renderers, which never read files.
``made`` comes from :func:`dxscore.clock.now`, so that ``SOURCE_DATE_EPOCH`` makes a report
reproducible byte for byte.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dxscore import clock

STDIN = "-"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class InputFile:
    """An input as the command line named it, and the SHA-256 of its bytes (None when they
    cannot be read again: standard input). A target file bundled with dxscore (``bundled``)
    is named by its file name alone: where dxscore is installed is no part of a report."""

    path: str
    sha256: str | None
    bundled: bool = False


@dataclass(frozen=True, slots=True)
class Provenance:
    made: datetime.datetime
    version: str
    actuals: tuple[InputFile, ...]
    targets: tuple[InputFile, ...]


def provenance(
    actuals: Iterable[str | Path],
    targets: Iterable[str | Path],
    version: str,
    *,
    made: datetime.datetime | None = None,
    bundled: Iterable[str | Path] = (),
) -> Provenance:
    """The provenance of a report made now from these files (each listed once, in order);
    ``bundled``: those of the target files that are dxscore's own."""
    own = {str(path) for path in bundled}
    return Provenance(
        made=clock.now() if made is None else made,
        version=version,
        actuals=tuple(_input(path) for path in _once(actuals)),
        targets=tuple(_input(path, bundled=path in own) for path in _once(targets)),
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _input(path: str, *, bundled: bool = False) -> InputFile:
    if path == STDIN:
        return InputFile(path, None)
    shown = Path(path).name if bundled else path
    try:
        return InputFile(shown, sha256_of(Path(path)), bundled)
    except OSError:  # read a moment ago; gone or unreadable now: said, not guessed
        return InputFile(shown, None, bundled)


def _once(paths: Iterable[str | Path]) -> list[str]:
    return list(dict.fromkeys(str(path) for path in paths))
