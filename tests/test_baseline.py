"""The baseline: known findings stay silent when lines move, new ones fail the build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli
from gitrepo import LONG_SEO_TITLE, article, commit_all, git, init_repo, needs_git, write
from seolint.filter.baseline import Baseline, fingerprint, flagged_text
from seolint.findings import Finding, Severity

pytestmark = needs_git

SELECT = ("--isolated", "--select", "FM,SEO", "--fail-on", "warning")
OLD = article(seo_title=LONG_SEO_TITLE, description="Trop court.")


def check(root: Path, *args: str, cwd: Path | None = None) -> tuple[int, dict[str, Any]]:
    result = run_cli("check", *args, "--format", "json", *SELECT, cwd=cwd or root)
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)


def positions(report: dict[str, Any]) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["rule"]) for f in report["findings"]]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "site")
    write(root / "content/ancien.md", OLD)
    write(root / "content/propre.md", article())
    commit_all(root, "articles")
    result = run_cli(
        "check", "content", "--update-baseline", "--baseline", "baseline.json", *SELECT, cwd=root
    )
    assert result.returncode == 0, result.stderr
    assert "recorded 2 finding(s) in the baseline baseline.json" in result.stderr
    commit_all(root, "baseline")
    return root


def test_the_file_is_sorted_diff_friendly_json(site: Path) -> None:
    text = (site / "baseline.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == 1
    entries = data["findings"]
    assert [(e["path"], e["rule"]) for e in entries] == [
        ("content/ancien.md", "SEO001"),
        ("content/ancien.md", "SEO002"),
    ]
    assert entries[0]["text"] == LONG_SEO_TITLE[:79] + "…"  # an excerpt, for people
    assert entries[0]["count"] == 1
    # one entry per line: a new finding is one added line in a diff
    entry_lines = [line for line in text.splitlines() if line.lstrip().startswith('{"path"')]
    assert len(entry_lines) == len(entries)
    # stable: recording the same findings again rewrites the same bytes
    run_cli(
        "check", "content", "--update-baseline", "--baseline", "baseline.json", *SELECT, cwd=site
    )
    assert (site / "baseline.json").read_text(encoding="utf-8") == text


def test_known_findings_are_silenced_and_counted(site: Path) -> None:
    code, report = check(site, "content", "--baseline", "baseline.json")
    assert (code, report["findings"]) == (0, [])
    text = run_cli("check", "content", "--baseline", "baseline.json", *SELECT, cwd=site)
    assert text.returncode == 0
    assert "2 silenced by the baseline" in text.stdout


def test_an_old_finding_stays_silent_when_lines_move_above_it(site: Path) -> None:
    before = positions(check(site, "content")[1])
    moved = article(
        seo_title=LONG_SEO_TITLE,
        description="Trop court.",
        before="cuid: abc123\ntags: lyon, culture\ncanonical: https://exemple.fr/a",
    )
    write(site / "content/ancien.md", moved)
    after = positions(check(site, "content")[1])
    assert [line + 3 for _, line, _ in before] == [line for _, line, _ in after]
    code, report = check(site, "content", "--baseline", "baseline.json")
    assert (code, report["findings"]) == (0, [])


def test_a_new_finding_is_reported_and_fails(site: Path) -> None:
    write(site / "content/nouveau.md", article(slug="bibliotheques-lyon", seo_title="Court"))
    write(
        site / "content/ancien.md",
        article(seo_title=LONG_SEO_TITLE + " et le soir", description="Trop court."),
    )
    code, report = check(site, "content", "--baseline", "baseline.json")
    assert code == 1
    # the new article's finding, and the old article's title that changed; the old
    # description finding is still known
    assert positions(report) == [
        ("content/ancien.md", 3, "SEO001"),
        ("content/nouveau.md", 3, "SEO001"),
    ]


def test_works_from_another_working_directory(site: Path) -> None:
    code, report = check(site, ".", "--baseline", "../baseline.json", cwd=site / "content")
    assert (code, report["findings"]) == (0, [])


def test_renamed_file_findings_are_new_until_the_baseline_is_updated(site: Path) -> None:
    """Documented: the baseline matches paths, so a renamed file's old findings show up
    again; re-record the baseline in the commit that renames."""
    git(site, "mv", "content/ancien.md", "content/renomme.md")
    code, report = check(site, "content", "--baseline", "baseline.json")
    assert code == 1
    assert {path for path, _, _ in positions(report)} == {"content/renomme.md"}
    run_cli(
        "check", "content", "--update-baseline", "--baseline", "baseline.json", *SELECT, cwd=site
    )
    paths = {e["path"] for e in json.loads((site / "baseline.json").read_text())["findings"]}
    assert paths == {"content/renomme.md"}
    assert check(site, "content", "--baseline", "baseline.json")[0] == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline not found; create it with --update-baseline"),
        ("{not json", "the baseline is not valid JSON"),
        ('{"version": 99, "findings": []}', "not a seolint baseline"),
        ('{"version": 1, "findings": [{"path": "a.md"}]}', "entry 1 of the baseline needs"),
    ],
)
def test_a_bad_baseline_is_a_usage_error(site: Path, content: str | None, message: str) -> None:
    target = site / "autre.json"
    if content is not None:
        target.write_text(content, encoding="utf-8")
    result = run_cli("check", "content", "--baseline", "autre.json", *SELECT, cwd=site)
    assert result.returncode == 2
    assert message in result.stderr


def test_update_needs_a_file_and_the_whole_site(site: Path) -> None:
    result = run_cli("check", "content", "--update-baseline", *SELECT, cwd=site)
    assert result.returncode == 2
    assert "--update-baseline needs --baseline FILE" in result.stderr
    result = run_cli(
        "check",
        "content",
        "--update-baseline",
        "--baseline",
        "b.json",
        "--changed-since",
        "HEAD",
        *SELECT,
        cwd=site,
    )
    assert result.returncode == 2
    assert "drop --changed-since" in result.stderr


# -- fingerprints, in memory ----------------------------------------------------------------
def finding(snippet: str, message: str = "m", rule: str = "FR101", line: int = 1) -> Finding:
    return Finding(
        "a.md", line, 1, rule, line, 2, "name", Severity.WARNING, message, snippet=snippet
    )


def test_counts_handle_identical_findings(tmp_path: Path) -> None:
    recorded = [finding("x ;", line=n) for n in (1, 5)]
    baseline = Baseline.from_findings(recorded, tmp_path / "b.json")
    (tmp_path / "b.json").write_text(baseline.dumps(), encoding="utf-8")
    loaded = Baseline.load(tmp_path / "b.json")
    assert json.loads(baseline.dumps())["findings"][0]["count"] == 2
    found = [finding("x ;", line=n) for n in (2, 6, 9)]
    kept, silenced = loaded.apply(found)
    assert (len(kept), silenced) == (1, 2)


def test_fingerprint_ignores_whitespace_and_lines_not_text() -> None:
    assert fingerprint(finding("Le  titre\n long")) == fingerprint(
        finding("Le titre long", line=40)
    )
    assert fingerprint(finding("Le titre")) != fingerprint(finding("Le titre", rule="SEO001"))
    assert fingerprint(finding("Le titre")) != fingerprint(finding("Un autre titre"))


def test_a_snippet_without_words_is_told_apart_by_its_message() -> None:
    slug = finding("---", "required field slug is missing", rule="FM003")
    date = finding("---", "required field date_published is missing", rule="FM003")
    assert fingerprint(slug) != fingerprint(date)
    # numbers in messages are measurements: they do not count
    assert flagged_text(finding("", "article of 212 words, under 300")) == flagged_text(
        finding("", "article of 250 words, under 300")
    )
