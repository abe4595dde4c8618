"""Configuration files, rule selection, severities, options and per-file ignores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import lint_text, run_cli, run_json
from seolint.config import Config, find_config, load_file
from seolint.errors import ConfigError, UsageError
from seolint.filter.select import active_rules
from seolint.registry import build_registry

ARTICLE = """---
title: "Court"
slug: court
---

Texte.
"""


def _codes(config: Config) -> set[str]:
    return {a.rule.id for a in active_rules(config, build_registry())}


def test_select_prefix_ignore_more_specific_wins() -> None:
    chosen = _codes(Config(select=("SEO",), ignore=("SEO00",), extend_select=("SEO001",)))
    assert chosen == {"SEO001"}


def test_off_by_default_rule_needs_its_exact_code() -> None:
    registry = build_registry()
    off = [r.id for r in registry.rules if not r.enabled]
    if not off:
        pytest.skip("no rule is off by default in this registry")
    code = off[0]
    assert code not in _codes(Config())
    assert code in _codes(Config(extend_select=(code,)))
    assert code in _codes(Config(severity={code: "warning"}))


def test_severity_override_and_off() -> None:
    findings = lint_text(
        ARTICLE, select=("SEO001", "FM003"), severity={"SEO001": "error", "FM003": "off"}
    )
    assert [(f.rule, f.severity.label) for f in findings] == [("SEO001", "error")]


def test_unknown_code_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown rule code or prefix 'XYZ'"):
        active_rules(Config(select=("XYZ",)), build_registry())


def test_bad_option_name_and_type(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="rule SEO001 has no option 'max'"):
        active_rules(Config(options={"SEO001": {"max": 3}}), build_registry())
    with pytest.raises(ConfigError, match=r"SEO001\.max_chars = 'x' should be an integer"):
        active_rules(Config(options={"SEO001": {"max_chars": "x"}}), build_registry())


def test_option_changes_behaviour() -> None:
    text = ARTICLE.replace('"Court"', '"Un titre de quarante caractères environ ok"')
    assert lint_text(text, select=("SEO001",)) == []
    findings = lint_text(text, select=("SEO001",), options={"SEO001": {"max_chars": 20}})
    assert "keep it to 20 characters" in findings[0].message


def test_nearest_config_wins_and_pyproject_needs_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = 1\n")
    (tmp_path / "seolint.toml").write_text('lang = "en"\n')
    sub = tmp_path / "blog"
    sub.mkdir()
    (sub / "pyproject.toml").write_text('[tool.seolint]\nlang = "de"\n')
    assert find_config(sub) == (sub / "pyproject.toml").resolve()
    assert load_file(find_config(sub)).lang == "de"  # type: ignore[arg-type]
    assert find_config(tmp_path) == (tmp_path / "seolint.toml").resolve()


def test_config_errors_name_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "seolint.toml"
    bad.write_text('lang = "fr"\nselectt = ["SEO"]\n')
    with pytest.raises(
        ConfigError, match=r"seolint.toml: unknown key 'selectt' \(did you mean 'select'\?\)"
    ):
        load_file(bad)
    bad.write_text('fail_on = "sometimes"\n')
    with pytest.raises(
        ConfigError, match="fail_on = 'sometimes' is not one of error, warning, info"
    ):
        load_file(bad)
    bad.write_text("[severity]\nSEO001 = 'loud'\n")
    with pytest.raises(ConfigError, match=r"severity\.SEO001 = 'loud'"):
        load_file(bad)
    bad.write_text("lang = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_file(bad)


def test_cli_config_error_exits_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "seolint.toml").write_text('site_url = "exemple.fr"\n')
    (tmp_path / "a.md").write_text(ARTICLE)
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2
    assert "site_url = 'exemple.fr' must be an absolute http(s) URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_per_file_ignores_and_cli_overrides(tmp_path: Path) -> None:
    (tmp_path / "seolint.toml").write_text(
        'select = ["SEO001"]\n[per-file-ignores]\n"drafts/**" = ["SEO"]\n'
    )
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(ARTICLE)
    (tmp_path / "b.md").write_text(ARTICLE)
    code, report = run_json(str(tmp_path))
    assert code == 0  # SEO001 is a warning; fail_on is error
    assert [(f["path"].rsplit("/", 1)[-1], f["rule"]) for f in report["findings"]] == [
        ("b.md", "SEO001")
    ]
    code, report = run_json(str(tmp_path), "--fail-on", "warning")
    assert code == 1
    code, report = run_json(str(tmp_path), "--isolated", "--select", "FM003")
    assert {f["rule"] for f in report["findings"]} == {"FM003"}
    assert len(report["findings"]) == 4  # description and date_published, in both files


def test_unknown_cli_code_and_bad_format_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(ARTICLE)
    result = run_cli("check", str(tmp_path), "--select", "NOPE1")
    assert result.returncode == 2
    assert "unknown rule code or prefix 'NOPE1'" in result.stderr
    result = run_cli("check", str(tmp_path), "--format", "yaml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = run_cli("check", str(tmp_path / "nope.md"))
    assert result.returncode == 2
    assert "nope.md: no such file or directory" in result.stderr


def test_rules_json_catalog_keys() -> None:
    result = run_cli("rules", "--format", "json")
    assert result.returncode == 0
    catalog = json.loads(result.stdout)
    assert {"id", "name", "family", "severity", "enabled", "fixable", "summary", "options"} <= set(
        catalog[0]
    )
    seo001 = next(r for r in catalog if r["id"] == "SEO001")
    assert seo001["options"] == {"max_chars": 60, "max_px": 600.0, "min_chars": 30}
    assert seo001["family"] == "SEO" and seo001["severity"] == "warning"


def test_rule_explains_and_unknown_rule_exits_2() -> None:
    result = run_cli("rule", "SEO001")
    assert result.returncode == 0
    assert "# SEO001 seo-title-length" in result.stdout
    assert "## Why is this bad?" in result.stdout
    assert "max_px" in result.stdout
    bad = run_cli("rule", "SEO999")
    assert bad.returncode == 2 and "unknown rule code 'SEO999'" in bad.stderr


def test_init_writes_a_config_that_loads(tmp_path: Path) -> None:
    result = run_cli("init", cwd=tmp_path)
    assert result.returncode == 0
    assert load_file(tmp_path / "seolint.toml").lang == "fr"
    again = run_cli("init", cwd=tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "blog"\n')
    assert run_cli("init", "--pyproject", cwd=tmp_path).returncode == 0
    assert load_file(tmp_path / "pyproject.toml").fail_on == "error"


def test_a_family_selector_does_not_reach_a_longer_family() -> None:
    from seolint.registry import code_matches

    assert code_matches("FR", "FR101") and code_matches("FR1", "FR101")
    assert not code_matches("FR", "FRC001")
    assert code_matches("FRC", "FRC001") and code_matches("ALL", "FRC001")
    chosen = _codes(Config(select=("FR",)))
    assert chosen and all(code.startswith("FR") and not code.startswith("FRC") for code in chosen)
