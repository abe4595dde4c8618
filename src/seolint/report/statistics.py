"""``--statistics``: how many findings each rule produced, most frequent first, instead of
the list of findings (as ruff's ``--statistics``). With ``--format json``, a JSON list."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from seolint.engine import RunResult
from seolint.report.concise import summary_line


def statistics(result: RunResult) -> list[dict[str, object]]:
    counts: Counter[str] = Counter(f.rule for f in result.findings)
    names = {f.rule: f.name for f in result.findings}
    fixable = {f.rule for f in result.findings if f.fixable}
    return [
        {"code": code, "name": names[code], "count": count, "fixable": code in fixable}
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render_statistics(result: RunResult, out: TextIO, as_json: bool = False) -> None:
    rows = statistics(result)
    if as_json:
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    width = max((len(str(row["count"])) for row in rows), default=1)
    code_width = max((len(str(row["code"])) for row in rows), default=1)
    for row in rows:
        marker = "[*]" if row["fixable"] else "   "
        out.write(f"{row['count']:>{width}}  {row['code']:<{code_width}}  {marker} {row['name']}\n")
    if any(row["fixable"] for row in rows):
        out.write("[*] fixable with --fix (or --unsafe-fixes)\n")
    for message in result.errors:
        out.write(f"error: {message}\n")
    out.write(summary_line(result) + "\n")
