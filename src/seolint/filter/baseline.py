"""The baseline: record today's findings once, then report only new ones.

A finding is known by its path, its rule and a fingerprint of the text it flags — never by
its line number — so an old finding stays silent when lines are added or removed above it.
Each entry carries a count, so three identical findings recorded and four found means one is
reported. Paths are stored relative to the baseline file's folder, so the file works from
any working directory. The file is sorted JSON with one entry per line: a new finding is
one added line in a diff.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from seolint.errors import UsageError
from seolint.findings import Finding

VERSION = 1
_SPACES = re.compile(r"\s+")
_NUMBERS = re.compile(r"\d+(?:[.,]\d+)*")
_EXCERPT = 80  # characters of the flagged text kept in the file, for the people reading it

Key = tuple[str, str, str]  # (path relative to the baseline's folder, rule, fingerprint)


def flagged_text(finding: Finding) -> str:
    """The normalised text a fingerprint is made of.

    The flagged snippet, whitespace collapsed (so re-wrapping a paragraph changes nothing).
    When the snippet holds no letter or digit — an empty span, a marker such as the ``---``
    of a front-matter missing a field, a lone ``;`` — the message is added to tell such
    findings apart, numbers masked, since they are measurements that drift.
    """
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", finding.snippet)).strip()
    if any(char.isalnum() for char in text):
        return text
    message = _NUMBERS.sub("#", _SPACES.sub(" ", finding.message).strip())
    return f"{text} | {message}" if text else message


def fingerprint(finding: Finding) -> str:
    """A short stable hash of the rule and the flagged text (no path, no line)."""
    data = f"{finding.rule}\0{flagged_text(finding)}".encode()
    return hashlib.sha256(data).hexdigest()[:16]


def _excerpt(finding: Finding) -> str:
    text = flagged_text(finding)
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


@dataclass
class Baseline:
    """Known findings, counted per (path, rule, fingerprint)."""

    root: Path  # the baseline file's folder; stored paths are relative to it
    counts: Counter[Key]
    excerpts: dict[Key, str]

    def key(self, finding: Finding) -> Key:
        path = os.path.relpath(os.path.abspath(finding.path), self.root)
        return path.replace(os.sep, "/"), finding.rule, fingerprint(finding)

    @classmethod
    def from_findings(cls, findings: Iterable[Finding], file: Path) -> Baseline:
        baseline = cls(Path(os.path.abspath(file)).parent, Counter(), {})
        for finding in findings:
            key = baseline.key(finding)
            baseline.counts[key] += 1
            baseline.excerpts.setdefault(key, _excerpt(finding))
        return baseline

    def apply(self, findings: Sequence[Finding]) -> tuple[list[Finding], int]:
        """The findings the baseline does not know, and how many it silenced."""
        left = Counter(self.counts)
        kept: list[Finding] = []
        silenced = 0
        for finding in findings:
            key = self.key(finding)
            if left[key] > 0:
                left[key] -= 1
                silenced += 1
            else:
                kept.append(finding)
        return kept, silenced

    def __len__(self) -> int:
        return sum(self.counts.values())

    # -- the file ---------------------------------------------------------------------
    def dumps(self) -> str:
        lines = []
        for key in sorted(self.counts):
            path, rule, digest = key
            entry = {
                "path": path,
                "rule": rule,
                "fingerprint": digest,
                "count": self.counts[key],
                "text": self.excerpts.get(key, ""),
            }
            lines.append("    " + json.dumps(entry, ensure_ascii=False))
        body = ",\n".join(lines)
        findings = f"[\n{body}\n  ]" if lines else "[]"
        return f'{{\n  "version": {VERSION},\n  "tool": "seolint",\n  "findings": {findings}\n}}\n'

    def write(self, file: Path) -> None:
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            temporary = file.with_name(file.name + ".tmp")
            temporary.write_text(self.dumps(), encoding="utf-8", newline="\n")
            os.replace(temporary, file)
        except OSError as exc:
            raise UsageError(f"{file}: cannot write the baseline: {exc.strerror}") from exc

    @classmethod
    def load(cls, file: Path) -> Baseline:
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError(
                f"{file}: baseline not found; create it with --update-baseline --baseline {file}"
            ) from None
        except OSError as exc:
            raise UsageError(f"{file}: cannot read the baseline: {exc.strerror}") from exc
        except (ValueError, UnicodeDecodeError) as exc:
            raise UsageError(f"{file}: the baseline is not valid JSON ({exc})") from exc
        baseline = cls(Path(os.path.abspath(file)).parent, Counter(), {})
        entries = data.get("findings") if isinstance(data, dict) else None
        if (
            not isinstance(data, dict)
            or data.get("version") != VERSION
            or not isinstance(entries, list)
        ):
            raise UsageError(
                f"{file}: not a seolint baseline (version {VERSION}); "
                "recreate it with --update-baseline"
            )
        for number, entry in enumerate(entries, 1):
            if not (
                isinstance(entry, dict)
                and all(isinstance(entry.get(k), str) for k in ("path", "rule", "fingerprint"))
                and isinstance(entry.get("count", 1), int)
                and not isinstance(entry.get("count", 1), bool)
                and entry.get("count", 1) > 0
            ):
                raise UsageError(
                    f"{file}: entry {number} of the baseline needs path, rule, fingerprint "
                    "and a positive count; recreate it with --update-baseline"
                )
            key = (entry["path"], entry["rule"], entry["fingerprint"])
            baseline.counts[key] += entry.get("count", 1)
            baseline.excerpts[key] = str(entry.get("text", ""))
        return baseline
