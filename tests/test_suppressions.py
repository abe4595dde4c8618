"""In-file suppressions: front-matter ``seolint: {ignore}`` and the HTML comment forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import lint_result, lint_text, run_json, where
from seolint.filter.suppress import Suppressions

HEAD = '---\ntitle: "Un titre"\n---\n'  # the body starts on line 4


def st012_lines(body: str, *select: str) -> list[int]:
    """Lines of the ST012 (generic link text) findings left in an article."""
    findings = lint_text(HEAD + body, select=("ST012", *select))
    return [line for line, _ in where(findings, "ST012")]


def test_disable_until_enable() -> None:
    body = (
        "[ici](https://a.fr)\n\n"
        "<!-- seolint-disable ST012 -->\n\n"
        "[ici](https://b.fr)\n\n"
        "<!-- seolint-enable -->\n\n"
        "[ici](https://c.fr)\n"
    )
    assert st012_lines(body) == [4, 12]


def test_disable_without_enable_runs_to_the_end() -> None:
    body = "[ici](https://a.fr)\n\n<!-- seolint-disable -->\n\n[ici](https://b.fr)\n"
    assert st012_lines(body) == [4]


def test_enable_a_code_closes_only_that_code() -> None:
    body = (
        "<!-- seolint-disable ST012, ST013 -->\n"
        "[ici](https://a.fr) https://a.fr\n\n"
        "<!-- seolint-enable ST013 -->\n"
        "[ici](https://b.fr) https://b.fr\n"
    )
    findings = lint_text(HEAD + body, select=("ST012", "ST013"))
    assert where(findings, "ST012") == []
    assert where(findings, "ST013") == [(8, 21)]


def test_disable_next_line_skips_blank_lines_and_keeps_a_reason() -> None:
    body = (
        "<!-- seolint-disable-next-line ST012 -- the source says « ici » -->\n\n"
        "[ici](https://a.fr)\n\n"
        "[ici](https://b.fr)\n"
    )
    assert st012_lines(body) == [8]


def test_disable_next_line_by_prefix() -> None:
    body = "<!-- seolint-disable-next-line st -->\n[ici](https://a.fr)\n"
    assert st012_lines(body) == []


def test_disable_file_from_a_comment_anywhere() -> None:
    body = "[ici](https://a.fr)\n\n<!-- seolint-disable-file ST012 -->\n"
    assert st012_lines(body) == []


def test_disable_inside_a_list_item() -> None:
    body = (
        "- [ici](https://a.fr)\n"
        "- un point <!-- seolint-disable-next-line ST012 -->\n"
        "  [ici](https://b.fr)\n"
        "- [ici](https://c.fr)\n"
    )
    assert st012_lines(body) == [4, 7]


def test_disable_inside_a_blockquote() -> None:
    body = (
        "> <!-- seolint-disable ST012 -->\n"
        "> Citation : [ici](https://a.fr)\n"
        "> <!-- seolint-enable ST012 -->\n\n"
        "[ici](https://b.fr)\n"
    )
    assert st012_lines(body) == [8]


def test_comments_in_code_are_not_directives() -> None:
    body = (
        "`<!-- seolint-disable-file ST012 -->`\n\n"
        "```html\n<!-- seolint-disable-file ST012 -->\n```\n\n"
        "    <!-- seolint-disable-file ST012 -->\n\n"
        "[ici](https://a.fr)\n"
    )
    assert st012_lines(body) == [12]


def test_unknown_code_in_a_comment_is_reported_where_it_is() -> None:
    body = "<!-- seolint-disable-next-line ST012, FR1O1 -->\n[ici](https://a.fr)\n"
    findings = lint_text(HEAD + body, select=("ST012", "SL002"))
    assert where(findings, "ST012") == []
    assert where(findings, "SL002") == [(4, 39)]
    assert "unknown rule code 'FR1O1'" in findings[0].message


def test_misspelt_directive_is_reported() -> None:
    body = "<!-- seolint-disabel ST012 -->\n[ici](https://a.fr)\n"
    findings = lint_text(HEAD + body, select=("ST012", "SL002"))
    assert where(findings, "SL002") == [(4, 6)]
    assert "unknown directive seolint-disabel" in findings[0].message
    assert where(findings, "ST012") == [(5, 2)]


def test_front_matter_ignore() -> None:
    text = '---\ntitle: "Un titre"\nseolint:\n  ignore: [ST012, FM006]\n---\n[ici](https://a.fr)\n'
    findings = lint_text(text, select=("ST012", "FM006", "SL002"))
    assert findings == []


def test_front_matter_ignore_unknown_code() -> None:
    text = '---\ntitle: "Un titre"\nseolint: {ignore: [ST999]}\n---\nTexte.\n'
    findings = lint_text(text, select=("SL002",))
    assert where(findings, "SL002") == [(3, 10)]
    assert "unknown rule code 'ST999'" in findings[0].message


def test_suppressions_apply_to_other_families() -> None:
    # SEO001 reports on the front-matter: only a file-wide suppression reaches it
    text = '---\ntitle: "Court"\n---\n\n<!-- seolint-disable-file SEO001 -->\n\nTexte.\n'
    assert where(lint_text(text, select=("SEO001",)), "SEO001") == []
    assert where(lint_text(text.replace("SEO001 ", ""), select=("SEO001",)), "SEO001") == []
    assert where(
        lint_text(text.replace("disable-file SEO001", "disable-file ST"), select=("SEO001",)),
        "SEO001",
    ) == [(2, 9)]


def test_suppressions_apply_to_corpus_rules(tmp_path: Path) -> None:
    article = '---\ntitle: "Un titre"\nslug: meme-slug\n---\n\nTexte.\n'
    (tmp_path / "a.md").write_text(article, encoding="utf-8")
    (tmp_path / "b.md").write_text(
        article + "\n<!-- seolint-disable-file DUP001 -->\n", encoding="utf-8"
    )
    _, report = run_json(str(tmp_path), "--isolated", "--select", "DUP001")
    assert [(Path(f["path"]).name, f["rule"]) for f in report["findings"]] == [("a.md", "DUP001")]


def test_suppressions_round_trip_through_json() -> None:
    body = "<!-- seolint-disable ST012 -->\n[ici](https://a.fr)\n<!-- seolint-disable-file FR -->\n"
    suppressions = lint_result(HEAD + body, select=("ST012",)).suppressions
    assert suppressions == Suppressions(("FR",), ((4, 7, ("ST012",)),))
    assert Suppressions.from_json(suppressions.to_json()) == suppressions


@pytest.mark.parametrize("line", [3, 4, 5])
def test_ranges_are_inclusive(line: int) -> None:
    suppressions = Suppressions((), ((3, 5, ("ST",)),))
    assert suppressions.suppresses("ST012", line)
    assert not suppressions.suppresses("FR101", line)
    assert not suppressions.suppresses("ST012", 6)
