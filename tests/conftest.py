"""Shared test helpers: lint a text in memory or a folder through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from seolint.config import Config
from seolint.discover import SourceFile
from seolint.engine import FileResult, Linter, RunOptions
from seolint.findings import Finding
from seolint.registry import build_registry


@pytest.fixture(scope="session")
def registry() -> Any:
    return build_registry()


def lint_text(
    text: str | bytes,
    select: Sequence[str] = ("ALL",),
    path: str = "article.md",
    tmp_path: Path | None = None,
    run_options: RunOptions | None = None,
    **config: Any,
) -> list[Finding]:
    """Lint one in-memory article with the given selection and configuration values."""
    return lint_result(text, select, path, tmp_path, run_options, **config).findings


def lint_result(
    text: str | bytes,
    select: Sequence[str] = ("ALL",),
    path: str = "article.md",
    tmp_path: Path | None = None,
    run_options: RunOptions | None = None,
    **config: Any,
) -> FileResult:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    settings = replace(Config(), select=tuple(select), **config)
    linter = Linter(settings, build_registry(), run_options or RunOptions())
    source = SourceFile(path, (tmp_path or Path(".")) / path)
    return linter.lint_bytes(source, raw, FileResult(path))


def codes(findings: Sequence[Finding]) -> list[str]:
    return [f.rule for f in findings]


def where(findings: Sequence[Finding], rule: str) -> list[tuple[int, int]]:
    """(line, column) of every finding of one rule."""
    return [(f.line, f.column) for f in findings if f.rule == rule]


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed command in a subprocess, as a user would."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "seolint", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
        check=False,
    )


def run_json(*args: str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    result = run_cli("check", "--format", "json", *args, cwd=cwd)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)
