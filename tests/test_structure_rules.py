"""ST001–ST016: one bad and one good article per rule, positions asserted in file lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from conftest import lint_result, lint_text, where
from seolint.engine import RunOptions
from seolint.findings import Severity
from seolint.registry import build_registry
from seolint.rules.structure_rules import is_tldr_heading, normal_title

TITLE = "Amazon investit 35 milliards USD dans l'IA en Inde"
TLDR = "## TL;DR\n\n- Premier point.\n- Second point.\n"


def article(body: str, title: str = TITLE, extra: str = "") -> str:
    """Front-matter of three lines (plus ``extra``): the body starts on line 4."""
    return f'---\ntitle: "{title}"\n{extra}---\n{body}'


def filler(count: int, word: str = "mot") -> str:
    return " ".join([word] * count)


@dataclass
class Case:
    name: str
    rule: str
    text: str
    expected: list[tuple[int, int]]  # (line, column) of each finding, in order
    message: str = ""  # a fragment of the first finding's message
    config: dict[str, Any] = field(default_factory=dict)


CASES = [
    # ST001 h1-count
    Case(
        "two H1",
        "ST001",
        article("# Titre\n\ntexte\n\n# Autre partie\n"),
        [(8, 3)],
        "2 H1 headings in the body (first at line 4)",
    ),
    Case("setext H1 counts", "ST001", article("Titre\n=====\n\ntexte\n\nAutre\n=====\n"), [(9, 1)]),
    Case("one H1", "ST001", article("# Titre\n\n## Partie\n\ntexte\n"), []),
    Case(
        "H1 in a fence does not count",
        "ST001",
        article(f"# Titre\n\n{filler(100)}\n\n```markdown\n# Exemple\n```\n"),
        [],
    ),
    Case(
        "h1 none",
        "ST001",
        article("# Titre\n\ntexte\n"),
        [(4, 3)],
        'h1 = "none"',
        {"options": {"ST001": {"h1": "none"}}},
    ),
    Case(
        "h1 none, no H1",
        "ST001",
        article("## Partie\n\ntexte\n"),
        [],
        "",
        {"options": {"ST001": {"h1": "none"}}},
    ),
    Case(
        "h1 one, missing",
        "ST001",
        article("\nPremier paragraphe.\n"),
        [(5, 1)],
        "no H1 heading",
        {"options": {"ST001": {"h1": "one"}}},
    ),
    # ST002 h1-title-mismatch
    Case(
        "different H1",
        "ST002",
        article("# Amazon mise gros sur l'Inde\n"),
        [(4, 3)],
        'differs from the title "Amazon investit',
    ),
    Case(
        "same H1, typographic apostrophe and case",
        "ST002",
        article("# amazon investit 35 milliards USD dans l’IA en Inde.\n"),
        [],
    ),
    Case(
        "same H1 with marks, quotes, spacing and HTML",
        "ST002",
        article('# <a name="x"></a>**Pop!_OS** : « le test »\n', title="Pop!_OS: le test"),
        [],
    ),
    Case(
        "accents are not a different title",
        "ST002",
        article("# Etat des lieux\n", title="État des lieux"),
        [],
    ),
    Case(
        "an H1 after a section is not the title",
        "ST002",
        article("## Partie\n\n# Autre chose\n"),
        [],
    ),
    Case("no front-matter: the H1 is the title", "ST002", "# Titre seul\n\ntexte\n", []),
    # ST003 heading-increment
    Case(
        "H4 under H2",
        "ST003",
        article("## Partie\n\ntexte\n\n#### Détail\n"),
        [(8, 6)],
        "H4 follows H2",
    ),
    Case(
        "first heading H3",
        "ST003",
        article("### Notes\n\ntexte\n"),
        [(4, 5)],
        "the first heading is H3",
    ),
    Case(
        "levels in order",
        "ST003",
        article("# Titre\n\n## A\n\n### B\n\n## C\n\n#### D?\n".replace("#### D?", "### D")),
        [],
    ),
    # ST004 tldr-missing
    Case(
        "no TL;DR",
        "ST004",
        article("# Titre\n\n## Contexte\n\ntexte\n"),
        [(4, 3)],
        "no TL;DR section",
    ),
    Case("no TL;DR, no H1", "ST004", article("\nPremier paragraphe.\n"), [(5, 1)]),
    Case("TL;DR present", "ST004", article("# Titre\n\n" + TLDR), []),
    Case(
        "En bref with a colon and an emoji",
        "ST004",
        article("# Titre\n\n## 📌 En bref :\n\n- a\n- b\n"),
        [],
    ),
    Case(
        "L'essentiel, straight apostrophe, lower case",
        "ST004",
        article("# Titre\n\n## l'essentiel\n\n- a\n- b\n"),
        [],
    ),
    Case(
        "a parameter named -Resume is not a TL;DR",
        "ST004",
        article("# Titre\n\n### -Resume\n\ntexte\n"),
        [(4, 3)],
    ),
    Case(
        "custom TL;DR headings",
        "ST004",
        article("# Titre\n\n## Sommaire\n\n- a\n- b\n"),
        [],
        "",
        {"options": {"ST004": {"headings": ["Sommaire"]}}},
    ),
    # ST005 tldr-position
    Case(
        "TL;DR after a section",
        "ST005",
        article("# Titre\n\n## Contexte\n\ntexte\n\n" + TLDR),
        [(10, 4)],
        'after the section "Contexte" (line 6)',
    ),
    Case(
        "TL;DR first, after an introduction",
        "ST005",
        article("# Titre\n\nUne phrase d'accroche.\n\n" + TLDR + "\n## Contexte\n"),
        [],
    ),
    # ST006 tldr-shape
    Case(
        "TL;DR as a paragraph",
        "ST006",
        article("# Titre\n\n## TL;DR\n\nUn paragraphe.\n"),
        [(6, 4)],
        "the TL;DR is not a list",
    ),
    Case(
        "TL;DR of one point",
        "ST006",
        article("# Titre\n\n## TL;DR\n\n- Un seul point.\n"),
        [(8, 1)],
        "the TL;DR has 1 point; keep 2 to 7",
    ),
    Case(
        "TL;DR of eight points",
        "ST006",
        article("# Titre\n\n## TL;DR\n\n" + "".join(f"- point {i}\n" for i in range(8))),
        [(8, 1)],
        "8 points",
    ),
    Case(
        "TL;DR point too long",
        "ST006",
        article(f"# Titre\n\n## TL;DR\n\n- court\n- {filler(41)}\n"),
        [(9, 1)],
        "this TL;DR point has 41 words (at most 40)",
    ),
    Case(
        "TL;DR of three short points after a sentence",
        "ST006",
        article("# Titre\n\n## TL;DR\n\nEn résumé :\n\n- a\n- b\n- c\n"),
        [],
    ),
    # ST007 empty-section
    Case(
        "heading followed by a heading of the same level",
        "ST007",
        article("# Titre\n\n## Vide\n\n## Pleine\n\ntexte\n"),
        [(6, 4)],
        'the section "Vide" is empty',
    ),
    Case(
        "last heading, and a heading over a comment only",
        "ST007",
        article("# Titre\n\n## A\n\n<!-- à écrire -->\n\n## B\n"),
        [(6, 4), (10, 4)],
    ),
    Case(
        "a heading with subsections is not empty",
        "ST007",
        article("# Titre\n\n## A\n\n### A1\n\ntexte\n\n---\n\n## B\n\n```\ncode\n```\n"),
        [],
    ),
    # ST008 duplicate-heading
    Case(
        "same heading twice",
        "ST008",
        article("## Rust\n\n### Exemple\n\na\n\n## Go\n\n### exemple\n\nb\n"),
        [(12, 5)],
        'the heading "exemple" repeats line 6',
    ),
    Case("same text at different levels", "ST008", article("## Exemple\n\n### Exemple\n"), []),
    Case(
        "-LiteralPath is not LiteralPath",
        "ST008",
        article("## LiteralPath\n\na\n\n## -LiteralPath\n\nb\n"),
        [],
    ),
    Case(
        "siblings only",
        "ST008",
        article("## Rust\n\n### Exemple\n\n## Go\n\n### Exemple\n"),
        [],
        "",
        {"options": {"ST008": {"siblings_only": True}}},
    ),
    Case(
        "siblings only, same parent",
        "ST008",
        article("## Rust\n\n### Exemple\n\n### Exemple\n"),
        [(8, 5)],
        "",
        {"options": {"ST008": {"siblings_only": True}}},
    ),
    # ST010 content-too-short
    Case(
        "short article",
        "ST010",
        article(f"# Titre\n\n{filler(120)}\n"),
        [(4, 3)],
        "the article has 121 words of text, under 300",
    ),
    Case(
        "code and URLs are not words",
        "ST010",
        article(f"# Titre\n\n{filler(280)} https://a.fr `x y z`\n\n```\n{filler(50)}\n```\n"),
        [(4, 3)],
        "281 words",
    ),
    Case("long enough", "ST010", article(f"# Titre\n\n{filler(150)}\n\n- {filler(150)}\n"), []),
    Case(
        "lower threshold",
        "ST010",
        article(f"# Titre\n\n{filler(120)}\n"),
        [],
        "",
        {"options": {"ST010": {"min_words": 100}}},
    ),
    # ST011 image-alt-missing
    Case(
        "image without alt",
        "ST011",
        article('Texte ![](https://cdn.x/a.png align="center")\n'),
        [(4, 7)],
        "image without alt text",
    ),
    Case(
        "img tag without alt",
        "ST011",
        article('<div>\n<img src="a.png">\n</div>\n'),
        [(5, 1)],
        "<img> without an alt attribute",
    ),
    Case(
        "images with alt, decorative img, image in code",
        "ST011",
        article('![Un graphique](a.png)\n\n<img src="b.png" alt="">\n\n`![](c.png)`\n'),
        [],
    ),
    # ST012 link-text
    Case(
        "generic link texts",
        "ST012",
        article(
            "Le rapport est [ici](https://a.fr), ou [Cliquez ici !](https://b.fr).\n"
            "See [here](https://c.fr) and [](https://d.fr).\n"
        ),
        [(4, 17), (4, 41), (5, 6), (5, 30)],
        'link text "ici" says nothing',
    ),
    Case(
        "descriptive link texts",
        "ST012",
        article(
            "Lire le [rapport 2025 de l'ANSSI](https://a.fr), le type [`!`](https://b.fr)"
            " et [![logo](l.png)](https://c.fr) ; <https://d.fr>.\n"
        ),
        [],
    ),
    # ST013 bare-url
    Case(
        "bare URL",
        "ST013",
        article("Voir https://example.com/page.\n"),
        [(4, 6)],
        "bare URL in the text",
    ),
    Case(
        "bare URL in a list and a www address",
        "ST013",
        article("- (voir https://a.fr/x_(y))\n- www.example.com\n"),
        [(4, 9), (5, 3)],
    ),
    Case(
        "URLs that are not bare",
        "ST013",
        article(
            "Voir <https://a.fr>, [https://b.fr](https://b.fr), `https://c.fr`,\n"
            "[https://d.fr][1] et %[https://youtu.be/x].\n\n"
            "https://twitter.com/x/status/1\n\n"
            '<a href="https://e.fr">e</a>\n\n```\nhttps://f.fr\n```\n\n'
            "[1]: https://d.fr\n"
        ),
        [],
    ),
    # ST015 long-paragraph
    Case(
        "long paragraph",
        "ST015",
        article(f"# Titre\n\n{filler(151)}\n"),
        [(6, 1)],
        "paragraph of 151 words (over 150)",
    ),
    Case("paragraph of 150 words", "ST015", article(f"# Titre\n\n{filler(150)}\n"), []),
    # ST016 long-section
    Case(
        "long section",
        "ST016",
        article(f"# Titre\n\n## Contexte\n\n{filler(140)}\n\n- {filler(70)}\n\n{filler(100)}\n"),
        [(6, 4)],
        '310 words after the heading "Contexte"',
    ),
    Case(
        "long text before the first heading",
        "ST016",
        article(f"\n{filler(301)}\n"),
        [(5, 1)],
        "before the first heading",
    ),
    Case(
        "sections split by subheadings",
        "ST016",
        article(f"## Contexte\n\n{filler(200)}\n\n### Suite\n\n{filler(200)}\n"),
        [],
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.name}")
def test_rule(case: Case) -> None:
    findings = lint_text(case.text, select=(case.rule,), **case.config)
    assert where(findings, case.rule) == case.expected, [f.message for f in findings]
    if case.message:
        assert case.message in findings[0].message


# -- ST009 and the rules on a wrapped body ---------------------------------------------------
WRAPPED = article(
    "\n```markdown\n# "
    + TITLE
    + "\n\n"
    + TLDR
    + "\n## Contexte\n\n"
    + filler(120)
    + "\n\n## Suite\n\n"
    + filler(100)
    + "\n\n"
    + filler(100)
    + "\n```\n\n"
    "[source](https://example.com/a)\n",
    extra="canonical: https://example.com/a\n",
)


def test_body_in_markdown_fence() -> None:
    findings = lint_text(WRAPPED, select=("ST",), site_url="https://lebrief.tech")
    assert where(findings, "ST009") == [(6, 1)]
    message = findings[0].message
    assert "inside a ```markdown code block (lines 6–23)" in message
    assert findings[0].severity == Severity.ERROR
    # the other rules judge the article without its fence: H1, TL;DR and length are fine
    assert [f.rule for f in findings] == ["ST009"]


def test_wrapper_fix_removes_both_fence_lines(tmp_path: Any) -> None:
    path = tmp_path / "a.md"
    path.write_text(WRAPPED, encoding="utf-8")
    result = lint_result(
        WRAPPED,
        select=("ST009",),
        path="a.md",
        tmp_path=tmp_path,
        run_options=RunOptions(fix=True, unsafe_fixes=True),
    )
    fixed = path.read_text(encoding="utf-8")
    assert result.findings == []
    assert "```" not in fixed
    assert fixed.startswith(WRAPPED.split("```markdown\n")[0] + "# " + TITLE)


def test_wrapper_fix_is_unsafe(tmp_path: Any) -> None:
    path = tmp_path / "a.md"
    path.write_text(WRAPPED, encoding="utf-8")
    lint_result(
        WRAPPED, select=("ST009",), path="a.md", tmp_path=tmp_path, run_options=RunOptions(fix=True)
    )
    assert path.read_text(encoding="utf-8") == WRAPPED


def test_wrapper_closed_early_by_an_inner_fence() -> None:
    text = article(
        "```markdown\n# " + TITLE + "\n\n1. Étape :\n   ```bash\n   ls\n   ```\n\n"
        "## Suite\n\ntexte\n```\n\n[source](https://example.com/a)\n"
    )
    findings = lint_text(text, select=("ST",))
    assert where(findings, "ST009") == [(4, 1)]
    assert "(lines 4–15)" in findings[0].message
    assert "ST003" not in [f.rule for f in findings]  # the inner fence is code again


def test_mostly_one_markdown_fence_without_the_title() -> None:
    text = article(f"Intro.\n\n```md\n## Partie\n\n{filler(80)}\n```\n")
    findings = lint_text(text, select=("ST009",))
    assert where(findings, "ST009") == [(6, 1)]
    assert "% of the body" in findings[0].message


@pytest.mark.parametrize(
    "body",
    [
        f"{filler(30)}\n\n```python\n# commentaire\n{filler(200)}\n```\n",
        f"{filler(30)}\n\n```\n# commentaire\nimport os\n{filler(200)}\n```\n",
        f"{filler(200)}\n\n```markdown\n# Exemple de README\n\n- a\n```\n",
    ],
    ids=["python listing", "info-less code", "small markdown example"],
)
def test_code_fences_that_are_not_wrappers(body: str) -> None:
    assert where(lint_text(article(body), select=("ST009",)), "ST009") == []


# -- ST014 source-link-missing --------------------------------------------------------------
CANONICAL = 'canonical: "https://www.techradar.com/pro/amazon-in-india"\n'


def test_source_link_missing() -> None:
    text = article("# Titre\n\nTexte sans source.\n", extra=CANONICAL)
    findings = lint_text(text, select=("ST014",), site_url="https://lebrief.tech")
    assert where(findings, "ST014") == [(3, 13)]
    assert "points to techradar.com, another site" in findings[0].message


@pytest.mark.parametrize(
    "body",
    [
        "[source](https://techradar.com/pro/amazon-in-india/)",
        "Source : <http://www.techradar.com/pro/amazon-in-india?utm_source=x#top>",
        '<p><a href="https://www.techradar.com/pro/amazon-in-india">TechRadar</a></p>',
    ],
)
def test_source_link_present(body: str) -> None:
    text = article(f"# Titre\n\n{body}\n", extra=CANONICAL)
    assert lint_text(text, select=("ST014",), site_url="https://lebrief.tech") == []


def test_source_link_silent_without_site_url_or_on_the_same_host() -> None:
    text = article("# Titre\n\nTexte.\n", extra=CANONICAL)
    assert lint_text(text, select=("ST014",)) == []
    assert lint_text(text, select=("ST014",), site_url="https://techradar.com") == []


# -- helpers, fixes, docs ---------------------------------------------------------------------
def test_bare_url_fix_wraps_in_angle_brackets(tmp_path: Any) -> None:
    text = article("Voir https://example.com/page.\n")
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    lint_result(
        text, select=("ST013",), path="a.md", tmp_path=tmp_path, run_options=RunOptions(fix=True)
    )
    assert path.read_text(encoding="utf-8").endswith("Voir <https://example.com/page>.\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TL;DR", True),
        ("tl;dr :", True),
        ("TLDR", True),
        ("📌 En bref", True),
        ("L’essentiel (2 min)", True),
        ("Résumé", True),
        ("Key Takeaways", True),
        ("Résumé des points à retenir", False),
        ("-Resume", False),
        ("1. Résumé", False),
    ],
)
def test_tldr_headings(text: str, expected: bool) -> None:
    assert is_tldr_heading(text) is expected


def test_normal_title() -> None:
    assert normal_title("L’IA « générative » : quoi ?") == normal_title('l\'IA "generative": quoi')
    assert normal_title("Amazon mise gros") != normal_title("Amazon investit")


def test_seed_like_article_is_clean() -> None:
    body = (
        f"\n# {TITLE}\n\n{TLDR}\n## Contexte et pertinence\n\n{filler(100)}\n\n{filler(100)}\n\n"
        f"## Objectifs\n\n### Soutien à l'IA\n\n{filler(120)}\n\n"
        "[source](https://www.techradar.com/pro/amazon-in-india)\n"
    )
    text = article(body, extra=CANONICAL)
    assert lint_text(text, select=("ST",), site_url="https://lebrief.tech") == []


def test_every_rule_documents_what_why_and_examples() -> None:
    rules = [rule for rule in build_registry().rules if rule.family() == "ST"]
    assert len(rules) == 16
    for rule in rules:
        doc = rule.doc()
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            assert heading in doc, (rule.id, heading)
        for option in rule.option_defaults():
            assert f"``{option}``" in doc, (rule.id, option)
