"""``--format gitlab``: a GitLab Code Quality report (a JSON array of issues).

GitLab compares the report of a merge request with the target branch's by ``fingerprint``,
so it must not depend on line numbers: it hashes the path, the rule and the flagged text
(the baseline's fingerprint), plus an occurrence number for identical findings in one file.
Paths are relative to the repository root, as GitLab requires.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TextIO

from seolint.engine import RunResult
from seolint.filter.baseline import fingerprint
from seolint.findings import Severity
from seolint.gitfiles import repo_relative

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render_gitlab(result: RunResult, out: TextIO) -> None:
    seen: Counter[tuple[str, str]] = Counter()
    issues = []
    for f in result.findings:
        path = repo_relative(f.path)
        key = (path, f"{f.rule}:{fingerprint(f)}")
        seen[key] += 1
        digest = hashlib.md5(
            f"{path}\0{key[1]}\0{seen[key]}".encode(), usedforsecurity=False
        ).hexdigest()
        issues.append(
            {
                "type": "issue",
                "check_name": f.rule,
                "description": f"{f.rule} {f.name}: {f.message}",
                "categories": ["Style"],
                "severity": SEVERITIES[f.severity],
                "fingerprint": digest,
                # Code Climate allows lines or positions, not both; GitLab shows the line.
                "location": {"path": path, "lines": {"begin": f.line, "end": f.end_line}},
            }
        )
    json.dump(issues, out, ensure_ascii=False, indent=2)
    out.write("\n")
