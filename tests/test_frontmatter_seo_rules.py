"""FM and SEO rules: a bad and a good example each, message and position asserted."""

from __future__ import annotations

import pytest

from conftest import lint_text, where

GOOD_FM = """---
title: "L'IA arrive dans les hôpitaux de province en 2026"
seoTitle: "L'IA arrive dans les hôpitaux de province"
seoDescription: "Les hôpitaux de province testent des outils d'intelligence artificielle pour trier les urgences, lire les radios et réduire l'attente des patients."
datePublished: 2025-11-03T09:30:00Z
cuid: clx0000000000000000000000
slug: ia-arrive-hopitaux-province-2026
---

# L'IA arrive dans les hôpitaux de province en 2026
"""


def fm(**fields: str) -> str:
    """An article whose front-matter holds exactly the given lines (key: raw value)."""
    lines = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\n{lines}---\n\nTexte.\n"


def test_good_article_has_no_fm_or_seo_finding() -> None:
    assert lint_text(GOOD_FM, select=("FM", "SEO")) == []


# -- FM001 ---------------------------------------------------------------------------------
def test_fm001_no_front_matter_takes_title_from_first_heading() -> None:
    text = "\n# Un vieux billet Hashnode\n\nDu texte.\n"
    findings = lint_text(text, select=("FM001", "FM003"))
    assert where(findings, "FM001") == [(1, 1)]
    fm001 = next(f for f in findings if f.rule == "FM001")
    assert "title is taken from the first `# ` line" in fm001.message
    # the title was found in the body, so only the other required fields are missing
    assert sorted(f.message.split()[2] for f in findings if f.rule == "FM003") == [
        "date_published",
        "description",
        "slug",
    ]


def test_fm001_good() -> None:
    assert lint_text(GOOD_FM, select=("FM001",)) == []


# -- FM002 ---------------------------------------------------------------------------------
def test_fm002_hashnode_unescaped_quotes() -> None:
    text = '---\ntitle: "about "Steven A. Cohen""\nslug: x\n---\nBody\n'
    findings = lint_text(text, select=("FM002",))
    assert [f.rule for f in findings] == ["FM002"]
    assert findings[0].line == 2
    assert "does not parse" in findings[0].message


def test_fm002_python_tag_is_refused_and_not_run(tmp_path: object) -> None:
    text = "---\ntitle: !!python/object/apply:os.system ['touch /tmp/seolint-pwned']\n---\n"
    findings = lint_text(text, select=("FM002",))
    assert [f.rule for f in findings] == ["FM002"]
    assert findings[0].line == 2
    import os

    assert not os.path.exists("/tmp/seolint-pwned")


def test_fm002_alias_bomb() -> None:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += ["---", "Body"]
    findings = lint_text("\n".join(lines) + "\n", select=("FM002",))
    assert [f.rule for f in findings] == ["FM002"]
    assert "alias" in findings[0].message.lower()


def test_fm002_unterminated_block() -> None:
    findings = lint_text("---\ntitle: x\n\nBody without closing\n", select=("FM002",))
    assert where(findings, "FM002") == [(1, 1)]


def test_fm002_good() -> None:
    assert lint_text(GOOD_FM, select=("FM002",)) == []


# -- FM003 ---------------------------------------------------------------------------------
def test_fm003_names_the_dialect_key() -> None:
    text = GOOD_FM.replace('seoDescription: "Les', 'other: "Les')
    findings = lint_text(text, select=("FM003",))
    assert where(findings, "FM003") == [(1, 1)]
    assert "required field description is missing: add `seoDescription`" in findings[0].message


def test_fm003_generic_dialect_asks_for_the_common_key() -> None:
    # no marker of any dialect (a Hugo, Eleventy or nodejs.org page): the key most site
    # generators use, not Hashnode's
    findings = lint_text(fm(title='"Un titre"', slug="un-titre"), select=("FM003",))
    assert [f.message for f in findings] == [
        "required field description is missing: add `description` to the front-matter "
        "(generic dialect)",
        "required field date_published is missing: add `date` to the front-matter "
        "(generic dialect)",
    ]


def test_fm003_required_is_configurable() -> None:
    text = fm(title='"Un titre"')
    assert lint_text(text, select=("FM003",), required=("title",)) == []


# -- FM004 ---------------------------------------------------------------------------------
def test_fm004_empty_field() -> None:
    text = GOOD_FM.replace(
        'seoTitle: "L\'IA arrive dans les hôpitaux de province"', 'seoTitle: "  "'
    )
    findings = lint_text(text, select=("FM004",))
    assert where(findings, "FM004") == [(3, 1)]
    assert findings[0].message == "`seoTitle` is empty: fill it in or remove it"


def test_fm004_good() -> None:
    assert lint_text(GOOD_FM, select=("FM004",)) == []


# -- FM005 ---------------------------------------------------------------------------------
def test_fm005_wrong_types() -> None:
    text = fm(title="404", tags="{a: 1}", slug="erreur-404")
    findings = lint_text(text, select=("FM005",))
    assert where(findings, "FM005") == [(2, 8), (3, 7)]
    assert findings[0].message == "`title` should be text, not the number 404"
    assert "comma-separated string" in findings[1].message


def test_fm005_hashnode_comma_tags_are_fine() -> None:
    text = fm(title='"Un titre"', tags="express, project, nodejs")
    assert lint_text(text, select=("FM005",)) == []


# -- FM006 ---------------------------------------------------------------------------------
def test_fm006_suggests_closest_key() -> None:
    text = GOOD_FM.replace("seoDescription:", "seoDescripton:")
    findings = lint_text(text, select=("FM006",))
    assert where(findings, "FM006") == [(4, 1)]
    assert findings[0].message == (
        "`seoDescripton` is not a hashnode front-matter key; did you mean `seoDescription`?"
    )


def test_fm006_allow_option_and_seolint_key() -> None:
    text = GOOD_FM.replace("cuid:", "seolint: {ignore: [ST004]}\nmyKey: 1\ncuid:")
    assert lint_text(text, select=("FM006",), options={"FM006": {"allow": ["myKey"]}}) == []


def test_fm006_generic_dialect_reports_only_likely_typos() -> None:
    text = fm(title='"Un titre"', date="2024-01-02", category="news", titel='"x"')
    findings = lint_text(text, select=("FM006",))
    assert [f.message for f in findings] == [
        "`titel` is not a generic front-matter key; did you mean `title`?"
    ]


# -- FM007 ---------------------------------------------------------------------------------
def test_fm007_duplicate_key() -> None:
    text = '---\ntitle: "Ancien"\nslug: x\ntitle: "Nouveau"\n---\nBody\n'
    findings = lint_text(text, select=("FM007",))
    assert where(findings, "FM007") == [(4, 1)]
    assert "title" in findings[0].message


def test_fm007_good() -> None:
    assert lint_text(GOOD_FM, select=("FM007",)) == []


# -- SEO001 --------------------------------------------------------------------------------
SEED_SEO_TITLE = "Amazon investit 35 milliards USD dans l'IA en Inde: une avancée clé"


def test_seo001_too_wide_reports_pixels() -> None:
    text = fm(title='"Amazon en Inde"', seoTitle=f'"{SEED_SEO_TITLE}"')
    findings = lint_text(text, select=("SEO001",))
    assert where(findings, "SEO001") == [(3, 12)]
    assert findings[0].message == (
        "seoTitle is 605 px wide (67 characters); search results cut it at 600 px — "
        "shorten it by about one word"
    )
    assert findings[0].end_column == 12 + len(SEED_SEO_TITLE)


def test_seo001_too_many_characters_but_narrow() -> None:
    title = "il " * 21  # 63 narrow characters
    text = fm(title=f'"{title.strip()}"')
    findings = lint_text(text, select=("SEO001",))
    assert len(findings) == 1
    assert findings[0].message.startswith("title is 62 characters (")
    assert "keep it to 60 characters" in findings[0].message


def test_seo001_too_short_and_options() -> None:
    text = fm(title='"IA et santé"')
    findings = lint_text(text, select=("SEO001",))
    assert findings[0].message.startswith("title is only 11 characters; use at least 30")
    assert lint_text(text, select=("SEO001",), options={"SEO001": {"min_chars": 5}}) == []


def test_seo001_good() -> None:
    assert lint_text(GOOD_FM, select=("SEO001",)) == []


# -- SEO002 --------------------------------------------------------------------------------
def test_seo002_too_long_and_too_short() -> None:
    long = "Une description " * 12
    findings = lint_text(fm(description=f'"{long.strip()}"'), select=("SEO002",))
    assert where(findings, "SEO002") == [(2, 15)]
    assert "px wide at 14 px (191 characters)" in findings[0].message
    short = lint_text(fm(description='"Trop court."'), select=("SEO002",))
    assert short[0].message.startswith("description is only 11 characters; write 120–160")


def test_seo002_good() -> None:
    assert lint_text(GOOD_FM, select=("SEO002",)) == []


# -- SEO003 / SEO004 / SEO005 --------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("/relative/path", "is not an absolute http(s) URL"),
        ('"https://exemple.fr/a b"', "contains white space"),
        ("https://exemple.fr/a#haut", "has a #fragment"),
        ("https://moi:secret@exemple.fr/a", "contains credentials"),
        ("http://localhost:3000/a", "points to a local host (localhost)"),
        ("https://192.168.1.4/a", "uses an IP address (192.168.1.4)"),
    ],
)
def test_seo003_invalid_canonical(url: str, problem: str) -> None:
    findings = lint_text(fm(title='"Titre"', canonical=url), select=("SEO003",))
    assert [f.rule for f in findings] == ["SEO003"]
    assert findings[0].line == 3
    assert problem in findings[0].message


def test_seo003_good() -> None:
    assert lint_text(fm(canonical="https://exemple.fr/a"), select=("SEO003",)) == []


def test_seo004_http_and_tracking() -> None:
    findings = lint_text(fm(canonical="http://exemple.fr/a?utm_source=x&id=2"), select=("SEO004",))
    assert [f.message for f in findings] == [
        "canonical URL uses http://; use the https:// address",
        "canonical URL carries tracking parameters (utm_source); remove them",
    ]
    assert where(findings, "SEO004") == [(2, 12), (2, 12)]


def test_seo004_good() -> None:
    assert lint_text(fm(canonical="https://exemple.fr/a?id=2"), select=("SEO004",)) == []


def test_seo005_foreign_host_needs_site_url() -> None:
    text = fm(canonical="https://www.techradar.com/pro/amazon")
    assert lint_text(text, select=("SEO005",)) == []
    findings = lint_text(text, select=("SEO005",), site_url="https://lebrieftech.fr")
    assert where(findings, "SEO005") == [(2, 12)]
    assert "points to techradar.com, not to this site (lebrieftech.fr)" in findings[0].message
    own = fm(canonical="https://lebrieftech.fr/amazon")
    assert lint_text(own, select=("SEO005",), site_url="https://www.lebrieftech.fr") == []


# -- SEO006 / SEO007 -----------------------------------------------------------------------
def test_seo006_unreadable_ambiguous_future_and_order() -> None:
    assert (
        "not a date seolint can read"
        in lint_text(fm(date='"hier soir"'), select=("SEO006",))[0].message
    )
    assert "ambiguous" in lint_text(fm(date='"01/02/2024"'), select=("SEO006",))[0].message
    assert "in the future" in lint_text(fm(date="2999-01-01"), select=("SEO006",))[0].message
    text = fm(date="2024-02-10", lastmod="2024-01-01")
    findings = lint_text(text, select=("SEO006",))
    assert where(findings, "SEO006") == [(3, 10)]
    assert findings[0].message == "`lastmod` (2024-01-01) is before `date` (2024-02-10)"


def test_seo006_good_forms() -> None:
    for value in (
        "2024-02-10",
        "2024-02-10T10:00:00+01:00",
        "Wed Dec 10 2025 13:57:52 GMT+0000 (Coordinated Universal Time)",
        "2024/02/15",
        '"02/20/2019"',
    ):
        assert lint_text(fm(date=value), select=("SEO006",)) == [], value


def test_seo007_javascript_date() -> None:
    text = fm(datePublished="Wed Dec 10 2025 13:57:52 GMT+0000 (Coordinated Universal Time)")
    findings = lint_text(text, select=("SEO007",))
    assert where(findings, "SEO007") == [(2, 16)]
    assert findings[0].severity.label == "info"
    assert findings[0].message == (
        "`datePublished` is written as JavaScript Date.toString(); ISO 8601 is 2025-12-10T13:57:52Z"
    )
    assert lint_text(fm(datePublished="2025-12-10T13:57:52Z"), select=("SEO007",)) == []


# -- SEO008 / SEO009 -----------------------------------------------------------------------
def test_seo008_format_problems() -> None:
    findings = lint_text(
        fm(title='"Failles de sécurité"', slug="Failles_de--Sécurité"), select=("SEO008",)
    )
    assert where(findings, "SEO008") == [(3, 7)]
    message = findings[0].message
    for part in (
        "has capitals",
        "uses underscores",
        "doubled or edge hyphens",
        "accented or non-ASCII",
        "for example `failles-securite`",
    ):
        assert part in message


def test_seo008_accent_mangled_hashnode_slug() -> None:
    text = fm(title='"Des failles de sécurité critiques"', slug="failles-de-s-curit-critiques")
    findings = lint_text(text, select=("SEO008",))
    assert [f.rule for f in findings] == ["SEO008"]
    assert "lost the accented letters" in findings[0].message


def test_seo008_good() -> None:
    assert lint_text(GOOD_FM, select=("SEO008",)) == []


def test_seo009_slug_from_another_article() -> None:
    text = fm(
        title='"Amazon investit 35 milliards USD dans l\'IA en Inde"',
        slug="google-annonce-un-hub-ia",
    )
    findings = lint_text(text, select=("SEO009",))
    assert where(findings, "SEO009") == [(3, 7)]
    assert findings[0].message.startswith("slug words `google`, `annonce`, `hub` are not in")
    assert "amazon-investit-35-milliards-usd-ia-inde" in findings[0].message


def test_seo009_tolerates_one_paraphrased_word_and_accepts_seo_title() -> None:
    text = fm(
        title='"Comment éviter les arnaques des fêtes en ligne"',
        slug="eviter-arnaques-shopping-fetes",
    )
    assert lint_text(text, select=("SEO009",)) == []
    text = fm(
        title='"Un titre sans rapport"',
        seoTitle='"Amazon investit en Inde"',
        slug="amazon-investit-inde",
    )
    assert lint_text(text, select=("SEO009",)) == []


def test_seo006_docfx_mm_dd_is_a_convention_not_ambiguous() -> None:
    text = fm(title='"Get-Help"', **{"ms.date": "02/03/2024", "ms.topic": "reference"})
    assert lint_text(text, select=("SEO006",)) == []
    findings = lint_text(text, select=("SEO007",))
    assert [f.message for f in findings] == [
        "`ms.date` is written as MM/DD/YYYY; ISO 8601 is 2024-02-03"
    ]
