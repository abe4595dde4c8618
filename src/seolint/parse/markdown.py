"""The Markdown view of a document: blocks, headings, links, images, code and HTML spans.

Block structure comes from markdown-it-py (CommonMark, plus GFM tables) and its line maps;
every position is turned into offsets of ``doc.text`` so findings point into the original
file. Inline parsing is switched off (it is more than half of markdown-it's cost and gives no
positions): links, images, code spans and inline HTML are found by small scanners on the
lines of each text block instead.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from seolint.parse.block_parser import block_parser
from seolint.parse.document import Document

if TYPE_CHECKING:
    from markdown_it.token import Token

# kinds of leaf blocks
PARAGRAPH = "paragraph"
HEADING = "heading"
FENCE = "fence"
CODE_BLOCK = "code_block"
HTML_BLOCK = "html_block"
TABLE = "table"
HR = "hr"

# Blocks, headings and links (and the prose view's paragraphs) are named tuples: immutable, as
# every rule reads the same ones, and made five times faster than frozen dataclasses (a run
# over a large site makes more than a million of them).


class Block(NamedTuple):
    """A leaf block. Lines are 1-based file lines, inclusive; offsets are into doc.text."""

    kind: str
    first_line: int
    last_line: int
    start: int
    end: int
    in_list: bool = False
    in_blockquote: bool = False
    list_item: int = -1  # index of the list item holding the block, -1 outside lists
    info: str = ""  # a fence's info string (``markdown``, ``python``…)


class Heading(NamedTuple):
    level: int
    text: str  # plain text: Markdown emphasis, links and code marks removed
    line: int
    start: int  # offsets of the heading's text in doc.text
    end: int
    setext: bool = False


class Link(NamedTuple):
    text: str  # the link text (an image's alt text)
    target: str
    start: int  # the whole ``[text](target)`` construct
    end: int
    text_start: int
    text_end: int
    target_start: int
    target_end: int
    is_image: bool = False
    autolink: bool = False


@dataclass(frozen=True, slots=True)
class ListInfo:
    start: int
    end: int
    first_line: int
    ordered: bool
    items: tuple[tuple[int, int], ...]  # (start, end) offsets of each item
    depth: int
    in_blockquote: bool


@dataclass
class MarkdownView:
    blocks: list[Block] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)  # links and images, in order
    lists: list[ListInfo] = field(default_factory=list)
    # spans that are never prose: fences, indented code, HTML blocks, code spans, inline HTML,
    # autolinks; sorted, non-overlapping enough for masking
    code_spans: list[tuple[int, int]] = field(default_factory=list)
    html_comments: list[tuple[int, int]] = field(default_factory=list)

    @property
    def images(self) -> list[Link]:
        return [link for link in self.links if link.is_image]


# a run of backticks not preceded by one, written so that the pattern starts with a literal
# backtick (the engine then jumps from one to the next instead of trying every position)
_CODE_SPAN = re.compile(r"(`(?<!``)`*)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_INLINE_HTML = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>", re.DOTALL)
_AUTOLINK = re.compile(
    r"<(?:https?|ftp|mailto):[^<>\s]+>|<[^<>\s@]+@[^<>\s@]+\.[a-z]{2,}>", re.IGNORECASE
)
# [text](target "title") and ![alt](target) with one level of nested brackets in the text
_LINK = re.compile(
    r"(!?)\[((?:[^\[\]\\]|\\.|\[[^\[\]]*\])*)\]\(\s*(<[^<>\n]*>|(?:[^()\s\\]|\\.|\([^()\s]*\))*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?"
    # Hashnode writes image attributes inside the parentheses: ![](url align="center")
    r"(?:\s+[A-Za-z-]+=\"[^\"]*\")*\s*\)"
)
_HEADING_MARKS = re.compile(r"[*_~]{1,3}(?=\S)|(?<=\S)[*_~]{1,3}")
_HEADING_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATX_PREFIX = re.compile(r" {0,3}#{1,6}(?:[ \t]+|$)")


def plain_heading(text: str) -> str:
    """Heading source without Markdown marks: ``**Le** [lien](u) `x` `` → ``Le lien x``."""
    # (each substitution only where its marks are: most headings have none)
    if "](" in text:
        text = _HEADING_LINK.sub(r"\1", text)
    text = text.replace("`", "")
    if "*" in text or "_" in text or "~" in text:
        text = _HEADING_MARKS.sub("", text)
    return " ".join(text.split())


def parse_markdown(doc: Document) -> MarkdownView:
    body = doc.body
    tokens = block_parser().parse(body)
    first_line = doc.position(doc.body_start)[0]  # file line of the body's first line
    view = MarkdownView()
    _walk(doc, tokens, first_line, view)
    _scan_inline(doc, view)
    view.code_spans.sort()
    return view


def markdown_view(doc: Document) -> MarkdownView:
    """The document's Markdown view, parsed once and shared by every rule."""
    return doc.memo("markdown", parse_markdown)


def _line_span(doc: Document, first: int, last: int) -> tuple[int, int]:
    """Offsets of the start of line ``first`` and of the end of line ``last`` (1-based)."""
    starts = doc.line_starts  # called for every block: no doc.offset / doc.line_text
    count = len(starts)
    if not 1 <= first <= count:  # (clamped without min/max calls: most spans need none)
        first = 1 if first < 1 else count
    if not 1 <= last <= count:
        last = 1 if last < 1 else count
    end = starts[last] - 1 if last < count else len(doc.text)
    return starts[first - 1], end


# what _walk does with each token type; the others (closers of leaf blocks, inline
# content, table rows and cells) need nothing
_QUOTE_OPEN, _QUOTE_CLOSE, _LIST_OPEN, _LIST_CLOSE, _ITEM_OPEN = range(5)
_CONTAINER_TOKENS = {
    "blockquote_open": _QUOTE_OPEN,
    "blockquote_close": _QUOTE_CLOSE,
    "bullet_list_open": _LIST_OPEN,
    "ordered_list_open": _LIST_OPEN,
    "bullet_list_close": _LIST_CLOSE,
    "ordered_list_close": _LIST_CLOSE,
    "list_item_open": _ITEM_OPEN,
}
_LEAF_TOKENS = {
    "paragraph_open": PARAGRAPH,
    "heading_open": HEADING,
    "fence": FENCE,
    "code_block": CODE_BLOCK,
    "html_block": HTML_BLOCK,
    "table_open": TABLE,
    "hr": HR,
}
_WALKED_TOKENS = frozenset(_CONTAINER_TOKENS) | frozenset(_LEAF_TOKENS)


def _walk(doc: Document, tokens: list[Token], first_line: int, view: MarkdownView) -> None:
    quote_depth = 0
    list_stack: list[tuple[Token, list[tuple[int, int]]]] = []
    item_index = -1
    starts = doc.line_starts
    line_count = len(starts)
    text = doc.text
    blocks = view.blocks
    for index, token in enumerate(tokens):
        kind = token.type
        if kind not in _WALKED_TOKENS:
            continue  # inline content, closers of leaf blocks, table rows and cells
        block_kind = _LEAF_TOKENS.get(kind)
        if block_kind is not None:
            line_map = token.map
            if line_map is None:
                continue
            map_start, map_end = line_map
            first = map_start + first_line
            last = (map_end - 1 if map_end > map_start else map_start) + first_line
            if 1 <= first <= last < line_count:  # (every block of a well-formed file)
                start, end = starts[first - 1], starts[last] - 1
            else:
                start, end = _line_span(doc, first, last)
            while last > first and not text[starts[last - 1] : end].strip():
                last -= 1  # markdown-it maps include trailing blank lines of some blocks
                end = starts[last] - 1
            in_list = bool(list_stack)
            block = Block(
                block_kind,
                first,
                last,
                start,
                end,
                in_list,
                quote_depth > 0,
                item_index if in_list else -1,
                token.info.strip() if block_kind == FENCE else "",
            )
            blocks.append(block)
            if block_kind in (FENCE, CODE_BLOCK, HTML_BLOCK):
                view.code_spans.append((start, end))
                if block_kind == HTML_BLOCK:
                    _html_comments(text, start, end, view)
            elif block_kind == HEADING:
                view.headings.append(_heading(doc, token, tokens[index + 1], block))
            continue
        action = _CONTAINER_TOKENS.get(kind)
        if action is None:
            continue
        if action == _QUOTE_OPEN:
            quote_depth += 1
        elif action == _QUOTE_CLOSE:
            quote_depth -= 1
        elif action == _LIST_OPEN:
            list_stack.append((token, []))
        elif action == _LIST_CLOSE:
            opener, items = list_stack.pop()
            if opener.map:
                start, end = _line_span(
                    doc,
                    opener.map[0] + first_line,
                    max(opener.map[1] - 1, opener.map[0]) + first_line,
                )
                view.lists.append(
                    ListInfo(
                        start,
                        end,
                        opener.map[0] + first_line,
                        opener.type == "ordered_list_open",
                        tuple(items),
                        len(list_stack),
                        quote_depth > 0,
                    )
                )
        elif token.map and list_stack:  # a list item
            item_index += 1
            first = token.map[0] + first_line
            last = max(token.map[1] - 1, token.map[0]) + first_line
            list_stack[-1][1].append(_line_span(doc, first, last))


def _heading(doc: Document, opener: Token, inline: Token, block: Block) -> Heading:
    level = int(opener.tag[1])
    setext = opener.markup in ("=", "-")
    line_text = doc.line_text(block.first_line)
    if setext:
        start = block.start + (len(line_text) - len(line_text.lstrip()))
        end = doc.offset(block.last_line - 1, 1) + len(doc.line_text(block.last_line - 1).rstrip())
    else:
        prefix = _ATX_PREFIX.match(line_text)
        start = block.start + (prefix.end() if prefix else 0)
        end = max(block.start + atx_text_end(line_text), start)
    return Heading(level, plain_heading(inline.content), block.first_line, start, end, setext)


def atx_text_end(line: str) -> int:
    """Where an ATX heading's text ends: before its closing ``#`` run (one that follows a
    space) and its trailing spaces; where ``(?:[ \t]+#+)?[ \t]*$`` first matches, found
    without a regex search tried at every character of the heading."""
    stripped = line.rstrip(" \t")
    text = stripped.rstrip("#")
    if len(text) < len(stripped) and text[-1:] in (" ", "\t"):
        return len(text.rstrip(" \t"))
    return len(stripped)


def _html_comments(text: str, start: int, end: int, view: MarkdownView) -> None:
    position = text.find("<!--", start, end)
    while position != -1:
        close = text.find("-->", position + 4)
        stop = len(text) if close == -1 else close + 3
        view.html_comments.append((position, stop))
        position = text.find("<!--", stop, end)


def _scan_inline(doc: Document, view: MarkdownView) -> None:
    """Find code spans, inline HTML, autolinks and links in paragraphs, headings and tables."""
    text = doc.text
    for block in view.blocks:
        if block.kind not in (PARAGRAPH, HEADING, TABLE):
            continue
        segment = text[block.start : block.end]
        taken: list[tuple[int, int]] = []
        # each scanner runs only where its opening character is (most blocks have none)
        angle = "<" in segment
        for match in _CODE_SPAN.finditer(segment) if "`" in segment else ():
            taken.append(match.span())
            view.code_spans.append((block.start + match.start(), block.start + match.end()))
        for match in _AUTOLINK.finditer(segment) if angle else ():
            if _inside(match.span(), taken):
                continue
            taken.append(match.span())
            s, e = block.start + match.start(), block.start + match.end()
            view.code_spans.append((s, e))
            target = match.group(0)[1:-1]
            view.links.append(Link(target, target, s, e, s + 1, e - 1, s + 1, e - 1, autolink=True))
        for match in _INLINE_HTML.finditer(segment) if angle else ():
            if _inside(match.span(), taken):
                continue
            taken.append(match.span())
            s, e = block.start + match.start(), block.start + match.end()
            view.code_spans.append((s, e))
            if match.group(0).startswith("<!--"):
                view.html_comments.append((s, e))
        for match in _links_in(segment) if "](" in segment else ():
            if _inside(match.span(), taken):
                continue
            s = block.start
            target = match.group(3)
            target_start, target_end = s + match.start(3), s + match.end(3)
            if target.startswith("<") and target.endswith(">"):
                target, target_start, target_end = target[1:-1], target_start + 1, target_end - 1
            view.links.append(
                Link(
                    text=match.group(2),
                    target=target,
                    start=s + match.start(),
                    end=s + match.end(),
                    text_start=s + match.start(2),
                    text_end=s + match.end(2),
                    target_start=target_start,
                    target_end=target_end,
                    is_image=match.group(1) == "!",
                )
            )
    view.links.sort(key=lambda link: link.start)
    view.html_comments.sort()


def _links_in(segment: str) -> list[re.Match[str]]:
    """Links and images, including an image inside a link's text: [![alt](img)](url)."""
    found: list[re.Match[str]] = []
    for match in _LINK.finditer(segment):
        found.append(match)
        if "![" in match.group(2):
            inner = _LINK.search(segment, match.start(2), match.end(2))
            if inner is not None:
                found.append(inner)
    return found


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] < e for s, e in taken)


# -- prose words and bare URLs ------------------------------------------------------------
# Word counts (content length, long paragraphs, long sections) and bare URLs need the text
# a reader sees as prose: code, HTML, images, link targets and URLs are not words.

_BARE_URL = re.compile(r"(?<![\w@/.=\"'\\])(?:https?://|www\.)[^\s<>\"'`\\\[\]]+", re.IGNORECASE)
_URL_TRAILER = re.compile(r"[.,;:!?»…’'\"*_~]+$")
_EMBED = re.compile(r"%\[[^\]\n]*\]")  # Hashnode embeds: %[https://youtu.be/…] render a card
# a run of non-spaces holding a letter or a digit, matched from its first one (no backtracking)
_WORD = re.compile(r"[^\W_]\S*")
# "12." opens an ordered list item and would count as a word ("-", "*" and ">" do not)
_ORDERED_MARKER = re.compile(r"[ \t>]*\d{1,9}[.)](?=[ \t]|$)", re.MULTILINE)
_PROSE_KINDS = (PARAGRAPH, HEADING, TABLE)


@dataclass(frozen=True, slots=True)
class ProseStats:
    block_words: tuple[int, ...]  # words of prose of each block of ``view.blocks``
    bare_urls: tuple[tuple[int, int], ...]  # URLs written as plain text, outside links and code

    @property
    def total_words(self) -> int:
        return sum(self.block_words)


def prose_stats(doc: Document) -> ProseStats:
    """Words per block and bare URLs, computed once per document."""
    return doc.memo("markdown.prose", _prose_stats)


def _prose_stats(doc: Document) -> ProseStats:
    view = markdown_view(doc)
    text = doc.text
    masked = _mask_non_prose(doc, view)
    link_spans = [(link.start, link.end) for link in view.links]
    link_starts = [start for start, _ in link_spans]
    words: list[int] = []
    urls: list[tuple[int, int]] = []
    count_words = _WORD.findall
    for block in view.blocks:
        if block.kind not in _PROSE_KINDS:
            words.append(0)
            continue
        start, end = block.start, block.end
        count = len(count_words(masked, start, end))
        if block.in_list and _ORDERED_MARKER.match(masked, start, end):
            count -= 1
        if masked.find("http", start, end) >= 0 or masked.find("www.", start, end) >= 0:
            count -= _bare_urls(block, masked, text, link_starts, link_spans, urls)
        words.append(max(count, 0))
    return ProseStats(tuple(words), tuple(urls))


def _bare_urls(
    block: Block,
    masked: str,
    text: str,
    link_starts: list[int],
    link_spans: list[tuple[int, int]],
    urls: list[tuple[int, int]],
) -> int:
    """Append the bare URLs of a block to ``urls``; return how many URL words it holds."""
    found = 0
    for match in _BARE_URL.finditer(masked, block.start, block.end):
        start = match.start()
        end = start + _url_length(text[start : match.end()])
        found += 1
        if _in_link(start, end, text, link_starts, link_spans):
            continue
        if (
            block.kind == PARAGRAPH
            and not (block.in_list or block.in_blockquote)
            and masked[block.start : block.end].strip() == text[start:end]
        ):
            continue  # a URL alone in its paragraph: embed plugins turn it into a card
        urls.append((start, end))
    return found


def _in_link(
    start: int, end: int, text: str, starts: list[int], spans: list[tuple[int, int]]
) -> bool:
    """A URL in a link's text ``[https://…](…)``, in a reference link ``[https://…][1]``, or
    in the target of a link the scanner did not match (brackets nested in its text)."""
    index = bisect.bisect_right(starts, start) - 1
    if index >= 0 and start < spans[index][1]:
        return True
    before = text[max(start - 2, 0) : start]
    return before.endswith("](") or (before.endswith("[") and text.startswith("]", end))


def _url_length(url: str) -> int:
    """Length of a URL without the punctuation that ends the sentence around it."""
    while True:
        trimmed = _URL_TRAILER.sub("", url)
        if trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
            trimmed = trimmed[:-1]  # (see https://example.com)
        if trimmed == url:
            return len(url)
        url = trimmed


def _mask_non_prose(doc: Document, view: MarkdownView) -> str:
    """``doc.text`` with front-matter, code, HTML, images, link targets and embeds blanked."""
    text = doc.text
    spans = list(view.code_spans)
    for link in view.links:
        spans.append((link.start, link.end) if link.is_image else (link.text_end, link.end))
    if "%[" in text:
        for block in view.blocks:
            if block.kind == PARAGRAPH:
                spans.extend(m.span() for m in _EMBED.finditer(text, block.start, block.end))
    spans.sort()
    pieces = [" " * doc.body_start]
    position = doc.body_start
    for start, end in spans:
        if end <= position:
            continue
        start = max(start, position)
        pieces.append(text[position:start])
        pieces.append(" " * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
