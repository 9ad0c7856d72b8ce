"""``python -m dxscore``."""

from dxscore.cli import main

main()
