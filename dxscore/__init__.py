"""dxscore: scorecards for the digital-transformation targets of Vietnamese cities.

The layers, in the order data flows through them:
``targets`` (load and validate target files) → ``scoring`` (pure) → ``render``.
This module stays import-free so that ``dxscore --version`` answers at once.
"""

__version__ = "0.1.0"
