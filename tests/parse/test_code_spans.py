"""Code spans in the Markdown view: CommonMark's backtick strings, found where they are."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.parse.document import FileSettings, parse_document
from seolint.parse.markdown import markdown_view


def reference_spans(text: str) -> list[tuple[int, int]]:
    """CommonMark: a run of n backticks opens a span that the next run of exactly n closes
    (a run is not preceded nor followed by a backtick); an unclosed run is text, and the
    search goes on after its first backtick."""
    spans = []
    position = 0
    while True:
        start = text.find("`", position)
        if start == -1:
            return spans
        end = start
        while end < len(text) and text[end] == "`":
            end += 1
        run = end - start
        closer = end
        found = -1
        while True:
            closer = text.find("`", closer + 1 if closer > end else closer)
            if closer == -1:
                break
            stop = closer
            while stop < len(text) and text[stop] == "`":
                stop += 1
            if stop - closer == run and closer > end:
                found = stop
                break
            closer = stop
        if found == -1:
            position = end  # this run opens nothing
        else:
            spans.append((start, found))
            position = found


def view_spans(body: str) -> list[tuple[int, int]]:
    doc = parse_document("a.md", body.encode(), FileSettings(lang="fr"))
    return markdown_view(doc).code_spans


def test_examples() -> None:
    assert view_spans("Un `code` ici.\n") == [(3, 9)]
    assert view_spans("Deux ``a ` b`` et `c`.\n") == [(5, 14), (18, 21)]
    assert view_spans("Ouvert ` jamais fermé, puis ``x``.\n") == [(28, 33)]
    assert view_spans("Pas de code.\n") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="`a ", min_size=1, max_size=30))
def test_spans_follow_commonmark(line: str) -> None:
    text = "x" + line + "x\n"  # one paragraph: no list, fence or indented code
    assert view_spans(text) == reference_spans(text)
