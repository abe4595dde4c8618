"""In-file suppressions (DESIGN §4).

- front-matter ``seolint: {ignore: [CODE, …]}``: the codes are off for the whole file;
- ``<!-- seolint-disable-file CODE -->``: the same, from a comment;
- ``<!-- seolint-disable CODE -->`` … ``<!-- seolint-enable -->``: off for a range of lines;
- ``<!-- seolint-disable-next-line CODE -->``: off for the next line.

A bare ``disable`` without codes means every rule. Codes may be prefixes (``FR1``). The
result is plain data (line ranges), so it can be cached and applied to cross-file findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from seolint.findings import Violation
from seolint.parse.document import Document
from seolint.parse.markdown import markdown_view
from seolint.registry import code_matches

ALL = "ALL"


@dataclass(frozen=True, slots=True)
class Suppressions:
    file_codes: tuple[str, ...] = ()
    # (first line, last line, codes), lines 1-based and inclusive
    ranges: tuple[tuple[int, int, tuple[str, ...]], ...] = ()

    def suppresses(self, rule: str, line: int) -> bool:
        if _covers(self.file_codes, rule):
            return True
        return any(
            first <= line <= last and _covers(codes, rule) for first, last, codes in self.ranges
        )

    def to_json(self) -> list[object]:
        return [list(self.file_codes), [[a, b, list(c)] for a, b, c in self.ranges]]

    @classmethod
    def from_json(cls, data: Sequence[object]) -> Suppressions:
        file_codes, ranges = data
        assert isinstance(file_codes, list) and isinstance(ranges, list)
        return cls(tuple(file_codes), tuple((a, b, tuple(c)) for a, b, c in ranges))


def _covers(codes: Iterable[str], rule: str) -> bool:
    return any(code_matches(code, rule) for code in codes)


def _front_matter_codes(doc: Document) -> tuple[list[str], object | None]:
    """Codes of ``seolint: {ignore: [...]}``; second value: the raw setting when malformed."""
    setting = doc.front_matter_data.get("seolint")
    if setting is None:
        return [], None
    ignore = setting.get("ignore") if isinstance(setting, dict) else None
    if isinstance(ignore, str):
        ignore = [part.strip() for part in ignore.split(",") if part.strip()]
    if not isinstance(ignore, list) or not all(isinstance(code, str) for code in ignore):
        return [], setting
    return [code.strip().upper() for code in ignore], None


_DIRECTIVE = re.compile(r"\s*seolint-([a-z-]+)", re.IGNORECASE)
_DIRECTIVES = ("disable", "enable", "disable-next-line", "disable-file")
_CODE = re.compile(r"[^\s,>]+")  # '>' starts the continuation lines of a quote
_REASON = re.compile(r"\s--\s|\s--$")  # <!-- seolint-disable ST008 -- the two are meant -->


@dataclass(frozen=True, slots=True)
class _Comment:
    directive: str
    codes: tuple[str, ...]  # ALL for a directive without codes
    first_line: int
    last_line: int


def read_suppressions(
    doc: Document, is_known: Callable[[str], bool] | None = None
) -> tuple[Suppressions, list[Violation]]:
    """The file's suppressions, and violations for codes that name no rule (reported as SL002).

    ``is_known`` is a callable ``(code) -> bool`` telling whether a code or prefix selects a
    rule of the registry.
    """
    problems: list[Violation] = []
    codes, malformed = _front_matter_codes(doc)
    known = is_known or (lambda code: True)
    fm_key = doc.front_matter.fields.get("seolint") if doc.front_matter else None
    if malformed is not None and fm_key is not None:
        problems.append(
            Violation(
                fm_key.key_start,
                fm_key.key_end,
                "the seolint key must be a table with a list of rule codes: "
                "seolint: {ignore: [FR101]}",
            )
        )
    for code in codes:
        if code != ALL and not known(code) and fm_key is not None:
            problems.append(
                Violation(
                    fm_key.value_start,
                    fm_key.value_end,
                    f"seolint: ignore names unknown rule code {code!r}; `seolint rules` lists them",
                )
            )
    file_codes = list(codes)
    ranges: list[tuple[int, int, tuple[str, ...]]] = []
    if "seolint-" in doc.body:  # most files have no comment: skip the Markdown parse
        comments = _comments(doc, known, problems)
        file_codes.extend(
            c for comment in comments if comment.directive == "disable-file" for c in comment.codes
        )
        ranges = _ranges(doc, comments)
    return Suppressions(tuple(file_codes), tuple(ranges)), problems


def _comments(
    doc: Document, known: Callable[[str], bool], problems: list[Violation]
) -> list[_Comment]:
    """The seolint comments of the body, where Markdown renders them as HTML comments (HTML
    blocks and inline HTML; never in code)."""
    found: list[_Comment] = []
    text = doc.text
    for start, end in markdown_view(doc).html_comments:
        if not text.endswith("-->", start, end):
            continue  # an unclosed comment hides the rest of the page, not a directive
        inner_start = start + 4
        match = _DIRECTIVE.match(text, inner_start, end - 3)
        if match is None:
            continue
        directive = match.group(1).lower()
        if directive not in _DIRECTIVES:
            problems.append(
                Violation(
                    match.start(1) - len("seolint-"),
                    match.end(1),
                    f"unknown directive seolint-{match.group(1)}; use seolint-disable, "
                    "seolint-enable, seolint-disable-next-line or seolint-disable-file",
                )
            )
            continue
        reason = _REASON.search(text, match.end(), end - 3)
        codes_end = reason.start() if reason else end - 3
        codes: list[str] = []
        for code in _CODE.finditer(text, match.end(), codes_end):
            value = code.group(0).upper()
            if value != ALL and not known(value):
                problems.append(
                    Violation(
                        code.start(),
                        code.end(),
                        f"seolint-{directive} names unknown rule code {code.group(0)!r}; "
                        "`seolint rules` lists them",
                    )
                )
            codes.append(value)
        found.append(
            _Comment(
                directive,
                tuple(codes) or (ALL,),
                doc.position(start)[0],
                doc.position(end)[0],
            )
        )
    return found


def _ranges(doc: Document, comments: Sequence[_Comment]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Line ranges: a disable runs to its enable (or the end of the file), including both
    comment lines; a disable-next-line covers the next line that is not blank."""
    last_line = len(doc.line_starts)
    opened: dict[str, int] = {}  # code -> line of its disable
    ranges: list[tuple[int, int, tuple[str, ...]]] = []
    for comment in comments:
        if comment.directive == "disable":
            for code in comment.codes:
                opened.setdefault(code, comment.first_line)
        elif comment.directive == "enable":
            closing = list(opened) if comment.codes == (ALL,) else comment.codes
            for code in closing:
                if code in opened:
                    ranges.append((opened.pop(code), comment.last_line, (code,)))
        elif comment.directive == "disable-next-line":
            line = comment.last_line + 1
            while line < last_line and not doc.line_text(line).strip():
                line += 1
            ranges.append((comment.first_line, min(line, last_line), comment.codes))
    ranges.extend((first, last_line, (code,)) for code, first in opened.items())
    return ranges
