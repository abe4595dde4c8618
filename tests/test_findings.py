"""Findings made by the fast constructor, sent between processes, and trimmed for reports."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

from seolint.findings import Edit, Finding, Fix, Severity, new_finding

VALUES = (
    "content/a.md",
    3,
    4,
    "FR101",
    3,
    9,
    "nbsp-before-punctuation",
    Severity.WARNING,
    "insert a no-break space before « : »",
    Fix((Edit(10, 11, "\u202f:"),), safe=True),
    10,
    11,
    ":",
    "Titre : sous-titre",
)


def every_field(finding: Finding) -> tuple[object, ...]:
    return tuple(getattr(finding, f.name) for f in dataclasses.fields(Finding))


def test_new_finding_takes_finding_s_fields_in_order_with_the_same_defaults() -> None:
    ours = inspect.signature(new_finding).parameters
    theirs = inspect.signature(Finding).parameters
    assert list(ours) == list(theirs)
    assert [p.default for p in ours.values()] == [p.default for p in theirs.values()]


def test_new_finding_makes_the_finding_the_dataclass_makes() -> None:
    assert every_field(new_finding(*VALUES)) == every_field(Finding(*VALUES)) == VALUES
    assert every_field(new_finding(*VALUES[:9])) == every_field(Finding(*VALUES[:9]))


def test_a_finding_comes_back_from_a_pickle_whole() -> None:
    for severity in Severity:
        finding = Finding(*VALUES[:7], severity, *VALUES[8:])
        loaded = pickle.loads(pickle.dumps(finding))
        assert every_field(loaded) == every_field(finding)
        assert loaded.severity is severity


def test_for_report_drops_the_edits_and_if_asked_the_flagged_text() -> None:
    finding = Finding(*VALUES)
    kept = finding.for_report(snippet=True)
    trimmed = finding.for_report(snippet=False)
    assert kept.fix is not None and kept.fix.safe and kept.fix.edits == ()
    assert (kept.snippet, trimmed.snippet, trimmed.fixable) == (":", "", True)
    assert every_field(trimmed)[:9] == VALUES[:9]
    assert trimmed.line_text == finding.line_text
