"""The prose view: what is masked, what stays, and offsets that stay true."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.parse.document import FileSettings, parse_document
from seolint.parse.prose import (
    HEADING_KIND,
    PARAGRAPH_KIND,
    TABLE_KIND,
    field_prose,
    mask_inline,
    nbsp_after,
    nbsp_before,
    prose_view,
)


def view_of(body: str, front_matter: str = "title: Titre\n") -> tuple[str, str]:
    """(original text, masked text) of an article."""
    text = f"---\n{front_matter}---\n\n{body}"
    doc = parse_document("a.md", text.encode(), FileSettings())
    view = prose_view(doc)
    assert len(view.text) == len(doc.text)
    assert [i for i, c in enumerate(view.text) if c == "\n"] == [
        i for i, c in enumerate(doc.text) if c == "\n"
    ]
    return doc.text, view.text


def visible(body: str) -> str:
    """The body's prose, spaces collapsed."""
    _, masked = view_of(body)
    return " ".join(masked.split())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Texte `code: a ; b` fin.\n", "Texte fin."),
        ("Avant\n\n```python\nx = 1  # : ; !\n```\n\nAprès\n", "Avant Après"),
        ("Avant\n\n    code indenté : oui\n\nAprès\n", "Avant Après"),
        ('Voir <span class="a:b">ceci</span> ici.\n', "Voir ceci ici."),
        ("<div>\nbloc : html\n</div>\n\nTexte\n", "Texte"),
        ('Lire [la doc](https://x.fr/a:b "Titre : x") ici.\n', "Lire la doc ici."),
        ("Une image ![alt : texte](img.png) ici.\n", "Une image ici."),
        ("Voir <https://x.fr/?a=1;b=2> ici.\n", "Voir ici."),
        ("Voir https://x.fr/a?b=c; puis.\n", "Voir ; puis."),
        ("Écrire à mailto:jean@x.fr ou jean.d@exemple.fr ; merci.\n", "Écrire à ou ; merci."),
        ("Ouvrez config.yaml, README.md et Node.js ; voir example.com.\n", "Ouvrez , et ; voir ."),
        (
            "Le chemin /etc/hosts et C:\\Windows\\System32 et ./src/app ; ok\n",
            "Le chemin et et ; ok",
        ),
        ("La clé HKLM\\Software\\Microsoft ; et et/ou 24/7.\n", "La clé ; et et/ou 24/7."),
        ("Voir about_Execution_Policies et MAX_PATH ; fin.\n", "Voir et ; fin."),
        ("Super :smile: et :+1: !\n", "Super et !"),
        ("A&nbsp;: b &amp; c\n", "A : b c"),
        (
            "Un \\* astérisque \\: et **gras** et _it_ et ~~barré~~.\n",
            "Un astérisque : et gras et it et barré .",
        ),
        (
            "Note[^1] et [texte][réf] ici.\n\n[^1]: La note.\n\n[réf]: https://x.fr\n",
            "Note et [texte ici. La note.",
        ),
        ("%[https://youtube.com/watch?v=x]\n\nTexte\n", "Texte"),
        ('Un {{< shortcode a="b" >}} et {% raw %} ici.\n', "Un et ici."),
        ("La formule \\frac{a}{b} et \\text{Loss} ; fin.\n", "La formule {b} et ; fin."),
    ],
)
def test_masked_constructs(body: str, expected: str) -> None:
    assert visible(body) == expected


def test_markdown_syntax_is_masked_but_text_stays_in_place() -> None:
    body = (
        "# Titre : un\n\n"
        "Titre setext\n============\n\n"
        "- item : un\n- [x] tâche : deux\n\n"
        "1. premier : trois\n\n"
        "> cité : quatre\n> suite\n\n"
        "| Col : a | Col b |\n|:---|---:|\n| x : 1 | y |\n"
    )
    original, masked = view_of(body)
    for word in (
        "Titre : un",
        "item : un",
        "tâche : deux",
        "premier : trois",
        "cité : quatre",
        "Col : a",
        "x : 1",
    ):
        index = original.index(word)
        assert masked[index : index + len(word)] == word
    for syntax in ("# Titre", "- item", "[x]", "1. premier", "> cité", "|:---|", "=====", "| x"):
        index = original.index(syntax)
        assert masked[index] == " ", syntax


def test_paragraph_units_kinds_and_blockquote_flag() -> None:
    text = (
        "---\ntitle: T\n---\n\n## Titre\n\nUn paragraphe.\n\n- un item\n\n"
        "> Une citation.\n\n| a | b |\n|---|---|\n| c | d |\n"
    )
    doc = parse_document("a.md", text.encode(), FileSettings())
    view = prose_view(doc)
    units = [
        (p.kind, " ".join(p.text.split()), p.in_blockquote, p.in_list) for p in view.paragraphs
    ]
    assert units == [
        (HEADING_KIND, "Titre", False, False),
        (PARAGRAPH_KIND, "Un paragraphe.", False, False),
        (PARAGRAPH_KIND, "un item", False, True),
        (PARAGRAPH_KIND, "Une citation.", True, False),
        (TABLE_KIND, "a b", False, False),
        (TABLE_KIND, "c d", False, False),
    ]
    for unit in view.paragraphs:
        assert view.paragraph_at(unit.start) is unit
        assert unit.text == view.text[unit.start : unit.end]
    assert view.paragraph_at(0) is None  # the front-matter is not prose
    assert view.words() == 6  # paragraphs and list items, not headings or tables
    quote = view.paragraphs[3]
    assert [doc.text[s:e] for s, e in view.sentences(quote)] == ["Une citation."]


def test_front_matter_is_masked() -> None:
    original, masked = view_of("Texte.\n", front_matter='title: "Un : titre"\n')
    assert masked[: original.index("Texte")].strip() == ""


def test_no_break_spaces_as_characters_and_entities() -> None:
    for text in (
        "mot\u00a0:",
        "mot\u202f:",
        "mot&nbsp;:",
        "mot&#160;:",
        "mot&#8239;:",
        "mot&#x202F;:",
    ):
        assert nbsp_before(text, len(text) - 1), text
    assert not nbsp_before("mot :", 4)
    assert not nbsp_before("mot&amp;:", 8)
    assert nbsp_after("«\u202fmot", 1)
    assert nbsp_after("«&nbsp;mot", 1)
    assert not nbsp_after("« mot", 1)


def test_mask_inline_keeps_length() -> None:
    text = "Voir https://x.fr et `a:b` ; fin"
    masked = mask_inline(text)
    assert len(masked) == len(text)
    assert " ".join(masked.split()) == "Voir et ; fin"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le **gras** et *l'italique* : ici", "Le   gras   et  l'italique  : ici"),
        ("**Voir** https://x.fr", "  Voir  " + " " * len(" https://x.fr")),  # and a URL
    ],
)
def test_mask_inline_blanks_emphasis_asterisks(text: str, expected: str) -> None:
    assert mask_inline(text) == expected


def test_field_prose_offsets_point_into_the_value() -> None:
    text = (
        "---\n"
        'title: "Inde: une avancée"\n'
        "seoTitle: 'L''IA arrive'\n"  # an escape: offsets would lie, not a unit
        "seoDescription: Voir https://x.fr pour tout\n"
        "---\n\nTexte\n"
    )
    doc = parse_document("a.md", text.encode(), FileSettings())
    units = {u.name: u for u in field_prose(doc)}
    assert set(units) == {"title", "description"}
    title = units["title"]
    assert doc.text[title.start : title.end] == "Inde: une avancée"
    assert " ".join(units["description"].text.split()) == "Voir pour tout"


def test_title_taken_from_the_body_is_not_a_field_unit() -> None:
    doc = parse_document("a.md", b"# Un titre : oui\n\nTexte.\n", FileSettings())
    assert field_prose(doc) == []
    assert prose_view(doc).paragraphs[0].kind == HEADING_KIND


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="a1_/.~ \n:-", max_size=30), st.integers(0, 3))
def test_path_prefilter_keeps_every_slash_a_path_may_start_at(text: str, start: int) -> None:
    """The regex that picks the slashes worth a look never drops one the path scanner would
    take: not after a word character or a slash, once up to two « . » « ~ » are passed."""
    from seolint.parse.prose import _PATH_SLASH

    start = min(start, len(text))
    kept = {start + m.start() for m in _PATH_SLASH.finditer(text[start:])}
    for index in range(start, len(text)):
        if text[index] != "/":
            continue
        first = index
        while first > start and index - first < 2 and text[first - 1] in ".~":
            first -= 1
        before = text[first - 1] if first > start else " "
        if before.isalnum() or before in "/_.~":
            continue
        assert index in kept, (text, start, index)
