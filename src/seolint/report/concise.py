"""``--format concise``: one line per finding, ``path:line:col: CODE message``, the shape
editors and ``grep`` understand (Vim's errorformat ``%f:%l:%c: %m``), then one summary line."""

from __future__ import annotations

from typing import TextIO

from seolint.engine import RunResult
from seolint.findings import Severity


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(result: RunResult) -> str:
    """``3 files checked: 1 error, 2 warnings, 0 infos (4 silenced by the baseline)``."""
    counts = ", ".join(
        _plural(result.count(severity), word)
        for severity, word in (
            (Severity.ERROR, "error"),
            (Severity.WARNING, "warning"),
            (Severity.INFO, "info"),
        )
    )
    text = f"{_plural(result.files, 'file')} checked: "
    text += counts if result.findings else "no problems found"
    extras = []
    if result.fixed:
        extras.append(f"{_plural(result.fixed, 'fix')} applied")
    if result.silenced:
        extras.append(f"{result.silenced} silenced by the baseline")
    if result.errors:
        extras.append(_plural(len(result.errors), "run error"))
    return text + (f" ({'; '.join(extras)})" if extras else "")


def render_concise(result: RunResult, out: TextIO, quiet: bool = False) -> None:
    if not quiet:
        for finding in result.findings:
            message = " ".join(finding.message.split())  # one finding, one line
            out.write(f"{finding.path}:{finding.line}:{finding.column}: {finding.rule} {message}\n")
    for message in result.errors:
        out.write(f"error: {message}\n")
    for message in result.warnings:
        out.write(f"warning: {message}\n")
    out.write(summary_line(result) + "\n")
