"""markdown-it-py set up for seolint: the block structure only, and faster to get.

:func:`block_parser` is CommonMark with GFM tables and HTML, block rules only (inline
parsing is more than half of markdown-it's cost and seolint scans inline constructs itself,
see :mod:`seolint.parse.markdown`). These make it cheaper without changing a single
token (``tests/test_block_parser.py`` compares the tokens with a plain markdown-it):

- **First-character dispatch.** For each line, markdown-it calls its block rules in order
  until one matches: table, code, fence, blockquote, hr, list, reference, HTML, heading,
  setext heading, paragraph — and, inside a paragraph, the rules that may end it, for each
  of its lines. Most of them give up at once when the first character of the line is not
  theirs (``>`` for a blockquote, ``#`` for a heading…). Each rule chain is replaced by a
  single function that calls, in the same order, only the rules that can match a line
  starting with that character; the others would return False without touching the state.
  The table rule is also skipped when the *next* line cannot be a table's delimiter row
  (it must start with ``|``, ``-`` or ``:``): it is tried on every line otherwise.
- **Paragraphs scanned once.** For a line no other rule takes, markdown-it's ``lheading``
  walks the next lines looking for a setext underline (``===``, ``---``) and, most of the
  time finding none, declines; ``paragraph`` then walks the same lines again. One rule does
  both here, in one walk (markdown-it-py 3 and 4, whose two rules it follows).
- **One-line reference definitions settled by a regex.** ``[1]: https://…`` is read by
  markdown-it character by character, its URL normalised and stored for inline parsing
  (which seolint does not run); a definition of that simple shape is recognised here by
  one regex, and any other line starting with ``[`` still goes to markdown-it's rule.
- **Line marks at C speed.** markdown-it's block state records, for every line, where it
  starts and ends and how far it is indented, in a Python loop over the lines; the same
  lists are built here with ``str.split`` and list comprehensions.
- **Tokens made without the dataclass machinery.** ``StateBlock.push`` builds each token
  with ``Token(...)`` (defaults, ``__post_init__``) and then sets two of its fields; the
  same token is made here by setting its 13 slots once. Only when ``Token`` has exactly the
  fields this module knows: any other markdown-it keeps its own ``push``.
- **Line endings normalised only when there is something to normalise.** markdown-it's
  ``normalize`` core rule rewrites every ``\n`` to ``\n`` (a regex substitution over the
  whole text) and looks for NUL characters the same way; the same text is made here with
  ``str.replace``, and only when a ``\r`` or a NUL is there.
- **No debug logging.** The block rules log every attempt at DEBUG level (a call into
  ``logging`` each time) for messages seolint never shows: their module loggers are swapped
  for a no-op.

They only rely on markdown-it's public rule functions, ``Ruler.getRules`` and ``Ruler.at``; a
rule this module does not know (a newer markdown-it, a plugin) is always called.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import cache
from itertools import accumulate, repeat
from operator import sub
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore

BlockRule = Callable[["StateBlock", int, int, bool], bool]


@cache
def block_parser() -> MarkdownIt:
    """The shared parser (built on first use: a cached run never needs markdown-it)."""
    md = plain_block_parser()
    _dispatch_on_first_character(md)
    _mark_lines_faster(md)
    md.core.ruler.at("normalize", _normalize)
    _silence_block_rules()
    return md


def plain_block_parser() -> MarkdownIt:
    """The same parser without the speed-ups (the reference the tests compare with)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.core.ruler.disable(["inline", "text_join"])
    return md


def first_characters() -> dict[BlockRule, str]:
    """The characters a line must start with (after its indentation) for each rule to match:
    each of these rules returns False at once on any other line."""
    from markdown_it import rules_block

    return {
        rules_block.fence: "~`",
        rules_block.blockquote: ">",
        rules_block.hr: "*-_",
        rules_block.list_block: "*-+0123456789",
        rules_block.reference: "[",
        _simple_definition_or_reference: "[",
        rules_block.html_block: "<",
        rules_block.heading: "#",
    }


def _dispatch_on_first_character(md: MarkdownIt) -> None:
    ruler = md.block.ruler
    compile_chain = ruler.getRules
    starts = first_characters()
    chains: dict[str, list[BlockRule]] = {}

    def get_rules(chain_name: str = "") -> list[BlockRule]:
        found = chains.get(chain_name)
        if found is None:
            rules = _faster_rules(compile_chain(chain_name))
            found = chains[chain_name] = [_dispatcher(rules, starts)]
        return found

    ruler.getRules = get_rules  # type: ignore[method-assign,assignment]


_KNOWN_MAJOR_VERSIONS = ("3", "4")


@cache
def _trimmer() -> Callable[[str], str]:
    """How markdown-it trims a paragraph's text (``mdTrim`` since markdown-it-py 4)."""
    try:
        from markdown_it.common.utils import mdTrim
    except ImportError:  # markdown-it-py 3
        return str.strip
    return mdTrim


def _faster_rules(rules: list[BlockRule]) -> list[BlockRule]:
    """The chain with markdown-it's ``lheading`` and ``paragraph`` (when they follow each
    other, as in markdown-it's own order) replaced by :func:`_setext_or_paragraph`, and its
    ``reference`` by :func:`_simple_definition_or_reference`, for the versions of
    markdown-it-py they were written from."""
    import markdown_it
    from markdown_it.rules_block import lheading, paragraph, reference

    if markdown_it.__version__.split(".")[0] not in _KNOWN_MAJOR_VERSIONS:
        return rules
    rules = [_simple_definition_or_reference if rule is reference else rule for rule in rules]
    for index in range(len(rules) - 1):
        if rules[index] is lheading and rules[index + 1] is paragraph:
            return [*rules[:index], _setext_or_paragraph, *rules[index + 2 :]]
    return rules


# A link reference definition on one line, ``[label]: destination``, with none of the
# characters that make markdown-it look further: no bracket or backslash in the label; no
# angle bracket, parenthesis, backslash, entity (``&``) or control character in the
# destination; nothing after it but spaces.
_SIMPLE_DEFINITION = re.compile(r"\[([^\[\]\\\n]+)\]:[ \t]*([^\s<>()\\&\x00-\x1f\x7f]+)[ \t]*")
# the destinations markdown-it's validateLink refuses (and the data: images it accepts)
_UNSAFE_DESTINATION = re.compile(r"(?:vbscript|javascript|file|data):", re.IGNORECASE)


def _simple_definition_or_reference(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's ``reference`` rule, with the common case settled without it.

    Most definitions are one line, ``[1]: https://…``. For those, markdown-it scans the
    label and the destination character by character, normalises the URL and stores it in
    ``env["references"]`` (which only inline parsing reads: seolint does not run it). Here,
    such a line is taken as a definition when the line after it cannot hold its title (no
    ``"``, ``'`` or ``(`` first): the block then ends on that line, as markdown-it's does.
    Every other line goes to markdown-it's rule.
    """
    from markdown_it.rules_block import reference

    if silent or state.md.options.get("inline_definitions") or state.is_code_block(start):
        return reference(state, start, end, silent)
    position = state.bMarks[start] + state.tShift[start]
    found = _SIMPLE_DEFINITION.fullmatch(state.src, position, state.eMarks[start])
    if (
        found is None
        or not found.group(1).strip()  # markdown-it refuses an empty label
        or _UNSAFE_DESTINATION.match(found.group(2))
    ):
        return reference(state, start, end, silent)
    following = start + 1
    if following < state.lineMax:
        first = state.bMarks[following] + state.tShift[following]
        if first < state.eMarks[following] and state.src[first] in "\"'(":
            return reference(state, start, end, silent)  # a title may follow
    state.line = following
    return True


def _setext_or_paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's ``lheading`` then, when it declines, its ``paragraph``, in one scan.

    Both walk the same lines, stopping at the same blank line or block that interrupts a
    paragraph; ``lheading`` also stops at a setext underline. When it finds none, its scan
    ended where the paragraph's does, so the paragraph is made from it instead of walking
    its lines (and asking every interrupting rule about each) a second time. The state is
    left as the two rules leave it — ``lheading`` does not restore ``parentType`` when it
    declines, so after a paragraph it is ``"paragraph"``.
    """
    if end != state.lineMax or state.is_code_block(start):
        # paragraph scans to lineMax, lheading to ``end``; and lheading declines a code block
        from markdown_it.rules_block import lheading, paragraph

        return lheading(state, start, end, silent) or paragraph(state, start, end, silent)
    terminators = state.md.block.ruler.getRules("paragraph")
    old_parent = state.parentType
    state.parentType = "paragraph"
    b_marks, e_marks, t_shift, s_count = state.bMarks, state.eMarks, state.tShift, state.sCount
    indent = state.blkIndent
    source = state.src
    level = 0
    marker = ""
    line = start + 1
    while line < end:
        position = b_marks[line] + t_shift[line]
        if position >= e_marks[line]:
            break  # a blank line
        column = s_count[line]
        if column - indent > 3:
            line += 1  # a lazy continuation line, however indented
            continue
        if column >= indent:
            marker = source[position]
            if (
                marker in "-="
                and state.skipSpaces(state.skipCharsStr(position, marker)) >= e_marks[line]
            ):
                level = 1 if marker == "=" else 2
                break
        if column < 0:
            line += 1  # inside a blockquote: its rule has checked this line
            continue
        for rule in terminators:
            if rule(state, line, end, True):
                break
        else:
            line += 1
            continue
        break  # a block that interrupts a paragraph starts on this line
    content = _trimmer()(state.getLines(start, line, indent, False))
    if level:
        state.line = line + 1
        token = state.push("heading_open", f"h{level}", 1)
        token.markup = marker
        token.map = [start, state.line]
        token = state.push("inline", "", 0)
        token.content = content
        token.map = [start, state.line - 1]
        token.children = []
        token = state.push("heading_close", f"h{level}", -1)
        token.markup = marker
        state.parentType = old_parent
        return True
    state.line = line
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, line]
    token = state.push("inline", "", 0)
    token.content = content
    token.map = [start, line]
    token.children = []
    state.push("paragraph_close", "p", -1)
    return True


# the first character of a table's delimiter row (the line after its header)
_DELIMITER_ROW_STARTS = "|-:"


def _dispatcher(rules: list[BlockRule], starts: dict[BlockRule, str]) -> BlockRule:
    """One rule standing for a chain: the chain's rules that may match the line, in order."""
    from markdown_it.rules_block import table

    by_character: dict[str, list[BlockRule]] = {}

    def rules_for(character: str) -> list[BlockRule]:
        """The rules for a character not seen yet, remembered in ``by_character``."""
        # ("" is in every string: at the end of the text every rule is called)
        found = by_character[character] = [
            rule for rule in rules if rule not in starts or character in starts[rule]
        ]
        return found

    def dispatch(state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
        # the character every rule reads first: after the line's indentation (and, inside
        # a blockquote, after its marker: the state's line marks are shifted)
        b_marks = state.bMarks
        t_shift = state.tShift
        position = b_marks[line] + t_shift[line]
        source = state.src
        character = source[position] if position < len(source) else ""
        # (called for every line: the lookup is inlined, rules_for fills the table)
        candidates = by_character.get(character)
        if candidates is None:
            candidates = rules_for(character)
        for rule in candidates:
            if rule is table:
                # the table rule returns False at once when the next line is empty or does
                # not start (after its indentation) with a delimiter row's character; when
                # there is no next line, the rule decides
                following = line + 1
                if following < len(b_marks):
                    position = b_marks[following] + t_shift[following]
                    if (
                        position >= state.eMarks[following]
                        or source[position] not in _DELIMITER_ROW_STARTS
                    ):
                        continue
            if rule(state, line, end_line, silent):
                return True
        return False

    return dispatch


def _normalize(state: StateCore) -> None:
    """markdown-it's ``normalize``: CR LF and lone CR become LF, NUL becomes U+FFFD."""
    text = state.src
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\0" in text:
        text = text.replace("\0", "\ufffd")
    state.src = text


def _mark_lines_faster(md: MarkdownIt) -> None:
    from markdown_it.rules_block import StateBlock

    block = md.block
    state_class = _state_with_faster_push() or StateBlock

    def parse(src: str, md: MarkdownIt, env: Any, out_tokens: list[Any]) -> list[Any] | None:
        # markdown-it's ParserBlock.parse, with the state's line marks computed here
        if not src:
            return None
        state = state_class("", md, env, out_tokens)  # every other field as markdown-it sets it
        state.src = src
        _set_line_marks(state, src)
        block.tokenize(state, state.line, state.lineMax)
        return state.tokens

    block.parse = parse  # type: ignore[method-assign,assignment]


# Token's fields, in order, when _state_with_faster_push was written (markdown-it-py 3 and 4)
_TOKEN_FIELDS = (
    "type",
    "tag",
    "nesting",
    "attrs",
    "map",
    "level",
    "children",
    "content",
    "markup",
    "info",
    "meta",
    "block",
    "hidden",
)


def _state_with_faster_push() -> type[StateBlock] | None:
    """A ``StateBlock`` whose ``push`` makes the tokens markdown-it's makes, slot by slot;
    None when ``Token`` is not the dataclass it was written for."""
    import dataclasses

    from markdown_it.rules_block import StateBlock
    from markdown_it.token import Token

    if tuple(f.name for f in dataclasses.fields(Token)) != _TOKEN_FIELDS:
        return None
    new = object.__new__

    class FasterPush(StateBlock):
        def push(self, ttype: str, tag: str, nesting: Any) -> Token:
            token = new(Token)
            token.type = ttype
            token.tag = tag
            token.nesting = nesting
            token.attrs = {}
            token.map = None
            if nesting < 0:
                self.level -= 1  # a closing tag
            token.level = self.level
            if nesting > 0:
                self.level += 1  # an opening tag
            token.children = None
            token.content = ""
            token.markup = ""
            token.info = ""
            token.meta = {}
            token.block = True
            token.hidden = False
            self.tokens.append(token)
            return token

    return FasterPush


def _set_line_marks(state: StateBlock, src: str) -> None:
    """``bMarks``, ``eMarks``, ``tShift``, ``sCount``, ``bsCount`` and ``lineMax`` exactly as
    ``StateBlock.__init__`` computes them: one entry per line, then a fake one at the end.
    (``map`` over the lines rather than comprehensions: an article has thousands of lines.)"""
    lines = src.split("\n")
    if not lines[-1].strip(" \t"):
        lines.pop()  # after a final newline, or a last line of only spaces: no entry
    lengths = list(map(len, lines))
    ends = list(accumulate(map((1).__add__, lengths)))  # each line's end, its "\n" included
    unindented = map(len, map(str.lstrip, lines, repeat(" \t")))
    indents = list(map(sub, lengths, unindented))
    if "\t" in src:
        columns = [
            _column(line, indent) if "\t" in line[:indent] else indent
            for line, indent in zip(lines, indents, strict=True)
        ]
    else:
        columns = indents
    length = len(src)
    # a line starts where the one before ended
    state.bMarks = [0, *ends[:-1], length] if lines else [length]
    state.eMarks = [*map((-1).__add__, ends), length]
    state.tShift = [*indents, 0]
    state.sCount = [*columns, 0]
    state.bsCount = [0] * (len(lines) + 1)
    state.lineMax = len(lines)


def _column(line: str, indent: int) -> int:
    """The column after ``indent`` characters of spaces and tabs (a tab stops at a multiple
    of 4)."""
    column = 0
    for character in line[:indent]:
        column += 4 - column % 4 if character == "\t" else 1
    return column


class _Silent:
    @staticmethod
    def debug(*args: Any, **kwargs: Any) -> None:
        pass


def _silence_block_rules() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("markdown_it.rules_block.") and hasattr(module, "LOGGER"):
            module.LOGGER = _Silent  # type: ignore[attr-defined]
