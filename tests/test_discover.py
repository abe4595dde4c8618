"""Which files a folder gives: include and exclude globs, skipped folders, links, sorting."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from seolint.discover import discover

INCLUDE = ("*.md", "*.markdown", "*.mdx")


def _tree(root: Path, files: list[str]) -> None:
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# Titre\n", encoding="utf-8")


def test_a_folder_gives_its_articles_sorted_whatever_the_depth(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(
        tmp_path,
        [
            "b.md",
            "a.markdown",
            "notes.txt",
            "z/deep/er/c.mdx",
            "z/a.md",
            "drafts/wip.md",
            "posts/2019/old.md",
            "posts/2020/new.md",
            "node_modules/pkg/readme.md",
            ".git/info.md",
        ],
    )
    (tmp_path / "folder.md").mkdir()  # a folder named like an article
    (tmp_path / "folder.md" / "inside.md").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    found = discover(["."], INCLUDE, ("drafts", "posts/2019/*"))
    assert [f.display for f in found.files] == [
        "a.markdown",
        "b.md",
        "folder.md/inside.md",
        "posts/2020/new.md",
        "z/a.md",
        "z/deep/er/c.mdx",
    ]
    assert found.warnings == []


def test_links_to_folders_are_not_followed_links_to_files_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, ["site/a.md", "elsewhere/b.md"])
    (tmp_path / "site" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "site" / "alias.md").symlink_to(tmp_path / "elsewhere" / "b.md")
    (tmp_path / "site" / "gone.md").symlink_to(tmp_path / "nowhere.md")
    monkeypatch.chdir(tmp_path)
    found = discover(["site"], INCLUDE, ())
    assert [f.display for f in found.files] == ["site/a.md", "site/alias.md"]
    assert found.warnings == ["site/gone.md: skipped, it is a dangling symbolic link"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_a_folder_is_not_read(tmp_path: Path) -> None:
    _tree(tmp_path, ["a.md"])
    os.mkfifo(tmp_path / "pipe.md")
    assert [f.display for f in discover([str(tmp_path)], INCLUDE, ()).files] == [
        f"{tmp_path.as_posix()}/a.md"
    ]


def test_a_folder_deeper_than_the_recursion_limit_is_walked(tmp_path: Path) -> None:
    levels = [tmp_path]
    for _ in range(sys.getrecursionlimit() + 50):  # one level at a time: makedirs recurses
        levels.append(levels[-1] / "d")
        levels[-1].mkdir()
    article = levels[-1] / "fond.md"
    article.write_text("# Titre\n", encoding="utf-8")
    try:
        found = discover([str(tmp_path)], INCLUDE, ())
        assert [f.display.rsplit("/", 1)[-1] for f in found.files] == ["fond.md"]
    finally:
        # removed here, bottom up: pytest's own clean-up (shutil.rmtree) recurses as deep
        article.unlink()
        for level in reversed(levels[1:]):
            level.rmdir()
