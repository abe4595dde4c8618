"""Regenerate the README's screenshots: docs/preview.png and docs/report.png.

    python tools/readme_screenshots.py [ARTICLE] [CORPUS_FOLDER]

The preview is the terminal output of ``seolint preview`` recorded by rich as SVG, and the
report the top of ``seolint report``'s page; headless Chromium (``/usr/bin/chromium``) turns
both into PNG. Defaults: ../shared/seed-article.md and ../shared/corpus/scombat__lebrieftech.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import replace
from io import StringIO
from pathlib import Path
from urllib.parse import quote

from rich.console import Console
from rich.text import Text

from seolint.config import Config
from seolint.engine import Linter, RunOptions
from seolint.packs import registry_for
from seolint.preview import preview_file, render_preview_text
from seolint.report.html import collect_report, render_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def screenshot(url: str, out: Path, width: int, height: int, profile: Path) -> None:
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars",
         f"--screenshot={out}", f"--window-size={width},{height}", url],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip


def preview_png(article: Path, out: Path, work: Path) -> None:
    config = replace(Config(), site_url="https://lebrieftech.fr")
    preview, _ = preview_file(str(article), Linter(config, registry_for(config), RunOptions()))
    preview = replace(preview, path=article.name)
    ansi = StringIO()
    render_preview_text(preview, ansi, color=True, width=92)
    console = Console(record=True, width=92, file=StringIO(), force_terminal=True,
                      color_system="truecolor")  # fmt: skip
    console.print(Text.from_ansi(ansi.getvalue()))
    svg = console.export_svg(title=f"seolint preview {article.name}")
    # rich links a web font (Fira Code); offline, use a local monospace font that has every
    # glyph drawn (› … « » and box lines), or columns drift
    svg = re.sub(r"@font-face\s*\{[^}]*\}", "", svg)
    svg = svg.replace(
        "font-family: Fira Code, monospace;",
        'font-family: "DejaVu Sans Mono", "Liberation Mono", monospace;',
    )
    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    assert match is not None
    width, height = (int(float(v)) + 1 for v in match.groups())
    page = work / "preview.html"
    page.write_text(
        f"<!doctype html><html><body style='margin:0;background:#fff'>{svg}</body></html>",
        encoding="utf-8",
    )
    screenshot(page.as_uri(), out, width, height, work / "profile")


def report_png(corpus: Path, out: Path, work: Path) -> None:
    """The summary, the charts and the table with its worst article with a cut title open."""
    data = collect_report([str(corpus)], Config())
    page = work / "report.html"
    page.write_text(render_html(data), encoding="utf-8")
    ranked = sorted(enumerate(data.articles), key=lambda item: (item[1].score, item[0]))
    shown = next(
        (a for _, a in ranked if a.preview and a.preview["title"] and
         a.preview["title"]["desktop"]["cut"]),
        ranked[0][1],
    )  # fmt: skip
    url = f"{page.as_uri()}#open={quote(shown.path, safe='')}"
    screenshot(url, out, 1280, 2200, work / "profile")


def main(argv: list[str]) -> int:
    article = Path(argv[0]) if argv else ROOT.parent / "shared" / "seed-article.md"
    corpus = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared/corpus/scombat__lebrieftech"
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        preview_png(article, docs / "preview.png", work)
        report_png(corpus, docs / "report.png", work)
    print(f"wrote {docs / 'preview.png'} and {docs / 'report.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
