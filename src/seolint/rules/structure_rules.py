"""ST — Markdown structure: headings, the TL;DR, sections, links, images and length.

Every rule reads the Markdown view of :mod:`seolint.parse.markdown` (parsed once per file)
and the outline below, computed once and shared: which block each heading is, the words of
prose of each block, the TL;DR section and a body wrapped in a code fence.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit

from seolint.findings import Edit, Fix, Severity, Violation
from seolint.parse.document import Document
from seolint.parse.markdown import (
    FENCE,
    HEADING,
    HR,
    HTML_BLOCK,
    PARAGRAPH,
    Block,
    Heading,
    MarkdownView,
    ProseStats,
    markdown_view,
    prose_stats,
)
from seolint.rules.base import Rule

TLDR_HEADINGS = ("TL;DR", "TLDR", "En bref", "L’essentiel", "Résumé", "In short", "Key takeaways")
# the words of a link that say nothing about its target, French and English
GENERIC_LINK_TEXTS = (
    "ici",
    "par ici",
    "cliquez ici",
    "cliquer ici",
    "clique ici",
    "cliquez",
    "lien",
    "ce lien",
    "le lien",
    "en savoir plus",
    "lire la suite",
    "lire plus",
    "voir plus",
    "la suite",
    "suite",
    "plus",
    "voir",
    "voir ici",
    "cet article",
    "cette page",
    "here",
    "click here",
    "click",
    "link",
    "this link",
    "read more",
    "more",
    "learn more",
    "see more",
    "this",
    "this page",
    "this article",
    "go",
)
_MARKDOWN_INFOS = frozenset({"markdown", "md", "mdx", "gfm"})

_QUOTES = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‛": "'",
        "ʼ": "'",
        "′": "'",
        "`": None,
        "´": "'",
        "“": None,
        "”": None,
        "„": None,
        "«": None,
        "»": None,
        '"': None,
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "*": None,
        "_": None,
        "~": None,
        "\\": None,
    }
)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[:;!?,.)])")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[(])\s+")
_END_PUNCT = " .:;!?,"
_ATX_LINE = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
_FENCE_MARK = re.compile(r" {0,3}(`{3,}|~{3,})[ \t]*$")
_TLDR_SEPARATORS = re.compile(r"\s*(?:[:(|—–]|\s-\s).*$")
_NOT_ALNUM = re.compile(r"[\W_]+")

_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT_ATTR = re.compile(r"\salt\s*=", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_[ce]id)$", re.IGNORECASE)


# -- text helpers -----------------------------------------------------------------------
def fold(text: str) -> str:
    """Lower case without accents: ``Résumé`` → ``resume``."""
    if text.isascii():
        return text.casefold()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


@lru_cache(maxsize=4096)
def normal_title(text: str) -> str:
    """A title as a reader compares it: case, accents, quotes, dashes, spacing before
    punctuation, Markdown marks, entities and trailing punctuation do not count."""
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    text = fold(text).translate(_QUOTES)  # NFKD also turns … into ... and no-break spaces
    text = _SPACE_AFTER_OPEN.sub("", _SPACE_BEFORE_PUNCT.sub("", text))
    return " ".join(text.split()).rstrip(_END_PUNCT)


def _heading_key(text: str) -> str:
    """Headings compare without case, accents, HTML anchors and final punctuation."""
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    return " ".join(fold(text).split()).rstrip(_END_PUNCT)


def _clip(text: str, limit: int = 70) -> str:
    """Text for a message: without HTML tags (``<a name="x"></a>``), shortened."""
    text = " ".join(_HTML_TAG.sub("", text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


@lru_cache(maxsize=32)
def _tldr_keys(headings: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_NOT_ALNUM.sub("", fold(h)) for h in headings) - {""}


def _skip_symbols(text: str) -> str:
    """Without the emoji, symbols and spaces before the first word: ``📌 En bref``."""
    for index, char in enumerate(text):
        if unicodedata.category(char)[0] not in "SZC" and char not in "*_~`":
            return text[index:]
    return ""


@lru_cache(maxsize=4096)
def is_tldr_heading(text: str, headings: tuple[str, ...] = TLDR_HEADINGS) -> bool:
    """``TL;DR``, ``tl;dr :``, ``📌 En bref`` and ``L'essentiel (2 min)`` match; the words of
    the heading must be a listed heading, once case, accents and punctuation are ignored."""
    keys = _tldr_keys(headings)
    first = fold(_skip_symbols(text)[:1])
    if not first.isalpha() or not any(key.startswith(first) for key in keys):
        return False  # "-Resume" (a command's parameter), "1. Résumé" (a numbered section)
    folded = _skip_symbols(fold(text))
    return (
        _NOT_ALNUM.sub("", folded) in keys
        or _NOT_ALNUM.sub("", _TLDR_SEPARATORS.sub("", folded)) in keys
    )


# -- the outline shared by the rules ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Wrapper:
    """A fence that holds the article (ST009)."""

    block: Block
    share: float  # of the body's visible characters
    closing_line: int  # the fence line meant to close it, 0 when there is none
    holds_title: bool


@dataclass(frozen=True, slots=True)
class Outline:
    """The article as the ST rules see it. When a fence wraps the body (ST009), the view
    is of the article without the fence lines, so that the other rules judge the article
    its author meant, not one grey code block."""

    view: MarkdownView
    prose: ProseStats
    heading_blocks: tuple[int, ...]  # index in view.blocks of each of view.headings
    wrapper: Wrapper | None

    @property
    def words(self) -> tuple[int, ...]:
        """Prose words of each block."""
        return self.prose.block_words

    def first_content(self, doc: Document) -> int:
        """Where a finding about the whole body points: its first block that shows
        something, else the body."""
        for block in self.view.blocks:
            if _is_content(doc, block):
                return block.start
        return doc.body_start

    def section_blocks(self, heading_index: int) -> range:
        """Indexes of the blocks between a heading and the next one."""
        first = self.heading_blocks[heading_index] + 1
        if heading_index + 1 < len(self.heading_blocks):
            return range(first, self.heading_blocks[heading_index + 1])
        return range(first, len(self.view.blocks))


def outline(doc: Document) -> Outline:
    return doc.memo("structure", _build_outline)


def _build_outline(doc: Document) -> Outline:
    view = markdown_view(doc)
    wrapper = _find_wrapper(doc, view)
    article = doc if wrapper is None else _unwrapped(doc, wrapper)
    view = markdown_view(article)
    heading_blocks = tuple(i for i, block in enumerate(view.blocks) if block.kind == HEADING)
    return Outline(view, prose_stats(article), heading_blocks, wrapper)


def _unwrapped(doc: Document, wrapper: Wrapper) -> Document:
    """The document with the wrapper's fence lines blanked: same offsets, same lines."""
    text = doc.text
    for line in (wrapper.block.first_line, wrapper.closing_line):
        if line:
            start, end = _line_span(doc, line)
            text = text[:start] + " " * (end - start) + text[end:]
    return replace(doc, text=text, _memo={})


def _visible_chars(text: str) -> int:
    return len("".join(text.split()))


def _find_wrapper(doc: Document, view: MarkdownView) -> Wrapper | None:
    if "```" not in doc.body and "~~~" not in doc.body:
        return None
    title = doc.field_text("title")
    wanted = normal_title(title) if title else ""
    total = 0
    for block in view.blocks:
        if block.kind != FENCE or block.in_list or block.in_blockquote:
            continue
        lang = block.info.split()[0].lower() if block.info else ""
        if lang and lang not in _MARKDOWN_INFOS:
            continue
        content = doc.text[block.start : block.end]
        holds_title = bool(wanted) and any(
            normal_title(m.group(1)) == wanted for m in _ATX_LINE.finditer(content)
        )
        total = total or max(_visible_chars(doc.body), 1)
        share = _visible_chars(content) / total
        # An info-less fence of code is common (Python comments look like headings): only
        # the article's own title inside makes it a wrapper.
        if holds_title or (lang and share >= 0.6):
            return Wrapper(block, share, _closing_line(doc, view, block), holds_title)
    return None


def _is_closed(doc: Document, block: Block) -> bool:
    return block.last_line > block.first_line and bool(
        _FENCE_MARK.fullmatch(doc.line_text(block.last_line))
    )


def _closing_line(doc: Document, view: MarkdownView, wrapper: Block) -> int:
    """The line meant to close the wrapper. A fence inside it (```` ```bash ````… ```` ``` ````)
    closes it early; the wrapper's own closing line then opens a fence that runs to the end."""
    for block in reversed(view.blocks):
        if block is wrapper:
            break
        if (
            block.kind == FENCE
            and not block.info
            and not block.in_list
            and not _is_closed(doc, block)
        ):
            return block.first_line
    return wrapper.last_line if _is_closed(doc, wrapper) else 0


def _line_span(doc: Document, line: int) -> tuple[int, int]:
    start = doc.offset(line, 1)
    return start, start + len(doc.line_text(line))


def _heading_span(heading: Heading) -> tuple[int, int]:
    return heading.start, max(heading.end, heading.start)


def _h1s(view: MarkdownView) -> list[Heading]:
    return [h for h in view.headings if h.level == 1]


def _tldr_index(view: MarkdownView, headings: tuple[str, ...]) -> int:
    for index, heading in enumerate(view.headings):
        if is_tldr_heading(heading.text, headings):
            return index
    return -1


# -- ST001–ST003: the H1 and the heading levels ------------------------------------------
@dataclass(frozen=True)
class H1CountOptions:
    h1: Literal["one", "none", "at-most-one"] = "at-most-one"


class H1Count(Rule):
    """The body has more H1 headings than the site expects, or none when it needs one.

    ## What it does
    Counts the level-1 headings of the body (``# Title`` or a title underlined with ``===``;
    code blocks and HTML do not count) and compares the count with the option ``h1``:
    ``at-most-one`` (the default), ``one`` or ``none``.

    ## Why is this bad?
    A page has one main heading: it tells readers and search engines what the page is about.
    Most blog templates (Hugo, Jekyll, Eleventy, Astro) already print the front-matter title
    as the page's H1, so a ``# Title`` in the body makes a second one; Hashnode-style
    exports put the H1 in the body instead. A second ``#`` further down is usually a section
    heading typed one level too high.

    ## Example
    ```markdown
    # Amazon investit 35 milliards USD dans l'IA en Inde
    …
    # Concurrence et défis
    ```

    ## Use instead
    ```markdown
    # Amazon investit 35 milliards USD dans l'IA en Inde
    …
    ## Concurrence et défis
    ```

    ## Options
    - ``h1`` (``"at-most-one"``): ``"one"`` requires exactly one H1 in the body; ``"none"``
      forbids it, for templates that print the title themselves (Hugo, Jekyll, Eleventy).
    """

    id = "ST001"
    name = "h1-count"
    severity = Severity.WARNING
    Options = H1CountOptions

    def check(self, doc: Document, options: H1CountOptions) -> Iterator[Violation]:
        info = outline(doc)
        h1s = _h1s(info.view)
        if options.h1 == "none":
            for heading in h1s:
                yield Violation(
                    *_heading_span(heading),
                    (
                        'H1 in the body, but h1 = "none": the template prints the title as the '
                        "page's H1; make this heading ## or remove it"
                    ),
                )
            return
        if options.h1 == "one" and not h1s:
            start = info.first_content(doc)
            yield Violation(
                start,
                start,
                'the body has no H1 heading (h1 = "one"): start it with # and the title',
            )
            return
        for heading in h1s[1:]:
            yield Violation(
                *_heading_span(heading),
                (
                    f"{len(h1s)} H1 headings in the body (first at line {h1s[0].line}); a page "
                    "has one: make this heading ## (or lower)"
                ),
            )


class H1TitleMismatch(Rule):
    """The H1 of the body says something other than the front-matter title.

    ## What it does
    When the body opens with an H1, compares it with ``title``. Case, accents, typographic
    quotes and apostrophes (``’`` and ``'``), dashes, spaces before punctuation, Markdown
    marks, HTML entities and trailing punctuation are ignored: only a different wording is
    reported.

    ## Why is this bad?
    The title is what search results and social cards show; the H1 is what the reader sees
    on arrival. When they differ the page looks like a different article from the one that
    was clicked, and search engines get two competing statements of the topic.

    ## Example
    ```markdown
    ---
    title: "Amazon investit 35 milliards USD dans l'IA en Inde"
    ---
    # Amazon mise gros sur l'Inde
    ```

    ## Use instead
    ```markdown
    ---
    title: "Amazon investit 35 milliards USD dans l'IA en Inde"
    ---
    # Amazon investit 35 milliards USD dans l’IA en Inde
    ```
    """

    id = "ST002"
    name = "h1-title-mismatch"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        title = doc.fields.get("title")
        if title is None or title.span is None or title.key == "# heading":
            return  # no title, or the title is this very H1 (file without front-matter)
        if not isinstance(title.value, str) or not title.value.strip():
            return
        headings = outline(doc).view.headings
        if not headings or headings[0].level != 1:
            return  # an H1 further down is a misplaced section heading (ST001, ST003)
        h1 = headings[0]
        source = doc.text[h1.start : h1.end]
        if normal_title(source) == normal_title(title.value):
            return
        title_line = doc.position(title.span.value_start)[0]
        yield Violation(
            *_heading_span(h1),
            (
                f'the H1 "{_clip(h1.text)}" differs from the title '
                f'"{_clip(title.value.strip())}" (line {title_line}); use the same words in both'
            ),
        )


class HeadingIncrement(Rule):
    """A heading skips a level (an H4 right under an H2).

    ## What it does
    Reports a heading more than one level deeper than the heading before it. The page's
    title counts as the H1, so the first heading of a body without H1 should be an H2.

    ## Why is this bad?
    Screen-reader users jump from heading to heading and rely on the levels to know where
    they are (WCAG 2 technique G141); search engines read the levels as the outline of the
    page. A skipped level says a section is missing. Same check as markdownlint's MD001.

    ## Example
    ```markdown
    ## Objectifs principaux
    #### Soutien à l'IA
    ```

    ## Use instead
    ```markdown
    ## Objectifs principaux
    ### Soutien à l'IA
    ```
    """

    id = "ST003"
    name = "heading-increment"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        previous = 0
        for heading in outline(doc).view.headings:
            if previous == 0 and heading.level > 2:
                yield Violation(
                    *_heading_span(heading),
                    (
                        f"the first heading is H{heading.level}, but the page's title is its H1: "
                        "make it ## (H2)"
                    ),
                )
            elif previous and heading.level > previous + 1:
                expected = "#" * (previous + 1)
                yield Violation(
                    *_heading_span(heading),
                    (
                        f"H{heading.level} follows H{previous}: a heading goes one level deeper "
                        f"at most; make it {expected} (H{previous + 1}) or add the missing level"
                    ),
                )
            previous = heading.level


# -- ST004–ST006: the TL;DR ----------------------------------------------------------------
@dataclass(frozen=True)
class TldrOptions:
    headings: tuple[str, ...] = TLDR_HEADINGS


_TLDR_OPTION_DOC = """
    ## Options
    - ``headings`` (``["TL;DR", "TLDR", "En bref", "L’essentiel", "Résumé", "In short",
      "Key takeaways"]``): the headings that open a TL;DR. Case, accents and punctuation are
      ignored, and words after a colon or a dash are allowed (``TL;DR : l'essentiel``). The
      three TL;DR rules (ST004, ST005, ST006) have this option each: set the same list.
"""


class TldrMissing(Rule):
    """The article has no TL;DR section.

    ## What it does
    Looks for a heading named like a summary: ``TL;DR``, ``En bref``,
    ``L’essentiel``, ``Résumé``, ``Key takeaways``… (see the option).

    ## Why is this bad?
    Most readers scan before they read: a few bullet points at the top tell them at once
    what the article says and whether to read on (Nielsen Norman Group, "F-shaped pattern"
    and inverted-pyramid studies). Search engines and answer engines also quote such
    summaries. The house structure of these articles requires one.

    ## Example
    ```markdown
    # Amazon investit 35 milliards USD dans l'IA en Inde

    ## Contexte et pertinence
    ```

    ## Use instead
    ```markdown
    # Amazon investit 35 milliards USD dans l'IA en Inde

    ## TL;DR

    - Amazon investira 35 milliards de dollars en Inde d'ici 2030.
    - Près de 3,8 millions de nouveaux emplois seront créés chaque année.

    ## Contexte et pertinence
    ```
    """

    __doc__ = (__doc__ or "") + _TLDR_OPTION_DOC
    id = "ST004"
    name = "tldr-missing"
    severity = Severity.WARNING
    Options = TldrOptions

    def check(self, doc: Document, options: TldrOptions) -> Iterator[Violation]:
        info = outline(doc)
        if not info.view.blocks:
            return  # an empty body: ST010
        if _tldr_index(info.view, options.headings) >= 0:
            return
        h1s = _h1s(info.view)
        start, end = _heading_span(h1s[0]) if h1s else (info.first_content(doc),) * 2
        yield Violation(
            start,
            end,
            (
                "no TL;DR section: add a heading such as ## TL;DR with 2 to 7 bullet points "
                "right below the title"
            ),
        )


class TldrPosition(Rule):
    """The TL;DR is not the first section of the article.

    ## What it does
    Reports a TL;DR heading that comes after another section heading (the H1 excepted).

    ## Why is this bad?
    A summary helps only when it is read first: below an introduction or a first section,
    most readers never reach it, and the "inverted pyramid" (most important first) is lost.

    ## Example
    ```markdown
    # Amazon investit 35 milliards USD dans l'IA en Inde
    ## Contexte et pertinence
    …
    ## TL;DR
    ```

    ## Use instead
    ```markdown
    # Amazon investit 35 milliards USD dans l'IA en Inde
    ## TL;DR
    …
    ## Contexte et pertinence
    ```
    """

    __doc__ = (__doc__ or "") + _TLDR_OPTION_DOC
    id = "ST005"
    name = "tldr-position"
    severity = Severity.WARNING
    Options = TldrOptions

    def check(self, doc: Document, options: TldrOptions) -> Iterator[Violation]:
        view = outline(doc).view
        index = _tldr_index(view, options.headings)
        if index < 0:
            return
        before = [h for h in view.headings[:index] if h.level > 1]
        if before:
            tldr = view.headings[index]
            yield Violation(
                *_heading_span(tldr),
                (
                    f'the TL;DR comes after the section "{_clip(before[0].text, 50)}" '
                    f"(line {before[0].line}); move it to the top, right below the title"
                ),
            )


@dataclass(frozen=True)
class TldrShapeOptions:
    headings: tuple[str, ...] = TLDR_HEADINGS
    min_items: int = 2
    max_items: int = 7
    max_item_words: int = 40


class TldrShape(Rule):
    """The TL;DR is not a short bullet list.

    ## What it does
    Checks that the TL;DR section holds a list of ``min_items`` to ``max_items`` points
    (2 to 7) of at most ``max_item_words`` words (40) each. A numbered list is accepted; a
    sentence introducing the list is too.

    ## Why is this bad?
    A TL;DR is read in seconds: a paragraph is not scanned, one point is not a summary,
    and beyond about seven items readers stop holding them in mind (Miller's "seven plus or
    minus two"). A 40-word point is already a paragraph.

    ## Example
    ```markdown
    ## TL;DR

    Amazon investira 35 milliards de dollars en Inde d'ici 2030, en priorité dans l'IA et
    le cloud, et annonce 3,8 millions d'emplois par an.
    ```

    ## Use instead
    ```markdown
    ## TL;DR

    - Amazon investira 35 milliards de dollars en Inde d'ici 2030.
    - Priorité à l'IA et au cloud.
    - 3,8 millions d'emplois créés chaque année.
    ```

    ## Options
    - ``min_items`` (2), ``max_items`` (7): the number of points.
    - ``max_item_words`` (40): the words of one point.
    - ``headings``: as for ST004; set the same list.
    """

    id = "ST006"
    name = "tldr-shape"
    severity = Severity.WARNING
    Options = TldrShapeOptions

    def check(self, doc: Document, options: TldrShapeOptions) -> Iterator[Violation]:
        info = outline(doc)
        view = info.view
        index = _tldr_index(view, options.headings)
        if index < 0:
            return
        section = info.section_blocks(index)
        blocks = [view.blocks[i] for i in section if view.blocks[i].kind != HR]
        if not blocks:
            return  # an empty section: ST007
        first, last = blocks[0].start, blocks[-1].end
        lists = [
            item
            for item in view.lists
            if first <= item.start <= last and item.depth == 0 and not item.in_blockquote
        ]
        tldr = view.headings[index]
        if not lists:
            yield Violation(
                *_heading_span(tldr),
                (
                    f"the TL;DR is not a list: write {options.min_items} to {options.max_items} "
                    "short bullet points (- …) that a reader scans in seconds"
                ),
            )
            return
        points = lists[0]
        count = len(points.items)
        if not options.min_items <= count <= options.max_items:
            start, _ = points.items[0]
            yield Violation(
                start,
                start + 1,
                (
                    f"the TL;DR has {_plural(count, 'point')}; keep {options.min_items} to "
                    f"{options.max_items} of them"
                ),
            )
        starts = [view.blocks[i].start for i in section]
        for item_start, item_end in points.items:
            first = section.start + bisect_left(starts, item_start)
            last = section.start + bisect_left(starts, item_end)
            words = sum(info.words[first:last])
            if words > options.max_item_words:
                yield Violation(
                    item_start,
                    item_start + 1,
                    (
                        f"this TL;DR point has {words} words (at most {options.max_item_words}); "
                        "keep one idea per point"
                    ),
                )


# -- ST007–ST009: sections and fences --------------------------------------------------------
def _is_content(doc: Document, block: Block) -> bool:
    if block.kind == HR:
        return False
    if block.kind == HTML_BLOCK:
        # a block of comments only (suppressions, notes to editors) shows nothing
        return bool(_COMMENT.sub("", doc.text[block.start : block.end]).strip())
    return True


class EmptySection(Rule):
    """A heading has no content before the next heading of the same or a higher level.

    ## What it does
    Reports a heading directly followed by a heading of the same or a higher level, or by
    the end of the article. A heading followed by its own subsections is not empty; a rule
    (``---``) or an HTML comment is not content.

    ## Why is this bad?
    An empty section promises something the page does not deliver: it is usually a
    leftover of an outline or of a generator that stopped early, and it makes the page look
    unfinished to readers and thin to search engines.

    ## Example
    ```markdown
    ## Focus sur les emplois

    ## Concurrence et défis
    ```

    ## Use instead
    Write the section, or remove its heading.
    """

    id = "ST007"
    name = "empty-section"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        info = outline(doc)
        blocks = info.view.blocks
        headings = info.view.headings
        for index, heading in enumerate(headings):
            # the first block after the heading that shows something decides
            following = next(
                (
                    b
                    for b in islice(blocks, info.heading_blocks[index] + 1, None)
                    if _is_content(doc, b)
                ),
                None,
            )
            if following is None or (
                following.kind == HEADING and headings[index + 1].level <= heading.level
            ):
                yield Violation(
                    *_heading_span(heading),
                    (
                        f'the section "{_clip(heading.text, 50)}" is empty; write it or remove '
                        "the heading"
                    ),
                )


@dataclass(frozen=True)
class DuplicateHeadingOptions:
    siblings_only: bool = False


class DuplicateHeading(Rule):
    """Two headings of the same level have the same text.

    ## What it does
    Compares the headings of each level, ignoring case, accents and punctuation at the
    ends, and reports every repetition with the line of the first one.

    ## Why is this bad?
    Readers and screen-reader users navigate by headings: two identical ones cannot be told
    apart in a table of contents, and their anchors become ``#exemple`` and ``#exemple-1``,
    so links to the second one break when the order changes. Search engines see repeated
    headings as filler. Same check as markdownlint's MD024.

    ## Example
    ```markdown
    ## Installation
    ### Exemple
    ## Configuration
    ### Exemple
    ```

    ## Use instead
    ```markdown
    ## Installation
    ### Exemple d'installation
    ## Configuration
    ### Exemple de configuration
    ```

    ## Options
    - ``siblings_only`` (false): report only repetitions under the same parent heading,
      which reference pages with one ``### Example`` per section prefer.
    """

    id = "ST008"
    name = "duplicate-heading"
    severity = Severity.WARNING
    Options = DuplicateHeadingOptions

    def check(self, doc: Document, options: DuplicateHeadingOptions) -> Iterator[Violation]:
        headings = outline(doc).view.headings
        seen: dict[tuple[object, ...], Heading] = {}
        parents: list[int] = []  # index of the current heading of each level above
        for index, heading in enumerate(headings):
            while parents and headings[parents[-1]].level >= heading.level:
                parents.pop()
            key = _heading_key(heading.text)
            if not key:
                continue
            scope = parents[-1] if options.siblings_only and parents else -1
            first = seen.setdefault((heading.level, scope, key), heading)
            if first is not heading:
                yield Violation(
                    *_heading_span(heading),
                    (
                        f'the heading "{_clip(heading.text, 50)}" repeats line {first.line}; '
                        "give each section its own title"
                    ),
                )
            parents.append(index)


class BodyInCodeFence(Rule):
    """The body (or most of it) sits inside one fenced code block, so it renders as code.

    ## What it does
    Reports a fenced code block that holds the article: a ```` ```markdown ```` (or info-less)
    fence that contains the article's title as a heading, or a ```` ```markdown ```` fence
    that holds 60 % or more of the body. Text around the fence (a source link) does not
    matter. The other structure rules judge the article as it would be without the fence.

    ## Why is this bad?
    Everything inside a fence is shown verbatim, in a monospace grey box: the headings,
    lists, links and emphasis of the article are not rendered, search engines see one code
    sample instead of an article, and the page reads as broken. Text generators (and
    copy-pasted chatbot answers) often wrap their output this way.

    ## Example
    ````markdown
    ```markdown
    # Repenser l'analyse de la qualité de code

    ## TL;DR
    ```
    ````

    ## Use instead
    ```markdown
    # Repenser l'analyse de la qualité de code

    ## TL;DR
    ```

    ## Fix safety
    The fix deletes the fence's opening line and the line that was meant to close it (when
    a code block inside the wrapper closed it early, the last bare fence line). It is
    unsafe: review the rendering, since a fence is sometimes meant to show Markdown source.
    """

    id = "ST009"
    name = "body-in-code-fence"
    severity = Severity.ERROR
    fixable = True

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        wrapper = outline(doc).wrapper
        if wrapper is None:
            return
        block = wrapper.block
        fence = doc.line_text(block.first_line).strip()
        what = (
            "the article's title and body"
            if wrapper.holds_title
            else (f"{round(wrapper.share * 100)} % of the body")
        )
        until = f"–{wrapper.closing_line}" if wrapper.closing_line else " to the end"
        edits = [Edit(*_whole_line(doc, block.first_line), "")]
        if wrapper.closing_line:
            edits.append(Edit(*_whole_line(doc, wrapper.closing_line), ""))
        yield Violation(
            *_line_span(doc, block.first_line),
            (
                f"{what} sit inside a {fence} code block (lines {block.first_line}{until}): it "
                "renders as code, not as an article; delete the fence lines"
            ),
            fix=Fix(tuple(edits), safe=False),
        )


def _whole_line(doc: Document, line: int) -> tuple[int, int]:
    start = doc.offset(line, 1)
    end = start + len(doc.line_text(line))
    return start, min(end + 1, len(doc.text))


# -- ST010, ST015, ST016: length -----------------------------------------------------------
@dataclass(frozen=True)
class ContentTooShortOptions:
    min_words: int = 300


class ContentTooShort(Rule):
    """The article has fewer than ``min_words`` words of prose.

    ## What it does
    Counts the words a reader sees as text — paragraphs, headings, lists and tables — and
    leaves out code, HTML, images, URLs and link targets.

    ## Why is this bad?
    A page with little text rarely answers a query well enough to rank, and search engines
    may treat it as thin content. Yoast SEO asks for at least 300 words for a post (900 for
    cornerstone content).

    ## Example
    An article of a title, two short paragraphs and a code sample.

    ## Use instead
    Develop the article to at least 300 words, or merge it into a related one.

    ## Options
    - ``min_words`` (300).
    """

    id = "ST010"
    name = "content-too-short"
    severity = Severity.WARNING
    Options = ContentTooShortOptions

    def check(self, doc: Document, options: ContentTooShortOptions) -> Iterator[Violation]:
        info = outline(doc)
        words = info.prose.total_words
        if words < options.min_words:
            h1s = _h1s(info.view)
            start, end = _heading_span(h1s[0]) if h1s else (info.first_content(doc),) * 2
            yield Violation(
                start,
                end,
                (
                    f"the article has {_plural(words, 'word')} of text, under {options.min_words}; "
                    "develop it (code, links and images do not count)"
                ),
            )


@dataclass(frozen=True)
class LongParagraphOptions:
    max_words: int = 150


class LongParagraph(Rule):
    """A paragraph has more than ``max_words`` words.

    ## What it does
    Counts the words of each paragraph (in lists and quotes too), without code, URLs and
    link targets.

    ## Why is this bad?
    Long blocks of text are skipped on screens, and on a phone a 150-word paragraph fills
    the screen. Yoast SEO's readability analysis flags paragraphs over 150 words.

    ## Example
    A paragraph of 180 words mixing the context, the numbers and the competition.

    ## Use instead
    Split it where the topic changes: one idea per paragraph.

    ## Options
    - ``max_words`` (150).
    """

    id = "ST015"
    name = "long-paragraph"
    severity = Severity.INFO
    Options = LongParagraphOptions

    def check(self, doc: Document, options: LongParagraphOptions) -> Iterator[Violation]:
        info = outline(doc)
        for block, words in zip(info.view.blocks, info.words, strict=True):
            if block.kind == PARAGRAPH and words > options.max_words:
                yield Violation(
                    *_line_span(doc, block.first_line),
                    (
                        f"paragraph of {words} words (over {options.max_words}); split it where "
                        "the idea changes"
                    ),
                )


@dataclass(frozen=True)
class LongSectionOptions:
    max_words: int = 300


class LongSection(Rule):
    """More than ``max_words`` words follow one another without a subheading.

    ## What it does
    Adds up the words of prose between two headings (of any level), and before the first
    one, and reports a stretch over ``max_words``.

    ## Why is this bad?
    Readers scan headings to find the part they need; a long stretch without one hides its
    content. Yoast SEO's "subheading distribution" check asks for a subheading at least
    every 300 words.

    ## Example
    A ``## Contexte`` section of 450 words.

    ## Use instead
    Break it with ``###`` subheadings that say what each part is about.

    ## Options
    - ``max_words`` (300).
    """

    id = "ST016"
    name = "long-section"
    severity = Severity.INFO
    Options = LongSectionOptions

    def check(self, doc: Document, options: LongSectionOptions) -> Iterator[Violation]:
        info = outline(doc)
        blocks = info.view.blocks
        headings = iter(info.view.headings)
        current: Heading | None = None
        run_start = 0
        words = 0
        for index, block in enumerate([*blocks, None]):
            if block is not None and block.kind != HEADING:
                words += info.words[index]
                continue
            if words > options.max_words and run_start < len(blocks):
                if current is not None:
                    start, end = _heading_span(current)
                    where = f'after the heading "{_clip(current.text, 50)}"'
                else:
                    start, end = _line_span(doc, blocks[run_start].first_line)
                    where = "before the first heading"
                yield Violation(
                    start,
                    end,
                    (
                        f"{words} words {where} without a subheading (over {options.max_words}); "
                        "break the text with ### subheadings"
                    ),
                )
            if block is not None:
                current = next(headings)
            run_start, words = index + 1, 0


# -- ST011–ST014: images and links ------------------------------------------------------------
class ImageAltMissing(Rule):
    """An image has no alt text.

    ## What it does
    Reports Markdown images with an empty alt text (``![](image.png)``, including Hashnode's
    ``![](url align="center")``) and HTML ``<img>`` tags without an ``alt`` attribute
    (``alt=""`` is accepted there: it marks a decorative image).

    ## Why is this bad?
    The alt text is what screen readers say and what shows when the image does not load
    (WCAG 2, success criterion 1.1.1); search engines use it to understand and index the
    image (Google Search Central, "Image SEO best practices").

    ## Example
    ```markdown
    ![](https://cdn.example.com/graphique.png)
    ```

    ## Use instead
    ```markdown
    ![Investissements d'Amazon en Inde de 2010 à 2030](https://cdn.example.com/graphique.png)
    ```
    """

    id = "ST011"
    name = "image-alt-missing"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        view = outline(doc).view
        for image in view.images:
            if not image.text.strip():
                yield Violation(
                    image.start,
                    image.text_end + 1,
                    (
                        "image without alt text: describe what it shows in ![…](…) for screen "
                        "readers and image search"
                    ),
                )
        if "<img" not in doc.text and "<IMG" not in doc.text:
            return
        for start, end in view.code_spans:
            if doc.text.startswith("<", start) and not doc.text.startswith("<!--", start):
                for tag in _IMG_TAG.finditer(doc.text, start, end):
                    if not _ALT_ATTR.search(tag.group(0)):
                        yield Violation(
                            tag.start(),
                            tag.end(),
                            (
                                '<img> without an alt attribute: add alt="what it shows" '
                                '(alt="" for a purely decorative image)'
                            ),
                        )


def _link_label(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    return " ".join(_NOT_ALNUM.sub(" ", fold(text)).split())


@dataclass(frozen=True)
class LinkTextOptions:
    generic: tuple[str, ...] = GENERIC_LINK_TEXTS


class LinkText(Rule):
    """A link's text is empty or says nothing about its target (``ici``, ``click here``).

    ## What it does
    Reports links whose text is empty or, ignoring case, accents and punctuation, one of
    the generic phrases of the option ``generic`` (French and English). Image links are
    judged by their image's alt text (ST011), autolinks by their URL.

    ## Why is this bad?
    Link text is how search engines learn what the target is about (Google Search Central,
    "Write good link text") and how screen-reader users choose a link from a list of links
    (WCAG 2, success criterion 2.4.4). « Cliquez ici » tells neither anything.

    ## Example
    ```markdown
    Le rapport complet est disponible [ici](https://example.com/rapport-anssi-2025).
    ```

    ## Use instead
    ```markdown
    Lire le [rapport 2025 de l'ANSSI](https://example.com/rapport-anssi-2025).
    ```

    ## Options
    - ``generic``: the phrases reported, compared without case, accents and punctuation.
    """

    id = "ST012"
    name = "link-text"
    severity = Severity.WARNING
    Options = LinkTextOptions

    def check(self, doc: Document, options: LinkTextOptions) -> Iterator[Violation]:
        generic = _generic_labels(options.generic)
        for link in outline(doc).view.links:
            if link.is_image or link.autolink or "![" in link.text:
                continue
            label = _link_label(link.text)
            if not link.text.strip(" \t\n*_~"):
                yield Violation(
                    link.start,
                    link.text_end + 1,
                    "link without text: write what the target is, [le rapport de l'ANSSI](…)",
                )
            elif label in generic:
                yield Violation(
                    link.text_start,
                    link.text_end,
                    (
                        f'link text "{link.text.strip()}" says nothing about the target; '
                        "describe the page it leads to"
                    ),
                )


@lru_cache(maxsize=8)
def _generic_labels(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_link_label(p) for p in phrases)


class BareUrl(Rule):
    """A URL is written as plain text in the prose.

    ## What it does
    Reports ``https://…`` and ``www.…`` addresses in paragraphs, headings and tables that
    are not inside a link, an autolink (``<https://…>``), code or HTML. Hashnode embeds
    (``%[https://youtu.be/…]``) render as a card and are not reported.

    ## Why is this bad?
    A raw address is hard to read and says nothing about what it leads to; depending on the
    renderer it is not even clickable (CommonMark does not link it, GitHub does). Same
    check as markdownlint's MD034.

    ## Example
    ```markdown
    L'annonce : https://aws.amazon.com/blogs/aws/new-business-metadata-features
    ```

    ## Use instead
    ```markdown
    [L'annonce d'AWS sur les métadonnées](https://aws.amazon.com/blogs/aws/new-business-metadata-features)
    ```

    ## Fix safety
    The fix wraps the URL in ``<…>`` so that every renderer links it; better link text is
    still up to you. For a ``www.`` address it writes ``[www.…](<https://www.…>)``, which
    guesses the scheme: that fix is unsafe.
    """

    id = "ST013"
    name = "bare-url"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        for start, end in outline(doc).prose.bare_urls:
            url = doc.text[start:end]
            target = url if "://" in url else f"https://{url}"
            replacement = f"<{url}>" if "://" in url else f"[{url}](<{target}>)"
            yield Violation(
                start,
                end,
                (
                    "bare URL in the text: make it a link with descriptive text, "
                    "[what it is](URL), or at least <URL>"
                ),
                fix=Fix((Edit(start, end, replacement),), safe="://" in url),
            )


@lru_cache(maxsize=256)
def _host(url: str) -> str:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


@lru_cache(maxsize=4096)
def _url_key(url: str) -> tuple[str, str, str] | None:
    """A URL as compared for "the same page": scheme, www., a trailing slash, the fragment
    and tracking parameters do not count."""
    url = url.strip().strip("<>")
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        ]
    )
    return host, parts.path.rstrip("/"), query


class SourceLinkMissing(Rule):
    """The canonical URL points to another site and the body never links to it.

    ## What it does
    When ``site_url`` is configured and the ``canonical`` field names a page on another
    host (a republished or summarised article), looks for a link to that page in the body:
    Markdown links, autolinks, bare URLs and HTML ``href``. The scheme, ``www.``, a
    trailing slash, the fragment and ``utm_*`` parameters are ignored. Without ``site_url``
    the rule is silent.

    ## Why is this bad?
    A cross-site canonical says "the original is elsewhere"; readers deserve the same
    information, and Google advises syndicated copies to link back to the original
    (Google Search Central, "Consolidate duplicate URLs"). Credit to the source is also
    what its author expects.

    ## Example
    ```markdown
    ---
    canonical: https://www.techradar.com/pro/amazon-and-to-commit-usd35bn-into-ai-in-india
    ---
    … (no link to techradar.com)
    ```

    ## Use instead
    ```markdown
    [Source : TechRadar](https://www.techradar.com/pro/amazon-and-to-commit-usd35bn-into-ai-in-india)
    ```
    """

    id = "ST014"
    name = "source-link-missing"
    severity = Severity.WARNING

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        site_url = doc.settings.site_url
        canonical = doc.fields.get("canonical")
        if not site_url or canonical is None or not isinstance(canonical.value, str):
            return
        site, wanted = _host(site_url), _url_key(canonical.value)
        if not site or wanted is None or wanted[0] == site:
            return
        info = outline(doc)
        targets = [link.target for link in info.view.links if not link.is_image]
        targets.extend(doc.text[s:e] for s, e in info.prose.bare_urls)
        if "href" in doc.body:
            targets.extend(m.group(1) for m in _HREF.finditer(doc.text, doc.body_start))
        host = wanted[0]
        if any(host in target.lower() and _url_key(target) == wanted for target in targets):
            return
        span = canonical.span
        start, end = (span.value_start, span.value_end) if span else (0, 0)
        yield Violation(
            start,
            end,
            (
                f"the canonical points to {wanted[0]}, another site, but the body never links to "
                "that page; credit it with a link such as [source](canonical URL)"
            ),
        )
