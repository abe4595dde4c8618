"""The prose view of a document: what a reader reads, at the offsets where it is written.

Everything that is not prose is replaced by spaces of the same length (line breaks are
kept), so an offset in the view is an offset in ``doc.text`` and findings point into the
original file:

- the front-matter, fenced and indented code, HTML blocks, reference definitions;
- Markdown syntax: heading marks, list bullets, blockquote marks, emphasis marks, table pipes
  and delimiter rows, backslash escapes, link brackets and targets, whole images;
- inline code, inline HTML and HTML entities, autolinks, bare URLs, e-mail addresses, file
  names and paths, domain names, emoji short codes (``:smile:``), template tags.

``&nbsp;``, ``&#160;`` and ``&#8239;`` are masked like any entity, but :func:`nbsp_before`
and :func:`nbsp_after` count them as the no-break spaces they render.

The view is cut into :class:`Paragraph` units (paragraphs, list items, headings, table rows),
each with its masked text, and front-matter fields give :class:`FieldProse` units.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from seolint.parse.document import Document
from seolint.parse.markdown import HEADING, PARAGRAPH, TABLE, Block, Heading, markdown_view
from seolint.text.french import WORD, split_sentences

PARAGRAPH_KIND = "paragraph"
HEADING_KIND = "heading"
TABLE_KIND = "table"

NO_BREAK_SPACES = "\u00a0\u202f"
"""Both count as the no-break space French typography asks for."""

_NBSP_ENTITY = r"&(?:nbsp|#160|#x0*a0|#8239|#x0*202f|NonBreakingSpace);"
_NBSP_ENTITY_BEFORE = re.compile(f"(?:{_NBSP_ENTITY})\\Z", re.IGNORECASE)
_NBSP_ENTITY_AFTER = re.compile(_NBSP_ENTITY, re.IGNORECASE)

_FILE_EXTENSIONS = (
    "md|mdx|markdown|txt|html?|css|scss|js|mjs|cjs|jsx|ts|tsx|json|ya?ml|toml|xml|csv|ini|cfg|"
    "conf|log|py|rb|go|rs|java|kt|cs|cpp|hpp|php|sh|bash|zsh|ps1|psm1|psd1|ps1xml|bat|cmd|exe|"
    "dll|msi|so|pdf|docx?|xlsx?|pptx?|odt|png|jpe?g|gif|svg|webp|avif|ico|mp[34]|mov|webm|zip|"
    "tar|gz|tgz|7z|rar|iso|dmg|apk|sql|db|env|lock|wasm|ipynb|vue|svelte|astro|dockerfile"
)
_DOMAINS = (
    "com|fr|org|net|io|dev|ai|co|app|be|ch|ca|de|uk|eu|us|gov|edu|info|me|tv|ly|gg|so|sh|xyz|"
    "tech|cloud|blog|news|site|online|page|run|gouv|it|es|nl|jp|cn|ru|in|ms|cc"
)
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
_SCHEME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
_EMAIL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-")
# the rest of a URL, without the trailing punctuation that belongs to the sentence
_URL_REST = re.compile(r"[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]»’]")
_DOMAIN_REST = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_PATH_REST = re.compile(r"(?:/[\w.@%+-]+){2,}/?")
# a slash that may start a path: not right after a word character or a slash, nor after
# one or two « . » « ~ » that follow one (a prefilter: the loop in _inline_spans decides)
_PATH_SLASH = re.compile(r"/(?<![\w/]/)(?<![\w/][.~]/)(?<![\w/.~][.~][.~]/)")
_BACKSLASH_PATH_REST = re.compile(r"(?:\\[\w.$-]+)+\\?|\\(?=\s|$)")
_NOT_SPACE = re.compile(r"[^\s<>\"'`]*")
_LATEX = re.compile(r"\\[A-Za-z]+(?:\{[^}\n]*\})?")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n")
# Inline constructs found by a regex that starts with a literal (a fast scan), each looked for
# only when its first characters are in the text. (Emphasis asterisks are not among them:
# every « * » of prose is blanked, with one str.replace on the masked text, see
# _blank_asterisks; as spans, the bold words of an article cost a match object each.)
_LITERAL_CONSTRUCTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("%[", re.compile(r"%\[[^\]\n]*\]")),  # Hashnode embeds %[url]
    ("][", re.compile(r"\]\[[^\]\n]*\]")),  # the label of a reference link [text][label]
    ("[^", re.compile(r"\[\^[^\]\s]+\]:?")),  # footnotes [^1]
    ("{", re.compile(r"\{(?:\{.*?\}\}|%.*?%\})")),  # Liquid, Hugo, Jinja tags
    ("&", re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")),
    ("`", re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")),  # code (the body's come from markdown)
    ("<", re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->")),  # HTML
    ("~~", re.compile(r"~~+")),  # strike-through
)
_SHORTCODE = re.compile(r":[a-z0-9_+-]{2,}:(?!\S)")  # emoji :smile:
# file names and domain names, found from their extension: README.md, Node.js, example.com
_EXTENSION = re.compile(rf"\.(?:{_FILE_EXTENSIONS}|{_DOMAINS})\b(?![\w-])")


def _find(text: str, needle: str, start: int, end: int) -> Iterator[int]:
    index = text.find(needle, start, end)
    while index != -1:
        yield index
        index = text.find(needle, index + 1, end)


def _inline_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of ``text[start:end]`` that are inline constructs, not prose.

    Each kind is found from a literal (``://``, ``@``, ``\\``, ``_``, ``.``…) with ``str.find``
    or a regex starting with it, then extended around it: a regex starting with a character
    class is scanned many times slower.
    """
    for index in _find(text, "://", start, end):  # URLs with a scheme
        first = index
        while first > start and text[first - 1] in _SCHEME_CHARS:
            first -= 1
        if first < index and text[first].isalpha():
            rest = _URL_REST.match(text, index + 3, end)
            yield first, rest.end() if rest else index + 3
    for index in _find(text, "www.", start, end):
        if index == start or not text[index - 1].isalnum():
            rest = _URL_REST.match(text, index, end)
            if rest is not None:
                yield rest.span()
    for index in _find(text, "@", start, end):  # e-mail addresses
        first = index
        while first > start and text[first - 1] in _EMAIL_CHARS:
            first -= 1
        domain = _DOMAIN_REST.match(text, index + 1, end)
        if first < index and domain is not None:
            if text.endswith("mailto:", start, first):
                first -= 7
            yield first, domain.end()
    # /etc/hosts, ./src/app, ~/.bashrc: a slash after a word, a slash or up to two « . » or
    # « ~ » after one (et/ou, 24/7, the rest of a URL) is passed over by the regex already
    # (run on the slice: its lookbehinds must not see what comes before ``start``)
    slashes = _PATH_SLASH.finditer(text[start:end]) if text.find("/", start, end) != -1 else ()
    for slash in slashes:
        index = start + slash.start()
        first = index
        while first > start and index - first < 2 and text[first - 1] in ".~":
            first -= 1
        before = text[first - 1] if first > start else " "
        if before.isalnum() or before in "/_.~":
            continue  # et/ou, 24/7, TCP/IP, or inside a path already seen
        path = _PATH_REST.match(text, index, end)
        if path is not None:
            yield first, path.end()
    for index in _find(text, "\\", start, end):
        yield from _backslash(text, index, start, end)
    for index in _find(text, "_", start, end):
        if index > start and text[index - 1] == "_":
            continue
        after = index
        while after < end and text[after] == "_":
            after += 1
        if index > start and text[index - 1].isalnum() and after < end and text[after].isalnum():
            first, last = index, after  # an identifier: about_Execution_Policies, MAX_PATH
            while first > start and (text[first - 1].isalnum() or text[first - 1] == "_"):
                first -= 1
            while last < end and (text[last].isalnum() or text[last] == "_"):
                last += 1
            yield first, last
        else:
            yield index, after  # emphasis: _mot_, __mot__
    for needle, pattern in _LITERAL_CONSTRUCTS:
        if text.find(needle, start, end) != -1:
            yield from (match.span() for match in pattern.finditer(text, start, end))
    if text.find(":", start, end) != -1:
        for match in _SHORTCODE.finditer(text, start, end):
            if match.start() == start or text[match.start() - 1].isspace():
                yield match.span()
    for match in _EXTENSION.finditer(text, start, end):
        first = match.start()
        while first > start and text[first - 1] in _WORD_CHARS:
            first -= 1
        if first < match.start() and text[first] not in ".-":
            yield first, match.end()


def _backslash(text: str, index: int, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A Windows path, a registry path, a LaTeX command or a Markdown escape."""
    if index >= start + 2 and text[index - 1] == ":" and text[index - 2].isalpha():
        at_line_end = index + 1 >= end or text[index + 1] == "\n"
        one_letter = index == start + 2 or not text[index - 3].isalnum()
        # C:\Windows, HKLM:\Software; but « la liste:\ » at a line end is a hard break
        if one_letter or not at_line_end:
            rest = _NOT_SPACE.match(text, index, end)
            yield index - 2, rest.end() if rest else index + 1
            return
    if index > start and (text[index - 1].isalnum() or text[index - 1] in "_.$-"):
        rest = _BACKSLASH_PATH_REST.match(text, index, end)
        if rest is not None:  # Root\Microsoft\Windows, HKLM\Software
            first = index
            while first > start and (text[first - 1].isalnum() or text[first - 1] in "_.$-"):
                first -= 1
            yield first, rest.end()
            return
    following = text[index + 1] if index + 1 < end else "\n"
    if following in _ESCAPABLE:
        yield index, index + 1  # \* \_ \[ and a hard-break backslash at a line end
    elif following.isalpha():
        latex = _LATEX.match(text, index, end)
        if latex is not None:
            yield latex.span()


_CONTAINER_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)*")
_LIST_MARKER = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[[ xX]\][ \t]+)?")
_ATX_OPEN = re.compile(r"#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_TABLE_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_TABLE_PIPE = re.compile(r"(?<!\\)\|")


class Paragraph(NamedTuple):
    """One unit of body prose: a paragraph (list items included), a heading or a table row
    (a named tuple, as the Markdown view's blocks are).

    ``text`` is the masked text, exactly ``end - start`` characters long.
    """

    start: int
    end: int
    kind: str
    text: str
    in_blockquote: bool = False
    in_list: bool = False


@dataclass(frozen=True, slots=True)
class FieldProse:
    """The prose of a front-matter text field (title, seo title, description).

    Offsets are those of the value inside the front-matter (without its quotes), so a finding
    points at the value and a fix edits it in place. Only values written literally in the
    file (no escape sequence, no folded line) get a unit: elsewhere an offset in the value
    would not be an offset in the file.
    """

    name: str  # canonical field name
    key: str  # the key as written (``seoTitle``)
    start: int
    end: int
    text: str  # masked
    original: str


@dataclass
class ProseView:
    text: str  # doc.text with everything that is not body prose blanked
    paragraphs: list[Paragraph] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False)

    def paragraph_at(self, offset: int) -> Paragraph | None:
        """The unit holding ``offset``, if any."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0:
            unit = self.paragraphs[index]
            if unit.start <= offset < unit.end:
                return unit
        return None

    def words(self, kinds: tuple[str, ...] = (PARAGRAPH_KIND,)) -> int:
        """Number of words in the units of the given kinds (« l'IA », « 3,8 » are one)."""
        return sum(len(WORD.findall(p.text)) for p in self.paragraphs if p.kind in kinds)

    def sentences(self, paragraph: Paragraph) -> list[tuple[int, int]]:
        """(start, end) of each sentence of a unit, as offsets of doc.text."""
        return [
            (paragraph.start + start, paragraph.start + end)
            for start, end in split_sentences(paragraph.text)
        ]


def _blank(segment: str) -> str:
    if "\n" not in segment:
        return " " * len(segment)
    return "\n".join(" " * len(part) for part in segment.split("\n"))


def _blank_asterisks(text: str) -> str:
    """Emphasis marks (``*mot*``, ``**mot**``) and any other « * » of prose, blanked."""
    return text.replace("*", " ") if "*" in text else text


def mask_inline(text: str) -> str:
    """Blank the inline constructs of ``text`` that are not prose (same length)."""
    spans = sorted(_inline_spans(text, 0, len(text)))
    if not spans:
        return _blank_asterisks(text)
    pieces: list[str] = []
    position = 0
    for start, end in spans:
        if end <= position:
            continue
        start = max(start, position)
        pieces.append(text[position:start])
        pieces.append(_blank(text[start:end]))
        position = end
    pieces.append(text[position:])
    return _blank_asterisks("".join(pieces))


def nbsp_before(text: str, index: int) -> bool:
    """True when a no-break space (character or entity) ends just before ``index``."""
    if index > 0 and text[index - 1] in NO_BREAK_SPACES:
        return True
    return _NBSP_ENTITY_BEFORE.search(text, max(0, index - 24), index) is not None


def nbsp_after(text: str, index: int) -> bool:
    """True when a no-break space (character or entity) starts at ``index``."""
    if index < len(text) and text[index] in NO_BREAK_SPACES:
        return True
    return _NBSP_ENTITY_AFTER.match(text, index) is not None


def prose_view(doc: Document) -> ProseView:
    """The document's prose view, built once and shared by every rule."""
    return doc.memo("prose", build_prose_view)


def build_prose_view(doc: Document) -> ProseView:
    text = doc.text
    md = markdown_view(doc)
    heading_by_line = {h.line: h for h in md.headings}
    # Spans of prose blocks kept, and spans inside them blanked; merged at the end.
    keep: list[tuple[int, int]] = []
    blank: list[tuple[int, int]] = []
    rows: list[tuple[Block, int, int]] = []  # table rows: (table, start, end)
    for block in md.blocks:
        if block.kind not in (PARAGRAPH, HEADING, TABLE) or block.start < doc.body_start:
            continue
        keep.append((block.start, block.end))
        if block.kind == TABLE:
            _table_lines(text, block, blank, rows)
        elif block.kind == HEADING or block.in_list or block.in_blockquote:
            _block_syntax(text, block, heading_by_line, blank)
        # (a plain paragraph has no syntax at its line starts, only spaces)
    # Inline constructs, looked for in runs of prose blocks separated by blank lines only
    # (not in code, where most of the dots, slashes and underscores of an article are).
    for run_start, run_end in _runs(text, keep):
        blank.extend(_inline_spans(text, run_start, run_end))
    blank.extend(span for span in md.code_spans if span[1] > doc.body_start)
    for link in md.links:
        if link.start < doc.body_start:
            continue
        if link.is_image:
            blank.append((link.start, link.end))
        elif not link.autolink:
            blank.append((link.start, link.text_start))
            blank.append((link.text_end, link.end))
    # (outside the kept blocks everything is blank already: no « * » is left there)
    masked = _blank_asterisks(_compose(text, keep, blank))
    paragraphs = [
        Paragraph(
            block.start,
            block.end,
            HEADING_KIND if block.kind == HEADING else PARAGRAPH_KIND,
            masked[block.start : block.end],
            block.in_blockquote,
            block.in_list,
        )
        for block in md.blocks
        if block.kind in (PARAGRAPH, HEADING) and block.start >= doc.body_start
    ]
    for table, row_start, row_end in rows:
        row = masked[row_start:row_end]
        if row.strip():
            paragraphs.append(
                Paragraph(row_start, row_end, TABLE_KIND, row, table.in_blockquote, table.in_list)
            )
    paragraphs.sort(key=lambda p: p.start)
    return ProseView(masked, paragraphs, [p.start for p in paragraphs])


def _runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge spans separated by nothing but whitespace."""
    runs: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if runs and not text[runs[-1][1] : start].strip():
            runs[-1] = (runs[-1][0], max(end, runs[-1][1]))
        else:
            runs.append((start, end))
    return runs


def _compose(text: str, keep: list[tuple[int, int]], blank: list[tuple[int, int]]) -> str:
    """``text`` with only the ``keep`` spans, minus the ``blank`` spans, left visible."""
    blanked = _blank(text)
    pieces: list[str] = []
    position = 0  # everything before is in pieces
    blank.sort()
    count = len(blank)
    index = 0
    # (the loops below run once per blanked span, hundreds of thousands on a large site: no
    # len() or max() call inside them)
    for start, end in sorted(keep):
        while index < count and blank[index][1] <= start:
            index += 1
        visible = start
        scan = index
        while scan < count:
            b_start, b_end = blank[scan]
            if b_start >= end:
                break
            if b_start > visible:
                pieces.append(blanked[position:visible])
                pieces.append(text[visible:b_start])
                position = b_start
            if b_end > visible:
                visible = b_end
            scan += 1
        if visible < end:
            pieces.append(blanked[position:visible])
            pieces.append(text[visible:end])
            position = end
    pieces.append(blanked[position:])
    return "".join(pieces)


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(line number offset from the block's first line, start, end) of each line."""
    number = 0
    while start <= end:
        line_end = text.find("\n", start, end)
        if line_end == -1:
            line_end = end
        yield number, start, line_end
        start = line_end + 1
        number += 1


def _block_syntax(
    text: str, block: Block, heading_by_line: dict[int, Heading], blank: list[tuple[int, int]]
) -> None:
    """Blank the container and block syntax at the start (and end) of each line."""
    heading = heading_by_line.get(block.first_line) if block.kind == HEADING else None
    setext = heading is not None and heading.setext
    last = block.last_line - block.first_line
    for number, line_start, line_end in _lines(text, block.start, block.end):
        if setext and number == last:
            blank.append((line_start, line_end))  # the === or --- underline
            continue
        prefix = _CONTAINER_PREFIX.match(text, line_start, line_end)
        position = prefix.end() if prefix is not None else line_start
        if block.in_list:
            marker = _LIST_MARKER.match(text, position, line_end)
            if marker is not None:
                position = marker.end()
        if block.kind == HEADING and not setext and number == 0:
            opener = _ATX_OPEN.match(text, position, line_end)
            if opener is not None:
                position = opener.end()
            closer = _ATX_CLOSE.search(text, position, line_end)
            if closer is not None:
                blank.append((closer.start(), line_end))
        if position > line_start:
            blank.append((line_start, position))


def _table_lines(
    text: str, block: Block, blank: list[tuple[int, int]], rows: list[tuple[Block, int, int]]
) -> None:
    for _, line_start, line_end in _lines(text, block.start, block.end):
        if _TABLE_DELIMITER.fullmatch(text, line_start, line_end):
            blank.append((line_start, line_end))
            continue
        prefix = _CONTAINER_PREFIX.match(text, line_start, line_end)
        if prefix is not None and prefix.end() > line_start:
            blank.append((line_start, prefix.end()))
        blank.extend(pipe.span() for pipe in _TABLE_PIPE.finditer(text, line_start, line_end))
        rows.append((block, line_start, line_end))


# -- front-matter fields --------------------------------------------------------------------

PROSE_FIELDS = ("title", "seo_title", "description")


def field_prose(doc: Document) -> list[FieldProse]:
    """The title, seo title and description written literally in the front-matter."""
    return doc.memo("field-prose", _build_field_prose)


def _build_field_prose(doc: Document) -> list[FieldProse]:
    units: list[FieldProse] = []
    for name in PROSE_FIELDS:
        found = doc.fields.get(name)
        if found is None or found.span is None or not isinstance(found.value, str):
            continue
        start, end = found.span.value_start, found.span.value_end
        if end <= start or start >= doc.body_start:  # a title taken from the body's H1
            continue
        original = doc.text[start:end]
        if original != found.value:  # escapes or folded lines: offsets would be wrong
            continue
        units.append(FieldProse(name, found.key, start, end, mask_inline(original), original))
    return units
