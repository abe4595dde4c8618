"""--fix, --unsafe-fixes and --diff with the French rules: bytes kept, values kept valid,
only flagged characters changed, idempotent (property-based)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_result, run_cli
from seolint.config import Config
from seolint.discover import SourceFile
from seolint.engine import FileResult, Linter, RunOptions
from seolint.findings import Edit, Finding, Fix, Severity, Violation
from seolint.fix import apply_fixes
from seolint.parse.document import Document, FileSettings, parse_document
from seolint.registry import build_registry
from seolint.rules.base import Rule

NBSP, NNBSP = "\u00a0", "\u202f"
BOM = b"\xef\xbb\xbf"

SEED = (
    "---\n"
    'title: "Amazon investit 35 milliards USD dans l\'IA en Inde"\n'
    'seoTitle: "Amazon investit 35 milliards USD dans l\'IA en Inde: une avancée clé"\n'
    "---\n"
    "\n"
    "# Amazon investit 35 milliards USD dans l'IA en Inde\n"
    "\n"
    "## TL;DR\n"
    "\n"
    "- Amazon investira 35 milliards de dollars en Inde d'ici 2030.\n"
    '- Priorité donnée au cloud, soutenant la vision nationale "Viksit Bharat".\n'
    "\n"
    "### Concurrents: Google et Microsoft\n"
    "\n"
    "Google a annoncé un investissement de 15 milliards de dollars en Inde.\n"
)


def write_crlf_bom(path: Path, text: str) -> bytes:
    raw = BOM + text.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(raw)
    return raw


def test_fix_keeps_bom_and_crlf_and_changes_only_flagged_lines(tmp_path: Path) -> None:
    article = tmp_path / "seed.md"
    before = write_crlf_bom(article, SEED)
    result = run_cli(
        "check", str(article), "--select", "FR1", "--isolated", "--fix", "--no-progress"
    )
    after = article.read_bytes()
    assert after.startswith(BOM) and not after[3:].startswith(BOM)
    old_lines, new_lines = before[3:].split(b"\r\n"), after[3:].split(b"\r\n")
    assert len(old_lines) == len(new_lines)
    assert b"\n" not in after.replace(b"\r\n", b"")  # every ending is still CRLF
    changed = [i + 1 for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    assert changed == [3, 13]  # the seo title and the heading, nothing else
    assert new_lines[2].decode() == (
        f'seoTitle: "Amazon investit 35 milliards USD dans l\'IA en Inde{NBSP}: une avancée clé"'
    )
    assert new_lines[12].decode() == f"### Concurrents{NBSP}: Google et Microsoft"
    assert "2 fixes applied" in result.stdout
    assert "1 fixable with --unsafe-fixes" in result.stdout  # the straight quotes
    # idempotent: a second run finds nothing more to fix and does not touch the file
    again = run_cli(
        "check", str(article), "--select", "FR1", "--isolated", "--fix", "--no-progress"
    )
    assert article.read_bytes() == after
    assert "applied" not in again.stdout


def test_diff_writes_nothing(tmp_path: Path) -> None:
    article = tmp_path / "seed.md"
    before = write_crlf_bom(article, SEED)
    result = run_cli(
        "check", str(article), "--select", "FR102", "--isolated", "--diff", "--no-progress"
    )
    assert article.read_bytes() == before
    assert f"+### Concurrents{NBSP}: Google et Microsoft" in result.stdout
    assert "-### Concurrents: Google et Microsoft" in result.stdout


def test_unsafe_fixes_only_when_asked(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text('---\ntitle: T\n---\n\nLe "cloud" à 3.8 millions.\n', encoding="utf-8")
    run_cli("check", str(article), "--select", "FR104,FR111", "--isolated", "--fix")
    assert article.read_text(encoding="utf-8").endswith('Le "cloud" à 3.8 millions.\n')
    run_cli("check", str(article), "--select", "FR104,FR111", "--isolated", "--unsafe-fixes")
    assert article.read_text(encoding="utf-8").endswith(
        f"Le «{NNBSP}cloud{NNBSP}» à 3,8 millions.\n"
    )


def fixed(text: str, unsafe: bool = False) -> str:
    result = lint_result(
        text, ("FR1",), run_options=RunOptions(fix=True, unsafe_fixes=unsafe, write=False)
    )
    assert not result.errors
    return result.output.decode("utf-8") if result.output is not None else text


def test_front_matter_values_stay_valid_and_only_gain_spaces() -> None:
    text = (
        "---\n"
        'title: "Inde: une avancée"\n'
        "seoTitle: 'Pourquoi maintenant?'\n"
        "seoDescription: Une hausse de 35% en un an, «vraiment» !\n"
        "slug: inde\n"
        "---\n\nTexte.\n"
    )
    after = fixed(text)
    before_data = yaml.safe_load(text.split("---\n")[1])
    after_data = yaml.safe_load(after.split("---\n")[1])
    assert after_data == {
        "title": f"Inde{NBSP}: une avancée",
        "seoTitle": f"Pourquoi maintenant{NNBSP}?",
        "seoDescription": f"Une hausse de 35{NBSP}% en un an, «{NNBSP}vraiment{NNBSP}»{NNBSP}!",
        "slug": "inde",
    }
    assert before_data.keys() == after_data.keys()


def test_toml_and_json_front_matter_values_are_fixed_in_place() -> None:
    toml = '+++\ntitle = "Inde: une avancée"\n+++\n\nTexte.\n'
    assert fixed(toml) == f'+++\ntitle = "Inde{NBSP}: une avancée"\n+++\n\nTexte.\n'
    json_text = '{\n  "title": "Pourquoi maintenant?"\n}\n\nTexte.\n'
    assert fixed(json_text) == f'{{\n  "title": "Pourquoi maintenant{NNBSP}?"\n}}\n\nTexte.\n'


def test_a_file_whose_front_matter_does_not_parse_is_never_rewritten() -> None:
    text = '---\ntitle: "about "Steven A. Cohen""\n---\n\nPourquoi maintenant? Voici: oui.\n'
    assert fixed(text) == text


class BreaksYaml(Rule):
    """A test rule whose fix would break the front-matter."""

    id = "ZZ001"
    name = "breaks-yaml"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        span = doc.fields["title"].span
        assert span is not None
        yield Violation(
            span.value_start,
            span.value_end,
            "x",
            Fix((Edit(span.value_start, span.value_start, '"'),)),
        )


def test_a_fix_that_would_break_the_front_matter_is_dropped_and_the_others_applied() -> None:
    from dataclasses import replace

    text = '---\ntitle: "Un titre"\n---\n\nPourquoi maintenant?\n'
    config = replace(Config(), select=("ZZ001", "FR101"))
    linter = Linter(config, build_registry(extra=(BreaksYaml,)), RunOptions(fix=True, write=False))
    result = linter.lint_bytes(SourceFile("a.md", Path("a.md")), text.encode(), FileResult("a.md"))
    assert result.output is not None
    assert result.output.decode() == f'---\ntitle: "Un titre"\n---\n\nPourquoi maintenant{NNBSP}?\n'


# -- properties ----------------------------------------------------------------------------

FRAGMENTS = [
    "le",
    "la",
    "les",
    "des",
    "est",
    "dans",
    "pour",
    "qui",
    "une",
    "marché",
    "Pourquoi",
    "Amazon",
    "l'IA",
    "2030",
    "35",
    "20000",
    "euros",
    "millions",
    "Décembre",
    "10",
    ":",
    ";",
    "!",
    "?",
    "?!",
    "«",
    "»",
    "%",
    "...",
    ".",
    ",",
    "(",
    ")",
    "-",
    "TL;DR",
    "13:57",
    "16:9",
    ":)",
    ";)",
    "`a: b`",
    "`x;y`",
    "**gras**",
    "https://x.fr/?a=1;b=2",
    "C:\\Temp",
    "&nbsp;",
    "<b>",
    "</b>",
    "[lien](https://x.fr)",
    "jean@x.fr",
    "config.yaml",
    "…",
]
SEPARATORS = [" ", " ", " ", "", NBSP, NNBSP, "\n"]


@st.composite
def french_paragraphs(draw: st.DrawFn) -> str:
    pieces = draw(
        st.lists(
            st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)),
            min_size=1,
            max_size=30,
        )
    )
    return "".join(word + separator for word, separator in pieces)


@st.composite
def french_articles(draw: st.DrawFn) -> str:
    paragraphs = draw(st.lists(french_paragraphs(), min_size=1, max_size=4))
    title = draw(french_paragraphs()).replace("\n", " ").replace('"', "").replace("\\", "")
    body = "\n\n".join(p.strip("\n") or "texte" for p in paragraphs)
    return f'---\ntitle: "Les marchés{title}"\n---\n\nLe marché est dans la ville. {body}\n'


def _normalise(text: str) -> str:
    """What no safe fix may change: the characters other than spaces, case aside."""
    kept = text.replace("…", "...").lower()
    return "".join(c for c in kept if not c.isspace() and c not in (NBSP, NNBSP))


def _safe_edits(findings: Iterable[Finding]) -> list[tuple[Edit, Finding]]:
    return [(edit, f) for f in findings if f.fix is not None and f.fix.safe for edit in f.fix.edits]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(french_articles())
def test_fixing_changes_only_flagged_characters(text: str) -> None:
    doc = parse_document("a.md", text.encode(), FileSettings())
    findings = lint_result(text, ("FR1",)).findings
    for edit, finding in _safe_edits(findings):
        assert finding.start <= edit.start <= edit.end <= finding.end
        replaced = doc.text[edit.start : edit.end]
        # an insertion, spaces made unbreakable, « ... », an ordinal suffix, a capital
        assert replaced.strip(" \t") == "" or replaced == "..." or replaced.isalnum()
    one_pass, _ = apply_fixes(doc.text, [f.fix for f in findings if f.fix and f.fix.safe])
    assert _normalise(one_pass) == _normalise(doc.text)
    after = fixed(text)
    assert _normalise(after) == _normalise(text)
    assert yaml.safe_load(after.split("---\n")[1]).keys() == {"title"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(french_articles())
def test_fixing_is_idempotent(text: str) -> None:
    once = fixed(text)
    assert fixed(once) == once
    left = [f for f in lint_result(once, ("FR1",)).findings if f.fix is not None and f.fix.safe]
    assert left == []
