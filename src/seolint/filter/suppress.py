"""In-file suppressions (DESIGN §4).

- front-matter ``seolint: {ignore: [CODE, …]}``: the codes are off for the whole file;
- ``<!-- seolint-disable-file CODE -->``: the same, from a comment;
- ``<!-- seolint-disable CODE -->`` … ``<!-- seolint-enable -->``: off for a range of lines;
- ``<!-- seolint-disable-next-line CODE -->``: off for the next line.

A bare ``disable`` without codes means every rule. Codes may be prefixes (``FR1``). The
result is plain data (line ranges), so it can be cached and applied to cross-file findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from seolint.findings import Violation
from seolint.parse.document import Document

ALL = "ALL"


@dataclass(frozen=True, slots=True)
class Suppressions:
    file_codes: tuple[str, ...] = ()
    # (first line, last line, codes), lines 1-based and inclusive
    ranges: tuple[tuple[int, int, tuple[str, ...]], ...] = ()

    def suppresses(self, rule: str, line: int) -> bool:
        if _covers(self.file_codes, rule):
            return True
        return any(first <= line <= last and _covers(codes, rule)
                   for first, last, codes in self.ranges)

    def to_json(self) -> list[object]:
        return [list(self.file_codes), [[a, b, list(c)] for a, b, c in self.ranges]]

    @classmethod
    def from_json(cls, data: Sequence[object]) -> Suppressions:
        file_codes, ranges = data
        assert isinstance(file_codes, list) and isinstance(ranges, list)
        return cls(tuple(file_codes), tuple((a, b, tuple(c)) for a, b, c in ranges))


def _covers(codes: Iterable[str], rule: str) -> bool:
    return any(code == ALL or rule.startswith(code) for code in codes)


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
        problems.append(Violation(
            fm_key.key_start, fm_key.key_end,
            "the seolint key must be a table with a list of rule codes: seolint: {ignore: [FR101]}",
        ))
    for code in codes:
        if code != ALL and not known(code) and fm_key is not None:
            problems.append(Violation(
                fm_key.value_start, fm_key.value_end,
                f"seolint: ignore names unknown rule code {code!r}; `seolint rules` lists them",
            ))
    return Suppressions(file_codes=tuple(codes)), problems
