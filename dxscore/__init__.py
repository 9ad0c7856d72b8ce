"""dxscore: scorecards for the digital-transformation targets of Vietnamese cities.

A library with a command line on top::

    import dxscore
    card = dxscore.score("actuals.csv")   # read, validate and score, as `dxscore check` does
    card.to_dict()                        # the document `dxscore check --format json` prints

The layers, in the order data flows through them: ``targets`` and ``actuals`` (load and
validate) → ``scoring`` (pure) → ``render``; :mod:`dxscore.api` runs them. The names below
are loaded when first used, so that ``import dxscore`` (and ``dxscore --version``) stays cheap.
"""

from __future__ import annotations

__version__ = "0.1.0"

# not typing's: importing typing (and re) would be most of what `import dxscore` costs
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from dxscore.api import (
        Card,
        Validation,
        compare,
        find_target_set,
        load_target_files,
        load_targets,
        score,
        template,
        validate,
    )
    from dxscore.errors import InputError, Problem

_EXPORTS = {
    "Card": "dxscore.api",
    "Validation": "dxscore.api",
    "compare": "dxscore.api",
    "find_target_set": "dxscore.api",
    "load_target_files": "dxscore.api",
    "load_targets": "dxscore.api",
    "score": "dxscore.api",
    "template": "dxscore.api",
    "validate": "dxscore.api",
    "InputError": "dxscore.errors",
    "Problem": "dxscore.errors",
}
__all__ = [
    "Card",
    "InputError",
    "Problem",
    "Validation",
    "__version__",
    "compare",
    "find_target_set",
    "load_target_files",
    "load_targets",
    "score",
    "template",
    "validate",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'dxscore' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
