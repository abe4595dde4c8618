"""markdown-it-py set up for seolint: the block structure only, and faster to get.

:func:`block_parser` is CommonMark with GFM tables and HTML, block rules only (inline
parsing is more than half of markdown-it's cost and seolint scans inline constructs itself,
see :mod:`seolint.parse.markdown`). Two things make it cheaper without changing a single
token (``tests/test_block_parser.py`` compares the tokens with a plain markdown-it):

- **First-character dispatch.** For each line, markdown-it calls its block rules in order
  until one matches: table, code, fence, blockquote, hr, list, reference, HTML, heading,
  setext heading, paragraph — and, inside a paragraph, the rules that may end it, for each
  of its lines. Most of them give up at once when the first character of the line is not
  theirs (``>`` for a blockquote, ``#`` for a heading…). Each rule chain is replaced by a
  single function that calls, in the same order, only the rules that can match a line
  starting with that character; the others would return False without touching the state.
- **No debug logging.** The block rules log every attempt at DEBUG level (a call into
  ``logging`` each time) for messages seolint never shows: their module loggers are swapped
  for a no-op.

Both only rely on markdown-it's public rule functions and ``Ruler.getRules``; a rule this
module does not know (a newer markdown-it, a plugin) is always called.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

BlockRule = Callable[["StateBlock", int, int, bool], bool]


@cache
def block_parser() -> MarkdownIt:
    """The shared parser (built on first use: a cached run never needs markdown-it)."""
    md = plain_block_parser()
    _dispatch_on_first_character(md)
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
            found = chains[chain_name] = [_dispatcher(compile_chain(chain_name), starts)]
        return found

    ruler.getRules = get_rules  # type: ignore[method-assign,assignment]


def _dispatcher(rules: list[BlockRule], starts: dict[BlockRule, str]) -> BlockRule:
    """One rule standing for a chain: the chain's rules that may match the line, in order."""
    by_character: dict[str, list[BlockRule]] = {}

    def rules_for(character: str) -> list[BlockRule]:
        found = by_character.get(character)
        if found is None:
            # ("" is in every string: at the end of the text every rule is called)
            found = by_character[character] = [
                rule for rule in rules if rule not in starts or character in starts[rule]
            ]
        return found

    def dispatch(state: StateBlock, line: int, end_line: int, silent: bool) -> bool:
        # the character every rule reads first: after the line's indentation (and, inside
        # a blockquote, after its marker: the state's line marks are shifted)
        position = state.bMarks[line] + state.tShift[line]
        source = state.src
        for rule in rules_for(source[position] if position < len(source) else ""):
            if rule(state, line, end_line, silent):
                return True
        return False

    return dispatch


class _Silent:
    @staticmethod
    def debug(*args: Any, **kwargs: Any) -> None:
        pass


def _silence_block_rules() -> None:
    for name, module in list(sys.modules.items()):
        if name.startswith("markdown_it.rules_block.") and hasattr(module, "LOGGER"):
            module.LOGGER = _Silent  # type: ignore[attr-defined]
