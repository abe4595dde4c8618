"""The default report for people: findings grouped by file, each with a code frame of the
flagged line and the span underlined, then one summary line. Colour only on a terminal;
``NO_COLOR`` is honoured (rich reads it).

The report is built once as lines of ``(text, style)`` segments. On a terminal rich draws
them in colour; otherwise (a file, a pipe, CI) they are written as plain text directly —
byte for byte what rich would print, without importing rich (about 70 ms) or paying rich's
cost per line (seconds for a site with tens of thousands of findings).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from itertools import groupby, islice
from operator import attrgetter
from typing import TYPE_CHECKING, TextIO

from seolint.engine import RunResult
from seolint.findings import Finding, Severity

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_PATH = attrgetter("path")  # findings are grouped by file
_MAX_FRAME = 160  # characters of a long line shown around the span
# Characters rich rewrites (tabs expanded by cell width, some control codes stripped): a line
# holding one is handed to rich even in plain mode, so the two paths never differ.
_RICH_ONLY_CHARS = "\t\x07\x08\x0b\x0c\r"
_RICH_ONLY = re.compile(f"[{_RICH_ONLY_CHARS}]")

Segments = list[tuple[str, str]]  # one printed block: (text, style) pieces
Block = tuple[str, Segments]
_CHUNK = (
    4096  # lines joined per write of a plain report  # the style of the whole block, its pieces
)


def make_console(out: TextIO, color: bool | None = None) -> Console:
    from rich.console import Console

    return Console(
        file=out,
        force_terminal=color,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


def _is_terminal(out: TextIO, color: bool | None) -> bool:
    """Mirror of rich's ``Console.is_terminal`` for a console built by :func:`make_console`."""
    if color is not None:
        return color
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = os.environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def _frame_window(finding: Finding) -> tuple[str, int, int] | None:
    """The part of the finding's line a code frame shows, and where its marker starts and how
    long it is; None without a line to show. (Once per finding of a report: no builtin
    calls where a comparison does.)"""
    line = finding.line_text
    if not line or line.isspace():  # isspace: no copy of a long line, as strip makes
        return None
    start = finding.column - 1
    stop = finding.end_column - 1 if finding.end_line == finding.line else len(line)
    width = stop - start if stop > start else 1
    marker_start = start
    if len(line) > _MAX_FRAME:  # keep the span in view on very long lines
        shown_from = max(0, min(start - 20, len(line) - _MAX_FRAME))
        line = line[shown_from : shown_from + _MAX_FRAME]
        marker_start -= shown_from
    if marker_start < 0:
        marker_start = 0
    marker_len = min(width, len(line) - marker_start)
    return line, marker_start, marker_len if marker_len > 0 else 1


def _frame(finding: Finding) -> Segments | None:
    window = _frame_window(finding)
    if window is None:
        return None
    line, marker_start, marker_len = window
    gutter = f"{finding.line:>5} │ "
    pad = " " * (len(gutter) - 2) + "│ "
    return [
        (gutter, ""),
        (line.replace("\t", " "), ""),
        ("\n" + pad, ""),
        (" " * marker_start + "^" * marker_len, _STYLE[finding.severity]),
    ]


def _head(finding: Finding) -> Segments:
    head: Segments = [
        (f"  {finding.line}:{finding.column}  ", ""),
        (f"{finding.severity.label:<7}", _STYLE[finding.severity]),
        (f" {finding.rule} ", "bold"),
        (finding.name, "dim"),
        (f"  {finding.message}", ""),
    ]
    if finding.fixable:
        head.append(
            ("  [fixable]" if finding.fix and finding.fix.safe else "  [unsafe fix]", "green")
        )
    return head


def _blocks(result: RunResult, show_frames: bool, quiet: bool) -> Iterator[Block]:
    """Everything the report prints, one block per printed line (or frame)."""
    if not quiet:
        for path, group in groupby(result.findings, key=_PATH):
            yield "", [(path, "bold underline")]
            for finding in group:
                yield "", _head(finding)
                frame = _frame(finding) if show_frames else None
                if frame is not None:
                    yield "dim", frame
            yield "", []
    for message in result.errors:
        yield "bold red", [("error: ", ""), (message, "")]
    for message in result.warnings:
        yield "yellow", [("warning: ", ""), (message, "")]
    yield "", _summary(result)


def _rich_text(block: Block) -> Text:
    from rich.text import Text

    base, pieces = block
    text = Text(style=base)
    for piece, style in pieces:
        text.append(piece, style=style or None)
    return text


def _render_rich(
    result: RunResult, out: TextIO, color: bool | None, show_frames: bool, quiet: bool
) -> None:
    console = make_console(out, color)
    for block in _blocks(result, show_frames, quiet):
        console.print(_rich_text(block))


_LABELS = {severity: f"{severity.label:<7}" for severity in Severity}


def _plain_frame(finding: Finding) -> str | None:
    """:func:`_frame` as plain text (the hot path of a report to a file: one per finding)."""
    window = _frame_window(finding)
    if window is None:
        return None
    line, marker_start, marker_len = window
    return (
        f"{finding.line:>5} │ {line.replace(chr(9), ' ')}\n      │ "
        f"{' ' * marker_start}{'^' * marker_len}"
    )


def _plain_lines(result: RunResult, show_frames: bool, quiet: bool) -> Iterator[str]:
    """The lines of :func:`_blocks` without their styles."""
    if not quiet:
        labels = _LABELS
        for path, group in groupby(result.findings, key=_PATH):
            yield path
            for f in group:
                fix = "" if f.fix is None else "  [fixable]" if f.fix.safe else "  [unsafe fix]"
                yield (
                    f"  {f.line}:{f.column}  {labels[f.severity]} {f.rule} {f.name}  "
                    f"{f.message}{fix}"
                )
                if show_frames:
                    frame = _plain_frame(f)
                    if frame is not None:
                        yield frame
            yield ""
    for message in result.errors:
        yield f"error: {message}"
    for message in result.warnings:
        yield f"warning: {message}"
    yield "".join(piece for piece, _ in _summary(result))


def render_text(
    result: RunResult,
    out: TextIO,
    color: bool | None = None,
    show_frames: bool = True,
    quiet: bool = False,
) -> None:
    if _is_terminal(out, color):
        _render_rich(result, out, color, show_frames, quiet)
        return
    # Written a few thousand lines at a time: a site's report can be tens of megabytes.
    lines = _plain_lines(result, show_frames, quiet)
    while chunk := list(islice(lines, _CHUNK)):
        text = "\n".join(chunk) + "\n"
        if not any(char in text for char in _RICH_ONLY_CHARS):  # str.find beats a regex
            out.write(text)
            continue
        # Rare (a tab or control character in a message or a path): rich prints the lines
        # that hold one, so that the output stays what rich alone would print.
        console = make_console(out, color)
        for line in chunk:
            if _RICH_ONLY.search(line) is None:
                out.write(line + "\n")
            else:
                console.print(line, markup=False)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _summary(result: RunResult) -> Segments:
    errors, warnings, infos = (
        result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    text: Segments = [(f"{_plural(result.files, 'file')} checked: ", "")]
    if not result.findings:
        text.append(("no problems found", "bold green"))
    else:
        text.append((_plural(errors, "error"), _STYLE[Severity.ERROR] if errors else ""))
        text.append((", ", ""))
        text.append((_plural(warnings, "warning"), _STYLE[Severity.WARNING] if warnings else ""))
        text.append((", ", ""))
        text.append((_plural(infos, "info"), ""))
    extras: list[str] = []
    if result.fixed:
        extras.append(f"{result.fixed} fix{'' if result.fixed == 1 else 'es'} applied")
    safe = sum(1 for f in result.findings if f.fix is not None and f.fix.safe)
    if safe:
        extras.append(f"{safe} {'more ' if result.fixed else ''}fixable with --fix")
    if result.fixable > safe:
        extras.append(f"{result.fixable - safe} fixable with --unsafe-fixes")
    if result.silenced:
        extras.append(f"{result.silenced} silenced by the baseline")
    if result.errors:
        extras.append(f"{_plural(len(result.errors), 'run error')}")
    if extras:
        text.append((" (" + "; ".join(extras) + ")", ""))
    return text
