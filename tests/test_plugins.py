"""A third-party rule registered through the ``seolint.rules`` entry-point group runs."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from pathlib import Path

from conftest import run_cli


def _install_fake_plugin(site: Path) -> None:
    (site / "seolint_acme.py").write_text(
        textwrap.dedent('''
        from seolint.findings import Severity, Violation
        from seolint.rules.base import Rule

        class NoLoremIpsum(Rule):
            """Placeholder text left in the article.

            ## What it does
            Reports « lorem ipsum ».
            """

            id = "ACME001"
            name = "no-lorem-ipsum"
            severity = Severity.ERROR

            def check(self, doc, options):
                position = doc.text.lower().find("lorem ipsum")
                if position != -1:
                    yield Violation(position, position + 11, "placeholder text left")
    ''')
    )
    dist = site / "seolint_acme-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: seolint-acme\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[seolint.rules]\nacme = seolint_acme\n")


def test_plugin_rule_is_listed_and_runs(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_fake_plugin(site)
    article = tmp_path / "a.md"
    article.write_text("---\ntitle: x\n---\n\nDu lorem ipsum ici.\n")
    env = {"PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    listed = run_cli("rules", "--format", "json", env=env)
    acme = next(r for r in json.loads(listed.stdout) if r["id"] == "ACME001")
    assert acme["family"] == "ACME" and acme["severity"] == "error"
    result = run_cli(
        "check", str(article), "--isolated", "--select", "ACME", "--format", "json", env=env
    )
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["line"], f["column"], f["message"]) for f in findings] == [
        ("ACME001", 5, 4, "placeholder text left")
    ]


def test_broken_plugin_is_a_clear_usage_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    dist = site / "broken-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: broken\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[seolint.rules]\nbroken = no_such_module\n")
    env = {"PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    result = run_cli("rules", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert "plugin 'broken' (broken)" in result.stderr
    assert "Traceback" not in result.stderr
