"""The text report's code frames: the flagged line, and carets under exactly the flagged text."""

from __future__ import annotations

import io

from seolint.engine import RunResult
from seolint.findings import Finding, Severity
from seolint.report.text import render_text


def finding(line_text: str, span: tuple[int, int, int, int]) -> Finding:
    line, column, end_line, end_column = span
    return Finding(
        "a.md",
        line,
        column,
        "FR102",
        end_line,
        end_column,
        "nbsp-before-colon",
        Severity.WARNING,
        "message",
        line_text=line_text,
    )


def frame(found: Finding) -> list[str]:
    """The lines printed under the finding's own line, in a report sent to a file."""
    out = io.StringIO()
    render_text(RunResult([found], files=1, errors=[], warnings=[]), out, color=False)
    lines = out.getvalue().splitlines()
    head = next(i for i, text in enumerate(lines) if "FR102" in text)
    return [text for text in lines[head + 1 :] if "│" in text]


def shown_under_carets(lines: list[str]) -> str:
    """The text the carets of a frame point at."""
    text = lines[0].split(" │ ", 1)[1]
    marker = lines[1].split(" │ ", 1)[1]
    start = len(marker) - len(marker.lstrip(" "))
    return text[start : len(marker)]


def test_the_carets_sit_under_the_flagged_text() -> None:
    lines = frame(finding("title: Rust : HashMap", (2, 12, 2, 14)))
    assert lines == ["    2 │ title: Rust : HashMap", "      │            ^^"]
    assert shown_under_carets(lines) == " :"


def test_a_span_running_onto_the_next_lines_is_marked_to_the_end_of_its_first_line() -> None:
    lines = frame(finding("début de paragraphe", (7, 7, 9, 3)))
    assert shown_under_carets(lines) == "de paragraphe"


def test_an_empty_span_still_gets_one_caret() -> None:
    lines = frame(finding("Bonjour", (1, 8, 1, 8)))
    assert lines[1] == "      │        ^"


def test_a_long_line_is_cut_around_the_flagged_text() -> None:
    long_line = "x" * 300 + " cible " + "y" * 300
    lines = frame(finding(long_line, (4, 302, 4, 307)))
    shown = lines[0].split(" │ ", 1)[1]
    assert len(shown) == 160 and shown.startswith("x" * 19 + " cible")  # 20 characters before it
    assert shown_under_carets(lines) == "cible"


def test_the_end_of_a_long_line_stays_in_view() -> None:
    long_line = "a" * 400 + " fin"
    lines = frame(finding(long_line, (1, 402, 1, 405)))
    shown = lines[0].split(" │ ", 1)[1]
    assert shown == long_line[-160:]
    assert shown_under_carets(lines) == "fin"


def test_a_blank_line_gets_no_frame() -> None:
    assert frame(finding("   \t ", (3, 1, 3, 2))) == []
    assert frame(finding("", (1, 1, 1, 1))) == []


def test_a_tab_is_printed_as_one_space_so_the_carets_stay_aligned() -> None:
    lines = frame(finding("\tcode : valeur", (5, 6, 5, 8)))
    assert lines[0] == "    5 │  code : valeur"
    assert shown_under_carets(lines) == " :"
