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


def _concise(result: RunResult, out: TextIO, context: ReportContext) -> None:
    from seolint.report.concise import render_concise

    render_concise(result, out, quiet=context.quiet)


def _github(result: RunResult, out: TextIO, context: ReportContext) -> None:
    from seolint.report.github import render_github

    render_github(result, out)


def _sarif(result: RunResult, out: TextIO, context: ReportContext) -> None:
    from seolint.report.sarif import render_sarif

    render_sarif(result, out, context.registry)


def _junit(result: RunResult, out: TextIO, context: ReportContext) -> None:
    from seolint.report.junit import render_junit

    render_junit(result, out)


def _gitlab(result: RunResult, out: TextIO, context: ReportContext) -> None:
    from seolint.report.gitlab import render_gitlab

    render_gitlab(result, out)


REPORTERS: dict[str, Reporter] = {
    "text": _text,
    "concise": _concise,
    "json": _json,
    "jsonl": _jsonl,
    "github": _github,
    "sarif": _sarif,
    "junit": _junit,
    "gitlab": _gitlab,
}

# Formats whose fingerprints hash each finding's flagged text (filter/baseline.fingerprint):
# for the others, worker processes need not send it back.
NEEDS_SNIPPETS = frozenset({"sarif", "gitlab"})
