"""``--format github``: GitHub Actions workflow commands, so that findings appear as
annotations on the pull request's diff.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE name::message``; warnings
are ``::warning``, infos ``::notice``. Paths are relative to the repository root, which is
where GitHub looks for them. Values are escaped as the runner expects (``%`` and line
breaks everywhere, ``:`` and ``,`` in properties too).
"""

from __future__ import annotations

from typing import TextIO

from seolint.engine import RunResult
from seolint.findings import Severity
from seolint.gitfiles import repo_relative
from seolint.report.concise import summary_line

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(result: RunResult, out: TextIO) -> None:
    for f in result.findings:
        properties = ",".join(
            (
                f"file={escape_property(repo_relative(f.path))}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={escape_property(f'{f.rule} {f.name}')}",
            )
        )
        out.write(f"::{LEVELS[f.severity]} {properties}::{escape_data(f.message)}\n")
    for message in result.errors:
        out.write(f"::error title=seolint run error::{escape_data(message)}\n")
    for message in result.warnings:
        out.write(f"::warning title=seolint::{escape_data(message)}\n")
    out.write(summary_line(result) + "\n")
