"""Worker processes and the result cache change how fast a run is, never what it reports."""

from __future__ import annotations

import io
import json
import os
import pickle
import re
from dataclasses import replace
from pathlib import Path

import pytest

import seolint.cache
from conftest import run_cli
from seolint import parallel
from seolint.cache import Cache, cache_dir, clean, content_hash, fingerprint
from seolint.config import Config, load_file
from seolint.engine import FileResult, Linter, RunOptions, RunResult, run
from seolint.findings import Edit, Finding, Fix, Severity
from seolint.packs import registry_for
from seolint.parallel import Executor
from seolint.report.text import _render_rich, render_text

ARTICLES = 40  # enough for two workers (parallel.MIN_FILES_PER_WORKER each)


def article(number: int) -> str:
    """A French article with findings of several families, some fixable, and a slug shared
    with other articles (a cross-file finding that needs every file's facts)."""
    return f"""---
title: "Les nouveautés numéro {number} du langage Rust pour les développeurs"
seoTitle: "Rust {number}"
seoDescription: "Trop court."
slug: rust-nouveautes-{number % 5}
datePublished: 2024-03-{1 + number % 27:02d}
---

# Les nouveautés numéro {number} du langage Rust pour les développeurs

Le compilateur devient plus rapide : il gagne 5% sur les gros projets... C'est utile !
Mr Dupont l'a vu au 2ème trimestre, et il a écrit "c'est bien" dans son rapport.

## Détails

Voir https://example.com/rust pour plus d'informations sur cette version {number}.
"""


def make_site(folder: Path, count: int = ARTICLES, config: str = 'lang = "fr"\n') -> Path:
    content = folder / "content"
    content.mkdir(parents=True)
    for number in range(count):
        (content / f"article-{number:03d}.md").write_text(article(number), encoding="utf-8")
    (folder / "seolint.toml").write_text(config, encoding="utf-8")
    return content


def check(folder: Path, *args: str, cache: Path | None = None) -> tuple[int, str]:
    """`seolint check content` run in ``folder``; the text report, as written to a file."""
    env = {"SEOLINT_CACHE_DIR": str(cache)} if cache is not None else None
    report = folder / "report.txt"
    done = run_cli("check", "content", "--output-file", str(report), *args, cwd=folder, env=env)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, report.read_text(encoding="utf-8")


def linter_for(folder: Path, **options: object) -> Linter:
    config = load_file(folder / "seolint.toml")
    return Linter(config, registry_for(config), RunOptions(**options))  # type: ignore[arg-type]


def lint_in_process(folder: Path, linter: Linter, executor: Executor) -> RunResult:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        with executor:
            return run(["content"], linter, executor)
    finally:
        os.chdir(cwd)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("v*-*/*.json"))


# -- --jobs ----------------------------------------------------------------------------------
def test_jobs_1_and_jobs_2_give_the_same_output_byte_for_byte(tmp_path: Path) -> None:
    make_site(tmp_path)
    code_1, serial = check(tmp_path, "--jobs", "1", "--no-cache")
    code_2, parallel_ = check(tmp_path, "--jobs", "2", "--no-cache")
    assert serial == parallel_
    assert code_1 == code_2
    assert "DUP001" in serial  # the cross-file rules saw the facts of every worker's files
    for output_format in ("json", "sarif"):
        _, one = check(tmp_path, "--jobs", "1", "--no-cache", "--format", output_format)
        _, two = check(tmp_path, "--jobs", "2", "--no-cache", "--format", output_format)
        assert one == two


def test_the_pool_really_runs_and_matches_a_serial_run(tmp_path: Path) -> None:
    make_site(tmp_path)
    linter = linter_for(tmp_path)
    serial = lint_in_process(tmp_path, linter, Executor(jobs=1))
    pooled = Executor(jobs=2)
    started: list[int] = []
    original = pooled._new_pool

    def spy(linter: Linter, workers: int) -> object:
        started.append(workers)
        return original(linter, workers)

    pooled._new_pool = spy  # type: ignore[method-assign]
    parallel_ = lint_in_process(tmp_path, linter, pooled)
    assert started == [2]
    assert parallel_.findings == serial.findings
    assert [f.line_text for f in parallel_.findings] == [f.line_text for f in serial.findings]


def test_a_finding_crosses_a_process_boundary_whole() -> None:
    finding = Finding(
        "a.md",
        3,
        5,
        "FR102",
        3,
        9,
        "nbsp-before-punctuation",
        Severity.WARNING,
        "message",
        Fix((Edit(10, 11, "\u202f"),), safe=False),
        10,
        14,
        "mot :",
        "Un mot : la ligne",
    )
    back = pickle.loads(pickle.dumps(finding))
    assert [getattr(back, name) for name in Finding.__dataclass_fields__] == [
        getattr(finding, name) for name in Finding.__dataclass_fields__
    ]
    slim = finding.for_report()  # what a worker sends: no edits, the same fixability
    assert slim.fix == Fix((), safe=False) and slim.fixable
    assert slim.snippet == finding.snippet and slim.line_text == finding.line_text
    assert replace(slim, fix=finding.fix) == finding and slim.message == finding.message
    assert finding.for_report(snippet=False).snippet == ""  # no baseline, SARIF or GitLab


def test_baseline_sarif_and_gitlab_see_the_flagged_text_from_workers(tmp_path: Path) -> None:
    make_site(tmp_path)
    for output_format in ("sarif", "gitlab"):
        _, one = check(tmp_path, "--jobs", "1", "--no-cache", "--format", output_format)
        _, two = check(tmp_path, "--jobs", "2", "--no-cache", "--format", output_format)
        assert one == two
    recorded = []
    for jobs in ("1", "2"):
        baseline = tmp_path / f"baseline-{jobs}.json"
        check(tmp_path, "-j", jobs, "--no-cache", "--baseline", str(baseline), "--update-baseline")
        recorded.append(baseline.read_text(encoding="utf-8"))
    assert recorded[0] == recorded[1]  # the same fingerprints and excerpts of flagged text
    code, report = check(tmp_path, "-j", "2", "--no-cache", "--baseline", str(baseline))
    assert code == 0 and "silenced by the baseline" in report


def test_a_few_files_are_linted_without_forking(tmp_path: Path) -> None:
    make_site(tmp_path, count=parallel.MIN_FILES_PER_WORKER)
    executor = Executor(jobs=2)
    lint_in_process(tmp_path, linter_for(tmp_path), executor)
    assert executor._pool is None


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    make_site(tmp_path, count=1)
    done = run_cli("check", "content", "--jobs", "0", cwd=tmp_path)
    assert done.returncode == 2
    assert "--jobs" in done.stderr


# -- the cache -------------------------------------------------------------------------------
def test_the_cache_lives_next_to_the_configuration_and_is_ignored_by_git(tmp_path: Path) -> None:
    make_site(tmp_path, count=3)
    check(tmp_path)
    folder = tmp_path / ".seolint_cache"
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (folder / "CACHEDIR.TAG").is_file()
    assert len(entries(folder)) == 3
    assert cache_dir(load_file(tmp_path / "seolint.toml")) == folder


def test_a_warm_run_gives_the_output_of_a_cold_run(tmp_path: Path) -> None:
    make_site(tmp_path)
    cache = tmp_path / "cache"
    cold_code, cold = check(tmp_path, cache=cache)
    assert len(entries(cache)) == ARTICLES
    warm_code, warm = check(tmp_path, cache=cache)
    assert (warm_code, warm) == (cold_code, cold)  # code frames and cross-file findings too
    _, uncached = check(tmp_path, "--no-cache")
    assert uncached == cold
    for output_format in ("json", "sarif"):
        _, json_cold = check(tmp_path, "--format", output_format, "--no-cache")
        _, json_warm = check(tmp_path, "--format", output_format, cache=cache)
        assert json_warm == json_cold


def tamper(entry: Path) -> None:
    """Mark an entry's findings, to see whether a run read it."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    for finding in data["findings"]:
        finding[7] = "FROM THE CACHE"
    entry.write_text(json.dumps(data), encoding="utf-8")


def tamper_all(cache: Path) -> None:
    for entry in entries(cache):
        tamper(entry)


def test_a_hit_is_served_from_the_cache(tmp_path: Path) -> None:
    make_site(tmp_path, count=3)
    cache = tmp_path / "cache"
    check(tmp_path, cache=cache)
    tamper_all(cache)
    assert "FROM THE CACHE" in check(tmp_path, cache=cache)[1]
    assert "FROM THE CACHE" not in check(tmp_path, "--no-cache", cache=cache)[1]


def test_a_change_of_content_invalidates_the_file_s_entry(tmp_path: Path) -> None:
    content = make_site(tmp_path, count=3)
    cache = tmp_path / "cache"
    check(tmp_path, cache=cache)
    tamper_all(cache)
    edited = content / "article-001.md"
    edited.write_text(article(1).replace("5%", "6%"), encoding="utf-8")
    report = check(tmp_path, cache=cache)[1]
    lines = report.splitlines()
    start = lines.index("content/article-001.md")
    section = lines[start : lines.index("", start)]
    assert all("FROM THE CACHE" not in line for line in section)  # linted again
    assert "FROM THE CACHE" in report  # the other two files were not


@pytest.mark.parametrize(
    "change",
    [
        'lang = "fr"\n[options.SEO001]\nmin_chars = 5\n',  # an option
        'lang = "fr"\nignore = ["ST010"]\n',  # the selection
        'lang = "en"\n',  # a setting
    ],
)
def test_a_change_of_configuration_invalidates_the_cache(tmp_path: Path, change: str) -> None:
    make_site(tmp_path, count=3)
    check(tmp_path)
    tamper_all(tmp_path / ".seolint_cache")
    (tmp_path / "seolint.toml").write_text(change, encoding="utf-8")
    assert "FROM THE CACHE" not in check(tmp_path)[1]


PACK = """pack: house-style
prefix: HSE
description: Words the house style avoids.
rules:
  - id: HSE001
    name: no-compilateur
    kind: existence
    severity: warning
    summary: "The house style avoids one word."
    tokens: [{word}]
    message: "« {{match}} » is not house style"
    why: Test pack.
"""


def test_a_change_of_pack_invalidates_the_cache(tmp_path: Path) -> None:
    make_site(tmp_path, count=3, config='lang = "fr"\npacks = ["packs"]\n')
    (tmp_path / "packs").mkdir()
    pack = tmp_path / "packs" / "house.yaml"
    pack.write_text(PACK.format(word="compilateur"), encoding="utf-8")
    assert "HSE001" in check(tmp_path)[1]
    tamper_all(tmp_path / ".seolint_cache")
    pack.write_text(PACK.format(word="rapport"), encoding="utf-8")
    report = check(tmp_path)[1]
    assert "FROM THE CACHE" not in report
    assert "« rapport » is not house style" in report


def test_a_new_version_or_new_rule_code_gets_a_new_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path, count=1)
    linter = linter_for(tmp_path)
    before = fingerprint(linter)
    assert fingerprint(linter_for(tmp_path)) == before  # stable between runs
    monkeypatch.setattr(seolint.cache, "__version__", "99.0.0")
    assert fingerprint(linter) != before
    monkeypatch.undo()
    module = Path(seolint.cache.__file__).parent / "findings.py"
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    try:
        assert fingerprint(linter) != before  # an edited checkout is a new version
    finally:
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_version_change_is_a_miss_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_site(tmp_path, count=2)
    linter = linter_for(tmp_path)
    cache = Cache(tmp_path / "cache", fingerprint(linter))
    lint_in_process(tmp_path, linter, Executor(jobs=1, cache=cache))
    tamper_all(tmp_path / "cache")
    monkeypatch.setattr(seolint.cache, "__version__", "99.0.0")
    fresh = Cache(tmp_path / "cache", fingerprint(linter))
    result = lint_in_process(tmp_path, linter, Executor(jobs=1, cache=fresh))
    assert result.findings
    assert all(f.message != "FROM THE CACHE" for f in result.findings)


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"{not json",
        b'{"format": 1}',
        b"[1, 2, 3]",
        b"\xff\xfe\x00",
        "truncate",
        "wrong types",
        "fix with edits",
        "foreign",
    ],
)
def test_a_corrupt_or_foreign_entry_is_ignored_and_rewritten(
    tmp_path: Path, garbage: bytes | str
) -> None:
    make_site(tmp_path, count=2)
    cache = tmp_path / "cache"
    cold = check(tmp_path, cache=cache)
    for entry in entries(cache):
        text = entry.read_bytes()
        if garbage == "truncate":
            entry.write_bytes(text[: len(text) // 2])
        elif garbage == "wrong types":
            data = json.loads(text)
            data["findings"][0][0] = "1"  # a line that is not a number
            entry.write_text(json.dumps(data), encoding="utf-8")
        elif garbage == "fix with edits":  # format 1's fixes: [safe, [[start, end, text]…]]
            data = json.loads(text)
            data["findings"][0][8] = [True, [[0, 1, "x"]]]
            entry.write_text(json.dumps(data), encoding="utf-8")
        elif garbage == "foreign":  # another file's entry, copied over
            data = json.loads(text)
            data["path"] = "content/other.md"
            entry.write_text(json.dumps(data), encoding="utf-8")
        else:
            assert isinstance(garbage, bytes)
            entry.write_bytes(garbage)
    assert check(tmp_path, cache=cache) == cold
    for entry in entries(cache):  # rewritten whole
        assert json.loads(entry.read_bytes())["format"] == seolint.cache.FORMAT


def test_an_entry_for_facts_only_does_not_stand_for_a_full_result(tmp_path: Path) -> None:
    content = make_site(tmp_path, count=1)
    linter = linter_for(tmp_path)
    cache = Cache(tmp_path / "cache", fingerprint(linter))
    source = parallel.SourceFile("content/article-000.md", content / "article-000.md")
    digest = content_hash(source.path.read_bytes())
    cache.store(source, digest, FileResult(source.display, facts={"DUP001": None}), False)
    assert cache.load(source, digest, complete=False) is not None
    assert cache.load(source, digest, complete=True) is None


def test_fix_still_fixes_a_file_whose_findings_are_cached(tmp_path: Path) -> None:
    content = make_site(tmp_path, count=2)
    cache = tmp_path / "cache"
    check(tmp_path, cache=cache)
    before = (content / "article-000.md").read_text(encoding="utf-8")
    check(tmp_path, "--fix", cache=cache)
    after = (content / "article-000.md").read_text(encoding="utf-8")
    assert after != before
    _, cached = check(tmp_path, cache=cache)
    _, cold = check(tmp_path, "--no-cache")
    assert cached == cold  # and the fixed files' results are right afterwards


def test_a_read_only_cache_folder_is_not_fatal(tmp_path: Path) -> None:
    make_site(tmp_path, count=2)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    assert check(tmp_path, cache=blocked) == check(tmp_path, "--no-cache")


def test_clean_removes_the_cache_and_only_what_seolint_wrote(tmp_path: Path) -> None:
    make_site(tmp_path, count=2)
    check(tmp_path)
    assert (tmp_path / ".seolint_cache").is_dir()
    done = run_cli("clean", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / ".seolint_cache").exists()
    shared = tmp_path / "shared"
    check(tmp_path, cache=shared)
    (shared / "notes.txt").write_text("not ours", encoding="utf-8")
    assert clean(shared)
    assert [p.name for p in shared.iterdir()] == ["notes.txt"]


def test_old_run_folders_are_pruned_whatever_their_format(tmp_path: Path) -> None:
    """Each configuration, day or seolint version gets its own folder of entries: only the
    newest KEEP_RUN_FOLDERS stay, and nothing else in the cache folder is touched."""
    make_site(tmp_path, count=2)
    shared = tmp_path / "shared"
    shared.mkdir()
    old = [shared / f"v{n % 2 + 1}-{n:032x}" for n in range(12)]  # format 1 and format 2
    for age, folder in enumerate(old):
        folder.mkdir()
        (folder / "entry.json").write_text("{}", encoding="utf-8")
        stamp = 1_000_000_000 + age
        os.utime(folder, (stamp, stamp))
    (shared / "v3-notes").mkdir()  # not a run folder's name: not ours
    check(tmp_path, cache=shared)
    runs = sorted(p.name for p in shared.iterdir() if re.fullmatch(r"v\d+-[0-9a-f]+", p.name))
    assert len(runs) == seolint.cache.KEEP_RUN_FOLDERS
    newest_old = sorted(p.name for p in old[-(seolint.cache.KEEP_RUN_FOLDERS - 1) :])
    assert [name for name in runs if name in {p.name for p in old}] == newest_old
    assert (shared / "v3-notes").is_dir()
    assert entries(shared)  # this run's entries were written


def test_the_cache_key_sees_the_path_as_shown(tmp_path: Path) -> None:
    """Facts and findings carry the path as given: another spelling is another entry."""
    make_site(tmp_path, count=1)
    config = replace(Config(), source=tmp_path / "seolint.toml")
    linter = Linter(config, registry_for(config), RunOptions())
    cache = Cache(tmp_path / "cache", fingerprint(linter))
    path = tmp_path / "content" / "article-000.md"
    relative = parallel.SourceFile("content/article-000.md", path)
    absolute = parallel.SourceFile(str(path), path)
    assert cache.file_key(relative) != cache.file_key(absolute)


# -- the text report's fast path -------------------------------------------------------------
def test_the_plain_text_report_is_byte_for_byte_what_rich_prints(tmp_path: Path) -> None:
    """A report sent to a file skips rich (seconds on a big site): it must not differ."""
    make_site(tmp_path, count=3)
    result = lint_in_process(tmp_path, linter_for(tmp_path), Executor(jobs=1))
    assert result.findings

    def odd(
        path: str, span: tuple[int, int, int, int], message: str, line: str, fix: Fix | None = None
    ) -> Finding:
        line_no, column, end_line, end_column = span
        return Finding(
            path,
            line_no,
            column,
            "FR101",
            end_line,
            end_column,
            "name",
            Severity.WARNING,
            message,
            fix,
            line_text=line,
        )

    odd_ones = [
        odd("odd.md", (1, 302, 1, 307), "long line", "x" * 300 + " cible " + "y" * 300),
        odd("odd.md", (2, 1, 4, 2), "multi-line", "début", Fix((Edit(0, 1, "x"),), safe=False)),
        odd("odd.md", (3, 1, 3, 1), "blank line", "   "),
        odd("tab.md", (1, 2, 1, 3), "a\ttab", "\tindented\x0c"),
    ]
    result.findings.extend(odd_ones)
    result.errors.append("x.md: an error")
    result.warnings.append("y.md: a warning")
    for quiet in (False, True):
        plain, rich = io.StringIO(), io.StringIO()
        render_text(result, plain, color=False, quiet=quiet)
        _render_rich(result, rich, False, True, quiet)
        assert plain.getvalue() == rich.getvalue()
    result.findings = result.findings[:-1]  # without the tab: the fast path proper
    plain, rich = io.StringIO(), io.StringIO()
    render_text(result, plain, color=False)
    _render_rich(result, rich, False, True, False)
    assert plain.getvalue() == rich.getvalue()
