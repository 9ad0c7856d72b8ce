"""The ``dxscore`` command and ``python -m dxscore``.

``dxscore --version`` is answered here, before the command line is built: a version check in
a script should not pay for importing typer.
"""

import gc
import sys

# A run allocates objects by the million (observations, results, rows of output) that live until
# it ends and form no cycles; with the default thresholds the collector walks them hundreds of
# times for nothing, a fifth of a large run. It still runs, a hundredth as often.
GC_THRESHOLDS = (70_000, 10, 10)


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        from dxscore import __version__

        sys.stdout.write(f"dxscore {__version__}\n")
        return
    gc.set_threshold(*GC_THRESHOLDS)
    from dxscore.cli import main as run

    run()


if __name__ == "__main__":
    main()
