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
import re
import subprocess
from collections.abc import Callable, Sequence
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


def _matcher(patterns: Sequence[str]) -> Callable[[str, str], bool]:
    """True for a file or folder whose name or path relative to the walked folder matches
    one of the glob ``patterns`` (as ``fnmatchcase``; compiled into one regex: a folder
    holds thousands of files)."""
    if not patterns:
        return lambda name, rel: False
    match = re.compile("|".join(fnmatch.translate(p) for p in patterns)).match
    return lambda name, rel: match(name) is not None or match(rel) is not None


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
    included, excluded = _matcher(include), _matcher(exclude)
    found: list[SourceFile] = []

    # depth first, as os.walk top-down, folders sorted; with a stack of folders to visit
    # (no recursion limit on deep trees), the entries' types from the listing (one system
    # call per folder, not two per file)
    pending = [(root, "")]
    while pending:
        current, rel_dir = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError:
            continue  # unreadable, or gone since it was listed (os.walk skips it too)
        folders: list[str] = []
        for entry in entries:
            name = entry.name
            rel = f"{rel_dir}/{name}" if rel_dir else name
            if _is_folder(entry):
                if name not in SKIPPED_DIRS and not excluded(name, rel):
                    folders.append(rel)
                continue
            if not included(name, rel) or excluded(name, rel):
                continue
            if visible is not None and rel not in visible:
                continue
            full = os.path.join(current, name)
            if entry.is_symlink() and not os.path.exists(full):
                warnings.append(f"{_display(full)}: skipped, it is {_broken_link(full)}")
                continue
            if not _is_file(entry):
                continue
            found.append(SourceFile(_display(full), Path(full)))
        for rel in sorted(folders, reverse=True):  # the first folder on top
            pending.append((os.path.join(current, rel.rpartition("/")[2]), rel))
    return found


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A folder that is not a symbolic link (links to folders are never followed)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link to one."""
    try:
        return entry.is_file()
    except OSError:
        return False


def _broken_link(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
    return "a dangling symbolic link"


def _by_display(source: SourceFile) -> str:
    return source.display


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
                if _matcher(exclude)(name, _display(path)):
                    continue
                files.setdefault(_display(path), SourceFile(_display(path), Path(path)))
            elif os.path.islink(path):
                raise UsageError(f"{path}: is {_broken_link(path)}")
            elif os.path.exists(path):  # a FIFO, a socket, a device: reading it could block
                raise UsageError(f"{path}: is not a regular file or a folder")
            else:
                raise UsageError(f"{path}: no such file or directory")
    # (by the one field SourceFile compares, without a comparison method call per pair)
    return Discovery(sorted(files.values(), key=_by_display), warnings)
