"""A rule that raises is an internal error naming the rule and the file (exit 2); every
other finding of the run is still reported, in every output format and with workers.

The faulty rules are a third-party plugin, installed as a fake ``dist-info`` on PYTHONPATH
(the same loading path as the built-in families), so the tests run the real command.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from bounded import run_bounded
from conftest import run_cli

PLUGIN = '''
import os

from seolint.findings import Finding, Severity, Violation
from seolint.rules.base import CorpusRule, Rule


class Explodes(Rule):
    """Raises on any article that contains the word KABOOM.

    ## What it does
    Crashes on purpose, for the fault-isolation tests.
    """

    id = "BOOM001"
    name = "explodes"
    severity = Severity.ERROR

    def check(self, doc, options):
        if "KABOOM" in doc.text:
            raise ValueError("the rule tripped on purpose")
        position = doc.text.find("lorem")
        if position != -1:
            yield Violation(position, position + 5, "placeholder text left")


class CollectExplodes(CorpusRule):
    """Raises while collecting the facts of an article that contains COLLECTBOOM.

    ## What it does
    Crashes on purpose, for the fault-isolation tests.
    """

    id = "BOOM002"
    name = "collect-explodes"
    severity = Severity.ERROR

    def collect(self, doc, options):
        if "COLLECTBOOM" in doc.text:
            raise KeyError("collect tripped on purpose")
        return {"size": len(doc.text)}

    def check_corpus(self, facts_by_path, reported_paths, options):
        if os.environ.get("SEOLINT_TEST_CORPUS_BOOM"):
            raise RuntimeError("check_corpus tripped on purpose")
        return iter(())


class WorkerKiller(Rule):
    """Ends the process abruptly on an article that contains WORKERDIES.

    ## What it does
    Simulates a worker killed by the system (out of memory, a crash in a C library).
    """

    id = "BOOM003"
    name = "worker-killer"
    severity = Severity.ERROR

    def check(self, doc, options):
        if "WORKERDIES" in doc.text and os.environ.get("SEOLINT_TEST_KILL_WORKER"):
            os._exit(9)
        return iter(())
'''

GOOD = "---\ntitle: Bonjour\n---\n\nDu lorem ici.\n"


def _install(site: Path) -> dict[str, str]:
    site.mkdir()
    (site / "seolint_boom.py").write_text(PLUGIN, encoding="utf-8")
    dist = site / "seolint_boom-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: seolint-boom\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[seolint.rules]\nboom = seolint_boom\n")
    return {"PYTHONPATH": os.pathsep.join([str(site), *sys.path])}


@pytest.fixture
def plugin_env(tmp_path: Path) -> dict[str, str]:
    return _install(tmp_path / "site")


def _articles(folder: Path, bad: dict[str, str], count: int = 3) -> None:
    folder.mkdir()
    for index in range(count):
        (folder / f"good{index}.md").write_text(GOOD, encoding="utf-8")
    for name, text in bad.items():
        (folder / name).write_text(text, encoding="utf-8")


def _check(folder: Path, env: dict[str, str], *args: str) -> tuple[int, str, str]:
    result = run_cli(
        "check",
        str(folder),
        "--isolated",
        "--select",
        "BOOM",
        "--no-progress",
        "--no-cache",
        *args,
        cwd=folder.parent,
        env=env,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout, result.stderr


def test_rule_that_raises_is_an_internal_error_and_the_rest_is_reported(
    tmp_path: Path, plugin_env: dict[str, str]
) -> None:
    folder = tmp_path / "content"
    _articles(folder, {"bad.md": "---\ntitle: x\n---\n\nKABOOM lorem\n"})
    code, out, err = _check(folder, plugin_env, "--format", "json")
    assert code == 2
    findings = json.loads(out)["findings"]
    assert sorted(f["path"] for f in findings) == [
        f"{folder.as_posix()}/good{i}.md" for i in range(3)
    ]
    assert all(f["rule"] == "BOOM001" and f["line"] == 5 for f in findings)
    # One sentence on stderr names the rule, its name, the file and the exception.
    error_lines = [line for line in err.splitlines() if "BOOM001" in line]
    assert len(error_lines) == 1, err
    assert "bad.md" in error_lines[0] and "explodes" in error_lines[0]
    assert "ValueError: the rule tripped on purpose" in error_lines[0]


@pytest.mark.parametrize("fmt", ["text", "concise", "jsonl", "github", "sarif", "junit", "gitlab"])
def test_internal_error_is_visible_in_every_format(
    tmp_path: Path, plugin_env: dict[str, str], fmt: str
) -> None:
    folder = tmp_path / "content"
    _articles(folder, {"bad.md": "KABOOM\n"}, count=1)
    code, out, err = _check(folder, plugin_env, "--format", fmt)
    assert code == 2
    assert "BOOM001" in out + err and "bad.md" in out + err
    assert "good0.md" in out  # the finding of the healthy file is in the report


def test_internal_error_with_exit_zero_still_fails(
    tmp_path: Path, plugin_env: dict[str, str]
) -> None:
    """--exit-zero silences findings, not a broken run (DESIGN §2: 2 = the run failed)."""
    folder = tmp_path / "content"
    _articles(folder, {"bad.md": "KABOOM\n"}, count=1)
    code, _, err = _check(folder, plugin_env, "--exit-zero")
    assert code == 2 and "BOOM001" in err + _


def test_corpus_rule_collect_that_raises(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    folder = tmp_path / "content"
    _articles(folder, {"bad.md": "COLLECTBOOM lorem\n"})
    code, out, err = _check(folder, plugin_env, "--format", "json")
    assert code == 2
    assert "BOOM002" in err and "bad.md" in err and "KeyError" in err
    paths = sorted(f["path"].rsplit("/", 1)[1] for f in json.loads(out)["findings"])
    assert paths == ["bad.md", "good0.md", "good1.md", "good2.md"]  # BOOM001 still ran


def test_corpus_rule_check_that_raises(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    """A cross-file rule that raises once all facts are in names the rule, and the per-file
    findings are still reported."""
    folder = tmp_path / "content"
    _articles(folder, {})
    env = {**plugin_env, "SEOLINT_TEST_CORPUS_BOOM": "1"}
    code, out, err = _check(folder, env, "--format", "json")
    assert code == 2
    assert "BOOM002" in err and "collect-explodes" in err and "RuntimeError" in err
    assert len(json.loads(out)["findings"]) == 3


def test_rule_that_raises_in_a_worker_process(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    """With worker processes the error travels back the same way."""
    folder = tmp_path / "content"
    _articles(folder, {"bad.md": "KABOOM\n"}, count=40)
    code, out, err = _check(folder, plugin_env, "--format", "json", "--jobs", "2")
    assert code == 2
    assert "BOOM001" in err and "bad.md" in err
    assert len(json.loads(out)["findings"]) == 40


def test_worker_killed_mid_run_does_not_hang(tmp_path: Path, plugin_env: dict[str, str]) -> None:
    """A worker that dies (OOM killer, a crash in a C library) ends the run with exit 2 and
    a message; the run must not wait forever for the lost result."""
    folder = tmp_path / "content"
    _articles(folder, {"zz-dies.md": "WORKERDIES\n"}, count=40)
    env = {**plugin_env, "SEOLINT_TEST_KILL_WORKER": "1"}
    result = run_bounded(
        "check",
        str(folder),
        "--isolated",
        "--select",
        "BOOM",
        "--no-cache",
        "--no-progress",
        "--jobs",
        "2",
        cwd=tmp_path,
        env=env,
        timeout=30,
    )
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    # the text report lists the run's errors itself; only the culprit is lost
    assert "zz-dies.md: not linted: the worker process died" in result.stdout
    assert result.stdout.count("not linted") == 1
    assert "40 files checked" in result.stdout or "41 files checked" in result.stdout


def test_plugin_module_that_raises_on_import_is_a_usage_error(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "seolint_broken.py").write_text("raise RuntimeError('broken at import')\n")
    dist = site / "seolint_broken-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: seolint-broken\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[seolint.rules]\nbroken = seolint_broken\n")
    env = {"PYTHONPATH": os.pathsep.join([str(site), *sys.path])}
    article = tmp_path / "a.md"
    article.write_text(GOOD)
    result = run_cli("check", str(article), "--isolated", env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "seolint-broken" in result.stderr and "broken at import" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_fault_isolation_in_process(tmp_path: Path) -> None:
    """The engine itself (no subprocess): FileResult.errors names rule and file."""
    from dataclasses import replace

    from seolint.config import Config
    from seolint.discover import SourceFile
    from seolint.engine import FileResult, Linter, RunOptions
    from seolint.findings import Severity
    from seolint.registry import build_registry
    from seolint.rules.base import Rule

    class Raises(Rule):
        """Raises always.

        ## What it does
        Nothing good.
        """

        id = "ZZZ901"
        name = "raises-always"
        severity = Severity.ERROR

        def check(self, doc: object, options: object) -> list[object]:
            raise ZeroDivisionError("division by zero")

    registry = build_registry(extra=[Raises])
    config = replace(Config(), select=("ZZZ", "FM001"))
    linter = Linter(config, registry, RunOptions())
    result = linter.lint_bytes(
        SourceFile("x/a.md", tmp_path / "a.md"), b"no front-matter\n", FileResult("x/a.md")
    )
    assert [f.rule for f in result.findings] == ["FM001"]
    assert result.errors == [
        "x/a.md: internal error in rule ZZZ901 (raises-always): ZeroDivisionError: division by zero"
    ]
