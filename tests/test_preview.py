"""`seolint preview`: the search result laid out by pixel width, for desktop and mobile."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import run_cli
from seolint.config import Config
from seolint.engine import Linter, RunOptions
from seolint.errors import UsageError
from seolint.parse.document import FileSettings, parse_document
from seolint.preview import (
    MOBILE_LINE_PX,
    build_preview,
    layout,
    preview_file,
    preview_to_dict,
)
from seolint.registry import build_registry
from seolint.text.pixels import text_width

NBSP = "\u00a0"
SEED_TITLE = "Amazon investit 35 milliards USD dans l'IA en Inde: une avancée clé"
SEED = f"""---
title: "Amazon investit 35 milliards USD dans l'IA en Inde"
seoTitle: "{SEED_TITLE}"
seoDescription: "Amazon prévoit d'investir 35 milliards de dollars d'ici 2030 en Inde avec un focus sur l'IA et le cloud, créant 3,8 millions d'emplois annuels."
datePublished: Wed Dec 10 2025 13:57:52 GMT+0000 (Coordinated Universal Time)
slug: amazon-investit-35-milliards-usd-ia-en-inde
canonical: https://www.techradar.com/pro/amazon-and-to-commit-usd35bn-into-ai-in-india
---

# Amazon investit 35 milliards USD dans l'IA en Inde

Texte.
"""


def _doc(text: str, site_url: str | None = None, path: str = "article.md"):  # type: ignore[no-untyped-def]
    return parse_document(path, text.encode("utf-8"), FileSettings(site_url=site_url))


# -- layout --------------------------------------------------------------------------------
def test_short_title_fits_on_one_line_with_the_room_left() -> None:
    shown = layout("Rust 1.80 est sorti", 600, 1, 20)
    assert shown.lines == ("Rust 1.80 est sorti",)
    assert not shown.cut and shown.hidden == ""
    assert shown.room_px == pytest.approx(600 - text_width("Rust 1.80 est sorti", 20))


def test_seed_title_is_cut_at_600_px_with_an_ellipsis() -> None:
    shown = layout(SEED_TITLE, 600, 1, 20)
    assert shown.cut
    assert shown.lines == ("Amazon investit 35 milliards USD dans l'IA en Inde: une avancée …",)
    assert shown.hidden == "clé"
    assert -6.5 < shown.room_px < -5  # 605.3 px wide: 5.3 px over
    assert text_width(shown.lines[0], 20) <= 600


def test_mobile_wraps_the_title_on_two_lines_without_cutting_it() -> None:
    shown = layout(SEED_TITLE, MOBILE_LINE_PX, 2, 20)
    assert shown.lines == ("Amazon investit 35 milliards USD dans", "l'IA en Inde: une avancée clé")
    assert not shown.cut
    assert all(text_width(line, 20) <= MOBILE_LINE_PX for line in shown.lines)
    assert shown.room_px > 0


def test_the_last_allowed_line_is_cut_and_the_rest_is_hidden() -> None:
    text = "mot " * 60
    shown = layout(text, 300, 2, 14)
    assert shown.cut and len(shown.lines) == 2
    assert shown.lines[1].endswith(" …")
    assert shown.hidden.startswith("mot") and shown.room_px < 0
    visible = " ".join(shown.lines).removesuffix(" …").split()
    assert len(visible) + len(shown.hidden.split()) == 60


def test_lines_never_break_at_a_no_break_space() -> None:
    text = f"Pourquoi la croissance atteint 3,8{NBSP}% en France{NBSP}?"
    shown = layout(text, 250, 3, 20)
    assert f"3,8{NBSP}%" in " ".join(shown.lines)
    assert not any(line.endswith("3,8") or line.startswith("%") for line in shown.lines)
    assert any(line.endswith(f"France{NBSP}?") for line in shown.lines)


def test_a_word_wider_than_a_line_is_cut_between_characters() -> None:
    shown = layout("Supercalifragilisticexpialidocious" * 3, 200, 2, 20)
    assert shown.cut
    assert all(text_width(line, 20) <= 200 for line in shown.lines)


def test_white_space_is_collapsed_but_not_no_break_spaces() -> None:
    shown = layout(f"  Titre   sur\n deux{NBSP}:  lignes ", 600, 1, 20)
    assert shown.lines == (f"Titre sur deux{NBSP}: lignes",)


# -- the preview of a document -----------------------------------------------------------------
def test_preview_uses_the_seo_title_the_description_and_the_canonical() -> None:
    preview = build_preview(_doc(SEED))
    assert preview.title is not None and preview.description is not None
    assert preview.title.key == "seoTitle" and preview.title.line == 3
    assert 605 < preview.title.width_px < 606.5
    assert preview.title.desktop.cut and not preview.title.mobile.cut
    assert preview.description.key == "seoDescription" and not preview.description.desktop.cut
    assert preview.description.mobile.cut  # two mobile lines hold about 110 characters
    assert preview.url.source == "canonical"
    assert preview.url.display == (
        "https://www.techradar.com › pro › amazon-and-to-commit-usd35bn-into-ai-in-india"
    )


def test_url_line_prefers_site_url_and_slug_then_the_file_name() -> None:
    with_slug = build_preview(_doc(SEED, site_url="https://lebrieftech.fr"))
    assert with_slug.url.url == "https://lebrieftech.fr/amazon-investit-35-milliards-usd-ia-en-inde"
    assert with_slug.url.source == "site_url + slug"
    bare = "---\ntitle: Un titre\n---\nTexte.\n"
    by_file = build_preview(_doc(bare, site_url="https://x.fr", path="blog/mon-article.md"))
    assert by_file.url.url == "https://x.fr/mon-article"
    assert by_file.url.source == "site_url + file name"
    nothing = build_preview(_doc(bare))
    assert nothing.url.url is None and nothing.url.source == "none"
    assert nothing.title is not None and nothing.title.key == "title"
    assert nothing.description is None


def test_a_permalink_is_joined_as_a_path() -> None:
    text = "---\ntitle: Un titre\npermalink: /2024/01/mon-article/\n---\nTexte.\n"
    preview = build_preview(_doc(text, site_url="https://x.fr"))
    assert preview.url.url == "https://x.fr/2024/01/mon-article/"
    assert preview.url.display == "https://x.fr › 2024 › 01 › mon-article"


def _linter(**values: object) -> Linter:
    config = replace(Config(), **values)  # type: ignore[arg-type]
    return Linter(config, build_registry(), RunOptions())


def test_preview_keeps_only_the_findings_about_the_shown_fields(tmp_path: Path) -> None:
    article = tmp_path / "seed.md"
    article.write_text(SEED, encoding="utf-8")
    preview, errors = preview_file(str(article), _linter(select=("FM", "SEO")))
    assert errors == []
    found = {(field, f.rule, f.line, f.column) for field, f in preview.findings}
    assert ("seo_title", "SEO001", 3, 12) in found
    # SEO007 sits on datePublished, which a search result does not show
    assert all(rule != "SEO007" for _, rule, _, _ in found)


def test_findings_follow_the_configured_limit(tmp_path: Path) -> None:
    article = tmp_path / "seed.md"
    article.write_text(SEED, encoding="utf-8")
    linter = _linter(select=("SEO001",), options={"SEO001": {"max_px": 700}})
    preview, _ = preview_file(str(article), linter)
    assert preview.title is not None
    assert preview.title.max_px == 700 and not preview.title.desktop.cut


def test_preview_of_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file"):
        preview_file(str(tmp_path / "absent.md"), _linter())


def test_json_document_shape() -> None:
    data = preview_to_dict(build_preview(_doc(SEED)))
    assert data["version"] == 1
    assert data["title"]["desktop"]["lines"][0].endswith(" …")
    assert data["title"]["desktop"]["hidden"] == "clé"
    assert data["title"]["width_px"] == pytest.approx(605.25, abs=0.5)
    assert data["title"]["max_px"] == 600
    assert data["description"]["chars"] == 143
    assert data["devices"]["mobile"]["line_px"] == MOBILE_LINE_PX
    json.dumps(data)  # JSON-able


# -- command line ------------------------------------------------------------------------------
def test_cli_preview_text_shows_the_cut_title_and_its_width(tmp_path: Path) -> None:
    article = tmp_path / "seed.md"
    article.write_text(SEED, encoding="utf-8")
    result = run_cli("preview", str(article), "--isolated", env={"COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Amazon investit 35 milliards USD dans l'IA en Inde: une avancée …" in out
    assert "605.3 px of 600 px" in out and "5.3 px over" in out
    assert "SEO001" in out and "SEO007" not in out
    assert "mobile" in out and "desktop" in out


def test_cli_preview_json(tmp_path: Path) -> None:
    article = tmp_path / "seed.md"
    article.write_text(SEED, encoding="utf-8")
    result = run_cli(
        "preview", str(article), "--format", "json", "--isolated",
        "--site-url", "https://lebrieftech.fr",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["url"]["source"] == "site_url + slug"
    rules = {f["rule"]: f for f in data["findings"]}
    assert rules["SEO001"]["field"] == "seo_title" and rules["SEO001"]["line"] == 3
    assert rules["SEO005"]["field"] == "canonical"


def test_cli_preview_missing_file_exits_2(tmp_path: Path) -> None:
    result = run_cli("preview", str(tmp_path / "absent.md"), "--isolated")
    assert result.returncode == 2
    assert "no such file" in result.stderr
