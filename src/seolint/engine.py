"""Run the pipeline: discover → parse → rules → filter → fix → (corpus rules) → result.

Nothing here prints: the command line hands the :class:`RunResult` to a reporter and turns
it into an exit code. Each file is linted by :meth:`Linter.lint_file`, a pure function of
the file's bytes and the configuration, so it can run in a worker process or be cached.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from seolint.config import Config
from seolint.discover import SourceFile, discover
from seolint.filter.select import ActiveRule, PerFileIgnores, active_rules, is_ignored
from seolint.filter.suppress import Suppressions, read_suppressions
from seolint.findings import Finding, Severity, Violation
from seolint.fix import WriteRefused, apply_fixes, choose_fixes, encode, write_atomically
from seolint.parse.document import Document, FileSettings, UnreadableFile, parse_document
from seolint.registry import Registry
from seolint.rules.base import CorpusRule

MAX_FIX_PASSES = 10
UNREADABLE = "SL001"
BAD_SUPPRESSION = "SL002"


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    fail_on: Severity = Severity.ERROR


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # corpus rule id -> facts
    suppressions: Suppressions = field(default_factory=Suppressions)
    errors: list[str] = field(default_factory=list)  # internal errors: exit 2
    fixed: int = 0
    diff: str = ""


@dataclass
class RunResult:
    findings: list[Finding]
    files: int
    errors: list[str]
    warnings: list[str]
    fixed: int = 0
    diffs: list[str] = field(default_factory=list)
    silenced: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def fixable(self) -> int:
        return sum(1 for f in self.findings if f.fixable)

    def exit_code(self, fail_on: Severity, exit_zero: bool = False) -> int:
        if self.errors:
            return 2
        if exit_zero:
            return 0
        return 1 if any(f.severity >= fail_on for f in self.findings) else 0


def make_finding(doc_or_path: Document | str, rule: ActiveRule | None, violation: Violation,
                 code: str = "", name: str = "", severity: Severity = Severity.ERROR,
                 ) -> Finding:
    """Locate a violation in its document and name it after its rule."""
    if isinstance(doc_or_path, Document):
        doc = doc_or_path
        line, column = doc.position(violation.start)
        end_line, end_column = doc.position(max(violation.end, violation.start))
        snippet = doc.text[violation.start : violation.end]
        line_text = doc.line_text(line)
        path = doc.path
    else:
        path = doc_or_path
        line = column = end_line = end_column = 1
        snippet = line_text = ""
    if rule is not None:
        code, name, severity = rule.rule.id, rule.rule.name, rule.severity
    return Finding(
        path=path,
        line=line,
        column=column,
        rule=code,
        end_line=end_line,
        end_column=end_column,
        name=name,
        severity=violation.severity or severity,
        message=violation.message,
        fix=violation.fix,
        start=violation.start,
        end=violation.end,
        snippet=snippet,
        line_text=line_text,
    )


class Linter:
    """Lints files against one configuration and rule set."""

    def __init__(self, config: Config, registry: Registry, options: RunOptions) -> None:
        self.config = config
        self.registry = registry
        self.options = options
        self.rules = active_rules(config, registry)
        self.file_rules = [r for r in self.rules if not issubclass(r.rule, CorpusRule)]
        self.corpus_rules = [r for r in self.rules if issubclass(r.rule, CorpusRule)]
        self.by_code = {r.rule.id: r for r in self.rules}
        self.per_file_ignores = PerFileIgnores.from_config(config.per_file_ignores)
        self.settings = FileSettings(
            lang=config.lang,
            dialect=config.dialect,
            site_url=config.site_url,
            required=config.required,
        )
        self._instances = {r.rule.id: r.rule() for r in self.rules}

    # -- one file -----------------------------------------------------------------------
    def relative_to_root(self, source: SourceFile) -> str:
        root = self.config.root
        if root is None:
            return source.display
        try:
            return Path(os.path.abspath(source.path)).relative_to(root).as_posix()
        except ValueError:
            return source.display

    def lint_file(self, source: SourceFile, collect_only: bool = False) -> FileResult:
        result = FileResult(source.display)
        try:
            raw = source.path.read_bytes()
        except OSError as exc:
            result.errors.append(f"{source.display}: cannot read the file: {exc.strerror}")
            return result
        return self.lint_bytes(source, raw, result, collect_only)

    def lint_bytes(
        self, source: SourceFile, raw: bytes, result: FileResult, collect_only: bool = False
    ) -> FileResult:
        try:
            doc = parse_document(source.display, raw, self.settings)
        except UnreadableFile as exc:
            self._report_unreadable(result, exc)
            return result
        self._collect_facts(doc, result)
        if collect_only:
            return result
        suppressions, suppression_problems = read_suppressions(doc, self.registry.matches)
        result.suppressions = suppressions
        ignored = self.per_file_ignores.codes_for(self.relative_to_root(source))

        findings = self._check(doc, result)
        if self.options.fix or self.options.diff:
            doc, findings = self._fix(source, doc, findings, result)
        bad = self.by_code.get(BAD_SUPPRESSION)
        if bad is not None:
            findings.extend(make_finding(doc, bad, v) for v in suppression_problems)
        result.findings = sorted(
            f for f in findings
            if not suppressions.suppresses(f.rule, f.line) and not is_ignored(f.rule, ignored)
        )
        return result

    def _report_unreadable(self, result: FileResult, exc: UnreadableFile) -> None:
        active = self.by_code.get(UNREADABLE)
        if active is None:
            return
        result.findings.append(
            Finding(result.path, exc.line, exc.column, active.rule.id, exc.line, exc.column,
                    active.rule.name, active.severity, exc.message)
        )

    def _collect_facts(self, doc: Document, result: FileResult) -> None:
        for active in self.corpus_rules:
            instance = self._instances[active.rule.id]
            assert isinstance(instance, CorpusRule)
            try:
                result.facts[active.rule.id] = instance.collect(doc, active.options)
            except Exception as exc:  # a faulty rule must not hide the rest of the run
                result.errors.append(_internal_error(active, doc.path, exc))

    def _check(self, doc: Document, result: FileResult) -> list[Finding]:
        findings: list[Finding] = []
        for active in self.file_rules:
            instance = self._instances[active.rule.id]
            try:
                findings.extend(
                    make_finding(doc, active, v) for v in instance.check(doc, active.options)
                )
            except Exception as exc:  # a faulty rule must not hide the rest of the run
                result.errors.append(_internal_error(active, doc.path, exc))
        return findings

    def _fix(
        self, source: SourceFile, doc: Document, findings: list[Finding], result: FileResult
    ) -> tuple[Document, list[Finding]]:
        fm = doc.front_matter
        if fm is not None and fm.data is None:
            return doc, findings  # never rewrite a file whose front-matter does not parse
        original = doc
        for _ in range(MAX_FIX_PASSES):
            fixes = choose_fixes((f.fix for f in findings if f.fix), self.options.unsafe_fixes)
            if not fixes:
                break
            new_text, applied = apply_fixes(doc.text, fixes)
            if new_text == doc.text or applied == 0:
                break
            raw = encode(new_text, doc.line_endings, doc.has_bom)
            doc = parse_document(source.display, raw, self.settings)
            result.fixed += applied
            findings = self._check(doc, result)
        if doc is original:
            return doc, findings
        if self.options.diff:
            result.diff = unified_diff(original, doc)
            result.fixed = 0
            return original, self._check(original, FileResult(source.display))
        try:
            write_atomically(source.path, original.raw, doc.raw)
        except (WriteRefused, OSError) as exc:
            reason = str(exc) if isinstance(exc, WriteRefused) else exc.strerror
            result.errors.append(f"{source.display}: could not write the fixes: {reason}")
            result.fixed = 0
            return original, self._check(original, FileResult(source.display))
        return doc, findings


def _internal_error(active: ActiveRule, path: str, exc: Exception) -> str:
    return (
        f"{path}: internal error in rule {active.rule.id} ({active.rule.name}): "
        f"{type(exc).__name__}: {exc}"
    )


def unified_diff(before: Document, after: Document) -> str:
    return "".join(
        difflib.unified_diff(
            before.text.splitlines(keepends=True),
            after.text.splitlines(keepends=True),
            fromfile=f"a/{before.path}",
            tofile=f"b/{after.path}",
        )
    )


# -- the whole run ----------------------------------------------------------------------
def run_corpus_rules(
    linter: Linter, results: Sequence[FileResult], reported: frozenset[str]
) -> Iterable[tuple[FileResult | None, Finding]]:
    """Cross-file rules once every file's facts are in; findings only for reported paths."""
    by_path = {r.path: r for r in results}
    for active in linter.corpus_rules:
        instance = linter._instances[active.rule.id]
        assert isinstance(instance, CorpusRule)
        facts = {r.path: r.facts[active.rule.id] for r in results if active.rule.id in r.facts}
        for finding in instance.check_corpus(facts, reported, active.options):
            owner = by_path.get(finding.path)
            yield owner, replace(finding, rule=active.rule.id, name=active.rule.name,
                                 severity=active.severity)


def run(
    paths: Sequence[str],
    linter: Linter,
    lint: Callable[[Linter, Sequence[SourceFile]], list[FileResult]] | None = None,
) -> RunResult:
    discovery = discover(paths, linter.config.include, linter.config.exclude)
    files = discovery.files
    results = (lint or lint_serially)(linter, files)
    findings = [f for r in results for f in r.findings]
    errors = [e for r in results for e in r.errors]
    reported = frozenset(r.path for r in results)
    for owner, finding in run_corpus_rules(linter, results, reported):
        if finding.path not in reported:
            continue
        if owner is not None and owner.suppressions.suppresses(finding.rule, finding.line):
            continue
        findings.append(finding)
    return RunResult(
        findings=sorted(findings),
        files=len(files),
        errors=errors,
        warnings=discovery.warnings,
        fixed=sum(r.fixed for r in results),
        diffs=[r.diff for r in results if r.diff],
    )


def lint_serially(linter: Linter, files: Sequence[SourceFile]) -> list[FileResult]:
    return [linter.lint_file(source) for source in files]
