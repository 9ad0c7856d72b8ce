"""Shared fixtures: a CLI runner and small target files written on the fly."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dxscore.cli import app

ROOT = Path(__file__).resolve().parent.parent

# A minimal valid target file; tests replace parts of it to break one rule at a time.
MINIMAL = """\
dxscore: 1
id: testcity
name: {vi: Thành phố Thử, en: Test City}
resolution:
  title: {vi: Nghị quyết thử, en: Test resolution}
pillars:
  government:
    - id: records_online_commune
      name: {vi: Hồ sơ cấp xã, en: Commune records online}
      unit: percent
      targets:
        2025: {min: 60}
        2030: {min: 80}
      quote: "60% hồ sơ công việc tại cấp xã"
  economy:
    - id: digital_economy_share  # not a shared id: tests change its unit
      name: {vi: Kinh tế số, en: Digital economy share}
      unit: percent
      targets:
        2025: {about: 30}
      quote: "khoảng 30%"
  society:
    - id: smartphone_universal
      name: {vi: Phổ cập điện thoại thông minh, en: Universal smartphones}
      unit: milestone
      targets:
        2025: {done: true}
      quote: "Phổ cập điện thoại di động thông minh"
"""


# Every test runs on a fixed day, 30 June 2026 (SOURCE_DATE_EPOCH, read by dxscore.clock): the
# template's default year (2025, the last full calendar year), the future years that values may
# not be dated in (2027 on) and the dates reports print never depend on the real date.
FIXED_NOW = "1782820800"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_NOW)


class Cli:
    """Runs dxscore in-process, the way a user would, and keeps stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str | Path, env: dict[str, str] | None = None) -> Result:
        result = self.runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"Result(code={self.code}, out={self.out[:2000]!r}, err={self.err[:2000]!r})"


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write text (dedented) or bytes to a file under tmp_path and return its path."""

    def _write(content: str | bytes, name: str = "set.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        return path

    return _write
