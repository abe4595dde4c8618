"""``--format junit``: JUnit XML, which CI servers (GitLab, Jenkins, Azure…) show as tests.

One test case per linted file, one ``<failure>`` per finding (so a clean file is a passing
test), and a ``seolint`` test case with an ``<error>`` per run error.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby
from typing import TextIO

from seolint.engine import RunResult

# Characters XML 1.0 cannot hold at all; an article may contain them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_junit(result: RunResult, out: TextIO) -> None:
    by_path = {path: list(group) for path, group in groupby(result.findings, key=lambda f: f.path)}
    paths = sorted(set(result.paths) | set(by_path))
    failures = sum(len(group) for group in by_path.values())
    suites = ET.Element(
        "testsuites",
        name="seolint",
        tests=str(len(paths) + bool(result.errors)),
        failures=str(failures),
        errors=str(len(result.errors)),
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="seolint",
        tests=suites.get("tests", "0"),
        failures=str(failures),
        errors=str(len(result.errors)),
        skipped="0",
    )
    for path in paths:
        case = ET.SubElement(
            suite, "testcase", name=_clean(path), classname="seolint", file=_clean(path)
        )
        for f in by_path.get(path, []):
            failure = ET.SubElement(
                case, "failure", type=f.severity.label, message=_clean(f"{f.rule} {f.message}")
            )
            failure.text = _clean(
                f"{f.path}:{f.line}:{f.column}: {f.rule} {f.name} ({f.severity.label})\n"
                f"{f.message}\n"
            )
    if result.errors:
        case = ET.SubElement(suite, "testcase", name="seolint run", classname="seolint")
        for message in result.errors:
            error = ET.SubElement(case, "error", message=_clean(message))
            error.text = _clean(message)
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")
