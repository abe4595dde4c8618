"""The article as a search result shows it: URL line, title and description, cut by width.

Google truncates by rendered width, not by character count, and replaces the end with « … »
at a word boundary. This module lays the fields out in Arial (the width table of
:mod:`seolint.text.pixels`) for two devices and keeps the numbers an editor needs: measured
width, room left, what is hidden, and the findings that concern these fields.

The model (Google publishes none of these numbers; they are the consensus of SERP tools and
of measurements, and are kept deliberately simple):

- **Desktop**: the title is one line of Arial 20 px cut at 600 px (Screaming Frog, Moz,
  Portent; Rank Math uses 580). The description is Arial 14 px cut at about 920 px measured
  as one line (Screaming Frog's and Portent's figure, about 155–160 characters); the results
  column then shows it on two lines. Both limits follow the ``max_px`` options of SEO001 and
  SEO002 when the configuration changes them.
- **Mobile**: a 390 CSS px phone (iPhone 12–16, the most common single viewport width in
  StatCounter's 2024 figures) with 16 px margins leaves lines of 358 px. Titles keep 20 px
  and wrap on at most **2 lines** (The SEM Post, 2016: mobile titles show about 78
  characters, more than the desktop line; Google has moved between 18 and 20 px since);
  descriptions keep 14 px on at most **2 lines**, about 110–120 characters (the usual
  "about 120 characters on mobile" of Spotibo and Yoast). Lines wrap greedily at spaces,
  never at a no-break space, and the last line is cut with « … » like the desktop title.

``room_px`` is the capacity minus the space the whole text needs: on one line, the limit
minus the width; on several lines, the lines' capacity minus what the text takes when laid
out without a line limit (the ends of lines that wrapping leaves empty included). Negative:
that many pixels do not fit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from seolint.discover import SourceFile
from seolint.engine import FileResult, Linter
from seolint.errors import UsageError
from seolint.findings import Finding
from seolint.parse.document import Document, FieldValue, UnreadableFile, parse_document
from seolint.text.pixels import (
    DESCRIPTION_FONT_PX,
    DESCRIPTION_MAX_PX,
    TITLE_FONT_PX,
    TITLE_MAX_PX,
    text_width,
    truncate,
)

__all__ = [
    "DESKTOP",
    "MOBILE",
    "PREVIEW_RULES",
    "Device",
    "FieldPreview",
    "Layout",
    "Preview",
    "UrlLine",
    "build_preview",
    "concerned_findings",
    "field_lines",
    "layout",
    "limits",
    "preview_file",
    "preview_to_dict",
    "render_preview_text",
]

ELLIPSIS = " …"
MOBILE_VIEWPORT_PX = 390.0
MOBILE_MARGIN_PX = 16.0
MOBILE_LINE_PX = MOBILE_VIEWPORT_PX - 2 * MOBILE_MARGIN_PX

# Rules about the fields a result shows; FR1xx typography and other rules join when their
# finding sits on one of these fields' lines.
PREVIEW_RULES = frozenset(
    {"SEO001", "SEO002", "SEO003", "SEO004", "SEO005", "SEO008", "SEO009", "FR003"}
)
_FIELDS = ("seo_title", "title", "description", "slug", "canonical")
_PATH_KEYS = frozenset({"permalink", "path", "url"})
# Google collapses ordinary white space; no-break spaces are kept (str.split would eat them).
_SPACES = re.compile(r"[ \t\r\n]+")


@dataclass(frozen=True)
class Device:
    """How one device lays a result out: line width and line count per field."""

    name: str
    title_line_px: float
    title_lines: int
    description_line_px: float
    description_lines: int


DESKTOP = Device("desktop", TITLE_MAX_PX, 1, DESCRIPTION_MAX_PX, 1)
MOBILE = Device("mobile", MOBILE_LINE_PX, 2, MOBILE_LINE_PX, 2)


@dataclass(frozen=True)
class Layout:
    """A field laid out on one device."""

    line_px: float
    max_lines: int
    lines: tuple[str, ...]  # as shown, the last one ending with « … » when cut
    cut: bool
    hidden: str  # the words that do not show
    room_px: float  # see the module docstring; negative: that many px do not fit


@dataclass(frozen=True)
class FieldPreview:
    """The title or the description: where it comes from, its measures, its layouts."""

    field: str  # canonical field name: seo_title, title or description
    key: str  # the front-matter key it was read from (seoTitle, description, # heading…)
    line: int  # 1-based line of the value in the file (0: unknown)
    text: str  # white space collapsed, as a search engine reads it
    font_px: float
    width_px: float
    desktop: Layout
    mobile: Layout

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def max_px(self) -> float:
        return self.desktop.line_px * self.desktop.max_lines


@dataclass(frozen=True)
class UrlLine:
    url: str | None
    display: str  # breadcrumb form: https://host › segment › segment
    source: str  # "site_url + slug", "canonical", "site_url + file name" or "none"


@dataclass(frozen=True)
class Preview:
    path: str
    lang: str
    url: UrlLine
    title: FieldPreview | None
    description: FieldPreview | None
    findings: tuple[tuple[str | None, Finding], ...]  # (field concerned, finding)


# -- layout ------------------------------------------------------------------------------
def _next_space(text: str, index: int) -> int:
    found = text.find(" ", index)
    return len(text) if found < 0 else found


_KERN_SLACK_PX = 2.0  # kerning across a space moves a line by well under this


def _line_spans(text: str, line_px: float, font_px: float) -> list[tuple[int, int]]:
    """Greedy layout of single-spaced ``text`` on lines of ``line_px``, without a line limit:
    (start, end) of each line. A word wider than a line is cut between characters, as CSS
    ``overflow-wrap`` does. Widths add up word by word; only a line that ends within a
    kerning's reach of the limit is measured whole."""
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = _next_space(text, start)
        width = text_width(text[start:end], font_px)
        if width > line_px:
            cut = end - 1
            while cut > start + 1 and text_width(text[start:cut], font_px) > line_px:
                cut -= 1
            spans.append((start, cut))
            start = cut
            continue
        while end < len(text):
            following = _next_space(text, end + 1)
            candidate = width + text_width(text[end:following], font_px)
            if abs(candidate - line_px) <= _KERN_SLACK_PX:
                candidate = text_width(text[start:following], font_px)
            if candidate > line_px:
                break
            width, end = candidate, following
        spans.append((start, end))
        start = end + 1 if end < len(text) else end
    return spans


def layout(text: str, line_px: float, max_lines: int, font_px: float) -> Layout:
    """Lay ``text`` out on at most ``max_lines`` lines of ``line_px``; cut the last with « … »."""
    text = _SPACES.sub(" ", text).strip()
    if max_lines == 1:
        width = text_width(text, font_px)
        spans = [(0, len(text))] if width <= line_px else [(0, len(text)), (len(text),) * 2]
        room = line_px - width
    else:
        spans = _line_spans(text, line_px, font_px)
        last = text_width(text[spans[-1][0] : spans[-1][1]], font_px) if spans else 0.0
        room = max_lines * line_px - ((len(spans) - 1) * line_px + last if spans else 0.0)
    lines = [text[start:end] for start, end in spans]
    if len(spans) <= max_lines:
        return Layout(line_px, max_lines, tuple(lines), False, "", room)
    rest = text[spans[max_lines - 1][0] :]
    shown, _ = truncate(rest, line_px, font_px, ELLIPSIS)
    head = _strip_ellipsis(shown)
    hidden = rest[len(head) :].strip() if rest.startswith(head) else rest
    return Layout(line_px, max_lines, (*lines[: max_lines - 1], shown), True, hidden, room)


def _strip_ellipsis(shown: str) -> str:
    for mark in (ELLIPSIS, ELLIPSIS.lstrip()):
        if shown.endswith(mark):
            return shown[: -len(mark)]
    return shown


# -- building a preview --------------------------------------------------------------------
def _text_field(doc: Document, name: str) -> FieldValue | None:
    found = doc.fields.get(name)
    if found is None or not isinstance(found.value, str) or not found.value.strip():
        return None
    return found


def _field_preview(
    doc: Document, name: str, found: FieldValue, font_px: float, desktop_px: float
) -> FieldPreview:
    text = _SPACES.sub(" ", str(found.value)).strip()
    title = name != "description"
    line = doc.position(found.span.value_start)[0] if found.span is not None else 0
    mobile_px, mobile_lines = (
        (MOBILE.title_line_px, MOBILE.title_lines)
        if title
        else (MOBILE.description_line_px, MOBILE.description_lines)
    )
    return FieldPreview(
        field=name,
        key=found.key,
        line=line,
        text=text,
        font_px=font_px,
        width_px=text_width(text, font_px),
        desktop=layout(text, desktop_px, 1, font_px),
        mobile=layout(text, mobile_px, mobile_lines, font_px),
    )


def _breadcrumb(url: str) -> str:
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    head = f"{parts.scheme}://{parts.netloc}" if parts.scheme else parts.netloc
    return " › ".join([head, *segments])


def url_line(doc: Document) -> UrlLine:
    """The URL a result shows: ``site_url`` + slug, else the canonical, else ``site_url`` + the
    file name (what most static site generators do without a slug)."""
    site = doc.settings.site_url
    slug = _text_field(doc, "slug")
    if site and slug is not None:
        value = str(slug.value).strip()
        if slug.key in _PATH_KEYS:
            url = f"{site.rstrip('/')}/{value.lstrip('/')}"
        else:
            url = f"{site.rstrip('/')}/{value.strip('/')}"
        return UrlLine(url, _breadcrumb(url), "site_url + slug")
    canonical = _text_field(doc, "canonical")
    if canonical is not None:
        url = str(canonical.value).strip()
        return UrlLine(url, _breadcrumb(url), "canonical")
    if site:
        url = f"{site.rstrip('/')}/{Path(doc.path).stem}"
        return UrlLine(url, _breadcrumb(url), "site_url + file name")
    return UrlLine(None, "", "none")


def field_lines(doc: Document) -> dict[str, range]:
    """Lines of each shown field, from its key to the end of its value."""
    lines: dict[str, range] = {}
    for name in _FIELDS:
        found = doc.fields.get(name)
        if found is None or found.span is None:
            continue
        first = doc.position(min(found.span.key_start, found.span.value_start))[0]
        last = doc.position(max(found.span.value_end, found.span.key_end))[0]
        lines[name] = range(first, last + 1)
    return lines


def concerned_findings(
    doc: Document, findings: Iterable[Finding]
) -> list[tuple[str | None, Finding]]:
    """The findings about the fields a result shows, each with the field it sits on."""
    lines = field_lines(doc)
    concerned: list[tuple[str | None, Finding]] = []
    for finding in findings:
        field = next((name for name, span in lines.items() if finding.line in span), None)
        if field is not None or finding.rule in PREVIEW_RULES:
            concerned.append((field, finding))
    return concerned


def build_preview(
    doc: Document,
    findings: Iterable[Finding] = (),
    title_max_px: float = TITLE_MAX_PX,
    description_max_px: float = DESCRIPTION_MAX_PX,
) -> Preview:
    """Lay out ``doc``'s search result; ``findings`` are the article's (all of them: the ones
    about the shown fields are kept)."""
    title: FieldPreview | None = None
    for name in ("seo_title", "title"):
        found = _text_field(doc, name)
        if found is not None:
            title = _field_preview(doc, name, found, TITLE_FONT_PX, title_max_px)
            break
    found = _text_field(doc, "description")
    description = (
        _field_preview(doc, "description", found, DESCRIPTION_FONT_PX, description_max_px)
        if found is not None
        else None
    )
    return Preview(
        path=doc.path,
        lang=doc.settings.lang,
        url=url_line(doc),
        title=title,
        description=description,
        findings=tuple(concerned_findings(doc, findings)),
    )


# -- output ------------------------------------------------------------------------------
def _layout_dict(item: Layout) -> dict[str, Any]:
    return {
        "line_px": item.line_px,
        "max_lines": item.max_lines,
        "lines": list(item.lines),
        "cut": item.cut,
        "hidden": item.hidden,
        "room_px": round(item.room_px, 2),
    }


def _field_dict(item: FieldPreview | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {
        "field": item.field,
        "key": item.key,
        "line": item.line,
        "text": item.text,
        "chars": item.chars,
        "font_px": item.font_px,
        "width_px": round(item.width_px, 2),
        "max_px": item.max_px,
        "desktop": _layout_dict(item.desktop),
        "mobile": _layout_dict(item.mobile),
    }


def preview_to_dict(preview: Preview) -> dict[str, Any]:
    """The ``seolint preview --format json`` document (``version`` 1)."""
    return {
        "version": 1,
        "path": preview.path,
        "lang": preview.lang,
        "url": {
            "url": preview.url.url,
            "display": preview.url.display,
            "source": preview.url.source,
        },
        "title": _field_dict(preview.title),
        "description": _field_dict(preview.description),
        "devices": {
            "desktop": {
                "title_px": preview.title.max_px if preview.title else TITLE_MAX_PX,
                "description_px": (
                    preview.description.max_px if preview.description else DESCRIPTION_MAX_PX
                ),
            },
            "mobile": {
                "viewport_px": MOBILE_VIEWPORT_PX,
                "line_px": MOBILE_LINE_PX,
                "title_lines": MOBILE.title_lines,
                "description_lines": MOBILE.description_lines,
            },
        },
        "findings": [{**f.to_dict(), "field": field} for field, f in preview.findings],
    }


def _room(item: FieldPreview) -> str:
    room = item.max_px - item.width_px
    return f"{room:.1f} px left" if room >= 0 else f"{-room:.1f} px over"


def _fate(shown: Layout) -> str:
    if shown.cut:
        return f"cut, hides « {shown.hidden} »"
    return (
        "fits" if shown.max_lines == 1 else f"fits on {len(shown.lines)} of {shown.max_lines} lines"
    )


def render_preview_text(
    preview: Preview, out: TextIO, color: bool | None = None, width: int | None = None
) -> None:
    """Draw the result for desktop and mobile in the terminal, then the measures and findings."""
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, force_terminal=color, highlight=False, emoji=False, width=width)
    severity_style = {"error": "bold red", "warning": "yellow", "info": "cyan"}

    def result_card(device: Device) -> Group:
        parts: list[Text] = []
        url = preview.url.display or "(no URL: set site_url or a canonical)"
        parts.append(
            Text(
                url,
                style="green" if preview.url.url else "dim italic",
                overflow="ellipsis",
                no_wrap=True,
            )
        )
        if preview.title is not None:
            shown = preview.title.desktop if device is DESKTOP else preview.title.mobile
            parts.append(Text("\n".join(shown.lines), style="bold blue"))
        else:
            parts.append(Text("(no title)", style="dim italic"))
        if preview.description is not None:
            shown = preview.description.desktop if device is DESKTOP else preview.description.mobile
            # desktop: the terminal wraps the one measured line; mobile: the model's lines
            parts.append(Text("\n".join(shown.lines)))
        else:
            parts.append(
                Text(
                    "(no description: the search engine picks a sentence of the body)",
                    style="dim italic",
                )
            )
        return Group(*parts)

    head = Text(f"Search result preview of {preview.path}", style="bold")
    head.append(
        f"  (URL from {preview.url.source})"
        if preview.url.url
        else "  (no URL: set site_url with a slug, or a canonical)",
        style="dim",
    )
    console.print(head)
    title_px = preview.title.max_px if preview.title else DESKTOP.title_line_px
    console.print(
        Panel(
            result_card(DESKTOP),
            width=min(console.width, 84),
            border_style="dim",
            title=f"desktop: title {title_px:.0f} px",
            title_align="left",
        )
    )
    mobile_cols = max(len(line) for line in _mobile_lines(preview)) + 4
    console.print(
        Panel(
            result_card(MOBILE),
            border_style="dim",
            title_align="left",
            width=min(console.width, max(mobile_cols, 44)),
            title=f"mobile: {MOBILE_VIEWPORT_PX:.0f} px screen, "
            f"{MOBILE.title_lines} lines of {MOBILE_LINE_PX:.0f} px",
        )
    )

    measures = Table.grid(padding=(0, 2))
    measures.add_column(no_wrap=True, style="bold")
    measures.add_column()
    for item in (preview.title, preview.description):
        if item is None:
            continue
        over = item.width_px > item.max_px
        line = Text(
            f"{item.chars} characters, {item.width_px:.1f} px of {item.max_px:.0f} px "
            f"(Arial {item.font_px:.0f} px): "
        )
        line.append(_room(item), style="red" if over else "green")
        fates = Text("desktop ", style="dim")
        fates.append(_fate(item.desktop), style="red" if item.desktop.cut else "")
        fates.append(" · mobile ", style="dim")
        fates.append(_fate(item.mobile), style="red" if item.mobile.cut else "")
        measures.add_row(item.key, line)
        measures.add_row("", fates)
    console.print()
    console.print(measures)
    console.print()

    if not preview.findings:
        console.print(Text("No findings about these fields.", style="green"))
        return
    console.print(Text("Findings about these fields", style="bold"))
    findings = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1, 0, 0))
    findings.add_column(no_wrap=True)
    findings.add_column(no_wrap=True)
    findings.add_column(no_wrap=True)
    findings.add_column()
    for _, finding in preview.findings:
        findings.add_row(
            f"{finding.line}:{finding.column}",
            Text(finding.severity.label, style=severity_style[finding.severity.label]),
            Text(finding.rule, style="bold"),
            finding.message,
        )
    console.print(findings)


def _mobile_lines(preview: Preview) -> list[str]:
    lines = [preview.url.display[:48] or "(no URL: set site_url or a canonical)"]
    for item in (preview.title, preview.description):
        if item is not None:
            lines.extend(item.mobile.lines)
    return lines


# -- one file, end to end ------------------------------------------------------------------
def limits(linter: Linter) -> tuple[float, float]:
    """Desktop title and description limits in px: the ``max_px`` options of SEO001 and
    SEO002 when they are active, else the defaults."""
    title = getattr(linter.by_code.get("SEO001"), "options", None)
    description = getattr(linter.by_code.get("SEO002"), "options", None)
    return (
        float(getattr(title, "max_px", TITLE_MAX_PX)),
        float(getattr(description, "max_px", DESCRIPTION_MAX_PX)),
    )


def preview_file(path: str, linter: Linter) -> tuple[Preview, list[str]]:
    """Lint one file and lay out its result; returns the preview and the run's internal
    errors (a rule that raised). A missing or unreadable file is a :class:`UsageError`."""
    source = Path(path)
    if not source.is_file():
        raise UsageError(f"{path}: no such file")
    display = path.replace("\\", "/")
    try:
        raw = source.read_bytes()
        doc = parse_document(display, raw, linter.settings)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the file: {exc.strerror}") from None
    except UnreadableFile as exc:
        raise UsageError(f"{path}: {exc.message}") from None
    result = linter.lint_bytes(SourceFile(display, source), raw, FileResult(display))
    title_px, description_px = limits(linter)
    return build_preview(doc, result.findings, title_px, description_px), result.errors
