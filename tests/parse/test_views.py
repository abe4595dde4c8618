"""The views every rule shares cannot be changed by one of them."""

from __future__ import annotations

import pytest

from seolint.config import Config
from seolint.engine import Linter, RunOptions
from seolint.packs import registry_for
from seolint.parse.document import parse_document
from seolint.parse.markdown import markdown_view
from seolint.parse.prose import prose_view

ARTICLE = "---\ntitle: Titre\n---\n# Titre\n\nUn [lien](https://example.com).\n"


def test_blocks_headings_links_and_paragraphs_are_immutable() -> None:
    config = Config()
    doc = parse_document(
        "a.md", ARTICLE.encode(), Linter(config, registry_for(config), RunOptions()).settings
    )
    view = markdown_view(doc)
    shared = [view.blocks[0], view.headings[0], view.links[0], prose_view(doc).paragraphs[0]]
    for item in shared:
        with pytest.raises(AttributeError):
            item.start = 0  # type: ignore[misc]
    assert (view.headings[0].text, view.links[0].target) == ("Titre", "https://example.com")
    assert doc.text[view.links[0].start : view.links[0].end] == "[lien](https://example.com)"
