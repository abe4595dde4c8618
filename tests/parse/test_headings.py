"""Heading text in the Markdown view: what a reader sees, Markdown marks removed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.parse.document import FileSettings, parse_document
from seolint.parse.markdown import markdown_view


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        ("## Un titre simple", "Un titre simple"),
        ("## Voir [la doc](https://x.fr) et ![logo](l.png)", "Voir la doc et logo"),
        ("## Le **gras**, l'*italique* et ~~barré~~", "Le gras, l'italique et barré"),
        ("## __Souligné__ et _penché_", "Souligné et penché"),
        ("## La commande `seolint check`", "La commande seolint check"),
        ("## [Lien](u) **et** `code`   espacés", "Lien et code espacés"),
        ("## Crochets [sans lien] et étoile * seule", "Crochets [sans lien] et étoile * seule"),
    ],
)
def test_heading_text_is_plain(heading: str, text: str) -> None:
    doc = parse_document("a.md", f"{heading}\n\nTexte.\n".encode(), FileSettings())
    assert [h.text for h in markdown_view(doc).headings] == [text]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=" \t#ab\r", max_size=14))
def test_atx_text_ends_where_the_closing_sequence_starts(line: str) -> None:
    """As the regex the heading scanner used to search with."""
    import re

    from seolint.parse.markdown import atx_text_end

    assert atx_text_end(line) == re.compile(r"(?:[ \t]+#+)?[ \t]*$").search(line).start()
