"""The values that flow from rules to reporters: severities, edits, fixes, findings."""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` of the document's decoded text by ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of edits applied together; ``safe`` fixes run with ``--fix``, the others need
    ``--unsafe-fixes`` because they may change meaning."""

    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule reports: a span of the document's text (character offsets) and a message.

    The engine turns it into a :class:`Finding` with the rule's id, name, severity and the
    line/column of the span, so rules never compute positions themselves.
    """

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # overrides the rule's severity for this one violation


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A located, reportable violation. Ordered by path, line, column, rule (the contract)."""

    path: str
    line: int
    column: int
    rule: str
    end_line: int = field(compare=False)
    end_column: int = field(compare=False)
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    fix: Fix | None = field(default=None, compare=False)
    # Offsets into the decoded text; used by the fixer, the baseline fingerprint and suppressions.
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)
    snippet: str = field(default="", compare=False)
    line_text: str = field(default="", compare=False)  # for the code frame of the text report

    @property
    def fixable(self) -> bool:
        return self.fix is not None

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # A plain tuple pickles smaller and loads faster than a dataclass's slot state; the
        # rule id and name come back interned (a site's report holds 100,000s of findings),
        # the severity as a number (rebuilding an enum member from its pickle is slow).
        values = [getattr(self, name) for name in _FINDING_FIELDS]
        values[_SEVERITY_INDEX] = int(self.severity)
        return _load_finding, tuple(values)

    def for_report(self, snippet: bool = True) -> Finding:
        """The same finding with what a report no longer needs once the file has been fixed
        (or not) dropped: the edits of its fix (whether it is fixable, and safely, is kept)
        and, unless ``snippet``, the flagged text."""
        fix = self.fix
        if fix is not None and fix.edits:
            fix = fix_marker(fix.safe)
        if fix is self.fix and (snippet or not self.snippet):
            return self
        return new_finding(
            self.path,
            self.line,
            self.column,
            self.rule,
            self.end_line,
            self.end_column,
            self.name,
            self.severity,
            self.message,
            fix,
            self.start,
            self.end,
            self.snippet if snippet else "",
            self.line_text,
        )

    def to_dict(self) -> dict[str, object]:
        """The JSON contract (DESIGN §3)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message,
            "fixable": self.fixable,
        }


_FINDING_FIELDS = tuple(Finding.__dataclass_fields__)
(
    _set_path,
    _set_line,
    _set_column,
    _set_rule,
    _set_end_line,
    _set_end_column,
    _set_name,
    _set_severity,
    _set_message,
    _set_fix,
    _set_start,
    _set_end,
    _set_snippet,
    _set_line_text,
) = (getattr(Finding, name).__set__ for name in _FINDING_FIELDS)
_new_object = object.__new__


def new_finding(
    path: str,
    line: int,
    column: int,
    rule: str,
    end_line: int,
    end_column: int,
    name: str,
    severity: Severity,
    message: str,
    fix: Fix | None = None,
    start: int = 0,
    end: int = 0,
    snippet: str = "",
    line_text: str = "",
) -> Finding:
    """``Finding(...)``, made twice as fast: the dataclass's ``__init__`` sets each field of a
    frozen instance through ``object.__setattr__``; here each slot is set directly (a run
    over a site makes, then sends between processes, hundreds of thousands of findings)."""
    finding = _new_object(Finding)
    _set_path(finding, path)
    _set_line(finding, line)
    _set_column(finding, column)
    _set_rule(finding, rule)
    _set_end_line(finding, end_line)
    _set_end_column(finding, end_column)
    _set_name(finding, name)
    _set_severity(finding, severity)
    _set_message(finding, message)
    _set_fix(finding, fix)
    _set_start(finding, start)
    _set_end(finding, end)
    _set_snippet(finding, snippet)
    _set_line_text(finding, line_text)
    return finding


_SAFE_FIX = Fix((), safe=True)
_UNSAFE_FIX = Fix((), safe=False)


def fix_marker(safe: bool) -> Fix:
    """A fix without its edits: what a report shows of a fix (fixable, safely or not)."""
    return _SAFE_FIX if safe else _UNSAFE_FIX


def _load_finding(*values: Any) -> Finding:
    """A finding from the values ``Finding.__reduce__`` gives: its severity a number, its
    rule id and name interned."""
    finding = new_finding(*values)
    _set_rule(finding, sys.intern(finding.rule))
    _set_name(finding, sys.intern(finding.name))
    _set_severity(finding, _SEVERITY_BY_NUMBER[values[_SEVERITY_INDEX]])
    return finding


_SEVERITY_INDEX = _FINDING_FIELDS.index("severity")
_SEVERITY_BY_NUMBER = {int(severity): severity for severity in Severity}
