"""The pre-commit hook, run by the real ``pre-commit`` from a user's repository.

pre-commit installs the hook from a git repository pinned to a commit. This checkout's
working tree may be uncommitted, so the test copies it into a temporary repository, commits
it there and points the user's ``.pre-commit-config.yaml`` at that commit. pre-commit then
builds the hook's environment with pip: the test needs the package registry (CI has it).

The hook's arguments select the FM and SEO families, whose verdicts on the two articles
below are settled; other families are checked by their own tests.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gitrepo import GIT_ENV, article, commit_all, git, init_repo, needs_git, write

pytestmark = [
    needs_git,
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None,
        reason="pre-commit is not installed (pip install -e '.[test]')",
    ),
]

CHECKOUT = Path(__file__).resolve().parents[1]
SKIP = {
    ".git",
    ".venv",
    "venv",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    "__pycache__",
    ".seolint_cache",
    "build",
    "dist",
}

CLEAN = article(body="La ville étend les horaires de ses bibliothèques dès le mois de mars.\n")
BROKEN = (
    "---\n"
    'title: "Les bibliothèques de Lyon ouvrent le dimanche"\n'
    'seoTitle: "Les bibliothèques municipales de Lyon ouvriront leurs portes le dimanche"\n'
    'seoDescription: "Trop court."\n'
    "datePublished: 2024-03-01T09:00:00Z\n"
    "---\n\n# Les bibliothèques de Lyon ouvrent le dimanche\n"
)  # no slug: FM003 is an error, so the commit is refused


def copy_working_tree(target: Path) -> None:
    """The files of this checkout as they are now (git's view when it is a repository:
    tracked and untracked, minus what .gitignore excludes)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=CHECKOUT,
        capture_output=True,
        check=False,
    )
    if listed.returncode == 0:
        for name in listed.stdout.decode().split("\0"):
            source = CHECKOUT / name
            if name and source.is_file() and not SKIP.intersection(Path(name).parts):
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
    else:
        shutil.copytree(
            CHECKOUT,
            target,
            dirs_exist_ok=True,
            ignore=lambda _, names: [n for n in names if n in SKIP],
        )


def commit(
    site: Path, name: str, text: str, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Stage one article and commit it, as a user would: the installed hook runs."""
    write(site / "content" / name, text)
    git(site, "add", f"content/{name}")
    return subprocess.run(
        ["git", "commit", "-m", f"add {name}"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )


def test_the_hook_passes_a_clean_article_and_refuses_a_broken_one(tmp_path: Path) -> None:
    hooks = init_repo(tmp_path / "seolint")
    copy_working_tree(hooks)
    revision = commit_all(hooks, "seolint as it is in the working tree")

    site = init_repo(tmp_path / "site")
    write(
        site / ".pre-commit-config.yaml",
        (
            "repos:\n"
            f"  - repo: {hooks.as_posix()}\n"
            f"    rev: {revision}\n"
            "    hooks:\n"
            "      - id: seolint\n"
            '        args: [--select, "FM,SEO"]\n'
        ),
    )
    write(site / "README.txt", "Un site.\n")
    commit_all(site, "start")
    env = {**GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-cache"), "NO_COLOR": "1"}
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=site,
        env=env,
        check=True,
        capture_output=True,
    )

    clean = commit(site, "propre.md", CLEAN, env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "seolint" in clean.stdout + clean.stderr and "Passed" in clean.stdout + clean.stderr

    head = git(site, "rev-parse", "HEAD")
    broken = commit(site, "casse.md", BROKEN, env)
    said = broken.stdout + broken.stderr
    assert broken.returncode != 0, said
    assert "Failed" in said
    assert "content/casse.md" in said and "FM003" in said
    assert "content/propre.md" not in said  # only the staged file is linted
    assert git(site, "rev-parse", "HEAD") == head  # the commit was refused
