"""Generate ``src/seolint/text/liberation_sans_widths.json`` from Liberation Sans Regular.

Google truncates search-result titles and descriptions by rendered width in Arial. Liberation
Sans (SIL Open Font License) is metric-compatible with Arial, so its advance widths and kerning
stand in for Arial's. seolint ships only the numbers extracted here, never the font itself.

How to run (once, or when the character set below changes)::

    apt-get install fonts-liberation2            # Debian/Ubuntu package with the .ttf
    pip install fonttools
    python tools/generate_width_table.py         # finds the font under /usr/share/fonts
    python tools/generate_width_table.py --font /path/to/LiberationSans-Regular.ttf

What the table holds:

* ``units_per_em`` and the advance width (font units) of every character a French or English
  title can hold: ASCII, Latin-1 Supplement, Latin Extended-A, a few Latin Extended-B letters
  (Romanian ș ț), typographic punctuation and the Unicode spaces (U+00A0, U+202F, U+2009…).
* ``default_width``: the width used for a character the table does not know (width of "o").
* ``zero_width``: characters a browser renders with no advance (soft hyphen, zero-width space
  and joiners, BOM).
* ``kerning``: pair adjustments (font units) between two listed characters. Chromium shapes
  text with HarfBuzz and applies the GPOS ``kern`` feature by default (CSS ``font-kerning:
  auto``); without it a title such as "AVAVAVAV" is off by 10 px at 20 px, so the pairs are
  needed to stay within 1 px of the browser. Pairs come from the GPOS lookups that the ``kern``
  feature uses for the ``latn`` script (HarfBuzz ignores the legacy ``kern`` table when GPOS
  has the feature), with a fallback to the ``kern`` table for fonts without GPOS kerning.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont

FONT_NAME = "LiberationSans-Regular.ttf"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/seolint/text/liberation_sans_widths.json"

# Typographic punctuation, symbols and spaces beyond the Latin blocks.
EXTRA_CHARS = (
    "\u2009\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u200a\u202f"  # Unicode spaces
    "\u2010\u2012\u2013\u2014\u2015\u2212"  # hyphen, figure dash, en/em dash, bar, minus
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2039\u203a"  # quotes and single guillemets
    "\u2026\u2022\u00b7\u2020\u2021\u2030\u2032\u2033\u20ac\u2122\u2116\u2190\u2192"
    "\u0192\u0218\u0219\u021a\u021b\u02c6\u02c7\u02dc\u1e9e"  # ƒ, Romanian comma-below, ẞ
)
# Rendered with no advance: soft hyphen (only shown at a line break), zero-width space and
# joiners, word joiner, BOM.
ZERO_WIDTH = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


def wanted_chars() -> list[str]:
    """Characters a French or English title can hold, in code point order."""
    codes: set[int] = set(range(0x20, 0x7F))  # ASCII printable
    codes |= set(range(0xA0, 0x100))  # Latin-1 Supplement, U+00A0 included
    codes |= set(range(0x100, 0x180))  # Latin Extended-A: œ Œ ā ł ş ...
    codes |= {ord(c) for c in EXTRA_CHARS}
    codes -= {ord(c) for c in ZERO_WIDTH}
    return [chr(c) for c in sorted(codes)]


def find_font() -> Path:
    """The Liberation Sans 2.x font file, preferring the fonts-liberation2 package."""
    root = Path("/usr/share/fonts")
    found = sorted(root.rglob(FONT_NAME), key=lambda p: "liberation2" not in str(p))
    if not found:
        sys.exit(f"{FONT_NAME} not found under {root}: apt-get install fonts-liberation2")
    return found[0]


def _kern_lookup_indices(gpos: Any) -> list[int]:
    """Lookups of the ``kern`` feature for script ``latn`` (else DFLT), default language."""
    features = gpos.FeatureList.FeatureRecord
    scripts = {rec.ScriptTag: rec.Script for rec in gpos.ScriptList.ScriptRecord}
    script = scripts.get("latn") or scripts.get("DFLT")
    if script is None or script.DefaultLangSys is None:
        return []
    indices: list[int] = []
    for fi in script.DefaultLangSys.FeatureIndex:
        if features[fi].FeatureTag == "kern":
            indices.extend(features[fi].Feature.LookupListIndex)
    return sorted(set(indices))


def _pair_subtables(lookup: Any) -> Iterator[Any]:
    """Pair-adjustment subtables of a lookup, unwrapping extension lookups (type 9)."""
    for sub in lookup.SubTable:
        if lookup.LookupType == 9:
            sub = sub.ExtSubTable
        if sub.LookupType == 2:
            yield sub


def _x_advance(value: Any) -> int:
    return int(getattr(value, "XAdvance", 0) or 0) if value is not None else 0


def gpos_pairs(font: TTFont) -> dict[tuple[str, str], int]:
    """Glyph pair -> x-advance adjustment from the GPOS kern feature (first match wins)."""
    if "GPOS" not in font:
        return {}
    gpos = font["GPOS"].table
    pairs: dict[tuple[str, str], int] = {}
    glyph_order = font.getGlyphOrder()
    for index in _kern_lookup_indices(gpos):
        # Each lookup is its own pass, so adjustments of several lookups add up; inside one
        # lookup only the first subtable that matches a pair applies.
        found: dict[tuple[str, str], int] = {}
        for sub in _pair_subtables(gpos.LookupList.Lookup[index]):
            firsts = sub.Coverage.glyphs
            if sub.Format == 1:
                for first, pair_set in zip(firsts, sub.PairSet, strict=True):
                    for rec in pair_set.PairValueRecord:
                        found.setdefault((first, rec.SecondGlyph), _x_advance(rec.Value1))
            elif sub.Format == 2:
                class1 = sub.ClassDef1.classDefs if sub.ClassDef1 else {}
                class2 = sub.ClassDef2.classDefs if sub.ClassDef2 else {}
                for first in firsts:
                    row = sub.Class1Record[class1.get(first, 0)]
                    for second in glyph_order:
                        adjust = _x_advance(row.Class2Record[class2.get(second, 0)].Value1)
                        if adjust:
                            found.setdefault((first, second), adjust)
        for pair, value in found.items():
            pairs[pair] = pairs.get(pair, 0) + value
    return {pair: value for pair, value in pairs.items() if value}


def kern_table_pairs(font: TTFont) -> dict[tuple[str, str], int]:
    """Pairs of the legacy ``kern`` table, used only when GPOS has no kern feature."""
    if "kern" not in font:
        return {}
    pairs: dict[tuple[str, str], int] = {}
    for table in font["kern"].kernTables:
        for pair, value in getattr(table, "kernTable", {}).items():
            pairs.setdefault(pair, int(value))
    return {pair: value for pair, value in pairs.items() if value}


def build_table(font_path: Path) -> dict[str, Any]:
    font = TTFont(font_path)
    cmap: dict[int, str] = font.getBestCmap()
    metrics: dict[str, tuple[int, int]] = font["hmtx"].metrics
    units_per_em = int(font["head"].unitsPerEm)

    widths: dict[str, int] = {}
    glyph_chars: dict[str, list[str]] = {}
    missing: list[str] = []
    for char in wanted_chars():
        glyph = cmap.get(ord(char))
        if glyph is None:
            missing.append(char)
            continue
        widths[char] = metrics[glyph][0]
        glyph_chars.setdefault(glyph, []).append(char)

    pairs = gpos_pairs(font) or kern_table_pairs(font)
    kerning: dict[str, int] = {}
    for (first, second), value in sorted(pairs.items()):
        for a in glyph_chars.get(first, ()):
            for b in glyph_chars.get(second, ()):
                kerning[a + b] = value

    name = font["name"]
    return {
        "font": str(name.getDebugName(4)),
        "version": str(name.getDebugName(5)),
        "license": "SIL Open Font License 1.1 (metrics only; the font is not shipped)",
        "generator": "tools/generate_width_table.py",
        "units_per_em": units_per_em,
        "default_width": widths["o"],
        "missing": "".join(missing),
        "zero_width": ZERO_WIDTH,
        "widths": dict(sorted(widths.items())),
        "kerning": dict(sorted(kerning.items())),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", type=Path, help=f"path to {FONT_NAME}")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="JSON file to write")
    args = parser.parse_args(argv)
    font_path: Path = args.font or find_font()
    table = build_table(font_path)
    # One entry per line (indent) keeps diffs of the generated file readable.
    args.out.write_text(json.dumps(table, ensure_ascii=True, indent=1) + "\n", encoding="utf-8")
    print(
        f"{args.out}: {len(table['widths'])} widths, {len(table['kerning'])} kerning pairs "
        f"from {font_path} ({table['version']}); missing: {table['missing']!r}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
