"""Expand the paths given on the command line into the sorted list of articles to lint.

Folders are walked for ``include`` globs (``*.md``, ``*.markdown``, ``*.mdx``) minus
``exclude``; inside a git work tree, files that git ignores are skipped (git itself answers,
so every ``.gitignore`` rule is honoured exactly). Symbolic links to folders are never
followed (no loops); dangling links are reported, not fatal. A path that does not exist is a
usage error. The result is sorted so that output never depends on the file system's order.
"""

from __future__ import annotations

import errno
import fnmatch
import glob
import os
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from seolint.errors import UsageError

SKIPPED_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".seolint_cache", ".venv", "__pycache__", ".tox"}
)


@dataclass(frozen=True, order=True)
class SourceFile:
    display: str  # as the user gave it: relative stays relative, always with '/'
    path: Path = field(compare=False)
    # True for a file of the site that was not asked for: read for the cross-file rules'
    # facts, never reported on (a run on part of a site still compares with the rest).
    facts_only: bool = field(default=False, compare=False)


@dataclass
class Discovery:
    files: list[SourceFile]
    warnings: list[str]


def _display(path: str) -> str:
    text = path.replace(os.sep, "/")
    while text.startswith("./") and len(text) > 2:
        text = text[2:]
    return text


def _matches(name: str, rel: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(rel, p) for p in patterns)


def _git_visible(folder: Path) -> set[str] | None:
    """Files under ``folder`` that git does not ignore (None outside a work tree)."""
    try:
        result = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            cwd=folder,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return {p for p in result.stdout.decode("utf-8", "surrogateescape").split("\0") if p}


def _walk(
    root: str, include: Sequence[str], exclude: Sequence[str], warnings: list[str]
) -> list[SourceFile]:
    visible = _git_visible(Path(root))
    found: list[SourceFile] = []
    for current, dirs, files in os.walk(root, followlinks=False):
        rel_dir = os.path.relpath(current, root)
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIPPED_DIRS
            and not _matches(d, _rel(rel_dir, d), exclude)
            and not os.path.islink(os.path.join(current, d))
        )
        for name in files:
            rel = _rel(rel_dir, name)
            if not _matches(name, rel, include) or _matches(name, rel, exclude):
                continue
            full = os.path.join(current, name)
            if visible is not None and rel not in visible:
                continue
            if os.path.islink(full) and not os.path.exists(full):
                warnings.append(f"{_display(full)}: skipped, it is {_broken_link(full)}")
                continue
            if not os.path.isfile(full):
                continue
            found.append(SourceFile(_display(full), Path(full)))
    return found


def _broken_link(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
    return "a dangling symbolic link"


def _rel(rel_dir: str, name: str) -> str:
    return name if rel_dir == "." else f"{rel_dir.replace(os.sep, '/')}/{name}"


def discover(paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]) -> Discovery:
    files: dict[str, SourceFile] = {}
    warnings: list[str] = []
    for given in paths:
        candidates = [given]
        if not os.path.lexists(given) and glob.has_magic(given):
            candidates = sorted(glob.glob(given, recursive=True))
            if not candidates:
                raise UsageError(f"{given}: no file matches this pattern")
        for path in candidates:
            if os.path.isdir(path):
                for source in _walk(path, include, exclude, warnings):
                    files.setdefault(source.display, source)
            elif os.path.isfile(path):
                name = os.path.basename(path)
                if exclude and _matches(name, _display(path), exclude):
                    continue
                files.setdefault(_display(path), SourceFile(_display(path), Path(path)))
            elif os.path.islink(path):
                raise UsageError(f"{path}: is {_broken_link(path)}")
            elif os.path.exists(path):  # a FIFO, a socket, a device: reading it could block
                raise UsageError(f"{path}: is not a regular file or a folder")
            else:
                raise UsageError(f"{path}: no such file or directory")
    return Discovery(sorted(files.values()), warnings)
