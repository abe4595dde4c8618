"""Run the pipeline: discover → parse → rules → filter → fix → (corpus rules) → result.

Nothing here prints: the command line hands the :class:`RunResult` to a reporter and turns
it into an exit code. Each file is linted by :meth:`Linter.lint_file`, a pure function of
the file's bytes and the configuration, so it can run in a worker process or be cached.
"""

from __future__ import annotations

import contextlib
import difflib
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from seolint.config import Config
from seolint.discover import Discovery, SourceFile, discover
from seolint.filter.select import ActiveRule, PerFileIgnores, active_rules, is_ignored
from seolint.filter.suppress import Suppressions, read_suppressions
from seolint.findings import Finding, Severity, Violation, new_finding
from seolint.fix import WriteRefused, apply_fixes, choose_fixes, encode, write_atomically
from seolint.parse.document import Document, FileSettings, UnreadableFile, parse_document
from seolint.registry import Registry
from seolint.rules.base import CorpusRule

if TYPE_CHECKING:
    from seolint.filter.baseline import Baseline

MAX_FIX_PASSES = 10
UNREADABLE = "SL001"
BAD_SUPPRESSION = "SL002"
# Larger files are reported (SL001, option max_bytes), never read whole: the largest of
# 11,882 real articles is 851 kB, and the rules' cost grows with the size.
MAX_FILE_BYTES = 1_000_000


def read_source(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, at most ``limit + 1`` of them (one more tells it is too large), so
    a multi-gigabyte file with an article's name never fills the memory."""
    with path.open("rb") as handle:
        # read(limit + 1) alone would first allocate limit + 1 bytes, for every file: ask for
        # the size the file has (one more byte tells it grew), and for the rest only then
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(min(size, limit) + 1)
        if size < len(data) <= limit:
            data += handle.read(limit + 1 - len(data))
        return data


@dataclass(frozen=True)
class RunOptions:
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    fail_on: Severity = Severity.ERROR
    # --changed-since: real paths of the files to report on; the others are only read for
    # the cross-file rules' facts. None reports every file.
    only: frozenset[str] | None = None
    # False (stdin): fixed bytes are kept in FileResult.output instead of written to disk.
    write: bool = True
    # Whether the report needs each finding's flagged text (baseline, SARIF and GitLab
    # fingerprints). Without, worker processes leave it out of what they send back.
    snippets: bool = True


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # corpus rule id -> facts
    suppressions: Suppressions = field(default_factory=Suppressions)
    errors: list[str] = field(default_factory=list)  # internal errors: exit 2
    fixed: int = 0
    diff: str = ""
    output: bytes | None = None  # the fixed text when RunOptions.write is False


@dataclass
class RunResult:
    findings: list[Finding]
    files: int
    errors: list[str]
    warnings: list[str]
    fixed: int = 0
    diffs: list[str] = field(default_factory=list)
    silenced: int = 0  # findings hidden by the baseline
    paths: list[str] = field(default_factory=list)  # the reported files, sorted
    output: bytes | None = None  # stdin with --fix: the fixed text

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


def make_finding(
    doc_or_path: Document | str,
    rule: ActiveRule | None,
    violation: Violation,
    code: str = "",
    name: str = "",
    severity: Severity = Severity.ERROR,
) -> Finding:
    """Locate a violation in its document and name it after its rule."""
    if isinstance(doc_or_path, Document):
        doc = doc_or_path
        line, column = doc.position(violation.start)
        end_line, end_column = doc.position(max(violation.end, violation.start))
        snippet = doc.text[violation.start : violation.end]
        line_text = _frame_line(doc, line)
        path = doc.path
    else:
        path = doc_or_path
        line = column = end_line = end_column = 1
        snippet = line_text = ""
    if rule is not None:
        code, name, severity = rule.rule.id, rule.rule.name, rule.severity
    return new_finding(
        path,
        line,
        column,
        code,
        end_line,
        end_column,
        name,
        violation.severity or severity,
        violation.message,
        violation.fix,
        violation.start,
        violation.end,
        snippet,
        line_text,
    )


# Longer lines get no code frame: each finding would carry its own copy of the line, so a
# 300 kB one-line article with thousands of findings would need gigabytes.
MAX_FRAME_LINE = 2_000


def _frame_line(doc: Document, line: int) -> str:
    # one string per line, shared by the line's findings (and so pickled once per file)
    shared: dict[int, str] = doc.memo("engine.frame-lines", lambda _: {})
    found = shared.get(line)
    if found is None:
        starts = doc.line_starts
        end = starts[line] - 1 if line < len(starts) else len(doc.text)
        found = doc.line_text(line) if end - starts[line - 1] <= MAX_FRAME_LINE else ""
        shared[line] = found
    return found


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
        self._file_checks = [(r, self._instances[r.rule.id]) for r in self.file_rules]
        unreadable = self.by_code.get(UNREADABLE)
        self.max_bytes: int = getattr(
            unreadable and unreadable.options, "max_bytes", MAX_FILE_BYTES
        )

    # -- one file -----------------------------------------------------------------------
    def relative_to_root(self, source: SourceFile) -> str:
        root = self.config.root
        if root is None:
            return source.display
        try:
            return Path(os.path.abspath(source.path)).relative_to(root).as_posix()
        except ValueError:
            return source.display

    def reports(self, source: SourceFile) -> bool:
        """False for a file outside ``--changed-since``: read for facts, not reported."""
        if source.facts_only:  # the rest of the site, read for the cross-file rules
            return False
        only = self.options.only
        return only is None or os.path.realpath(source.path) in only

    def lint_file(self, source: SourceFile, collect_only: bool = False) -> FileResult:
        collect_only = collect_only or not self.reports(source)
        result = FileResult(source.display)
        try:
            raw = read_source(source.path, self.max_bytes)
        except OSError as exc:
            result.errors.append(f"{source.display}: cannot read the file: {exc.strerror}")
            return result
        return self.lint_bytes(source, raw, result, collect_only)

    def lint_bytes(
        self, source: SourceFile, raw: bytes, result: FileResult, collect_only: bool = False
    ) -> FileResult:
        try:
            if len(raw) > self.max_bytes:
                raise UnreadableFile(
                    f"file is larger than {self.max_bytes:,} bytes, far beyond an article; "
                    "it was not linted (exclude it, or raise the SL001 option max_bytes)"
                )
            doc = parse_document(source.display, raw, self.settings)
        except UnreadableFile as exc:
            self._report_unreadable(result, exc)
            return result
        try:
            return self._lint_document(source, doc, result, collect_only)
        finally:
            doc.drop_views()

    def _lint_document(
        self, source: SourceFile, doc: Document, result: FileResult, collect_only: bool
    ) -> FileResult:
        self._collect_facts(doc, result)
        if collect_only:
            return result
        suppressions, suppression_problems = read_suppressions(doc, self.registry.matches)
        result.suppressions = suppressions
        ignored = self.per_file_ignores.codes_for(self.relative_to_root(source))

        def kept(f: Finding) -> bool:
            return not suppressions.suppresses(f.rule, f.line) and not is_ignored(f.rule, ignored)

        findings = self._check(doc, result)
        if self.options.fix or self.options.diff:
            # a suppressed finding is not fixed either (and a cached result stays exact)
            fixed_doc, findings = self._fix(source, doc, findings, result, kept)
            if fixed_doc is not doc:  # fixes may move lines: read the comments again
                doc = fixed_doc
                suppressions, suppression_problems = read_suppressions(doc, self.registry.matches)
                result.suppressions = suppressions
        bad = self.by_code.get(BAD_SUPPRESSION)
        if bad is not None:
            findings.extend(make_finding(doc, bad, v) for v in suppression_problems)
        result.findings = sorted(f for f in findings if kept(f))
        return result

    def _report_unreadable(self, result: FileResult, exc: UnreadableFile) -> None:
        active = self.by_code.get(UNREADABLE)
        if active is None:
            return
        result.findings.append(
            Finding(
                result.path,
                exc.line,
                exc.column,
                active.rule.id,
                exc.line,
                exc.column,
                active.rule.name,
                active.severity,
                exc.message,
            )
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
        append = findings.append
        # (a plain loop: it runs for every rule of every file, most of which find nothing)
        for active, instance in self._file_checks:
            try:
                for violation in instance.check(doc, active.options):
                    append(make_finding(doc, active, violation))
            except Exception as exc:  # a faulty rule must not hide the rest of the run
                result.errors.append(_internal_error(active, doc.path, exc))
        return findings

    def _fix(
        self,
        source: SourceFile,
        doc: Document,
        findings: list[Finding],
        result: FileResult,
        kept: Callable[[Finding], bool] = lambda f: True,
    ) -> tuple[Document, list[Finding]]:
        fm = doc.front_matter
        if fm is not None and fm.data is None:
            return doc, findings  # never rewrite a file whose front-matter does not parse
        original = doc
        body_only = False  # set once a pass broke the front-matter: leave it alone
        for _ in range(MAX_FIX_PASSES):
            fixes = choose_fixes(
                (f.fix for f in findings if f.fix and kept(f)), self.options.unsafe_fixes
            )
            if body_only:
                fixes = [f for f in fixes if all(e.start >= doc.body_start for e in f.edits)]
            if not fixes:
                break
            new_text, applied = apply_fixes(doc.text, fixes)
            if new_text == doc.text or applied == 0:
                break
            raw = encode(new_text, doc.line_endings, doc.has_bom)
            fixed_doc = parse_document(source.display, raw, self.settings)
            if _breaks_front_matter(doc, fixed_doc):
                if body_only:
                    break
                body_only = True  # an edit in a front-matter value must never break it
                continue
            doc = fixed_doc
            result.fixed += applied
            findings = self._check(doc, result)
        if doc is original:
            return doc, findings
        if self.options.diff:
            result.diff = unified_diff(original, doc)
            result.fixed = 0
            return original, self._check(original, FileResult(source.display))
        if not self.options.write:
            result.output = doc.raw
            return doc, findings
        try:
            write_atomically(source.path, original.raw, doc.raw)
        except (WriteRefused, OSError) as exc:
            reason = str(exc) if isinstance(exc, WriteRefused) else exc.strerror
            result.errors.append(f"{source.display}: could not write the fixes: {reason}")
            result.fixed = 0
            return original, self._check(original, FileResult(source.display))
        return doc, findings


def _breaks_front_matter(before: Document, after: Document) -> bool:
    """True when fixing changed how the front-matter reads: it no longer parses, or a field
    changed its type or disappeared (edits are meant to change text inside values only)."""
    old, new = before.front_matter, after.front_matter
    if old is None or old.data is None:
        return False
    if new is None or new.data is None or new.data.keys() != old.data.keys():
        return True
    return any(type(new.data[key]) is not type(value) for key, value in old.data.items())


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
def prune_facts(linter: Linter, result: FileResult) -> None:
    """Let each cross-file rule drop the facts it can already settle (see CorpusRule.prune)."""
    for active in linter.corpus_rules:
        code = active.rule.id
        if code in result.facts:
            instance = linter._instances[code]
            assert isinstance(instance, CorpusRule)
            # a faulty prune keeps the facts whole: check_corpus still sees (and reports) them
            with contextlib.suppress(Exception):
                result.facts[code] = instance.prune(result.path, result.facts[code], active.options)


def run_corpus_rules(
    linter: Linter,
    results: Sequence[FileResult],
    reported: frozenset[str],
    scopes: Mapping[str, str] | None = None,
    errors: list[str] | None = None,
) -> Iterable[tuple[FileResult | None, Finding]]:
    """Cross-file rules once every file's facts are in; findings only for reported paths.

    ``scopes`` maps a path to its top-level folder under the site root: with
    ``duplicate_scope = "folder"``, rules marked ``SCOPED`` compare each folder apart.
    A rule that raises adds an internal error to ``errors`` (exit 2), and the other rules
    still run.
    """
    by_path = {r.path: r for r in results}
    for active in linter.corpus_rules:
        instance = linter._instances[active.rule.id]
        assert isinstance(instance, CorpusRule)
        facts = {r.path: r.facts[active.rule.id] for r in results if active.rule.id in r.facts}
        groups = [facts]
        if (
            scopes is not None
            and linter.config.duplicate_scope == "folder"
            and getattr(instance, "SCOPED", False)
        ):
            split: dict[str, dict[str, Any]] = {}
            for path, fact in facts.items():
                split.setdefault(scopes.get(path, ""), {})[path] = fact
            groups = list(split.values())
        for group in groups:
            try:
                found = list(instance.check_corpus(group, reported, active.options))
            except Exception as exc:  # a faulty rule must not hide the rest of the run
                if errors is None:
                    raise
                errors.append(
                    f"internal error in cross-file rule {active.rule.id} ({active.rule.name}): "
                    f"{type(exc).__name__}: {exc}"
                )
                break
            for finding in found:
                owner = by_path.get(finding.path)
                yield (
                    owner,
                    replace(
                        finding,
                        rule=active.rule.id,
                        name=active.rule.name,
                        severity=active.severity,
                    ),
                )


def site_files(root: Path, asked: Sequence[SourceFile], linter: Linter) -> Discovery:
    """The articles under the site root that were not asked for, marked ``facts_only``."""
    absolute = root.resolve()
    try:
        shown = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        shown = str(absolute)
    if shown.startswith(".."):
        shown = str(absolute)
    found = discover([shown], linter.config.include, linter.config.exclude)
    seen = {os.path.realpath(source.path) for source in asked}
    files = [
        replace(source, facts_only=True)
        for source in found.files
        if os.path.realpath(source.path) not in seen
    ]
    return Discovery(files, found.warnings)


def scope_of(source: SourceFile, root: Path) -> str:
    """The top-level folder of a file under the site root ('' at the root or outside it)."""
    try:
        parts = Path(os.path.abspath(source.path)).relative_to(root.resolve()).parts
    except ValueError:
        parts = Path(source.display).parts
    return parts[0] if len(parts) > 1 else ""


def run(
    paths: Sequence[str],
    linter: Linter,
    lint: Callable[[Linter, Sequence[SourceFile]], Iterable[FileResult]] | None = None,
    *,
    stdin: bytes | None = None,
    baseline: Baseline | None = None,
    progress: Callable[[int, int], None] | None = None,
    site_root: Path | None = None,
) -> RunResult:
    """Lint ``paths`` and gather every finding.

    ``stdin``: the bytes of the one article named ``paths[0]`` (``--stdin-filename``; the file
    need not exist). ``baseline`` silences known findings. ``progress(done, total)`` is called
    as results arrive; a ``lint`` strategy returning an iterator (e.g. ``pool.imap``) makes it
    move file by file, one returning a list makes it jump at the end.

    Files reported on and files read are two lists: the cross-file rules also read the facts
    of the rest of the site — every article under ``site_root`` (default: the folder of the
    configuration) — without reporting on it.
    """
    strategy = lint or _lint_each
    if stdin is not None:
        source = SourceFile(Path(paths[0]).as_posix(), Path(paths[0]))
        discovery = Discovery([source], [])

        def lint_stdin(linter: Linter, files: Sequence[SourceFile]) -> list[FileResult]:
            return [linter.lint_bytes(source, stdin, FileResult(source.display))]

        lint = lint_stdin
    else:
        discovery = discover(paths, linter.config.include, linter.config.exclude)
    files = discovery.files
    root = site_root or linter.config.root
    context = site_files(root, files, linter).files if root and linter.corpus_rules else []
    total = len(files) + len(context)
    results: list[FileResult] = []
    if progress is not None:
        progress(0, total)
    for batch, how in ((files, lint or _lint_each), (context, strategy)):
        for file_result in how(linter, batch) if batch else ():
            prune_facts(linter, file_result)
            results.append(file_result)
            if progress is not None:
                progress(len(results), total)
    findings = [f for r in results for f in r.findings]
    errors = [e for r in results for e in r.errors]
    reported = frozenset(s.display for s in files if linter.reports(s))
    scopes = None
    if linter.config.duplicate_scope == "folder":
        scopes = {s.display: scope_of(s, root or Path.cwd()) for s in (*files, *context)}
    sources = {s.display: s for s in files}
    for owner, finding in run_corpus_rules(linter, results, reported, scopes, errors):
        if finding.path not in reported:
            continue
        if owner is not None and owner.suppressions.suppresses(finding.rule, finding.line):
            continue
        ignored = linter.per_file_ignores.codes_for(linter.relative_to_root(sources[finding.path]))
        if is_ignored(finding.rule, ignored):
            continue
        findings.append(finding)
    findings.sort()
    silenced = 0
    if baseline is not None:
        findings, silenced = baseline.apply(findings)
    return RunResult(
        findings=findings,
        files=len(reported),
        errors=errors,
        warnings=discovery.warnings,
        fixed=sum(r.fixed for r in results),
        diffs=[r.diff for r in results if r.diff],
        silenced=silenced,
        paths=sorted(reported),
        output=results[0].output if stdin is not None and results else None,
    )


def lint_serially(linter: Linter, files: Sequence[SourceFile]) -> list[FileResult]:
    return [linter.lint_file(source) for source in files]


def _lint_each(linter: Linter, files: Sequence[SourceFile]) -> Iterator[FileResult]:
    for source in files:
        yield linter.lint_file(source)
