"""Rule packs: loading and validation, each kind and scope, matching, fixes, built-in packs."""

from __future__ import annotations

import json
import pickle
import re
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import run_cli, run_json
from seolint.config import Config
from seolint.discover import SourceFile
from seolint.engine import FileResult, Linter, RunOptions
from seolint.errors import ConfigError
from seolint.findings import Finding
from seolint.packs import builtin_pack_dir, fold_accents, load_packs, pack_rules, registry_for

PACK = """\
prefix: TST
lang: fr
rules:
  - id: TST001
    name: impact
    kind: existence
    scope: body
    tokens: [impact, révolution silencieuse, "change* la donne"]
    message: "« {match} » found"
  - id: TST002
    name: deadline
    kind: substitution
    scope: any
    swap: {deadline: date limite, deadlines: dates limites}
    message: "« {match} » → « {replacement} »"
  - id: TST003
    name: hype
    kind: occurrence
    max: 2
    tokens: [innovant*]
    message: "{count} uses ({match}), at most {max}"
"""


def write_pack(folder: Path, text: str = PACK, name: str = "test.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def lint(
    text: str,
    folder: Path,
    select: tuple[str, ...] = ("TST",),
    path: str = "a.md",
    options: RunOptions | None = None,
    **values: object,
) -> FileResult:
    config = replace(Config(), select=select, packs=(str(folder),), **values)  # type: ignore[arg-type]
    linter = Linter(config, registry_for(config), options or RunOptions())
    source = SourceFile(path, folder.parent / path)
    return linter.lint_bytes(source, text.encode("utf-8"), FileResult(path))


def spans(findings: list[Finding], rule: str) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.snippet) for f in findings if f.rule == rule]


FRONT = '---\ntitle: "Un titre"\n---\n\n'


# -- matching ---------------------------------------------------------------------------------
def test_existence_positions_in_the_original_file(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    write_pack(packs)
    text = FRONT + "Un IMPACT, l’impact, l'Impact et d’impacts.\nLa Révolution  silencieuse.\n"
    findings = lint(text, packs).findings
    assert spans(findings, "TST001") == [
        (5, 4, "IMPACT"),
        (5, 14, "impact"),
        (5, 24, "Impact"),
        (6, 4, "Révolution  silencieuse"),
    ]
    first = findings[0]
    assert (first.message, first.name, first.severity.label) == (
        "« IMPACT » found",
        "impact",
        "warning",
    )


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("revolution silencieuse", 1),  # no accents in the text
        ("RÉVOLUTION SILENCIEUSE", 1),
        ("révolution\nsilencieuse", 1),  # a phrase across a line break
        ("révolution-silencieuse", 1),
        ("révolution\n\nsilencieuse", 0),  # not across paragraphs
        ("révolutions silencieuses", 0),  # whole words
        ("impacts impactant surimpact impact-test", 0),
        ("Cela change la donne, changera la donne et changeait la donne.", 3),  # word*
        ("changer, la donne", 0),  # punctuation breaks a phrase
    ],
)
def test_matching_rules(tmp_path: Path, text: str, count: int) -> None:
    packs = tmp_path / "packs"
    write_pack(packs)
    assert len(spans(lint(FRONT + text + "\n", packs).findings, "TST001")) == count


def test_code_urls_and_link_targets_never_match(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    write_pack(packs)
    text = FRONT + textwrap.dedent("""\
        Le `impact` en code, https://impact.example.com/impact, [un lien](https://x.fr/impact).
        <span title="impact">html</span> ![impact](img.png)

        ```
        impact dans un bloc de code
        ```
        """)
    assert lint(text, packs).findings == []


def test_each_scope(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    rules = "\n".join(
        textwrap.dedent(f"""\
          - id: SCO00{number}
            name: scope-{scope.replace("_", "-")}
            kind: existence
            scope: {scope}
            tokens: [cliché]
            message: "{scope}"
        """)
        for number, scope in enumerate(
            ["body", "headings", "title", "seo_title", "description", "link_text", "any"], 1
        )
    )
    write_pack(packs, "prefix: SCO\nrules:\n" + textwrap.indent(rules, "  "))
    text = textwrap.dedent("""\
        ---
        title: "Titre cliché"
        seoTitle: "SEO cliché"
        seoDescription: 'Description cliché'
        ---

        # Un cliché en titre

        Un cliché, et [un lien cliché](https://x.fr).
        """)
    findings = lint(text, packs, select=("SCO",)).findings
    got = sorted((f.message, f.line, f.column) for f in findings)
    assert got == sorted(
        [
            ("body", 7, 6),
            ("body", 9, 4),
            ("body", 9, 24),
            ("headings", 7, 6),
            ("title", 2, 15),
            ("seo_title", 3, 16),
            ("description", 4, 30),
            ("link_text", 9, 24),
            ("any", 2, 15),
            ("any", 3, 16),
            ("any", 4, 30),
            ("any", 7, 6),
            ("any", 9, 4),
            ("any", 9, 24),
        ]
    )


def test_occurrence_reports_once_past_the_maximum(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    write_pack(packs)
    two = FRONT + "Innovant et innovante.\n"
    assert spans(lint(two, packs).findings, "TST003") == []
    four = FRONT + "Innovant, innovante, innovants.\n\nEncore innovant.\n"
    found = [f for f in lint(four, packs).findings if f.rule == "TST003"]
    assert [(f.line, f.column, f.message) for f in found] == [
        (5, 22, "4 uses (innovant ×2, innovante, innovants), at most 2")
    ]


def test_language_of_the_pack(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    write_pack(packs)
    text = FRONT + "The impact.\n"
    assert lint(text, packs, lang="en").findings == []
    english = '---\ntitle: "Un titre"\nlang: en\n---\n\nThe impact.\n'
    assert lint(english, packs).findings == []  # the front-matter's lang wins


ENGLISH_BODY = (
    "The impact of the new release is large, and the team has worked on it for a long time. "
    "It is available today for all the users of the platform who have an account with us, "
    "and the documentation explains how to move to it.\n"
)


def test_language_bound_rules_skip_a_body_that_reads_as_another_language(
    tmp_path: Path,
) -> None:
    packs = tmp_path / "packs"
    write_pack(packs)
    write_pack(packs, PACK.replace("lang: fr\n", "").replace("TST", "ANY"), "any.yaml")
    text = '---\ntitle: "La deadline du projet"\n---\n\n' + ENGLISH_BODY
    found = [(f.rule, f.line) for f in lint(text, packs, select=("TST", "ANY")).findings]
    # the French pack still reads the title (a field) but leaves the English body to FR001;
    # a pack for any language reads the body too
    assert sorted(found) == [("ANY001", 5), ("ANY002", 2), ("TST002", 2)]
    french = '---\ntitle: "Un titre"\n---\n\nUn impact certain sur les équipes et les clients.\n'
    assert [f.rule for f in lint(french, packs).findings] == ["TST001"]


def test_french_packs_alone_still_read_the_fields_of_a_page_in_english(tmp_path: Path) -> None:
    # every loaded rule is bound to French: the English body is not read at all, the fields are
    packs = tmp_path / "packs"
    write_pack(
        packs,
        PACK
        + """\
  - id: TST004
    name: percent
    kind: existence
    scope: any
    patterns: ['\\d+ ?%']
    message: "{match}"
""",
    )
    text = (
        '---\ntitle: "La deadline de 30 % du projet"\n---\n\n'
        + ENGLISH_BODY
        + "The deadline moved, and the impact grew by 30 % for the team.\n"
    )
    found = [(f.rule, f.line, f.column) for f in lint(text, packs).findings]
    assert sorted(found) == [("TST002", 2, 12), ("TST004", 2, 24)]


def test_regular_expressions_exceptions_proper_nouns_and_start(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    write_pack(
        packs,
        """\
        prefix: REG
        rules:
          - id: REG001
            name: numbers
            kind: existence
            patterns: ['\\d+ ?%']
            message: "{match}"
          - id: REG002
            name: digital
            kind: existence
            tokens: [digital*]
            exceptions: [empreinte* digitale*]
            skip_proper_nouns: true
            message: "{match}"
          - id: REG003
            name: starts
            kind: existence
            scope: [body, description]
            tokens: [découvrez]
            at_start: true
            message: "{match}"
          - id: REG004
            name: exact
            kind: existence
            tokens: [Go]
            case_sensitive: true
            accent_sensitive: true
            message: "{match}"
        """,
    )
    text = textwrap.dedent("""\
        ---
        seoDescription: "Découvrez Rust. Découvrez Go."
        ---

        Une hausse de 30 % et de 5%. Le monde digital, une empreinte digitale.
        Western Digital et Digital sont des noms. Digital commence une phrase.

        - **Découvrez** la suite, puis découvrez go et Go.
        """)
    findings = lint(text, packs, select=("REG",)).findings
    assert spans(findings, "REG001") == [(5, 15, "30 %"), (5, 26, "5%")]
    assert spans(findings, "REG002") == [(5, 39, "digital"), (6, 43, "Digital")]
    assert spans(findings, "REG003") == [(2, 18, "Découvrez"), (8, 5, "Découvrez")]
    assert spans(findings, "REG004") == [(8, 48, "Go")]
    # a phrase at the very start of the file: nothing before it, not even a front-matter
    bare = lint("Découvrez la suite.\n", packs, select=("REG",)).findings
    assert spans(bare, "REG003") == [(1, 1, "Découvrez")]


# -- substitutions and the fixer ----------------------------------------------------------------
def test_substitution_fixes_the_body_and_quoted_fields(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    write_pack(packs)
    article = tmp_path / "a.md"
    text = (
        "---\ntitle: \"La deadline\"\nseoDescription: 'Deadlines'\n---\n\n"
        "Une DEADLINE, des deadlines, la Deadline.\n"
    )
    article.write_text(text, encoding="utf-8")
    result = lint(text, packs, options=RunOptions(fix=True))
    assert result.fixed == 5
    assert article.read_text(encoding="utf-8") == (
        "---\ntitle: \"La date limite\"\nseoDescription: 'Dates limites'\n---\n\n"
        "Une DATE LIMITE, des dates limites, la Date limite.\n"
    )
    assert result.findings == []


def test_unsafe_substitutions_need_unsafe_fixes(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    write_pack(
        packs,
        """\
        prefix: UNS
        rules:
          - id: UNS001
            name: feedback
            kind: substitution
            scope: any
            fix: unsafe
            swap: {feedback: retour d'expérience}
            message: "{match} → {replacement}"
        """,
    )
    article = tmp_path / "a.md"
    text = "---\ntitle: 'Le feedback'\n---\n\nLe feedback l'a montré.\n"
    article.write_text(text, encoding="utf-8")
    found = lint(text, packs, select=("UNS",), options=RunOptions(fix=True)).findings
    assert [f.fixable for f in found] == [False, True]  # a ' cannot go into a '…' scalar
    assert article.read_text(encoding="utf-8") == text
    lint(text, packs, select=("UNS",), options=RunOptions(fix=True, unsafe_fixes=True))
    assert article.read_text(encoding="utf-8") == text.replace(
        "Le feedback l'a", "Le retour d'expérience l'a"
    )
    # an article that writes ’ gets ’ in the replacement too (and then the title can take it)
    curly = "---\ntitle: 'Le feedback'\n---\n\nLe feedback l’a montré.\n"
    article.write_text(curly, encoding="utf-8")
    lint(curly, packs, select=("UNS",), options=RunOptions(fix=True, unsafe_fixes=True))
    assert article.read_text(encoding="utf-8") == curly.replace("feedback", "retour d’expérience")


def test_regex_substitution_keeps_the_original_groups(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    write_pack(
        packs,
        """\
        prefix: RGX
        rules:
          - id: RGX001
            name: ordinal
            kind: substitution
            regex: true
            swap: {'(\\d+)(?:ème|eme)': '\\1e'}
            message: "{match} → {replacement}"
        """,
    )
    found = lint(FRONT + "Le 2ème et le 21eme.\n", packs, select=("RGX",)).findings
    assert [f.message for f in found] == ["2ème → 2e", "21eme → 21e"]


# -- select, severity, suppressions -------------------------------------------------------------
def test_pack_rules_obey_selection_severity_and_suppressions(tmp_path: Path) -> None:
    packs = tmp_path / "packs"
    write_pack(packs)
    text = FRONT + "Un impact.\n"
    assert lint(text, packs, select=("TST002",)).findings == []
    assert lint(text, packs, select=("TST",), ignore=("TST001",)).findings == []
    info = lint(text, packs, severity={"TST001": "info"}).findings
    assert [f.severity.label for f in info] == ["info"]
    quiet = '---\ntitle: "Un titre"\nseolint: {ignore: [TST001]}\n---\n\nUn impact.\n'
    assert lint(quiet, packs).findings == []


# -- loading and validation ---------------------------------------------------------------------
BAD_PACKS = [
    ("prefix: [", "invalid YAML (line 2, column 1)"),
    ("- a list", "a rule pack must be a mapping"),
    ("rules: []", "prefix is required"),
    ("prefix: FR\nrules: []", "prefix 'FR' belongs to built-in rules"),
    ("prefix: T1\nrules: []", "prefix 'T1' must be 1 to 8 capital letters"),
    ("prefix: TST\nrules: []", "rules must be a non-empty list"),
    ("prefix: TST\nrulez: []", "unknown key 'rulez'"),
    ("prefix: TST\nrules: [{id: XYZ001}]", "rule XYZ001: id must be the pack prefix TST"),
    ("prefix: TST\nrules: [{id: TST001, name: Bad_Name}]", "rule TST001: name 'Bad_Name' must"),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: maybe}]",
        "rule TST001: kind = 'maybe' is not one of existence, substitution, occurrence",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: existence, message: m}]",
        "rule TST001: an existence rule needs tokens or patterns",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: existence, message: m, tokens: [x], "
        "scope: footer}]",
        "rule TST001: scope = 'footer' is not one of body, headings",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: existence, message: m, "
        "patterns: ['(x']}]",
        "rule TST001: pattern '(x' is not a valid regular expression",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: existence, message: '{nope}', "
        "tokens: [x]}]",
        "rule TST001: message: unknown placeholder {nope}",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: occurrence, message: m, tokens: [x]}]",
        "rule TST001: an occurrence rule needs max",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: substitution, message: m}]",
        "rule TST001: a substitution rule needs swap",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: substitution, message: m, "
        "swap: {'x*': y}}]",
        "rule TST001: phrase 'x*': a substitution needs exact words",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: existence, message: m, tokens: ['a*b']}]",
        "rule TST001: phrase 'a*b': '*' may only end a word",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: existence, message: m, tokens: [x]}, "
        "{id: TST001, name: b, kind: existence, message: m, tokens: [y]}]",
        "rule TST001: this id is used twice in the pack",
    ),
    (
        "prefix: TST\nrules: [{id: TST001, name: a, kind: existence, message: m, tokens: [x], "
        "severity: fatal}]",
        "rule TST001: severity = 'fatal' is not one of error, warning, info",
    ),
]


@pytest.mark.parametrize(("text", "error"), BAD_PACKS)
def test_a_malformed_pack_names_the_file_and_the_rule(
    tmp_path: Path, text: str, error: str
) -> None:
    path = write_pack(tmp_path / "packs", text)
    with pytest.raises(ConfigError) as caught:
        load_packs([path])
    assert str(caught.value).startswith(f"{path}: ")
    assert error in str(caught.value)


def test_two_packs_with_one_prefix(tmp_path: Path) -> None:
    first = write_pack(tmp_path / "packs", name="a.yaml")
    second = write_pack(tmp_path / "packs", PACK.replace("TST001", "TST009"), name="b.yaml")
    with pytest.raises(
        ConfigError, match=f"{second}: prefix TST is already the prefix of {re.escape(str(first))}"
    ):
        load_packs([first, second])


def test_a_malformed_pack_is_exit_2_without_traceback(tmp_path: Path) -> None:
    write_pack(tmp_path / "mypacks", "prefix: TST\nrules: [{id: TST001, name: a, kind: nope}]")
    (tmp_path / "seolint.toml").write_text('packs = ["mypacks"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(FRONT + "Texte.\n", encoding="utf-8")
    for args in (("check", "a.md"), ("rules",), ("rule", "FRC001")):
        result = run_cli(*args, cwd=tmp_path)
        assert result.returncode == 2, args
        assert result.stderr.startswith("seolint: error: ")
        assert "mypacks/test.yaml: rule TST001: kind = 'nope'" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_missing_pack_folder_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "seolint.toml").write_text('packs = ["nowhere"]\n', encoding="utf-8")
    result = run_cli("rules", cwd=tmp_path)
    assert result.returncode == 2
    assert "packs: 'nowhere' is neither a folder nor a file" in result.stderr


def test_a_user_pack_folder_from_the_configuration(tmp_path: Path) -> None:
    write_pack(tmp_path / "mypacks")
    (tmp_path / "seolint.toml").write_text('packs = ["mypacks"]\n', encoding="utf-8")
    (tmp_path / "a.md").write_text(FRONT + "Une deadline.\n", encoding="utf-8")
    code, report = run_json("a.md", "--select", "TST", cwd=tmp_path)
    assert code == 0  # warnings and infos do not fail the run
    assert [(f["rule"], f["line"], f["column"], f["fixable"]) for f in report["findings"]] == [
        ("TST002", 5, 5, True)
    ]
    catalog = json.loads(run_cli("rules", "--format", "json", cwd=tmp_path).stdout)
    record = next(r for r in catalog if r["id"] == "TST002")
    assert record == {
        "id": "TST002",
        "name": "deadline",
        "family": "TST",
        "severity": "warning",
        "enabled": True,
        "fixable": True,
        "summary": "« deadline » where « date limite » says it in plain French.",
        "options": {},
    }
    fixed = run_cli("check", "a.md", "--select", "TST", "--fix", cwd=tmp_path)
    assert fixed.returncode == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8").endswith("Une date limite.\n")


def test_pack_rule_classes_pickle_by_reference(tmp_path: Path) -> None:
    rules = load_packs([write_pack(tmp_path / "packs")])
    assert pickle.loads(pickle.dumps(rules[0])) is rules[0]


def test_fold_accents_keeps_offsets() -> None:
    for text in ("Électricité à l’ère", "한국어 texte é", "İstanbul ﬁn œuvre"):
        assert len(fold_accents(text)) == len(text)
    assert fold_accents("Électricité à l’ère\u00a0!") == "Electricite a l'ere !"


# -- the built-in packs ------------------------------------------------------------------------
def builtin() -> list[type]:
    return list(pack_rules(Config()))


def test_builtin_packs_are_found_and_complete() -> None:
    folder = builtin_pack_dir()
    assert folder is not None and (folder / "fr-cliches.yaml").is_file()
    ids = [rule.id for rule in builtin()]
    assert sum(i.startswith("FRC") for i in ids) >= 12
    assert any(i.startswith("ANG") for i in ids)
    for rule in builtin():
        assert rule.spec.why and rule.spec.examples, rule.id  # type: ignore[attr-defined]


def _example_article(text: str) -> str:
    """An example is body text, or a front-matter line such as ``seoDescription: "…"``."""
    if re.match(r"^\w+: ", text):
        return f"---\n{text}\n---\n\nTexte.\n"
    return f'---\ntitle: "Un titre neutre"\n---\n\n{text}\n'


@pytest.mark.parametrize("rule", builtin(), ids=lambda rule: rule.id)
def test_builtin_examples_bad_fires_and_good_does_not(rule: type, tmp_path: Path) -> None:
    config = replace(Config(), select=(rule.id,))
    linter = Linter(config, registry_for(config), RunOptions())
    for bad, good in rule.spec.examples:  # type: ignore[attr-defined]
        source = SourceFile("a.md", tmp_path / "a.md")
        found = linter.lint_bytes(source, _example_article(bad).encode(), FileResult("a.md"))
        assert [f.rule for f in found.findings] == [rule.id], bad
        if good:
            clean = linter.lint_bytes(source, _example_article(good).encode(), FileResult("a.md"))
            assert clean.findings == [], good


def test_rule_command_documents_a_pack_rule() -> None:
    result = run_cli("rule", "FRC001")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# FRC001 revolutionner\n")
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert heading in out
    assert "« révolutionn* »" in out and "pack:fr-cliches" in out
