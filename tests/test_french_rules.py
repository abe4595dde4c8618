"""FR rules: a bad and a good example each, the false-positive traps, positions and messages.

Articles are built by :func:`article`: three front-matter lines, a blank line, then the body
from line 5, so a body line ``n`` (1-based) is file line ``n + 4``.
"""

from __future__ import annotations

import pytest

from conftest import lint_text, where
from seolint.findings import Finding

NBSP, NNBSP = "\u00a0", "\u202f"

FRENCH = (
    "Le laboratoire a présenté une approche qui vise à rendre les logiciels plus simples. "
    "Les chercheurs expliquent que les concepts sont indépendants et que les règles de "
    "synchronisation sont explicites dans le code, ce qui aide les équipes."
)
ENGLISH = (
    "The new model is faster and cheaper than the previous one, and it is available today "
    "for all the customers of the platform who have an account with the company."
)


def article(body: str, title: str = "Un titre", **fields: str) -> str:
    extra = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\ntitle: {title}\n{extra}---\n\n{body}"


def run(text: str, rule: str, **config: object) -> list[Finding]:
    return [f for f in lint_text(text, select=(rule,), **config) if f.rule.startswith(rule)]


# -- typography: (rule, body, expected (line, column) in the body, fragment of a message) ----
BAD = [
    # FR101
    ("FR101", "Pourquoi maintenant? Parce que!\n", [(1, 20), (1, 31)], "needs a narrow no-break"),
    ("FR101", "Vraiment ?! Oui ; non.\n", [(1, 9), (1, 16)], "not an ordinary space"),
    ("FR101", "C'est **important**!\n", [(1, 20)], "glued to the word before"),
    # FR102
    ("FR102", "### Concurrents: Google et Microsoft\n", [(1, 16)], "« : » needs a no-break"),
    ("FR102", "1. **Infrastructure**: Malgré tout.\n", [(1, 22)], "glued"),
    ("FR102", "Deux axes majeurs : moderniser.\n", [(1, 18)], "not an ordinary space"),
    ("FR102", "Voici la liste:\n\n- un\n", [(1, 15)], "U+00A0"),
    ("FR102", "Voici la liste:\\\nun élément.\n", [(1, 15)], "glued"),  # a hard break
    # FR103
    ("FR103", "La vision «Viksit Bharat» du pays.\n", [(1, 11), (1, 25)], "narrow no-break"),
    ("FR103", "La vision « Viksit » du pays.\n", [(1, 11), (1, 19)], "not an ordinary space"),
    # FR104
    ("FR104", 'La vision nationale "AI for All" du pays.\n', [(1, 21)], 'around "AI for All"'),
    ("FR104", '"Un" et "deux".\n', [(1, 1), (1, 9)], "« … »"),
    # FR105
    ("FR105", "Et ce n'est qu'un début...\n", [(1, 24)], "ellipsis character"),
    # FR107
    (
        "FR107",
        "Au 3ème trimestre, la 1ère fois au XXème siècle, les 2èmes.\n",
        [(1, 4), (1, 23), (1, 36), (1, 54)],
        "French abbreviates it",
    ),
    ("FR107", "La 1ème place.\n", [(1, 4)], "write « 1er » or « 1re »"),
    # FR108
    ("FR108", "Le salon ouvre le Mardi 10 Décembre 2025.\n", [(1, 19), (1, 28)], "lower case"),
    ("FR108", "Il arrive en Juillet 2026.\n", [(1, 14)], "« juillet »"),
    # FR109
    ("FR109", "## Les Meilleurs Outils Pour Les Développeurs\n", [(1, 4)], "Title Case"),
    # FR110
    ("FR110", "Une hausse de 35% et de 12 % en un an.\n", [(1, 15), (1, 25)], "no-break space"),
    # FR111
    ("FR111", "Près de 3.8 millions d'emplois et 2.5 %.\n", [(1, 9), (1, 35)], "French writes « "),
    # FR112
    ("FR112", "Une amende de 20000 euros et 15,000 utilisateurs.\n", [(1, 15), (1, 30)], "000 »"),
    # FR113
    (
        "FR113",
        "Selon Mr Dupont et Mrs. Smith, oui.\n",
        [(1, 7), (1, 20)],
        "is English: French abbreviates",
    ),
]

GOOD = [
    # FR101: no-break spaces of both kinds and the entity; things that are no punctuation
    ("FR101", f"Pourquoi{NNBSP}? Parce que{NBSP}! Et&nbsp;; fin{NNBSP};\n"),
    ("FR101", "## TL;DR\n\nUn a;b et `x ? y : z` et https://x.fr/?a=1;b=2 ici.\n"),
    ("FR101", "Un sourire ;) et ;-) et (?) et « ? ».\n"),
    ("FR101", "### -Help, -?, /?\n"),
    ("FR101", "Une ligne\n! qui commence par un signe\n"),
    ("FR101", "| Joker | Exemple |\n|---|---|\n| ? | ? n |\n"),
    ("FR101", "<!-- Attention! -->\n\n<div>Quoi? Oui!</div>\n"),
    ("FR101", f"{ENGLISH} Why now? Because we can!\n"),
    ("FR101", "```\nif (a) { b(); }\n```\n"),
    # FR102: times, ratios, URLs, paths, short codes, code, English
    ("FR102", f"Voici{NBSP}: la liste, et{NNBSP}: ceci, et&nbsp;: cela.\n"),
    ("FR102", "À 13:57, en 16:9, sur http://x.fr et C:\\Windows, :smile: et std::vector.\n"),
    ("FR102", '`Note: code` et <span title="a: b">x</span>.\n'),
    ("FR102", f"{ENGLISH} Note: this is English.\n"),
    ("FR102", "| Clé | Valeur |\n|:---|---:|\n| a | b |\n"),
    ("FR102", "| Lecteur | Fournisseur |\n|---|---|\n| Env: | Environnement |\n"),
    # drives and registry paths, even a one-letter drive at a line end
    ("FR102", "Le registre HKLM:\\Software, le lecteur Cert:\\ et D:\\\nla suite.\n"),
    # a URL template written with Markdown escapes: an escaped character follows, no space
    ("FR102", "L’URI est \\<transport\\>://\\<server\\>:\\<port\\>/\\<ApplicationName\\>.\n"),
    # FR103
    ("FR103", f"La vision «{NNBSP}Viksit{NNBSP}» et «{NBSP}x{NBSP}» et «&nbsp;y&nbsp;».\n"),
    ("FR103", "Le code `«x»` et «» vide.\n"),
    # FR104: unbalanced, inches, code, HTML attributes
    ("FR104", 'Un écran de 15" seulement.\n'),
    ("FR104", 'Entrez une chaîne vide ("") ou $Null, et "$-" (chaîne).\n'),
    ("FR104", 'Le code `a = "b"` et <a href="x">lien</a>.\n'),
    ("FR104", f'{ENGLISH} He said "hello" to me.\n'),
    # FR105
    ("FR105", "Un … vrai, de 1...10 et ../dossier et …. fin\n"),
    # FR107
    ("FR107", "Le 2e et la 1re fois, le XXe siècle, le 1er mai.\n"),
    # FR108
    ("FR108", "Décembre 2025 a été chaud. La mission Mars 2020. Le 10 décembre.\n"),
    (
        "FR108",
        "| Version | Sortie |\n|---|---|\n| 5.1 | Août 2016 |\n| 17.10 | [Juillet 2018](u) |\n",
    ),
    # FR109
    ("FR109", "## Concurrents : Google et Microsoft\n\n## Amazon Web Services\n"),
    ("FR109", "## What Is New In PowerShell For The Cloud\n"),
    ("FR109", "## Lauréats des Free Software Awards : Andy Wingo, Alx Sa et Govdirectory\n"),
    ("FR109", "## Splitscreen, A Love Story\n"),
    ("FR109", "## Les Citées d'Or moins Mystérieuses\n"),
    # FR110
    ("FR110", f"Une hausse de 35{NBSP}% et 12{NNBSP}% et 5&nbsp;%.\n"),
    ("FR110", "Voir https://x.fr/a%20b et %APPDATA% et `100%`.\n"),
    # FR111
    ("FR111", "Python 3.8 et l'IP 192.168.1.1 et 1.500 euros et v2.5 millions.\n"),
    # FR112
    ("FR112", f"En 2030, à 75001 Paris, le KB5004442 et 20{NNBSP}000 euros.\n"),
    ("FR112", "Une latence de 3,240 ms et 23,660 Ko/s.\n"),  # may be French decimals
    # FR113
    ("FR113", "Le film `Mr Robot` et M. Dupont.\n"),
]


@pytest.mark.parametrize(("rule", "body", "expected", "message"), BAD)
def test_typography_bad(
    rule: str, body: str, expected: list[tuple[int, int]], message: str
) -> None:
    findings = run(article(body), rule)
    assert where(findings, rule) == [(line + 4, column) for line, column in expected]
    assert all(message in f.message for f in findings), [f.message for f in findings]


@pytest.mark.parametrize(("rule", "body"), GOOD)
def test_typography_good(rule: str, body: str) -> None:
    assert run(article(body), rule) == []


def test_typography_only_for_french_files() -> None:
    body = "Pourquoi maintenant? Voici: 35%...\n"
    assert run(article(body), "FR1") != []
    assert run(article(body), "FR1", lang="en") == []
    assert run(article(body, lang="en-US"), "FR1") == []  # the front-matter overrides


def test_fixes_carry_the_right_spaces() -> None:
    body = "Pourquoi? Voici: «oui» et 35%.\n"
    findings = lint_text(article(body), select=("FR101", "FR102", "FR103", "FR110"))
    replacements = {f.rule: [e.replacement for e in f.fix.edits] for f in findings if f.fix}
    assert replacements == {"FR101": [NNBSP], "FR102": [NBSP], "FR103": [NNBSP], "FR110": [NBSP]}
    assert all(f.fix is not None and f.fix.safe for f in findings)


def test_unsafe_fixes() -> None:
    text = article('Le "cloud" à 3.8 millions et 20,000 euros, selon Mr Dupont.\n')
    findings = lint_text(text, select=("FR104", "FR111", "FR112", "FR113"))
    assert {f.rule: f.fix.safe for f in findings if f.fix} == {
        "FR104": False,
        "FR111": False,
        "FR112": False,
        "FR113": False,
    }
    plain = lint_text(article("Une amende de 20000 euros.\n"), select=("FR112",))
    assert [f.fix.safe for f in plain if f.fix] == [True]


def test_typography_in_front_matter_values() -> None:
    text = (
        "---\n"
        'title: "Amazon investit en Inde: une avancée"\n'
        "seoTitle: 'Pourquoi maintenant?'\n"
        "seoDescription: Une hausse de 35% en un an, «vraiment».\n"
        "---\n\nTexte.\n"
    )
    findings = lint_text(text, select=("FR1",))
    assert sorted((f.rule, f.line, f.column) for f in findings) == [
        ("FR101", 3, 31),
        ("FR102", 2, 32),
        ("FR103", 4, 45),
        ("FR103", 4, 54),
        ("FR110", 4, 31),
    ]


def test_seed_article_colons_and_tldr() -> None:
    text = (
        "---\n"
        'title: "Amazon investit 35 milliards USD dans l\'IA en Inde"\n'
        'seoTitle: "Amazon investit 35 milliards USD dans l\'IA en Inde: une avancée clé"\n'
        "---\n\n"
        "# Amazon investit 35 milliards USD dans l'IA en Inde\n\n"
        "## TL;DR\n\n"
        "- Amazon investira 35 milliards de dollars en Inde d'ici 2030.\n\n"
        "### Concurrents: Google et Microsoft\n"
    )
    findings = lint_text(text, select=("FR101", "FR102"))
    assert [(f.rule, f.line, f.column) for f in findings] == [("FR102", 3, 62), ("FR102", 12, 16)]


def test_fr106_is_off_by_default_and_reports_the_minority() -> None:
    body = "L'IA et l'équipe, puis l’entreprise.\n"
    assert "FR106" not in {f.rule for f in lint_text(article(body), select=("FR",))}
    findings = run(article(body), "FR106")
    assert where(findings, "FR106") == [(5, 25)]
    assert "2 straight, 1 typographic" in findings[0].message


def test_fr109_checks_titles() -> None:
    findings = run(article("Texte.\n", title="Les Meilleurs Outils Pour Les Développeurs"), "FR109")
    assert where(findings, "FR109") == [(2, 8)]
    assert "title in English-style Title Case" in findings[0].message


# -- language ----------------------------------------------------------------------------


def test_fr001_english_body_in_a_french_article() -> None:
    findings = run(article(f"{ENGLISH}\n\n{ENGLISH}\n"), "FR001")
    assert where(findings, "FR001") == [(5, 1)]
    assert "reads as English (confidence 1.00)" in findings[0].message
    assert "expected language is French (from the configuration `lang`)" in findings[0].message


def test_fr001_good_and_any_expected_language() -> None:
    assert run(article(f"{FRENCH}\n\n{FRENCH}\n"), "FR001") == []
    # English expected (configuration), French body
    findings = run(article(f"{FRENCH}\n\n{FRENCH}\n"), "FR001", lang="en")
    assert "reads as French" in findings[0].message
    assert "expected language is English" in findings[0].message
    # the front-matter's lang wins over the configuration
    assert run(article(f"{ENGLISH}\n\n{ENGLISH}\n", lang="en"), "FR001") == []
    findings = run(article(f"{ENGLISH}\n\n{ENGLISH}\n", lang="de"), "FR001")
    assert "expected language is German (from the front-matter `lang`)" in findings[0].message


def test_fr001_needs_200_characters() -> None:
    assert run(article("The model is faster and cheaper than before today.\n"), "FR001") == []
    # counted on the paragraphs joined by one space, their own spaces collapsed
    second = "It is   one of the best of all the tooling that the team has"
    for length, reported in ((199, False), (200, True)):
        cut = second[: length - len(ENGLISH) - 1 + 2]  # two of its spaces collapse
        findings = run(article(f"{ENGLISH}\n\n{cut}\n"), "FR001")
        assert bool(findings) is reported, (length, cut)


def test_fr002_foreign_paragraph() -> None:
    body = f"{FRENCH}\n\n{ENGLISH}\n\n{FRENCH}\n\n> {ENGLISH}\n"
    findings = run(article(body), "FR002")
    assert [(f.line, f.column, f.severity.label) for f in findings] == [
        (7, 1, "warning"),
        (11, 1, "info"),
    ]
    assert "paragraph in English (confidence 1.00) in an article in French" in findings[0].message
    assert "probably" not in findings[0].message and "quotation" in findings[1].message


@pytest.mark.parametrize(
    "paragraph",
    [
        "Source : Sam Altman and Jony Ive AI device is now in its prototype phase - TechRadar",
        "Structurez votre workflow en quatre phases : Prompting, Planning, Producing, Refining.",
        "Informations sur les tarifs d'AWS Control Tower et de Microsoft Azure Cloud.",
        "Paquets corrigés : cups-filters, imagemagick, libcupsfilters, openssl, curl.",
        "- **Fight for the Future** : Campagnes de sensibilisation contre les technologies "
        "invasives. [Site](https://www.fightforthefuture.org)",
        "- [PowerShellGet: The BIG EASY way to discover, install, and update PowerShell "
        "modules][psget]",
        "The model is fast.",  # too short to judge
        "[How to Create PowerShell Script Modules and Module Manifests](https://x.fr/a)",
    ],
)
def test_fr002_traps(paragraph: str) -> None:
    assert run(article(f"{FRENCH}\n\n{paragraph}\n\n{FRENCH}\n"), "FR002") == []


def test_fr002_silent_when_the_whole_body_is_foreign() -> None:
    findings = lint_text(article(f"{ENGLISH}\n\n{ENGLISH}\n"), select=("FR001", "FR002"))
    assert [f.rule for f in findings] == ["FR001"]
    # nor does it name a third language there: a commit line of nodejs.org's release notes
    # whose author's name, in Cyrillic, outweighs its English words (« Bulgarian »)
    commit = "- doc: fix the url in repl.md (Сковорода Никита Андреевич)\n"
    findings = lint_text(article(f"{ENGLISH}\n\n{ENGLISH}\n\n{commit}"), select=("FR",))
    assert [f.rule for f in findings] == ["FR001"]


# nodejs.org's release notes: a few English sentences, then commit titles made of names,
# versions and links (5 to 10 % of the words are English function words, too few for a
# paragraph but enough for a whole body)
_COMMITS = "".join(
    f"* [`{n:07x}a1b2`] - **{area}**: upgrade {area} 2.{n}.1 (Jane Doe) "
    f"[#4{n:04d}](https://github.com/nodejs/node/pull/4{n:04d})\n"
    for n, area in enumerate(
        [
            "deps",
            "build",
            "crypto",
            "doc",
            "fs",
            "http",
            "lib",
            "net",
            "src",
            "stream",
            "test",
            "tools",
        ]
    )
)
RELEASE_NOTES = (
    "This release fixes several bugs and updates the bundled dependencies of the runtime.\n\n"
    "It is a security release, and all the users of the 1.x line should upgrade to it.\n\n"
    f"### Commits\n\n{_COMMITS}{_COMMITS.replace('a1b2', 'c3d4')}"
)


def test_a_body_of_release_notes_reads_as_english_once() -> None:
    findings = lint_text(article(RELEASE_NOTES), select=("FR",))
    assert [(f.rule, f.line) for f in findings] == [("FR001", 5)]
    assert "the body reads as English (confidence 1.00)" in findings[0].message


def test_typography_leaves_a_foreign_body_to_fr001_but_not_the_fields() -> None:
    # a line without function words is not recognised as English on its own
    body = f"{ENGLISH}\n\nWhy now? Because: it ships today, and it is faster.\n\nVersion: LTS\n"
    findings = lint_text(article(body, title='"Le titre: la suite"'), select=("FR",))
    assert [(f.rule, f.line) for f in findings] == [("FR102", 2), ("FR001", 5)]
    # a title with no word to tell its language by follows the body's
    title = '"Clippy: Deprecating cargo-clippy"'
    findings = lint_text(article(body, title=title), select=("FR",))
    assert [(f.rule, f.line) for f in findings] == [("FR001", 5)]
    french_body = lint_text(article(f"{FRENCH}\n", title=title), select=("FR102",))
    assert [(f.rule, f.line) for f in french_body] == [("FR102", 2)]
    # the same paragraph in a French body is French typography to fix
    french = lint_text(article(f"{FRENCH}\n\nPourquoi maintenant? Parce que: voilà.\n"))
    assert [(f.rule, f.line) for f in french if f.rule.startswith("FR1")] == [
        ("FR101", 7),
        ("FR102", 7),
    ]


def test_fr003_field_language() -> None:
    text = article(
        f"{FRENCH}\n",
        seoDescription='"Amazon plans to invest 35 billion dollars in India by 2030, with a '
        'focus on AI and the cloud."',
        seoTitle='"AI for All"',  # too short for langdetect: not judged
    )
    findings = run(text, "FR003")
    assert where(findings, "FR003") == [(3, 18)]
    assert "seoDescription reads as English (confidence 1.00)" in findings[0].message
    assert run(article(f"{FRENCH}\n", seoDescription=f'"{FRENCH[:150]}"'), "FR003") == []


# -- readability and sentences -------------------------------------------------------------

HARD = (
    "L'administration gouvernementale départementale considère qu'une réorganisation "
    "institutionnelle approfondie constituerait manifestement l'instrument organisationnel "
    "indispensable permettant l'amélioration significative, progressive et durable des "
    "infrastructures technologiques interministérielles, particulièrement concernant "
    "l'interopérabilité informatique, la cybersécurité opérationnelle et la modernisation "
    "administrative généralisée. "
)
EASY = "Le chat dort. Il fait beau. Le vent souffle. La mer est calme. On rit. "


def test_fr004_readability() -> None:
    findings = run(article(HARD * 3 + "\n"), "FR004")
    assert where(findings, "FR004") == [(5, 1)]
    message = findings[0].message
    assert "readability score (Kandel–Moles) is -" in message
    assert "« very difficult », under 40" in message
    assert "words per sentence" in message and "syllables per word" in message


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("réalité", 4),  # a hiatus: ré-a-li-té
        ("table", 1),  # a final mute e
        ("entreprises", 3),
        ("économique", 4),  # the u of « qu » is silent
        ("Le", 1),
        ("le,", 1),  # punctuation and case do not matter
        ("«", 0),
    ],
)
def test_syllables_of_french_words(word: str, count: int) -> None:
    from seolint.text.french import syllables

    assert syllables(word) == count


def test_syllable_counts_survive_their_cache_filling_up() -> None:
    from seolint.text.french import analyse, readability, syllables

    before = readability([analyse("La réalité économique des entreprises.")])
    for number in range(20_000):  # more words than the cache keeps
        syllables(f"mot{number}")
    assert readability([analyse("La réalité économique des entreprises.")]) == before
    assert (before.words, before.sentences, before.syllables) == (5, 1, 13)


def test_fr004_good_short_and_other_languages() -> None:
    assert run(article(EASY * 12 + "\n"), "FR004") == []
    assert run(article(HARD + "\n"), "FR004") == []  # under 100 words
    assert run(article(HARD * 3 + "\n"), "FR004", lang="en") == []
    # a body that FR001 finds in English: the French formula says nothing about it
    any_score = {"FR004": {"min_score": 200}}
    english = article(f"{ENGLISH}\n\n" * 4)
    assert run(english, "FR004", options=any_score) == []
    assert len(run(article(f"{FRENCH}\n\n" * 4), "FR004", options=any_score)) == 1


def test_fr004_option() -> None:
    findings = run(article(EASY * 12 + "\n"), "FR004", options={"FR004": {"min_score": 200}})
    assert len(findings) == 1 and "under 200" in findings[0].message


def test_fr005_long_sentence() -> None:
    long_sentence = "Le " + " ".join(["mot"] * 39) + "."
    body = f"Une phrase courte. {long_sentence} Fin.\n"
    findings = run(article(body), "FR005")
    assert where(findings, "FR005") == [(5, 20)]
    assert findings[0].message == "sentence of 40 words (limit 35): split it"
    assert findings[0].end_column == 20 + len(long_sentence)


def test_fr005_limit_is_inclusive_whatever_the_paragraph() -> None:
    five = {"FR005": {"max_words": 5}}
    assert run(article("Un deux trois quatre cinq.\n"), "FR005", options=five) == []
    flagged = run(article("Un deux trois quatre cinq six.\n"), "FR005", options=five)
    assert [f.message for f in flagged] == ["sentence of 6 words (limit 5): split it"]
    # in a longer paragraph, only the sentence over the limit
    body = "Court. Un deux trois quatre cinq six. Un deux trois quatre cinq.\n"
    assert where(run(article(body), "FR005", options=five), "FR005") == [(5, 8)]


def test_fr005_abbreviations_decimals_and_guillemets_do_not_split() -> None:
    words = " ".join(["mot"] * 16)
    body = (
        f"M. Dupont a vu {words} 3.8 millions, etc. et p. ex. « Vraiment ? » "
        f"demande-t-il {words}.\n"
    )
    findings = run(article(body), "FR005")
    assert len(findings) == 1
    split = f"Il dit : « {words}. » Puis {words}.\n"
    assert run(article(split), "FR005") == []
    assert run(article(split), "FR005", options={"FR005": {"max_words": 10}}) != []


def test_fr001_and_fr002_leave_quotations_alone() -> None:
    # a French post whose body is an English quotation in a blockquote: no FR001, FR002 info
    findings = lint_text(
        article(f"> {ENGLISH} {ENGLISH}\n\nUne citation.\n"), select=("FR001", "FR002")
    )
    assert [(f.rule, f.severity.label) for f in findings] == [("FR002", "info")]
    # a link and a quotation in guillemets, introduced by two words
    cited = f"- [Un article](https://x.fr) : « {ENGLISH} »\n"
    assert run(article(f"{FRENCH}\n\n{cited}\n{FRENCH}\n"), "FR002") == []


@pytest.mark.parametrize(
    "body",
    [
        # an English title as link text, an English quotation in guillemets
        "- [The 2013 Olympus review, part two: some comparisons](https://x.fr)\n",
        "Il écrit : « Why Clever Age? It was already working on it. » Voilà.\n",
        # an English sentence with a single function word: not enough to report, enough
        # to leave its typography alone
        '`<link rel="preconnect">` will start working again in Firefox 115!\n',
    ],
)
def test_typography_skips_text_in_another_language(body: str) -> None:
    assert [f for f in lint_text(article(body), select=("FR101", "FR102")) if f.line > 4] == []


def test_docfx_translation_reads_ms_contentlocale_not_platyps_locale() -> None:
    # PlatyPS keeps « Locale: en-US » (the source's) in every translated reference page
    text = (
        "---\nexternal help file: x.dll-Help.xml\nLocale: en-US\nms.date: 01/21/2020\n"
        "ms.contentlocale: fr-FR\ntitle: Invoke-CimMethod\n---\n\nAppelle une méthode: oui.\n"
    )
    assert where(lint_text(text, select=("FR102",)), "FR102") == [(9, 20)]


def test_an_unknown_expected_language_is_not_checked() -> None:
    assert run(article(f"{ENGLISH}\n\n{ENGLISH}\n", lang="br"), "FR0") == []
