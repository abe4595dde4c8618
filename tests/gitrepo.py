"""Helpers for tests that need a temporary git repository and French articles in it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

# Isolated from the machine's git configuration, so hooks or signing set up there never run.
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
}

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CLEAN_TITLE = "Les bibliothèques de Lyon ouvrent le dimanche"
CLEAN_SEO_TITLE = "Bibliothèques de Lyon : ouverture le dimanche dès mars"
CLEAN_DESCRIPTION = (
    "Dès mars, six bibliothèques municipales de Lyon accueillent le public le dimanche "
    "après-midi, avec des ateliers pour les enfants et les familles."
)
LONG_SEO_TITLE = (
    "Les bibliothèques municipales de Lyon ouvriront désormais leurs portes le dimanche"
)


def git(cwd: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=cwd, env=GIT_ENV, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"git {' '.join(args)} failed: {result.stderr}"
    return result.stdout


def init_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    return path


def commit_all(path: Path, message: str = "commit") -> str:
    git(path, "add", "-A")
    git(path, "commit", "-q", "--no-verify", "-m", message)
    return git(path, "rev-parse", "HEAD").strip()


def article(
    title: str = CLEAN_TITLE,
    seo_title: str | None = CLEAN_SEO_TITLE,
    description: str | None = CLEAN_DESCRIPTION,
    slug: str | None = "bibliotheques-lyon-ouvrent-dimanche",
    date: str = "2024-03-01T09:00:00Z",
    before: str = "",
    body: str = "La ville de Lyon étend les horaires de ses bibliothèques municipales.\n",
) -> str:
    """A Hashnode-style French article; ``before`` adds front-matter lines at the top (to
    move the other lines down)."""
    lines = ["---", *before.splitlines(), f'title: "{title}"']
    if seo_title is not None:
        lines.append(f'seoTitle: "{seo_title}"')
    if description is not None:
        lines.append(f'seoDescription: "{description}"')
    lines.append(f"datePublished: {date}")
    if slug is not None:
        lines.append(f"slug: {slug}")
    lines += ["---", "", f"# {title}", "", body]
    return "\n".join(lines)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
