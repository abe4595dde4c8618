"""Find every rule: built-in families and third-party plugins through the entry-point group
``seolint.rules`` (one loading path for both, as flake8 does), plus compiled rule packs.

An entry point may name a module (its :class:`~seolint.rules.base.Rule` subclasses are taken),
a rule class, or a callable/iterable returning rule classes.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from types import ModuleType

from seolint.errors import UsageError
from seolint.rules.base import Rule, is_rule_class

ENTRY_POINT_GROUP = "seolint.rules"
RULE_ID = re.compile(r"^[A-Z]{1,8}[0-9]{3}$")
BUILTIN_DIST = "seolint"


def code_matches(selector: str, code: str) -> bool:
    """Does a selector (``ALL``, a family ``FR``, a prefix ``FR1``, a code ``FR101``) pick ``code``?

    The letters must name the rule's family exactly, as in ruff: ``FR`` selects FR001 and
    FR101 but not the pack rule FRC001.
    """
    if selector == "ALL":
        return True
    letters = selector.rstrip("0123456789")
    return code.rstrip("0123456789") == letters and code.startswith(selector)


@dataclass(frozen=True)
class Registry:
    rules: tuple[type[Rule], ...]  # sorted by id

    def get(self, code: str) -> type[Rule] | None:
        for rule in self.rules:
            if rule.id == code:
                return rule
        return None

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(rule.id for rule in self.rules)

    @property
    def builtin_prefixes(self) -> frozenset[str]:
        return frozenset(r.family() for r in self.rules if r.origin == "builtin")

    def matches(self, selector: str) -> bool:
        """True when a code or prefix selects at least one rule (``ALL`` always does)."""
        return any(code_matches(selector, rule.id) for rule in self.rules)


def _rules_from(obj: object) -> list[type[Rule]]:
    if isinstance(obj, ModuleType):
        found = [v for v in vars(obj).values() if is_rule_class(v) and v.__module__ == obj.__name__]
        return found
    if is_rule_class(obj):
        return [obj]  # type: ignore[list-item]
    if callable(obj) and not inspect.isclass(obj):
        return _rules_from(obj())
    if isinstance(obj, Iterable) and not isinstance(obj, (str, bytes)):
        return [rule for item in obj for rule in _rules_from(item)]
    return []


def _plugin_rules() -> list[type[Rule]]:
    rules: list[type[Rule]] = []
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = entry_point.dist.name if entry_point.dist is not None else "?"
        try:
            loaded = entry_point.load()
        except Exception as exc:  # a broken plugin is a usage error, not a traceback
            raise UsageError(
                f"plugin {entry_point.name!r} ({dist}) of entry-point group "
                f"{ENTRY_POINT_GROUP!r} failed to load: {exc}"
            ) from exc
        for rule in _rules_from(loaded):
            if dist != BUILTIN_DIST and rule.origin == "builtin":
                rule.origin = f"plugin:{dist}"
            rules.append(rule)
    return rules


def build_registry(extra: Sequence[type[Rule]] = ()) -> Registry:
    """All rules, validated: well-formed unique ids, and kebab-case names."""
    by_id: dict[str, type[Rule]] = {}
    for rule in [*_plugin_rules(), *extra]:
        if not RULE_ID.match(rule.id):
            raise UsageError(f"rule id {rule.id!r} ({rule.origin}) must be letters then 3 digits")
        previous = by_id.get(rule.id)
        if previous is not None and previous is not rule:
            raise UsageError(
                f"rule id {rule.id} is defined twice ({previous.origin} and {rule.origin})"
            )
        by_id[rule.id] = rule
    return Registry(tuple(sorted(by_id.values(), key=lambda r: r.id)))
