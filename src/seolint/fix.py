"""Apply the edits that findings carry, and write the file back without losing a byte.

One fixer for every rule: edits are sorted, an edit that overlaps one already taken is left
for the next pass (the engine re-lints until nothing changes, a few passes at most). The file
is written atomically (a temporary file in the same folder, then a rename) with its BOM, its
line endings and its permissions, and only if it did not change on disk since it was read.
"""

from __future__ import annotations

import bisect
import contextlib
import fcntl
import itertools
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from seolint.findings import Edit, Fix
from seolint.parse.document import UTF8_BOM


def choose_fixes(fixes: Iterable[Fix], unsafe: bool) -> list[Fix]:
    return [fix for fix in fixes if fix.safe or unsafe]


def apply_fixes(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes (all edits of a fix, or none); returns (text, fixes applied).

    A fix whose own edits overlap or fall outside the text is a rule's bug: it is skipped,
    as splicing it would duplicate or drop text.
    """
    taken: list[Edit] = []  # disjoint, sorted by start (two taken edits never share a start)
    starts: list[int] = []
    applied = 0
    for fix in sorted(fixes, key=lambda f: min((e.start for e in f.edits), default=0)):
        edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if not _well_formed(edits, len(text)) or any(
            _collides(edit, taken, starts) for edit in edits
        ):
            continue
        for edit in edits:  # fixes come in text order: nearly always an append
            index = bisect.bisect_left(starts, edit.start)
            starts.insert(index, edit.start)
            taken.insert(index, edit)
        applied += 1
    pieces: list[str] = []
    position = 0
    for edit in taken:
        pieces.append(text[position : edit.start])
        pieces.append(edit.replacement)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces), applied


def _well_formed(edits: Sequence[Edit], size: int) -> bool:
    if not edits or any(not 0 <= e.start <= e.end <= size for e in edits):
        return False
    # Sorted by start, any two overlapping edits imply two neighbours that overlap.
    return not any(_overlaps(a, b) for a, b in itertools.pairwise(edits))


def _collides(edit: Edit, taken: Sequence[Edit], starts: Sequence[int]) -> bool:
    """Whether ``edit`` overlaps a taken edit: only the neighbours of its place can (the
    taken edits are disjoint), so this is a binary search, not a scan."""
    index = bisect.bisect_left(starts, edit.start)
    if index and _overlaps(edit, taken[index - 1]):
        return True
    while index < len(taken) and taken[index].start <= edit.end:
        if _overlaps(edit, taken[index]):
            return True
        index += 1
    return False


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions conflict only at the same point
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


def encode(text: str, line_endings: Sequence[str], has_bom: bool) -> bytes:
    """Turn normalised text back into the file's bytes: same BOM, same ending on each line."""
    lines = text.split("\n")
    if len(lines) == len(line_endings):
        body = "".join(line + ending for line, ending in zip(lines, line_endings, strict=True))
    else:  # a fix changed the line count: use the file's most common ending
        common = Counter(e for e in line_endings if e).most_common(1)
        newline = common[0][0] if common else "\n"
        body = newline.join(lines)
    data = body.encode("utf-8")
    return UTF8_BOM + data if has_bom else data


class WriteRefused(Exception):
    """The file was not written: read-only, or changed on disk since it was read."""


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    # Serialises check-then-rename between concurrent seolint runs in the same folder.
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def write_atomically(path: Path, expected_old: bytes, new: bytes) -> None:
    """Replace ``path`` by ``new`` unless its content is no longer ``expected_old``."""
    # Through a symbolic link, fix the file it points to: renaming onto the link itself
    # would turn it into a copy and leave the real article unfixed.
    path = Path(os.path.realpath(path))
    info = path.stat()
    mode = stat.S_IMODE(info.st_mode)
    # No write bit at all is a deliberate "do not touch", even for root (whom os.access
    # lets write anything): the rename below would otherwise replace the file regardless.
    if not os.access(path, os.W_OK) or not mode & 0o222:
        raise WriteRefused("the file is read-only, it was not fixed")
    folder = path.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".seolint-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
            with contextlib.suppress(OSError):  # only root may give the file back its owner
                os.chown(temporary, info.st_uid, info.st_gid)
        with _folder_lock(folder):
            if path.read_bytes() != expected_old:
                raise WriteRefused("the file changed on disk while it was linted; not fixed")
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
