"""The default report for people: findings grouped by file, each with a code frame of the
flagged line and the span underlined, then one summary line. Colour only on a terminal;
``NO_COLOR`` is honoured (rich reads it)."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from rich.console import Console
from rich.text import Text

from seolint.engine import RunResult
from seolint.findings import Finding, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_MAX_FRAME = 160  # characters of a long line shown around the span


def make_console(out: TextIO, color: bool | None = None) -> Console:
    return Console(
        file=out,
        force_terminal=color,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


def _frame(finding: Finding) -> Text | None:
    line = finding.line_text
    if not line.strip():
        return None
    start = finding.column - 1
    stop = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    stop = max(stop, start + 1)
    shown_from = 0
    if len(line) > _MAX_FRAME:  # keep the span in view on very long lines
        shown_from = max(0, min(start - 20, len(line) - _MAX_FRAME))
        line = line[shown_from : shown_from + _MAX_FRAME]
    gutter = f"{finding.line:>5} │ "
    text = Text(gutter, style="dim")
    text.append(line.replace("\t", " "))
    pad = " " * (len(gutter) - 2) + "│ "
    marker_start = max(0, start - shown_from)
    marker_len = max(1, min(stop - start, len(line) - marker_start))
    text.append("\n" + pad, style="dim")
    text.append(" " * marker_start + "^" * marker_len, style=_STYLE[finding.severity])
    return text


def render_text(result: RunResult, out: TextIO, color: bool | None = None,
                show_frames: bool = True, quiet: bool = False) -> None:
    console = make_console(out, color)
    if not quiet:
        for path, group in groupby(result.findings, key=lambda f: f.path):
            console.print(Text(path, style="bold underline"))
            for finding in group:
                head = Text(f"  {finding.line}:{finding.column}  ")
                head.append(f"{finding.severity.label:<7}", style=_STYLE[finding.severity])
                head.append(f" {finding.rule} ", style="bold")
                head.append(f"{finding.name}", style="dim")
                head.append(f"  {finding.message}")
                if finding.fixable:
                    head.append("  [fixable]" if finding.fix and finding.fix.safe
                                else "  [unsafe fix]", style="green")
                console.print(head)
                frame = _frame(finding) if show_frames else None
                if frame is not None:
                    console.print(frame)
            console.print()
    for message in result.errors:
        console.print(Text("error: ", style="bold red") + Text(message))
    for message in result.warnings:
        console.print(Text("warning: ", style="yellow") + Text(message))
    console.print(_summary(result))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(result: RunResult) -> Text:
    errors, warnings, infos = (result.count(s) for s in
                               (Severity.ERROR, Severity.WARNING, Severity.INFO))
    text = Text(f"{_plural(result.files, 'file')} checked: ")
    if not result.findings:
        text.append("no problems found", style="bold green")
    else:
        text.append(_plural(errors, "error"), style=_STYLE[Severity.ERROR] if errors else "")
        text.append(", ")
        text.append(_plural(warnings, "warning"),
                    style=_STYLE[Severity.WARNING] if warnings else "")
        text.append(", ")
        text.append(_plural(infos, "info"))
    extras: list[str] = []
    if result.fixed:
        extras.append(f"{_plural(result.fixed, 'fix')} applied")
    if result.fixable:
        extras.append(f"{result.fixable} fixable with --fix (or --unsafe-fixes)")
    if result.silenced:
        extras.append(f"{result.silenced} silenced by the baseline")
    if result.errors:
        extras.append(f"{_plural(len(result.errors), 'run error')}")
    if extras:
        text.append(" (" + "; ".join(extras) + ")")
    return text

