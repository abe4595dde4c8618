"""Rendered width of text in Arial, as Google measures search-result titles and snippets.

Google truncates titles and descriptions by width, not by character count. The widths come from
``liberation_sans_widths.json``, generated from Liberation Sans (metric-compatible with Arial)
by ``tools/generate_width_table.py``. Kerning pairs are applied because Chromium kerns this font
by default; without them a title can be off by several pixels.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

__all__ = [
    "DESCRIPTION_FONT_PX",
    "DESCRIPTION_MAX_PX",
    "TITLE_FONT_PX",
    "TITLE_MAX_PX",
    "text_width",
    "truncate",
]

TITLE_FONT_PX = 20.0
TITLE_MAX_PX = 600.0
DESCRIPTION_FONT_PX = 14.0
DESCRIPTION_MAX_PX = 920.0

_TABLE_FILE = "liberation_sans_widths.json"
# Where a cut may happen: ordinary whitespace only; no-break spaces (U+00A0, U+202F, U+2007)
# exist precisely to keep "Inde :" or "35 %" together.
_BREAKS = frozenset(" \t\n\r")
# A trailing word made only of these is a dangling title separator ("Titre | Site" cut after
# the bar): it is dropped before the ellipsis.
_SEPARATORS = frozenset("-–—|·•/:,;")


class _Widths(dict[str, int]):
    """Advance widths by character; characters outside the table get an estimate."""

    def __init__(self, widths: dict[str, int], default: int, em: int, space: int) -> None:
        super().__init__(widths)
        self.default = default
        self.em = em
        self.space = space

    def __missing__(self, char: str) -> int:
        # Not stored: the set of unknown characters is unbounded.
        if char in "\t\n\r":
            return self.space
        if unicodedata.combining(char) or unicodedata.category(char) in ("Cc", "Cf", "Mn", "Me"):
            return 0
        if unicodedata.east_asian_width(char) in ("W", "F"):
            return self.em  # CJK and emoji fall back to fonts about one em wide
        return self.default


@dataclass(frozen=True)
class _Table:
    units_per_em: int
    widths: _Widths
    kerning: dict[str, int]
    kerned: re.Pattern[str]  # finds every kerned pair, overlapping ones included


def _pair_pattern(pairs: list[str]) -> re.Pattern[str]:
    """A regex whose ``findall`` lists the kerned pairs of a text, in order."""
    seconds: dict[str, str] = {}
    for pair in sorted(pairs):
        seconds[pair[0]] = seconds.get(pair[0], "") + pair[1]
    branches = "|".join(f"{re.escape(a)}[{re.escape(bs)}]" for a, bs in seconds.items())
    # A lookahead consumes nothing, so "AVA" yields both "AV" and "VA". Few titles hold a
    # kerned pair, and scanning in C beats building every 2-character slice in Python.
    return re.compile(f"(?=({branches}))" if branches else r"(?!)")


@cache
def _table() -> _Table:
    raw = json.loads(files("seolint.text").joinpath(_TABLE_FILE).read_text(encoding="utf-8"))
    units_per_em = int(raw["units_per_em"])
    widths = {str(char): int(width) for char, width in raw["widths"].items()}
    widths.update(dict.fromkeys(str(raw.get("zero_width", "")), 0))
    kerning = {str(pair): int(value) for pair, value in raw.get("kerning", {}).items()}
    return _Table(
        units_per_em=units_per_em,
        widths=_Widths(widths, int(raw["default_width"]), units_per_em, widths[" "]),
        kerning=kerning,
        kerned=_pair_pattern(list(kerning)),
    )


def _units(text: str) -> int:
    """Width of ``text`` in font units: advances plus kerning of adjacent pairs."""
    table = _table()
    # C-level map/sum/findall keep a 60-character title at a few microseconds.
    units = sum(map(table.widths.__getitem__, text))
    return units + sum(map(table.kerning.__getitem__, table.kerned.findall(text)))


def text_width(text: str, font_size: float = TITLE_FONT_PX) -> float:
    """Width in CSS pixels of ``text`` in Arial (Liberation Sans) regular at ``font_size`` px."""
    if not text:
        return 0.0
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        # Browsers shape "e" + U+0301 with the precomposed glyph when the font has it.
        text = unicodedata.normalize("NFC", text)
    return _units(text) * font_size / _table().units_per_em


def _drop_dangling(words: str) -> str:
    """Strip trailing whitespace and a final word that is only a separator ("Titre |")."""
    words = words.rstrip()
    while words:
        head, _, last = words.rpartition(" ")
        if last and all(char in _SEPARATORS for char in last):
            words = head.rstrip()
        else:
            break
    return words


def truncate(
    text: str, max_px: float, font_size: float = TITLE_FONT_PX, ellipsis: str = " …"
) -> tuple[str, bool]:
    """Cut ``text`` as Google does so that it fits in ``max_px``, ellipsis included.

    Returns ``(shown, was_cut)``; ``shown`` ends with ``ellipsis`` when cut. The cut falls on a
    word boundary (ordinary whitespace, never a no-break space); a single word too long to fit
    is cut between characters, then the ellipsis loses its leading space.
    """
    if text_width(text, font_size) <= max_px:
        return text, False
    # Longest prefix that fits with the ellipsis. Width grows with length (kerning moves it by
    # a fraction of a pixel at most), so a binary search over the cut points is enough.
    ends = [i for i, char in enumerate(text) if char in _BREAKS and i > 0]
    best = _longest_fitting(
        [_drop_dangling(text[:end]) for end in ends], ellipsis, max_px, font_size
    )
    if best:
        return best + ellipsis, True
    tight = ellipsis.lstrip()
    best = _longest_fitting(
        [text[:end].rstrip() for end in range(1, len(text))], tight, max_px, font_size
    )
    if best:
        return best + tight, True
    return (tight if text_width(tight, font_size) <= max_px else ""), True


def _longest_fitting(heads: list[str], ellipsis: str, max_px: float, font_size: float) -> str:
    """The last of ``heads`` (shortest first) that fits in ``max_px`` with ``ellipsis``."""
    low, high = 0, len(heads)  # invariant: heads[:low] fit, heads[high:] do not
    while low < high:
        mid = (low + high) // 2
        head = heads[mid]
        if not head or text_width(head + ellipsis, font_size) <= max_px:
            low = mid + 1
        else:
            high = mid
    while low > 0 and not heads[low - 1]:
        low -= 1
    return heads[low - 1] if low else ""
