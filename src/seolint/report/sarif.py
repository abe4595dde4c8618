"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

The rule catalog goes in ``tool.driver.rules`` (each rule with its summary and its whole
documentation as help); each result names its rule, message and region. What GitHub
requires is always there: ``ruleId``, ``message.text``, an ``artifactLocation.uri``
relative to the repository root, and ``region.startLine``. Columns count Unicode code
points, as seolint's do, and the run says so (``columnKind``). ``partialFingerprints`` carry
the baseline's line-independent fingerprint so that alerts follow moved lines.
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO
from urllib.parse import quote

from seolint import __version__
from seolint.engine import RunResult
from seolint.filter.baseline import fingerprint
from seolint.findings import Severity
from seolint.gitfiles import repo_relative
from seolint.registry import Registry
from seolint.rules.base import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WHAT = re.compile(r"^## What it does\s*\n(.*?)(?=^## |\Z)", re.S | re.M)


def _description(rule: type[Rule]) -> str:
    """The "What it does" section of the rule's documentation, else its summary."""
    match = _WHAT.search(rule.doc())
    text = " ".join(match.group(1).split()) if match else ""
    return text or rule.summary()


def _descriptor(rule: type[Rule]) -> dict[str, Any]:
    doc = rule.doc() or rule.summary()
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": _description(rule)},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"enabled": rule.enabled, "level": LEVELS[rule.severity]},
        "properties": {"tags": ["seolint", rule.family()]},
    }


def sarif_log(result: RunResult, registry: Registry) -> dict[str, Any]:
    rules = [_descriptor(rule) for rule in registry.rules]
    index = {rule.id: i for i, rule in enumerate(registry.rules)}
    results = []
    for f in result.findings:
        if f.rule not in index:  # a rule the registry does not know: describe it minimally
            index[f.rule] = len(rules)
            rules.append({"id": f.rule, "name": f.name, "shortDescription": {"text": f.name}})
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": quote(repo_relative(f.path), safe="/")},
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.column,
                                "endLine": f.end_line,
                                "endColumn": f.end_column,
                            },
                        },
                    }
                ],
                "partialFingerprints": {"seolint/v1": fingerprint(f)},
            }
        )
    invocation: dict[str, Any] = {"executionSuccessful": not result.errors}
    if result.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": message}} for message in result.errors
        ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "seolint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(result: RunResult, out: TextIO, registry: Registry) -> None:
    json.dump(sarif_log(result, registry), out, ensure_ascii=False, indent=2)
    out.write("\n")
