"""The console script: the app, with Ctrl-C, a closed pipe, a full disk and bugs ending cleanly."""

from __future__ import annotations

import errno
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from dxscore.cli.app import app
from dxscore.errors import ExitCode

if TYPE_CHECKING:
    from dxscore.i18n import Lang


def main() -> None:
    """The console script: the app, with Ctrl-C, a closed pipe and bugs ending cleanly."""
    import signal

    if hasattr(signal, "SIGPIPE"):  # `dxscore … | head` ends quietly, as Unix tools do (csvkit too)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    _utf8_streams()
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:  # `2>&-`: messages are not wanted, as with 2>/dev/null
        sys.stderr = Path(os.devnull).open("w", encoding="utf-8")  # noqa: SIM115  # until exit
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(ExitCode.OK)
    except OSError as error:  # writing the output failed: a full disk, a closed terminal
        output_failed(error)
    except Exception as error:  # a bug: one line, and the traceback only on request
        from dxscore.i18n import t

        if os.environ.get("DXSCORE_DEBUG"):
            raise
        detail = " ".join(str(error).split())
        bug = t("cli.internal_error", _argv_language())
        sys.stderr.write(f"dxscore: {bug}: {type(error).__name__}: {detail}\n")
        sys.exit(ExitCode.INTERNAL)


def output_failed(error: OSError) -> NoReturn:
    """Writing the output failed (a full disk, a closed standard output): say so, exit 2."""
    from dxscore.i18n import problem_text

    reason = problem_text(
        "output-failed", _argv_language(), {"reason": error.strerror or str(error)}
    )
    if sys.stdout is not None:
        _silence_stdout()  # what is left in its buffer cannot fail again at exit
    try:
        sys.stderr.write(f"dxscore: {reason}\n")
        sys.stderr.flush()
    except (AttributeError, OSError):  # standard error is closed or full too: the code says it
        sys.stderr = None  # nothing left to flush at exit
    sys.exit(ExitCode.INVALID)


class _ClosedOutput(io.TextIOBase):
    """Standard output when the run started with it closed (``>&-``): writing to it fails as
    writing to a full disk does, with a message and exit 2."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def _utf8_streams() -> None:
    """What goes to a file or a pipe is UTF-8, whatever the locale: a document (JSON, CSV,
    markdown, HTML) says it is, and Vietnamese needs it (Windows writes a redirected stream in
    its code page, where 'ộ' does not exist). A terminal keeps its encoding, and a character it
    cannot show becomes '?' instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper) or stream.encoding.lower() in ("utf-8", "utf8"):
            continue
        if stream.isatty():
            stream.reconfigure(errors="replace")
        else:
            stream.reconfigure(encoding="utf-8")


def _argv_language() -> Lang:
    """The language of a message written after typer is done: --lang if given, else LANG."""
    args = sys.argv[1:]
    for index, arg in enumerate(args):
        chosen = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            chosen = args[index + 1]
        if chosen in ("en", "vi"):
            return "vi" if chosen == "vi" else "en"
    from dxscore.cli.options import language

    return language(None)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the final flush cannot fail."""
    try:
        out = sys.stdout.fileno()
    except (OSError, ValueError):  # a stream without a file behind it has nothing to flush
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, out)
