"""The block parser's speed-ups change no token: it parses like a plain markdown-it."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.parse.block_parser import block_parser, first_characters, plain_block_parser

# Every block construct, and the places where one may end another without a blank line.
DOCUMENTS = [
    "# Titre\n\nUn paragraphe\nsur deux lignes.\n",
    "Titre setext\n===\n\nSous-titre\n---\n\nTexte\n***\n",
    "Paragraphe\n# titre qui coupe\n> citation qui coupe\n- liste qui coupe\n",
    "Paragraphe\n2. une liste qui commence à 2 ne coupe pas\n1. à 1 elle coupe\n",
    "Paragraphe\n-\n- \n+ plus\n* étoile\n",
    "- a\n  - b\n    - c\n     - d\n\n1) un\n2) deux\n10. dix\n",
    "> citation\n> > imbriquée\n> - liste\n>   suite\nparesseuse\n\n> ```\n> code\n> ```\n",
    "```python\nprint('x')\n```\n~~~\ntilde\n~~~~\n````\n```\n````\n",
    "    code indenté\n\tet tabulé\n\n  deux espaces\n",
    "| a | b |\n|---|:-:|\n| 1 | 2 |\n\nTexte\n| x | y |\n| - | - |\n",
    "a | b\n-- | --\nc | d\n",
    "Paragraphe\n<div>\nHTML qui coupe\n</div>\n\n<!-- commentaire -->\n<br/>\n",
    '[réf]: https://example.com "titre"\n[autre]:\n  https://example.org\n\n[pas une réf]\n',
    "Paragraphe\n[réf]: https://example.com\n",
    "---\n___\n* * *\n-- -\n",
    "- élément\n\n  paragraphe dans l'élément\n\n      code dans l'élément\n- suite\n",
    "\t- tabulation\n \t> mélange\n\n#nope\n#\n####### sept\n",
    "1. un\n   ```\n   code\n   ```\n2. deux\n   > citation\n",
    "Texte *emphase* et `code` [lien](url)\n\n\n\nfin",
    "",
    "\n\n   \n",
    "<?php echo 1; ?>\n\n<![CDATA[x]]>\n\n<!DOCTYPE html>\n\n<script>\nx\n</script>\n",
    "Texte\n   ",  # a last line of spaces without a newline
    "Texte\n \t\tcode tabulé\n\t\n  \t - liste\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n| a |\n:--\n| x |\n |-|\n",
    # setext underlines, and the lines a paragraph runs over (one scan finds both)
    "Titre\n  ===  \n\nTitre\n= =\n\nTitre\n    ===\n\nTitre\n-\t\n",
    "> Titre\n===\n\n> Titre\n> ---\n\n- Titre\n  ---\n- Texte\n---\n",
    "Texte\n\tcontinue\n        loin\n===\n\nTexte\n  > citation\n===\n",
    "- a\n  texte\n  > citation\n  texte\n\n> texte\nparesseux\n---\n",
    "1. texte\n   suite\n\n   Titre\n   ===\n2. texte\n---\n",
    "> - texte\n>   Titre\n>   ---\n> texte\n",
    # reference definitions: on one line, with a title on the next, or refused
    "[a]: /u\n\"titre\"\n[b]: /u\n'titre'\n[c]: /u\n(titre)\n[d]: https://x.fr/y?z=1\n",
    "[a]: javascript:x\n[b]: DATA:image/png;base64,xx\n[c]: &#x6a;avascript:x\n[d]: /u titre\n",
    "[ ]: /u\n[\u00a0]: /u\n[e]:\n/u\n[f]: <x y>\n[g]: /u(x)\n[h]: /u\\_x\n[i]: /u\t \n",
    '> [a]: /u\n> "titre"\n\n- [b]: /u\n  texte\n- [c]: /u\n  (titre)\n\n    [d]: /u\n',
    'Texte\n[a]: /u\n\n[b]: /u\n# titre\n[c]: /u\n"titre" et plus\n[d]: /u\n"non fermé\n',
    # line endings and NUL characters, normalised before the blocks are found
    "# Titre\r\n\r\nWindows\r\nlignes\r\n- a\r- b\r\r\n\rfin\r",
    "Texte\0nul\n\0\n```\r\ncode\0\r\n```\n\r\n",
]


def tokens(text: str, parser: Any) -> list[tuple[Any, ...]]:
    """Every field of every token (``block``, ``attrs``, ``meta``… included)."""
    return [dataclasses.astuple(token) for token in parser.parse(text)]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_tokens_are_markdown_its(text: str) -> None:
    assert tokens(text, block_parser()) == tokens(text, plain_block_parser())


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("Texte\nsuite\n", 2),
        ("Titre\n===\n", 2),
        ("Texte\n- liste\n", 2),
        ("    code\nsuite\n===\n", 3),
        # a caller's end before the last line: lheading stops there, paragraph does not
        ("Texte\nsuite\n===\n", 2),
        ("Texte\nsuite\nfin\n", 1),
    ],
)
def test_one_scan_leaves_the_state_as_lheading_then_paragraph(text: str, end: int) -> None:
    """Tokens, next line and parent type, as markdown-it's two rules leave them (lheading
    does not restore the parent type when it declines: the following rules may read it)."""
    from markdown_it.rules_block import StateBlock, lheading, paragraph

    from seolint.parse.block_parser import _setext_or_paragraph

    def state_after(rule: Any) -> tuple[Any, ...]:
        state = StateBlock(text, plain_block_parser(), {}, [])
        state.parentType = "list"
        matched = rule(state, 0, end, False)
        return matched, state.line, state.parentType, [dataclasses.astuple(t) for t in state.tokens]

    def markdown_its(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        return lheading(state, start, end, silent) or paragraph(state, start, end, silent)

    assert state_after(_setext_or_paragraph) == state_after(markdown_its)


@pytest.mark.parametrize(
    "text",
    [
        "[a]: /u\n",
        "[a]: /u\nsuite\n",
        "[a]: /u\n'titre'\n",
        "[a]: /u\n\n",
        "[a]: javascript:x\n",
        "[a] texte\n",
    ],
)
def test_simple_definitions_end_where_markdown_its_do(text: str) -> None:
    """The next line and the tokens as markdown-it's rule leaves them (its
    ``env["references"]``, which only inline parsing reads, is left empty)."""
    from markdown_it.rules_block import StateBlock, reference

    from seolint.parse.block_parser import _simple_definition_or_reference

    def state_after(rule: Any) -> tuple[Any, ...]:
        state = StateBlock(text, plain_block_parser(), {}, [])
        matched = rule(state, 0, state.lineMax, False)
        return matched, state.line, state.parentType, [dataclasses.astuple(t) for t in state.tokens]

    assert state_after(_simple_definition_or_reference) == state_after(reference)


# Lines made of the characters the rules are chosen by, at various indentations.
_PIECES = [
    "",
    "texte",
    "# t",
    "## t ##",
    "===",
    "---",
    "***",
    "___",
    "- a",
    "* b",
    "+ c",
    "1. d",
    "2) e",
    "> q",
    ">",
    "```",
    "~~~",
    "```py",
    "| a | b |",
    "|---|---|",
    "-- | --",
    "<div>",
    "</div>",
    "<!-- c -->",
    "[x]: /u",
    "[x]",
    '"t"',
    "(t)",
    "\tt",
    "    code",
]
_LINES = st.tuples(
    st.sampled_from(["", " ", "  ", "   ", "    ", "\t", "> ", "- "]), st.sampled_from(_PIECES)
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINES, max_size=14))
def test_random_block_structures_parse_alike(lines: list[tuple[str, str]]) -> None:
    text = "\n".join(indent + piece for indent, piece in lines)
    assert tokens(text, block_parser()) == tokens(text, plain_block_parser())


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t\nab-", max_size=40))
def test_line_marks_are_markdown_its(text: str) -> None:
    """The marks of every line (start, end, indentation) as markdown-it's block state has them,
    on text made of spaces, tabs, newlines and a few other characters."""
    from markdown_it.rules_block import StateBlock

    from seolint.parse.block_parser import _set_line_marks

    md = plain_block_parser()
    theirs = StateBlock(text, md, {}, [])
    ours = StateBlock("", md, {}, [])
    _set_line_marks(ours, text)
    for name in ("bMarks", "eMarks", "tShift", "sCount", "bsCount", "lineMax"):
        assert getattr(ours, name) == getattr(theirs, name), name


def test_each_filtered_rule_declines_lines_not_starting_with_its_characters() -> None:
    """The premise of the dispatch: a rule given a line that does not start with one of its
    characters returns False (and the parse above would differ if it did not)."""
    from markdown_it.rules_block import StateBlock

    md = plain_block_parser()
    for rule, characters in first_characters().items():
        for line in ("texte", "  mot", "é", "| a |", "=", "\\x", "!"):
            assert line.lstrip()[0] not in characters
            state = StateBlock(line + "\n", md, {}, [])
            assert rule(state, 0, 1, True) is False
            assert rule(state, 0, 1, False) is False
            assert state.tokens == []
