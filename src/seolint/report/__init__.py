"""One formatter per output format; nothing else prints findings.

A reporter is ``render(result, out, context)``; ``REPORTERS`` maps ``--format`` names to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from seolint.engine import RunResult
from seolint.registry import Registry


@dataclass(frozen=True)
class ReportContext:
    registry: Registry
    color: bool | None = None  # None: colour only when writing to a terminal
    quiet: bool = False


Reporter = Callable[[RunResult, TextIO, ReportContext], None]


def _text(result: RunResult, out: TextIO, context: ReportContext) -> None:
    from seolint.report.text import render_text

    render_text(result, out, color=context.color, quiet=context.quiet)


def _json(result: RunResult, out: TextIO, context: ReportContext) -> None:
    from seolint.report.json_report import render_json

    render_json(result, out)


def _jsonl(result: RunResult, out: TextIO, context: ReportContext) -> None:
    from seolint.report.json_report import render_jsonl

    render_jsonl(result, out)


REPORTERS: dict[str, Reporter] = {
    "text": _text,
    "json": _json,
    "jsonl": _jsonl,
}
