"""Every output format, parsed back and checked against the JSON report of the same run."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from io import StringIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from pydantic import BaseModel

from conftest import run_cli
from gitrepo import LONG_SEO_TITLE, article, commit_all, init_repo, needs_git, write
from seolint.engine import RunResult
from seolint.findings import Finding, Severity
from seolint.registry import build_registry
from seolint.report.github import render_github
from seolint.report.junit import render_junit

pytestmark = needs_git

SELECT = ("--isolated", "--select", "FM,SEO")
Key = tuple[str, int, int, int, int, str]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository whose articles have errors, warnings and infos, one clean article,
    and a file name with an accent and a space (URIs must encode them)."""
    root = init_repo(tmp_path_factory.mktemp("site"))
    write(
        root / "content/a.md",
        article(
            seo_title=LONG_SEO_TITLE,
            date="Wed Dec 10 2025 13:57:52 GMT+0000 (Coordinated Universal Time)",
        ),
    )
    write(root / "content/b.md", article(slug=None, description="Trop court."))
    write(root / "content/propre.md", article())
    write(
        root / "content/sécurité des données.md",
        article(before="seoDescripton: faute de frappe", seo_title="Court 😀"),
    )
    commit_all(root)
    return root


@pytest.fixture(scope="module")
def expected(site: Path) -> list[dict[str, Any]]:
    result = run_cli("check", "content", "--format", "json", *SELECT, cwd=site)
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    rules = {f["rule"] for f in findings}
    assert {"FM003", "FM006", "SEO001", "SEO002", "SEO007"} <= rules, findings
    assert {f["severity"] for f in findings} == {"error", "warning", "info"}
    return findings


def keys(findings: list[dict[str, Any]]) -> list[Key]:
    return [
        (f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"])
        for f in findings
    ]


def output(site: Path, fmt: str, *args: str, cwd: Path | None = None) -> str:
    result = run_cli("check", *(args or ("content",)), "--format", fmt, *SELECT, cwd=cwd or site)
    assert result.returncode == 1, result.stderr  # FM003 is an error
    assert result.stderr == ""
    return result.stdout


def test_concise(site: Path, expected: list[dict[str, Any]]) -> None:
    lines = output(site, "concise").splitlines()
    pattern = re.compile(r"^(.+):(\d+):(\d+): ([A-Z]+\d{3}) (.+)$")
    parsed = [pattern.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    assert [(m[1], int(m[2]), int(m[3]), m[4], m[5]) for m in parsed if m] == [
        (f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in expected
    ]
    counts = Counter(f["severity"] for f in expected)
    assert lines[-1] == (
        f"4 files checked: {counts['error']} error, {counts['warning']} warnings, "
        f"{counts['info']} info"
    )


def test_jsonl(site: Path, expected: list[dict[str, Any]]) -> None:
    assert [json.loads(line) for line in output(site, "jsonl").splitlines()] == expected


GITHUB = re.compile(r"^::(error|warning|notice) (.*?)::(.*)$")


def _unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def test_github(site: Path, expected: list[dict[str, Any]]) -> None:
    lines = output(site, "github").splitlines()
    commands = [GITHUB.match(line) for line in lines[:-1]]
    assert all(commands), lines
    parsed = []
    for match, finding in zip(commands, expected, strict=True):
        assert match is not None
        level = {"error": "error", "warning": "warning", "info": "notice"}[finding["severity"]]
        assert match[1] == level
        props = dict(part.split("=", 1) for part in match[2].split(","))
        assert _unescape(props["title"]) == f"{finding['rule']} {finding['name']}"
        assert _unescape(match[3]) == finding["message"]
        parsed.append(
            (
                _unescape(props["file"]),
                int(props["line"]),
                int(props["col"]),
                int(props["endLine"]),
                int(props["endColumn"]),
                finding["rule"],
            )
        )
    assert parsed == keys(expected)


def test_github_escapes_what_would_break_a_command() -> None:
    finding = Finding(
        "a,b:c.md",
        2,
        3,
        "SEO001",
        2,
        9,
        "seo-title-length",
        Severity.ERROR,
        "100% sûr\nligne 2: fin",
    )
    out = StringIO()
    render_github(RunResult([finding], 1, [], [], paths=["a,b:c.md"]), out)
    first = out.getvalue().splitlines()[0]
    assert first == (
        "::error file=a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=9,"
        "title=SEO001 seo-title-length::100%25 sûr%0Aligne 2: fin"
    )


def test_gitlab(site: Path, expected: list[dict[str, Any]]) -> None:
    issues = json.loads(output(site, "gitlab"))
    assert len(issues) == len(expected)
    severities = {"error": "major", "warning": "minor", "info": "info"}
    for issue, finding in zip(issues, expected, strict=True):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == finding["rule"]
        assert issue["severity"] == severities[finding["severity"]]
        assert issue["location"]["path"] == finding["path"]
        assert issue["location"]["lines"]["begin"] == finding["line"]
        assert finding["message"] in issue["description"]
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)


def test_gitlab_fingerprints_do_not_depend_on_line_numbers(tmp_path: Path) -> None:
    root = init_repo(tmp_path / "site")
    page = write(root / "a.md", article(seo_title=LONG_SEO_TITLE, description="Trop court."))
    commit_all(root)

    def run() -> list[tuple[int, str]]:
        result = run_cli("check", "a.md", "--format", "gitlab", *SELECT, cwd=root)
        return [
            (i["location"]["lines"]["begin"], i["fingerprint"]) for i in json.loads(result.stdout)
        ]

    before = run()
    page.write_text(
        article(
            seo_title=LONG_SEO_TITLE, description="Trop court.", before="cuid: abc\ntags: lyon"
        ),
        encoding="utf-8",
    )
    after = run()
    assert [line + 2 for line, _ in before] == [line for line, _ in after]
    assert [fp for _, fp in before] == [fp for _, fp in after]


def test_junit(site: Path, expected: list[dict[str, Any]]) -> None:
    root = ET.fromstring(output(site, "junit"))
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    # one test case per file, the clean one included (it passes)
    assert [c.get("name") for c in cases] == [
        "content/a.md",
        "content/b.md",
        "content/propre.md",
        "content/sécurité des données.md",
    ]
    assert cases[2].findall("failure") == []
    parsed = []
    for case in cases:
        for failure in case.findall("failure"):
            first = (failure.text or "").splitlines()[0]
            match = re.match(r"^(.+):(\d+):(\d+): ([A-Z]+\d{3}) ", first)
            assert match, first
            assert match[1] == case.get("file")
            parsed.append((match[1], int(match[2]), int(match[3]), match[4], failure.get("type")))
    assert parsed == [
        (f["path"], f["line"], f["column"], f["rule"], f["severity"]) for f in expected
    ]
    assert root.get("failures") == str(len(expected))
    assert root.get("tests") == "4"


def test_junit_survives_characters_xml_cannot_hold() -> None:
    finding = Finding(
        "a.md",
        1,
        1,
        "FM002",
        1,
        2,
        "front-matter-invalid",
        Severity.ERROR,
        "caractère \x0b interdit & <balise>",
    )
    out = StringIO()
    render_junit(RunResult([finding], 1, ["a.md: internal error \x01"], [], paths=["a.md"]), out)
    root = ET.fromstring(out.getvalue())
    failure = root.find("./testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "FM002 caractère \ufffd interdit & <balise>"
    assert root.find("./testsuite/testcase/error") is not None
    assert root.get("errors") == "1"


# -- SARIF ----------------------------------------------------------------------------------
# Properties SARIF 2.1.0 defines that sarif-pydantic's model does not declare.
SARIF_EXTRAS = {"columnKind", "toolExecutionNotifications"}


def assert_known_fields(node: object, where: str = "$") -> None:
    """sarif-pydantic accepts unknown keys; refuse them, so a misspelt property fails."""
    if isinstance(node, BaseModel):
        extra = set(node.model_extra or {}) - SARIF_EXTRAS
        assert not extra, f"{where}: not SARIF 2.1.0 properties: {sorted(extra)}"
        if where.endswith(".properties"):
            return
        for name in type(node).model_fields:
            assert_known_fields(getattr(node, name), f"{where}.{name}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            assert_known_fields(item, f"{where}[{i}]")
    elif isinstance(node, dict):
        for key, value in node.items():
            assert_known_fields(value, f"{where}.{key}")


def sarif(site: Path, *args: str, cwd: Path | None = None) -> tuple[Any, dict[str, Any]]:
    from sarif_pydantic import Sarif

    text = output(site, "sarif", *args, cwd=cwd)
    log = Sarif.model_validate_json(text)
    assert_known_fields(log)
    return log, json.loads(text)


def test_sarif_validates_and_matches_the_json_report(
    site: Path, expected: list[dict[str, Any]]
) -> None:
    log, raw = sarif(site)
    assert log.version == "2.1.0"
    assert raw["runs"][0]["columnKind"] == "unicodeCodePoints"
    run = log.runs[0]
    assert run.tool.driver.name == "seolint"
    rules = run.tool.driver.rules or []
    parsed = []
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for result, finding in zip(run.results or [], expected, strict=True):
        # what GitHub code scanning requires
        assert result.rule_id == finding["rule"]
        assert result.message.text == finding["message"]
        assert result.level is not None and result.level.value == levels[finding["severity"]]
        assert result.rule_index is not None and rules[result.rule_index].id == result.rule_id
        location = (result.locations or [])[0].physical_location
        assert location is not None and location.artifact_location is not None
        uri = location.artifact_location.uri or ""
        assert not uri.startswith(("/", "file:")) and " " not in uri
        region = location.region
        assert region is not None and region.start_line is not None
        parsed.append(
            (
                unquote(uri),
                region.start_line,
                region.start_column,
                region.end_line,
                region.end_column,
                result.rule_id,
            )
        )
        assert result.partial_fingerprints and result.partial_fingerprints["seolint/v1"]
    assert parsed == keys(expected)


def test_sarif_rule_catalog_carries_the_rule_docs(site: Path) -> None:
    log, _ = sarif(site)
    registry = build_registry()
    rules = {rule.id: rule for rule in log.runs[0].tool.driver.rules or []}
    catalog = json.loads(run_cli("rules", "--format", "json", cwd=site).stdout)
    assert set(rules) == {rule["id"] for rule in catalog}  # rule packs included
    for code in ("SEO001", "FM003"):
        rule_class = registry.get(code)
        assert rule_class is not None
        descriptor = rules[code]
        assert descriptor.name == rule_class.name
        assert descriptor.short_description is not None
        assert descriptor.short_description.text == rule_class.summary()
        assert descriptor.help is not None and descriptor.help.text == rule_class.doc()
        assert "## Why is this bad?" in (descriptor.help.markdown or "")
        assert descriptor.default_configuration is not None


def test_ci_formats_make_paths_relative_to_the_repository_root(
    site: Path, expected: list[dict[str, Any]]
) -> None:
    """Run from a subfolder: json keeps the user's paths, the forges get repository paths."""
    content = site / "content"
    local = json.loads(run_cli("check", ".", "--format", "json", *SELECT, cwd=content).stdout)
    assert local["findings"][0]["path"] == "a.md"
    _, raw = sarif(site, ".", cwd=content)
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in raw["runs"][0]["results"]
    ]
    assert [unquote(u) for u in uris] == [f["path"] for f in expected]
    github = output(site, "github", ".", cwd=content)
    assert "file=content/a.md," in github
    gitlab = json.loads(output(site, "gitlab", ".", cwd=content))
    assert gitlab[0]["location"]["path"] == "content/a.md"


def test_output_file_gets_the_format_and_a_pipe_gets_nothing(site: Path) -> None:
    target = site / "reports" / "seolint.sarif"
    result = run_cli(
        "check", "content", "--format", "sarif", "--output-file", str(target), *SELECT, cwd=site
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    # the CI log still says what happened, in one line
    assert result.stderr.startswith("seolint: 4 files checked: 1 error")
    assert result.stderr.rstrip().endswith(f"report written to {target}")
