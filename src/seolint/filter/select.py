"""Which rules run, at which severity, with which options; which findings a file ignores.

Selection follows ruff: among ``select``/``extend-select`` and ``ignore``, the most specific
matching selector (the longest code or prefix; ``ALL`` is the least specific) decides, and
``ignore`` wins a tie. A rule that is off by default runs only when named by its exact code
(in a selection or with a severity other than ``off``).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from seolint.config import Config, parse_severity, validate_options
from seolint.errors import ConfigError, UsageError
from seolint.findings import Severity
from seolint.registry import Registry, code_matches
from seolint.rules.base import Rule


@dataclass(frozen=True)
class ActiveRule:
    rule: type[Rule]
    severity: Severity
    options: Any


def _best(code: str, selectors: Iterable[str]) -> int:
    """Length of the most specific selector matching ``code`` (-1: none; ALL: 0)."""
    best = -1
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 0)
        elif code_matches(selector, code):
            best = max(best, len(selector))
    return best


def check_codes(registry: Registry, codes: Iterable[str], where: str) -> None:
    for code in codes:
        if not registry.matches(code):
            raise UsageError(f"{where}: unknown rule code or prefix {code!r}")


def active_rules(config: Config, registry: Registry) -> list[ActiveRule]:
    where = str(config.source) if config.source else "configuration"
    check_codes(registry, config.select, f"{where}: select")
    check_codes(registry, config.extend_select, f"{where}: extend-select")
    check_codes(registry, config.ignore, f"{where}: ignore")
    for code in config.severity:
        if registry.get(code) is None:
            raise ConfigError(f"{where}: severity names unknown rule code {code!r}")
    for code in config.options:
        if registry.get(code) is None:
            raise ConfigError(f"{where}: options names unknown rule code {code!r}")
    for glob, codes in config.per_file_ignores.items():
        check_codes(registry, codes, f"{where}: per-file-ignores {glob!r}")

    option_types = {rule.id: rule.Options for rule in registry.rules}
    chosen = (*config.select, *config.extend_select)
    active: list[ActiveRule] = []
    for rule in registry.rules:
        selected = _best(rule.id, chosen)
        ignored = _best(rule.id, config.ignore)
        if selected < 0 or ignored >= selected:
            continue
        level = config.severity.get(rule.id)
        named = rule.id in chosen or (level is not None and level != "off")
        if not rule.enabled and not named:
            continue
        severity = parse_severity(level) if level is not None else rule.severity
        if severity is None:
            continue
        options = validate_options(option_types, rule.id, config.options.get(rule.id, {}), where)
        active.append(ActiveRule(rule, severity, options))
    return active


@dataclass(frozen=True)
class PerFileIgnores:
    patterns: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def from_config(cls, table: Mapping[str, tuple[str, ...]]) -> PerFileIgnores:
        return cls(tuple(table.items()))

    def codes_for(self, relative_path: str) -> tuple[str, ...]:
        """Codes or prefixes ignored for a path relative to the configuration folder."""
        path = PurePosixPath(relative_path)
        found: list[str] = []
        for pattern, codes in self.patterns:
            if _glob_match(path, pattern):
                found.extend(codes)
        return tuple(found)


def _glob_match(path: PurePosixPath, pattern: str) -> bool:
    # "drafts/**" must match drafts/a.md and drafts/x/y.md; fnmatch's * crosses '/' already.
    text = str(path)
    if fnmatch.fnmatchcase(text, pattern):
        return True
    if pattern.endswith("/**") and (text + "/").startswith(pattern[:-2]):
        return True
    return "/" not in pattern and fnmatch.fnmatchcase(path.name, pattern)


def is_ignored(code: str, ignored: Iterable[str]) -> bool:
    return any(code_matches(sel, code) for sel in ignored)
