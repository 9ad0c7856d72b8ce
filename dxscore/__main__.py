"""The ``dxscore`` command and ``python -m dxscore``.

``dxscore --version`` is answered here, before the command line is built: a version check in
a script should not pay for importing typer.
"""

import errno
import gc
import os
import sys

# A run allocates objects by the million (observations, results, rows of output) that live until
# it ends and form no cycles: the cyclic collector would walk each of them at least twice for
# nothing, whatever its thresholds (a sixth of a large run, measured). A run is short-lived, and
# what little it leaves in cycles goes when it ends; reference counting frees everything else
# as before (the peak memory of bench/run.py is the same with the collector on or off).


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        print_version()
        return
    gc.disable()
    from dxscore.cli import main as run

    try:
        run()
    finally:
        # The run is over. The interpreter's last collection would walk every object still
        # alive (the target models, the stack's modules) only to see them go with the process:
        # frozen, they are left to reference counting and to the end of the process (a fifth
        # of `dxscore check` on a small file, measured). Files are closed, and the standard
        # streams flushed, as ever.
        gc.freeze()


def print_version() -> None:
    """The version on standard output; a closed pipe ends the run as it ends the commands', and
    a full disk or a closed standard output is a message and exit 2, never a traceback."""
    import signal

    from dxscore import __version__

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        if sys.stdout is None:  # started with standard output closed (`>&-`)
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        sys.stdout.write(f"dxscore {__version__}\n")
        sys.stdout.flush()
    except OSError as error:
        from dxscore.cli import output_failed

        output_failed(error)


if __name__ == "__main__":
    main()
