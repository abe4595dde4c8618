"""DUP001–DUP005: rules across the articles of a site, and runs on part of a site."""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import run_cli, run_json
from seolint.config import Config, load_file
from seolint.discover import SourceFile
from seolint.engine import Linter, RunOptions, RunResult, run
from seolint.findings import Finding
from seolint.registry import build_registry
from seolint.rules.corpus_rules import BrokenInternalLink, BrokenLinkOptions, DuplicateSlug

_NUMBERS = itertools.count(1)


def article(
    slug: str | None = None,
    title: str | None = None,
    seo_title: str | None = None,
    description: str | None = None,
    canonical: str | None = None,
    body: str = "Du texte.",
    extra: str = "",
) -> str:
    title = title or f"Article numéro {next(_NUMBERS)}"  # distinct unless a test says so
    lines = ["---", f'title: "{title}"']
    if seo_title is not None:
        lines.append(f'seoTitle: "{seo_title}"')
    if description is not None:
        lines.append(f'seoDescription: "{description}"')
    if slug is not None:
        lines.append(f"slug: {slug}")
    if canonical is not None:
        lines.append(f"canonical: {canonical}")
    if extra:
        lines.append(extra)
    lines += ["---", "", f"# {title}", "", body, ""]
    return "\n".join(lines)


def write(root: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def lint_site(
    root: Path,
    paths: Sequence[str] = (".",),
    select: Sequence[str] = ("DUP",),
    config_text: str | None = None,
    site_root: Path | None = None,
    **values: object,
) -> RunResult:
    """Run the engine from ``root`` (paths are shown relative to it, as on the command line)."""
    if config_text is not None:
        (root / "seolint.toml").write_text(config_text, encoding="utf-8")
        config = load_file(root / "seolint.toml")
    else:
        config = Config()
    config = replace(config, select=tuple(select), **values)  # type: ignore[arg-type]
    linter = Linter(config, build_registry(), RunOptions())
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return run(list(paths), linter, site_root=site_root)
    finally:
        os.chdir(cwd)


def found(result: RunResult, rule: str) -> list[tuple[str, int, int]]:
    return [(f.path, f.line, f.column) for f in result.findings if f.rule == rule]


def messages(result: RunResult, rule: str, path: str) -> list[str]:
    return [f.message for f in result.findings if f.rule == rule and f.path == path]


# -- DUP001–DUP004 ---------------------------------------------------------------------------
def test_duplicate_slug_pair_names_the_other_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": article(slug="mon-article"), "b.md": article(slug="mon-article")})
    result = lint_site(tmp_path)
    # slug: is line 3 of each file, its value starts at column 7
    assert found(result, "DUP001") == [("a.md", 3, 7), ("b.md", 3, 7)]
    assert messages(result, "DUP001", "a.md") == [
        'slug "mon-article" is also used by b.md:3; two articles cannot share one URL — give '
        "each its own slug, or delete the duplicate article"
    ]
    finding = next(f for f in result.findings if f.rule == "DUP001")
    assert (finding.name, finding.severity.label) == ("duplicate-slug", "error")
    assert (finding.end_line, finding.end_column, finding.snippet) == (3, 18, "mon-article")
    assert finding.line_text == "slug: mon-article"


def test_duplicate_slug_triple_and_normalised_values(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.md": article(slug="Mon-Article"),
            "b.md": article(slug="/mon-article/"),
            "sub/c.md": article(slug="mon-article"),
            "d.md": article(slug="autre"),
        },
    )
    result = lint_site(tmp_path)
    assert [p for p, _, _ in found(result, "DUP001")] == ["a.md", "b.md", "sub/c.md"]
    assert "is also used by b.md:3 and sub/c.md:3;" in messages(result, "DUP001", "a.md")[0]
    assert "is also used by a.md:3 and b.md:3;" in messages(result, "DUP001", "sub/c.md")[0]


def test_many_duplicates_are_counted_after_three_names(tmp_path: Path) -> None:
    write(tmp_path, {f"{n}.md": article(slug="x") for n in "abcdef"})
    result = lint_site(tmp_path)
    assert (
        "is also used by b.md:3, c.md:3, d.md:3 and 2 more;"
        in messages(result, "DUP001", "a.md")[0]
    )


def test_duplicate_title_uses_the_seo_title_else_the_title(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.md": article(title="Premier", seo_title="Rust 1.80 : les nouveautés"),
            "b.md": article(title="Rust 1.80 : les « nouveautés »"),  # no seo title: the title
            "c.md": article(title="RUST 1.80 : LES NOUVEAUTES "),  # case, accents, spaces
            "d.md": article(title="Rust 1.80 : les nouveautés", seo_title="Autre chose"),
        },
    )
    result = lint_site(tmp_path)
    assert found(result, "DUP002") == [("a.md", 3, 12), ("b.md", 2, 9), ("c.md", 2, 9)]
    assert messages(result, "DUP002", "a.md") == [
        'seoTitle "Rust 1.80 : les nouveautés" is also the title of b.md:2 and c.md:2; search '
        "results would show two identical links — make each title say what is specific to it"
    ]


def test_duplicate_description(tmp_path: Path) -> None:
    text = "Tout ce qu'il faut savoir sur Rust."
    write(
        tmp_path,
        {
            "a.md": article(description=text),
            "b.md": article(description=text),
            "c.md": article(description="Une autre description."),
        },
    )
    result = lint_site(tmp_path)
    assert found(result, "DUP003") == [("a.md", 3, 18), ("b.md", 3, 18)]
    assert messages(result, "DUP003", "b.md") == [
        "seoDescription is the same as in a.md:3; write a description of what this article "
        "alone says"
    ]


def test_duplicate_canonical_ignores_host_case_and_trailing_slash(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.md": article(canonical="https://News.mit.edu/2025/x/"),
            "b.md": article(canonical="https://news.mit.edu/2025/x#part"),
            "c.md": article(canonical="https://news.mit.edu/2025/x?page=2"),
        },
    )
    result = lint_site(tmp_path)
    assert found(result, "DUP004") == [("a.md", 3, 12), ("b.md", 3, 12)]
    assert "is also the canonical of b.md:3;" in messages(result, "DUP004", "a.md")[0]


def test_no_duplicate_for_distinct_or_missing_values(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.md": article(slug="a", title="Titre A", description="Description A"),
            "b.md": article(slug="b", title="Titre B", description="Description B"),
            "c.md": "# Sans front-matter\n\nTexte.\n",
            "d.md": "# Sans front-matter non plus\n\nTexte.\n",
        },
    )
    assert lint_site(tmp_path).findings == []


def test_folder_scope_compares_each_top_level_folder_apart(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "v1/intro.md": article(title="Installer PowerShell sur Linux"),
            "v2/intro.md": article(title="Installer PowerShell sur Linux"),
            "v2/guide/copy.md": article(title="Installer PowerShell sur Linux"),
            "v1/a.md": article(slug="same", title="Titre A"),
            "v2/b.md": article(slug="same", title="Titre B"),
        },
    )
    site = lint_site(tmp_path)
    assert len(found(site, "DUP002")) == 3 and len(found(site, "DUP001")) == 2
    folder = lint_site(tmp_path, config_text='duplicate_scope = "folder"\n')
    assert found(folder, "DUP002") == [("v2/guide/copy.md", 2, 9), ("v2/intro.md", 2, 9)]
    assert found(folder, "DUP001") == []


# -- runs on part of a site ------------------------------------------------------------------
def test_partial_run_compares_with_the_rest_of_the_site(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "content/a.md": article(slug="x"),
            "content/b.md": article(slug="x"),
            "content/c.md": article(slug="x"),
            "other/d.md": article(slug="y"),
        },
    )
    result = lint_site(tmp_path, ["content/a.md"], config_text='lang = "fr"\n')
    assert result.files == 1 and result.paths == ["content/a.md"]
    assert found(result, "DUP001") == [("content/a.md", 3, 7)]
    assert "is also used by content/b.md:3 and content/c.md:3;" in result.findings[0].message


def test_partial_run_without_configuration_sees_only_the_given_files(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": article(slug="x"), "b.md": article(slug="x")})
    assert lint_site(tmp_path, ["a.md"]).findings == []
    with_root = lint_site(tmp_path, ["a.md"], site_root=tmp_path)
    assert found(with_root, "DUP001") == [("a.md", 3, 7)]


def test_a_file_given_by_absolute_path_is_not_its_own_duplicate(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": article(slug="x"), "b.md": article(slug="y")})
    result = lint_site(tmp_path, [str(tmp_path / "a.md")], config_text='lang = "fr"\n')
    assert result.findings == []


def test_site_root_option_on_the_command_line(tmp_path: Path) -> None:
    write(tmp_path, {"site/a.md": article(slug="x"), "site/b.md": article(slug="x")})
    code, report = run_json(
        "site/a.md", "--select", "DUP001", "--isolated", "--site-root", "site", cwd=tmp_path
    )
    assert code == 1
    assert [(f["path"], f["line"]) for f in report["findings"]] == [("site/a.md", 3)]
    assert "site/b.md:3" in report["findings"][0]["message"]
    missing = run_cli("check", "site/a.md", "--site-root", "nowhere", cwd=tmp_path)
    assert missing.returncode == 2 and "--site-root nowhere: no such folder" in missing.stderr


def test_findings_obey_per_file_ignores_and_suppressions(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "a.md": article(slug="x"),
            "drafts/b.md": article(slug="x"),
            "c.md": article(slug="x", extra="seolint: {ignore: [DUP001]}"),
        },
    )
    config = '[per-file-ignores]\n"drafts/**" = ["DUP"]\n'
    result = lint_site(tmp_path, config_text=config)
    assert found(result, "DUP001") == [("a.md", 3, 7)]
    # the ignored files still count as duplicates of a.md
    assert "is also used by c.md:3 and drafts/b.md:3;" in result.findings[0].message


def test_facts_survive_a_json_round_trip() -> None:
    """Facts are cached as JSON: the checks must give the same findings from JSON facts."""
    from conftest import lint_result

    texts = {"a.md": article(slug="x"), "b.md": article(slug="x")}
    rule = DuplicateSlug()
    facts = {
        path: lint_result(text, ("DUP001",), path).facts["DUP001"] for path, text in texts.items()
    }
    again = json.loads(json.dumps(facts))
    assert list(rule.check_corpus(again, frozenset(texts), None)) == list(
        rule.check_corpus(facts, frozenset(texts), None)
    )


# -- DUP005 ----------------------------------------------------------------------------------
LINKS = """Voir [le guide](../guides/rust.md#installer) et [l'index](./x/index.md).
Un lien cassé : [ancien](../guides/ancien.md), [encodé](mon%20article.md).
Pas un article : [image](./img.png), [site](https://ailleurs.fr/a.md), [ancre](#haut).
`[code](absent.md)` ne compte pas, ni ![image](absent.md).
"""


def test_broken_relative_links(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "blog/post.md": article(body=LINKS),
            "guides/rust.md": article(),
            "blog/x/index.md": article(),
            "blog/mon article.md": article(),
        },
    )
    result = lint_site(tmp_path, select=("DUP005",))
    # front-matter lines 1-3, H1 line 5, body from line 7: LINKS line 2 is line 8
    assert found(result, "DUP005") == [("blog/post.md", 8, 26)]
    assert messages(result, "DUP005", "blog/post.md") == [
        "link to ../guides/ancien.md points to guides/ancien.md, which does not exist; fix the "
        "path or link to the article's new name"
    ]


def test_a_link_to_a_markdown_file_outside_the_linted_set_is_not_broken(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": article(body="[b](b.md) et [c](c.md)"), "b.md": article()})
    result = lint_site(tmp_path, ["a.md"])  # b.md exists on disk though not linted
    assert [f.message.split(" points")[0] for f in result.findings] == ["link to c.md"]


def test_links_to_existing_files_are_settled_as_results_arrive(tmp_path: Path) -> None:
    # a site's facts are not all held to the end: a link to a file that exists is dropped
    write(tmp_path, {"a.md": article(body="[b](b.md) et [c](c.md) [d](https://x.fr/d.md)")})
    write(tmp_path, {"b.md": article()})
    rule = BrokenInternalLink()
    doc_path = str(tmp_path / "a.md")
    linter = Linter(Config(), build_registry(), RunOptions())
    facts = linter.lint_file(SourceFile(doc_path, Path(doc_path))).facts["DUP005"]
    assert [link[1] for link in facts["links"]] == ["b.md", "c.md"]
    pruned = rule.prune(doc_path, facts, BrokenLinkOptions())
    assert [link[1] for link in pruned["links"]] == ["c.md"]
    assert pruned["slugs"] == facts["slugs"]
    assert messages(lint_site(tmp_path), "DUP005", "a.md") == [
        "link to c.md points to c.md, which does not exist; fix the path or link to the "
        "article's new name"
    ]


SITE_LINKS = """[A](https://example.com/blog/article-a/) [B](/blog/article-b) [C](https://www.example.com/c.html)
[perdu](https://example.com/blog/perdu/) [tag](https://example.com/tags/rust/) [img](/img/x.png)
[ailleurs](https://other.com/blog/perdu/) [accueil](https://example.com/)
"""


def test_links_to_the_site_resolve_by_slug_when_site_url_is_set(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "index.md": article(body=SITE_LINKS),
            "a.md": article(slug="article-a"),
            "posts/article-b.md": article(),  # no slug: the file name
            "c/index.md": article(),  # a folder's index: the folder name
        },
    )
    result = lint_site(tmp_path, select=("DUP005",), site_url="https://example.com")
    assert found(result, "DUP005") == [("index.md", 8, 9)]
    assert messages(result, "DUP005", "index.md") == [
        'link to https://example.com/blog/perdu/ points to slug "perdu", which no article of '
        "the site uses; fix the slug, or add the path to DUP005's ignore_paths if it is not an "
        "article"
    ]
    assert lint_site(tmp_path, select=("DUP005",)).findings == []  # no site_url: not checked


def test_ignore_paths_option(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": article(body="[x](/guides/perdu/)")})
    assert lint_site(tmp_path, select=("DUP005",), site_url="https://example.com").findings
    options = {"DUP005": {"ignore_paths": ["/guides/*"]}}
    assert not lint_site(
        tmp_path, select=("DUP005",), site_url="https://example.com", options=options
    ).findings


def test_broken_link_rule_directly() -> None:
    rule = BrokenInternalLink()
    facts = {
        "a.md": {
            "slugs": ["a"],
            "links": [["file", "zzz-missing.md", [1, 2, 1, 16], ["zzz-missing.md", "x"]]],
        }
    }
    findings: list[Finding] = list(
        rule.check_corpus(facts, frozenset(["a.md"]), BrokenLinkOptions())
    )
    assert [(f.path, f.line, f.column, f.snippet) for f in findings] == [
        ("a.md", 1, 2, "zzz-missing.md")
    ]


@pytest.mark.parametrize("given", [["a.md"], ["."]])
def test_context_files_are_never_reported(tmp_path: Path, given: list[str]) -> None:
    write(
        tmp_path,
        {
            "a.md": article(slug="x", body="[z](zzz.md)"),
            "b.md": article(slug="x", body="[z](zzz.md)"),
        },
    )
    result = lint_site(tmp_path, given, config_text="")
    assert {f.path for f in result.findings} == (
        {"a.md"} if given == ["a.md"] else {"a.md", "b.md"}
    )


def test_source_file_marks_context() -> None:
    source = SourceFile("a.md", Path("a.md"), facts_only=True)
    assert source == SourceFile("a.md", Path("a.md"))  # the flag does not change identity


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab./-_ %?#:\t\r\n[]@&=+~é", max_size=16))
def test_a_link_resolves_as_urlsplit_and_unquote_read_it(target: str) -> None:
    """Links without URL syntax skip urlsplit and unquote: same path as with them."""
    from urllib.parse import unquote, urlsplit

    from seolint.rules.corpus_rules import _absolute, _resolve

    target = target.strip()
    assume(not target.startswith("//"))  # a link to another site, never resolved
    expected = _absolute(os.path.join("posts", unquote(urlsplit(target).path)), "/site")
    assert _resolve("posts/a.md", target, "/site") == expected
