"""The ``dxscore`` command and ``python -m dxscore``.

``dxscore --version`` is answered here, before the command line is built: a version check in
a script should not pay for importing typer.
"""

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from dxscore import __version__

        sys.stdout.write(f"dxscore {__version__}\n")
        return
    from dxscore.cli import main as run

    run()


if __name__ == "__main__":
    main()
