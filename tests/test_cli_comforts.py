"""Daily comforts of ``check``: standard input for editors, statistics, the progress bar,
quiet output, and the report written to a file while a terminal still reads the text."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from conftest import run_cli
from gitrepo import LONG_SEO_TITLE, article, write
from seolint.config import Config
from seolint.engine import Linter, RunOptions, run
from seolint.findings import Edit, Fix, Violation
from seolint.parse.document import Document
from seolint.registry import build_registry
from seolint.rules.base import Rule

SELECT = ("--isolated", "--select", "FM,SEO")
BAD = article(seo_title=LONG_SEO_TITLE, description="Trop court.")


# -- standard input -------------------------------------------------------------------------
def test_stdin_is_linted_under_the_given_name() -> None:
    result = run_cli(
        "check", "-", "--stdin-filename", "content/piped.md", "--format", "json", *SELECT, stdin=BAD
    )
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["line"], f["rule"]) for f in findings] == [
        ("content/piped.md", 3, "SEO001"),
        ("content/piped.md", 4, "SEO002"),
    ]
    assert result.returncode == 0


def test_stdin_filename_chooses_the_configuration(tmp_path: Path) -> None:
    write(tmp_path / "blog/seolint.toml", 'ignore = ["SEO001"]\n')

    def rules(name: str) -> list[str]:
        result = run_cli(
            "check",
            "-",
            "--stdin-filename",
            name,
            "--format",
            "json",
            "--select",
            "SEO",
            stdin=BAD,
            cwd=tmp_path,
        )
        return [f["rule"] for f in json.loads(result.stdout)["findings"]]

    assert rules("blog/a.md") == ["SEO002"]  # blog/seolint.toml applies
    assert "SEO001" in rules("ailleurs/a.md")


def test_fix_on_stdin_prints_the_article_and_reports_on_stderr() -> None:
    result = run_cli("check", "-", "--stdin-filename", "a.md", "--fix", *SELECT, stdin=BAD)
    assert result.stdout == BAD  # nothing to fix: the article comes back unchanged
    assert "SEO001" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-", "autre.md"), "'-' (standard input) cannot be mixed with other paths"),
        (("autre.md", "--stdin-filename", "a.md"), "--stdin-filename goes with '-'"),
        (("-", "--changed-since", "HEAD"), "it cannot apply to '-'"),
    ],
)
def test_stdin_misuse_is_a_usage_error(args: tuple[str, ...], message: str) -> None:
    result = run_cli("check", *args, stdin=BAD)
    assert result.returncode == 2
    assert message in result.stderr


class ThreeDots(Rule):
    """Three dots instead of an ellipsis (a fixable rule for this test)."""

    id = "TST002"
    name = "test-ellipsis"
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        for match in re.finditer(r"\.\.\.", doc.text):
            edit = Edit(match.start(), match.end(), "…")
            yield Violation(match.start(), match.end(), "three dots", Fix((edit,)))


def test_fixes_of_stdin_come_back_and_no_file_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    on_disk = write(tmp_path / "a.md", "le fichier sur le disque...\n")
    config = replace(Config(), select=("TST002",))
    linter = Linter(config, build_registry(extra=[ThreeDots]), RunOptions(fix=True, write=False))
    result = run(["a.md"], linter, stdin="Il hésite... puis part...\r\n".encode())
    assert result.output == "Il hésite… puis part…\r\n".encode()
    assert result.fixed == 2 and result.findings == []
    assert on_disk.read_text(encoding="utf-8") == "le fichier sur le disque...\n"


# -- statistics -----------------------------------------------------------------------------
@pytest.fixture
def site(tmp_path: Path) -> Path:
    write(tmp_path / "content/a.md", BAD)
    write(tmp_path / "content/b.md", article(seo_title=LONG_SEO_TITLE))
    write(tmp_path / "content/c.md", article(slug=None))
    return tmp_path


def test_statistics_count_findings_per_rule(site: Path) -> None:
    report = json.loads(run_cli("check", "content", "--format", "json", *SELECT, cwd=site).stdout)
    counts = Counter(f["rule"] for f in report["findings"])
    result = run_cli("check", "content", "--statistics", *SELECT, cwd=site)
    rows = [
        re.match(r"^\s*(\d+)\s+([A-Z]+\d{3})\s+(?:\[\*\])?\s*([a-z-]+)$", line)
        for line in result.stdout.splitlines()[:-1]
    ]
    assert all(rows), result.stdout
    assert [(m[2], int(m[1])) for m in rows if m] == [("SEO001", 2), ("FM003", 1), ("SEO002", 1)]
    assert dict(counts) == {"SEO001": 2, "FM003": 1, "SEO002": 1}
    assert result.returncode == 1  # the exit code still follows the findings

    as_json = run_cli("check", "content", "--statistics", "--format", "json", *SELECT, cwd=site)
    assert json.loads(as_json.stdout)[0] == {
        "code": "SEO001",
        "name": "seo-title-length",
        "count": 2,
        "fixable": False,
    }
    wrong = run_cli("check", "content", "--statistics", "--format", "sarif", cwd=site)
    assert wrong.returncode == 2


def test_quiet_prints_only_the_summary(site: Path) -> None:
    result = run_cli("check", "content", "--quiet", *SELECT, cwd=site)
    assert result.stdout.strip().splitlines() == ["3 files checked: 1 error, 3 warnings, 0 infos"]


# -- terminals ------------------------------------------------------------------------------
def run_in_terminal(
    args: list[str], cwd: Path, env: dict[str, str], tty: str
) -> tuple[int, str, str]:
    """Run the CLI with stdout or stderr (``tty``) attached to a pseudo-terminal."""
    import pty

    master, slave = pty.openpty()
    streams: dict[str, Any] = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    streams[tty] = slave
    process = subprocess.Popen(
        [sys.executable, "-m", "seolint", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        **streams,
    )
    os.close(slave)
    seen = bytearray()

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO once the process closed its end
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=read)
    reader.start()
    out, err = process.communicate(timeout=300)
    reader.join(timeout=30)
    os.close(master)
    terminal = seen.decode("utf-8", "replace")
    piped = (out if tty == "stderr" else err).decode("utf-8", "replace")
    return process.returncode, terminal, piped


pty_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def terminal_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "100", **extra}


@pytest.fixture
def big_site(tmp_path: Path) -> Path:
    for n in range(60):
        write(tmp_path / f"content/a{n:02}.md", article())
    return tmp_path


@pty_only
def test_progress_bar_on_a_terminal_for_long_runs(big_site: Path) -> None:
    code, terminal, stdout = run_in_terminal(
        ["check", "content", *SELECT], big_site, terminal_env(), tty="stderr"
    )
    assert code == 0
    assert "linting" in terminal
    assert "60 files checked" in stdout and "linting" not in stdout


@pty_only
@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-progress"], {}),
        (["--quiet"], {}),
        ([], {"CI": "true"}),
    ],
)
def test_no_progress_bar_when_asked_quiet_or_in_ci(
    big_site: Path, args: list[str], env: dict[str, str]
) -> None:
    _, terminal, _ = run_in_terminal(
        ["check", "content", *SELECT, *args], big_site, terminal_env(**env), tty="stderr"
    )
    assert "linting" not in terminal


def test_no_progress_bar_when_piped(big_site: Path) -> None:
    result = run_cli("check", "content", *SELECT, cwd=big_site, env={"CI": ""})
    assert "linting" not in result.stderr


@pty_only
def test_no_progress_bar_for_short_runs(site: Path) -> None:
    _, terminal, _ = run_in_terminal(
        ["check", "content", *SELECT], site, terminal_env(), tty="stderr"
    )
    assert "linting" not in terminal


@pty_only
def test_output_file_keeps_the_text_report_on_a_terminal(site: Path) -> None:
    target = site / "seolint.sarif"
    code, terminal, _ = run_in_terminal(
        ["check", "content", "--format", "sarif", "--output-file", str(target), *SELECT],
        site,
        terminal_env(NO_COLOR="1"),
        tty="stdout",
    )
    assert code == 1
    assert "3 files checked" in terminal and "SEO001" in terminal
    assert '"version": "2.1.0"' not in terminal
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
