"""Property-based tests over random Markdown with front-matter (issue 7, "How to test").

- Parsing never raises (bytes that are not UTF-8 text raise only ``UnreadableFile``).
- Every finding of every rule points inside the file, and no rule raises.
- Offsets and (line, column) positions are inverse of each other.
- Fixing is idempotent: fixing a fixed article changes nothing.

The articles are built from the pieces real articles are made of (front-matter in the three
formats, headings, lists, fences, links, French punctuation, no-break spaces, emoji, CRLF…)
plus random characters, so the search reaches the corners the rules care about.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seolint.config import Config
from seolint.discover import SourceFile
from seolint.engine import FileResult, Linter, RunOptions
from seolint.parse.document import Document, FileSettings, UnreadableFile, parse_document
from seolint.registry import build_registry

_SETTINGS = FileSettings()
# A fixed, quick search in the suite; SEOLINT_PROPERTY_EXAMPLES=5000 explores at random.
EXAMPLES = int(os.environ.get("SEOLINT_PROPERTY_EXAMPLES", "0")) or None
SETTINGS = settings(
    max_examples=EXAMPLES or 200,
    deadline=None,
    derandomize=EXAMPLES is None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

KEYS = [
    "title",
    "seoTitle",
    "description",
    "seoDescription",
    "slug",
    "date",
    "datePublished",
    "canonical",
    "canonicalURL",
    "tags",
    "lang",
    "draft",
    "cuid",
    "image",
    "seolint",
    "Title",
    "seoDescripton",
    "ms.date",
    "key with spaces",
]
WORDS = [
    "le",
    "la",
    "article",
    "Décembre",
    "2ème",
    "Mr",
    "Dupont",
    "5%",
    "3.8",
    "millions",
    "20000",
    "euros",
    "here",
    "ici",
    "lorem",
    "TL;DR",
    "En bref",
    "https://exemple.fr/a",
    "e-mail@x.fr",
    "13:57",
    "l'été",
    "l’été",
    "🎉",
    "👨‍👩‍👧",
    "\u202e",
    "\u200b",
    "«",
    "»",
    '"',
    "'",
    "...",
    "…",
    ";",
    ":",
    "!",
    "?",
    "\u00a0",
    "\u202f",
    "&nbsp;",
    "`code`",
    "**gras**",
    "_it_",
    "<br>",
    "<!-- x -->",
    "\\",
    "|",
    "{",
    "}",
    "%[https://x.fr]",
]
LINE_STARTS = [
    "",
    "# ",
    "## ",
    "### ",
    "#### ",
    "- ",
    "* ",
    "1. ",
    "> ",
    "    ",
    "| ",
    "```",
    "~~~",
    "---",
    "***",
    "<!-- seolint-disable FR101 -->",
    "<!-- seolint-disable-next-line -->",
    "<!-- seolint-enable -->",
    "![alt](i.png) ",
    "[ici](https://exemple.fr) ",
    "[](x.md) ",
    "<div>",
    "\t",
    "======",
]
NEWLINES = ["\n", "\n", "\n", "\r\n", "\r"]

scalars = st.one_of(
    st.lists(st.sampled_from([*WORDS, " ", "é", "x", "1", "-", "#", "&", "*"]), max_size=12).map(
        "".join
    ),
    st.sampled_from(
        [
            "2024-01-31",
            "2024-02-30",
            "Wed Dec 10 2025 13:57:52 GMT+0000",
            "02/20/2019",
            "true",
            "null",
            "~",
            "3.5",
            "",
            "a-b-c",
            "https://x.fr/p",
        ]
    ),
    st.integers(min_value=-10, max_value=10**12),
    st.booleans(),
    st.none(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    fields = draw(st.dictionaries(st.sampled_from(KEYS), values, max_size=8))
    style = draw(st.sampled_from(["yaml", "yaml", "toml", "json", "raw", "none"]))
    if style == "json":
        return json.dumps(fields, ensure_ascii=draw(st.booleans()), default=str) + "\n"
    if style == "toml":
        lines = [
            f"{k.replace(' ', '_').replace('.', '_')} = {json.dumps(v, default=str)}"
            for k, v in fields.items()
            if isinstance(v, (str, int, bool))
        ]
        return "+++\n" + "\n".join(lines) + "\n+++\n"
    if style == "raw":  # hand-written YAML, often broken
        body = draw(st.lists(st.tuples(st.sampled_from(KEYS), st.sampled_from(WORDS)), max_size=5))
        closing = draw(st.sampled_from(["---\n", "...\n", "", "--- \n"]))
        return "---\n" + "".join(f"{k}: {v}\n" for k, v in body) + closing
    if style == "none":
        return ""
    lines = []
    for key, value in fields.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False, default=str)}")
    return "---\n" + "\n".join(lines) + "\n---\n"


@st.composite
def articles(draw: st.DrawFn) -> bytes:
    parts = [draw(front_matter())]
    newline = draw(st.sampled_from(NEWLINES))
    for _ in range(draw(st.integers(0, 14))):
        start = draw(st.sampled_from(LINE_STARTS))
        words = draw(st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=12))
        glue = draw(st.sampled_from([" ", "", "\u00a0"]))
        parts.append(start + glue.join(words) + draw(st.sampled_from(NEWLINES + [newline] * 3)))
    text = "".join(parts)
    raw = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and draw(st.booleans()):
        raw = b"\xef\xbb\xbf" + raw
    return raw


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(
        replace(Config(), select=("ALL",), site_url="https://exemple.fr"),
        build_registry(),
        RunOptions(),
    )


@pytest.fixture(scope="module")
def fixer() -> Linter:
    return Linter(
        replace(Config(), select=("ALL",), site_url="https://exemple.fr"),
        build_registry(),
        RunOptions(fix=True, unsafe_fixes=True, write=False),
    )


def _lint(linter: Linter, raw: bytes) -> FileResult:
    source = SourceFile("article.md", Path("article.md"))
    return linter.lint_bytes(source, raw, FileResult("article.md"))


def _lines(raw: bytes) -> list[str]:
    text = raw.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@SETTINGS
@given(st.binary(max_size=300) | articles())
def test_parsing_never_raises(raw: bytes) -> None:
    try:
        doc = parse_document("a.md", raw, _SETTINGS)
    except UnreadableFile as exc:
        assert exc.line >= 1 and exc.column >= 1
        return
    assert isinstance(doc, Document)
    assert 0 <= doc.body_start <= len(doc.text)
    fm = doc.front_matter
    if fm is not None:
        assert 0 <= fm.start <= fm.end <= len(doc.text)
        for span in fm.fields.values():
            assert 0 <= span.key_start <= span.key_end <= len(doc.text)
            assert 0 <= span.value_start <= span.value_end <= len(doc.text)
        for problem in fm.problems:
            assert 0 <= problem.start <= problem.end <= len(doc.text)
            assert problem.message


@SETTINGS
@given(articles())
def test_offsets_and_positions_are_inverse(raw: bytes) -> None:
    try:
        doc = parse_document("a.md", raw, _SETTINGS)
    except UnreadableFile:  # a NUL byte drawn by st.text()
        return
    lines = _lines(raw)
    assert len(doc.line_starts) == len(lines)
    for offset in range(0, len(doc.text) + 1, max(1, len(doc.text) // 50)):
        line, column = doc.position(offset)
        assert doc.offset(line, column) == offset
        assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


@SETTINGS
@given(articles())
def test_findings_point_inside_the_file_and_no_rule_raises(linter: Linter, raw: bytes) -> None:
    result = _lint(linter, raw)
    assert result.errors == []
    lines = _lines(raw)
    for finding in result.findings:
        assert 1 <= finding.line <= finding.end_line <= len(lines), finding
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1, finding
        assert 1 <= finding.end_column <= len(lines[finding.end_line - 1]) + 1, finding
        if finding.line == finding.end_line:
            assert finding.column <= finding.end_column, finding
        assert finding.message.strip()


@SETTINGS
@given(articles())
def test_fixing_is_idempotent(fixer: Linter, raw: bytes) -> None:
    first = _lint(fixer, raw)
    assert first.errors == []
    fixed = first.output if first.output is not None else raw
    second = _lint(fixer, fixed)
    assert second.errors == []
    assert (second.output if second.output is not None else fixed) == fixed
    # A fix keeps the BOM and never touches the front-matter's validity.
    assert fixed.startswith(b"\xef\xbb\xbf") == raw.startswith(b"\xef\xbb\xbf")
