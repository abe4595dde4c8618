"""What git knows that a run needs: the files changed since a revision (``--changed-since``)
and the repository root, to which CI formats make their paths relative.

Git itself answers (``git diff``, ``git ls-files``), so renames, ``.gitignore`` rules and
unusual file names are handled exactly as git handles them.
"""

from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path

from seolint.errors import UsageError

_TIMEOUT = 60


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, timeout=_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise UsageError("--changed-since needs git, and no git command was found") from None
    except (OSError, subprocess.SubprocessError) as exc:
        raise UsageError(f"--changed-since: git failed to run: {exc}") from exc


def _paths(output: bytes) -> list[str]:
    return [p for p in output.decode("utf-8", "surrogateescape").split("\0") if p]


def changed_files(ref: str, start: Path | None = None) -> frozenset[str]:
    """Real paths of the files changed since ``ref`` in the repository holding ``start``.

    Changed means: committed since the current branch left ``ref`` (their merge base, so a
    ``main`` that moved on does not drag its own changes in), staged, unstaged, and
    untracked files that git does not ignore. Deleted files are left out; a renamed file
    counts under its new name. Raises :class:`UsageError` outside a git repository or for
    a revision git does not know.
    """
    folder = Path(start or Path.cwd())
    if not folder.is_dir():
        folder = folder.parent
    if ref.startswith("-"):
        raise UsageError(f"--changed-since {ref!r}: a git revision cannot start with '-'")
    top = _git(["rev-parse", "--show-toplevel"], folder)
    if top.returncode != 0:
        raise UsageError(f"--changed-since needs a git repository, and {folder} is not inside one")
    root = Path(top.stdout.decode("utf-8", "surrogateescape").strip())
    if _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root).returncode != 0:
        raise UsageError(
            f"--changed-since {ref!r}: git knows no such revision (in a shallow CI clone, "
            "fetch it first, e.g. actions/checkout with fetch-depth: 0)"
        )
    merge_base = _git(["merge-base", ref, "HEAD"], root)
    base = merge_base.stdout.decode().strip() if merge_base.returncode == 0 else ref
    diff = _git(
        [
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--no-ext-diff",
            "--diff-filter=d",
            "--ignore-submodules",
            base,
            "--",
        ],
        root,
    )
    if diff.returncode != 0:
        message = diff.stderr.decode("utf-8", "replace").strip()
        raise UsageError(f"--changed-since {ref!r}: git diff failed: {message}")
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], root)
    names = _paths(diff.stdout) + (_paths(untracked.stdout) if untracked.returncode == 0 else [])
    return frozenset(os.path.realpath(root / name) for name in names)


@functools.lru_cache(maxsize=64)
def repository_root(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` holding ``.git`` (a folder, or a file in a
    worktree or submodule); None outside a repository. No git process: reporters call it."""
    current = os.path.abspath(folder)
    while True:
        if os.path.exists(os.path.join(current, ".git")):
            return current
        parent = os.path.dirname(current)
        if parent == current:
            return None
        current = parent


def repo_relative(path: str) -> str:
    """``path`` relative to its repository's root, with '/', as GitHub and GitLab expect;
    the path unchanged outside a repository."""
    absolute = os.path.abspath(path)
    root = repository_root(os.path.dirname(absolute))
    if root is None:
        return path
    relative = os.path.relpath(absolute, root)
    if relative.startswith(".."):
        return path
    return relative.replace(os.sep, "/")
