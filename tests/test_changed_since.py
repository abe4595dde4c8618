"""``--changed-since REF``: report only what changed, while cross-file rules see the site."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, ClassVar

import pytest

from conftest import run_cli
from gitrepo import LONG_SEO_TITLE, article, commit_all, git, init_repo, needs_git, write
from seolint.config import Config
from seolint.engine import Linter, RunOptions, run
from seolint.errors import UsageError
from seolint.findings import Finding
from seolint.gitfiles import changed_files
from seolint.parse.document import Document
from seolint.registry import build_registry
from seolint.rules.base import CorpusRule

pytestmark = needs_git

BAD = article(seo_title=LONG_SEO_TITLE)  # one SEO001 finding, so every reported file shows


def reported(root: Path, *args: str, cwd: Path | None = None) -> tuple[int, list[str]]:
    result = run_cli(
        "check", *args, "--format", "json", "--isolated", "--select", "SEO", cwd=cwd or root
    )
    assert result.stdout, result.stderr
    report = json.loads(result.stdout)
    paths = sorted({f["path"] for f in report["findings"]})
    assert report["summary"]["files"] == len(paths)
    return result.returncode, paths


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = init_repo(tmp_path / "site")
    for name in ("commis", "indexe", "modifie", "supprime", "inchange", "renomme"):
        write(root / f"content/{name}.md", BAD)
    write(root / ".gitignore", "brouillons/\n")
    commit_all(root, "base")
    git(root, "tag", "base")
    return root


def test_committed_staged_unstaged_and_untracked_changes_are_reported(site: Path) -> None:
    content = site / "content"
    write(content / "commis.md", BAD + "\nUn paragraphe ajouté puis commité.\n")
    commit_all(site, "after base")
    write(content / "indexe.md", BAD + "\nAjout indexé.\n")
    git(site, "add", "content/indexe.md")
    write(content / "modifie.md", BAD + "\nAjout non indexé.\n")
    write(content / "nouveau.md", BAD)  # untracked
    write(site / "brouillons/ignore.md", BAD)  # ignored by git
    (content / "supprime.md").unlink()
    git(site, "mv", "content/renomme.md", "content/nouveau-nom.md")

    assert reported(site, ".", "--changed-since", "base") == (
        0,
        [
            "content/commis.md",
            "content/indexe.md",
            "content/modifie.md",
            "content/nouveau-nom.md",
            "content/nouveau.md",
        ],
    )
    # the same answer from inside the folder, with the user's relative paths
    assert reported(site, ".", "--changed-since", "base", cwd=content) == (
        0,
        [
            "commis.md",
            "indexe.md",
            "modifie.md",
            "nouveau-nom.md",
            "nouveau.md",
        ],
    )
    # nothing changed since HEAD but the working tree
    assert reported(site, "content", "--changed-since", "HEAD")[1] == [
        "content/indexe.md",
        "content/modifie.md",
        "content/nouveau-nom.md",
        "content/nouveau.md",
    ]


def test_changes_on_the_target_branch_are_not_ours(site: Path) -> None:
    """Compared with the merge base: a main that moved on does not drag its files in."""
    git(site, "checkout", "-q", "-b", "feature")
    write(site / "content/commis.md", BAD + "\nTravail de la branche.\n")
    commit_all(site, "feature work")
    git(site, "checkout", "-q", "main")
    write(site / "content/inchange.md", BAD + "\nTravail sur main.\n")
    commit_all(site, "main moves on")
    git(site, "checkout", "-q", "feature")
    assert reported(site, "content", "--changed-since", "main")[1] == ["content/commis.md"]


def test_no_change_reports_nothing(site: Path) -> None:
    result = run_cli("check", "content", "--changed-since", "HEAD", "--isolated", cwd=site)
    assert result.returncode == 0
    assert "0 files checked: no problems found" in result.stdout


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("nulle-part", "--changed-since 'nulle-part': git knows no such revision"),
        ("--output=x", "a git revision cannot start with '-'"),
    ],
)
def test_an_unknown_revision_is_a_usage_error(site: Path, ref: str, message: str) -> None:
    result = run_cli("check", "content", f"--changed-since={ref}", cwd=site)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "pas-un-depot"
    write(folder / "a.md", BAD)
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}  # in case tmp is inside a repository
    result = run_cli("check", ".", "--changed-since", "main", cwd=folder, env=env)
    assert result.returncode == 2
    assert "--changed-since needs a git repository" in result.stderr


class Recorder(CorpusRule):
    """Records what the engine hands to a cross-file rule."""

    id = "TST001"
    name = "recorder"
    calls: ClassVar[list[tuple[list[str], list[str]]]] = []

    def collect(self, doc: Document, options: Any) -> str:
        return doc.path

    def check_corpus(
        self, facts: Mapping[str, Any], reported: frozenset[str], options: Any
    ) -> Iterable[Finding]:
        Recorder.calls.append((sorted(facts), sorted(reported)))
        return ()


def test_cross_file_rules_still_read_the_whole_site(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(site / "content/modifie.md", BAD + "\nAjout.\n")
    monkeypatch.chdir(site)
    only = changed_files("HEAD", site)
    assert only == {os.path.realpath(site / "content/modifie.md")}
    config = replace(Config(), select=("TST001", "SEO001"))
    linter = Linter(config, build_registry(extra=[Recorder]), RunOptions(only=only))
    Recorder.calls.clear()
    result = run(["content"], linter)
    facts, reported_paths = Recorder.calls[0]
    assert facts == sorted(
        f"content/{n}.md"
        for n in ("commis", "indexe", "inchange", "modifie", "renomme", "supprime")
    )
    assert reported_paths == ["content/modifie.md"]
    assert result.paths == ["content/modifie.md"]
    assert [f.path for f in result.findings] == ["content/modifie.md"]


def test_changed_files_raises_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not inside one"):
        changed_files("HEAD", Path("/"))
    root = init_repo(tmp_path / "vide")
    with pytest.raises(UsageError, match="no such revision"):
        changed_files("HEAD", root)  # no commit yet
