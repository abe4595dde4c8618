"""``--format json`` (the contract of DESIGN §3) and ``--format jsonl``."""

from __future__ import annotations

import json
from typing import TextIO

from seolint import __version__
from seolint.engine import RunResult
from seolint.findings import Severity


def summary(result: RunResult) -> dict[str, int]:
    return {
        "files": result.files,
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "infos": result.count(Severity.INFO),
        "fixed": result.fixed,
    }


def render_json(result: RunResult, out: TextIO) -> None:
    document = {
        "version": 1,
        "tool": {"name": "seolint", "version": __version__},
        "summary": summary(result),
        "findings": [f.to_dict() for f in result.findings],
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def render_jsonl(result: RunResult, out: TextIO) -> None:
    for finding in result.findings:
        out.write(json.dumps(finding.to_dict(), ensure_ascii=False))
        out.write("\n")
