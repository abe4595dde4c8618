"""Read and validate the configuration (DESIGN §4).

``[tool.seolint]`` in ``pyproject.toml``, or ``seolint.toml`` / ``.seolint.toml`` (same keys,
no prefix); the nearest file above the linted path wins; command-line flags override. Every
key and value is checked: an unknown key, a bad value or an unknown rule code is a
:class:`~seolint.errors.ConfigError` naming the file and the key (exit 2).
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from seolint.errors import ConfigError
from seolint.findings import Severity
from seolint.parse.dialects import CANONICAL_FIELDS, DIALECT_NAMES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

CONFIG_FILES = ("seolint.toml", ".seolint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info")
SEVERITY_VALUES = ("error", "warning", "info", "off")
DUPLICATE_SCOPES = ("site", "folder")


@dataclass(frozen=True)
class Config:
    lang: str = "fr"
    dialect: str = "auto"
    site_url: str | None = None
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    packs: tuple[str, ...] = ()
    required: tuple[str, ...] = ("title", "description", "date_published", "slug")
    include: tuple[str, ...] = ("*.md", "*.markdown", "*.mdx")
    exclude: tuple[str, ...] = ()
    duplicate_scope: str = "site"
    severity: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Where the configuration was found (None: defaults). Its folder is the site root.
    source: Path | None = None

    @property
    def root(self) -> Path | None:
        return self.source.parent if self.source is not None else None


# TOML key -> (Config attribute, checker)
def _str(choices: tuple[str, ...] | None = None) -> Any:
    def check(value: object, key: str, where: str) -> str:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: {key} must be a string, not {_kind(value)}")
        if choices is not None and value not in choices:
            raise ConfigError(f"{where}: {key} = {value!r} is not one of {', '.join(choices)}")
        return value

    return check


def _str_list(value: object, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings, not {_kind(value)}")
    return tuple(value)


def _kind(value: object) -> str:
    return {
        dict: "a table",
        list: "a list",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
    }.get(type(value), type(value).__name__)


def _required(value: object, key: str, where: str) -> tuple[str, ...]:
    names = _str_list(value, key, where)
    unknown = [n for n in names if n not in CANONICAL_FIELDS]
    if unknown:
        raise ConfigError(
            f"{where}: {key} names unknown field(s) {', '.join(unknown)}; "
            f"fields are {', '.join(CANONICAL_FIELDS)}"
        )
    return names


def _site_url(value: object, key: str, where: str) -> str:
    url = _str()(value, key, where)
    if not url.startswith(("http://", "https://")):
        raise ConfigError(f"{where}: {key} = {url!r} must be an absolute http(s) URL")
    return str(url.rstrip("/"))


def _severity_table(value: object, key: str, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {key} must be a table of CODE = severity")
    for code, level in value.items():
        if level not in SEVERITY_VALUES:
            raise ConfigError(
                f"{where}: {key}.{code} = {level!r} is not one of {', '.join(SEVERITY_VALUES)}"
            )
    return dict(value)


def _options_table(value: object, key: str, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{where}: {key} must hold one table per rule code")
    return {code: dict(opts) for code, opts in value.items()}


def _per_file_ignores(value: object, key: str, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: {key} must be a table of "glob" = [codes]')
    return {glob: _str_list(codes, f"{key}.{glob}", where) for glob, codes in value.items()}


_KEYS: dict[str, tuple[str, Any]] = {
    "lang": ("lang", _str()),
    "dialect": ("dialect", _str(DIALECT_NAMES)),
    "site_url": ("site_url", _site_url),
    "select": ("select", _str_list),
    "extend-select": ("extend_select", _str_list),
    "extend_select": ("extend_select", _str_list),
    "ignore": ("ignore", _str_list),
    "fail_on": ("fail_on", _str(FAIL_ON)),
    "fail-on": ("fail_on", _str(FAIL_ON)),
    "packs": ("packs", _str_list),
    "required": ("required", _required),
    "include": ("include", _str_list),
    "exclude": ("exclude", _str_list),
    "duplicate_scope": ("duplicate_scope", _str(DUPLICATE_SCOPES)),
    "severity": ("severity", _severity_table),
    "options": ("options", _options_table),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "per_file_ignores": ("per_file_ignores", _per_file_ignores),
}


def parse_table(table: Mapping[str, object], where: str, base: Config | None = None) -> Config:
    """Validate a ``[tool.seolint]`` table (or a seolint.toml) into a :class:`Config`."""
    values: dict[str, Any] = {}
    for key, raw in table.items():
        spec = _KEYS.get(key)
        if spec is None:
            close = _closest(key, _KEYS)
            hint = f" (did you mean {close!r}?)" if close else ""
            raise ConfigError(f"{where}: unknown key {key!r}{hint}")
        attribute, check = spec
        values[attribute] = check(raw, key, where)
    return replace(base or Config(), **values)


def _closest(word: str, candidates: typing.Iterable[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.75)
    return found[0] if found else None


def load_file(path: Path) -> Config:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: the configuration is not UTF-8 text") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("seolint", {})
        where = f"{path} [tool.seolint]"
    else:
        table = data
        where = str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table")
    return replace(parse_table(table, where), source=path.resolve())


def find_config(start: Path) -> Path | None:
    """The nearest configuration at or above ``start`` (a pyproject.toml counts only when
    it has a ``[tool.seolint]`` table)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = candidate_dir / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml" and not _has_seolint_table(candidate):
                continue
            return candidate
    return None


def _has_seolint_table(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return "seolint" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def validate_options(
    option_types: Mapping[str, type[Any]], code: str, given: Mapping[str, Any], where: str
) -> Any:
    """Build a rule's Options dataclass from the configuration, checking names and types."""
    options_class = option_types[code]
    fields = {f.name: f for f in dataclasses.fields(options_class)}
    hints = typing.get_type_hints(options_class)
    kwargs: dict[str, Any] = {}
    for name, value in given.items():
        if name not in fields:
            known = ", ".join(fields) or "none"
            raise ConfigError(f"{where}: rule {code} has no option {name!r} (its options: {known})")
        expected = hints.get(name, object)
        if not _type_ok(value, expected):
            raise ConfigError(
                f"{where}: option {code}.{name} = {value!r} should be {_type_name(expected)}"
            )
        if isinstance(value, list):
            value = tuple(value)
        kwargs[name] = value
    try:
        return options_class(**kwargs)
    except (TypeError, ValueError) as exc:  # a rule's own check of its values (__post_init__)
        raise ConfigError(f"{where}: options of rule {code}: {exc}") from None


def _type_ok(value: object, expected: Any) -> bool:
    origin = typing.get_origin(expected)
    if expected is Any or expected is object:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_type_ok(value, arg) for arg in typing.get_args(expected))
    if origin is typing.Literal:
        return value in typing.get_args(expected)
    if origin in (tuple, list, frozenset):
        args = [a for a in typing.get_args(expected) if a is not Ellipsis]
        return (
            isinstance(value, list) and all(_type_ok(v, args[0]) for v in value)
            if args
            else isinstance(value, list)
        )
    if expected is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected is type(None):
        return value is None
    return isinstance(value, expected) if isinstance(expected, type) else True


def _type_name(expected: Any) -> str:
    origin = typing.get_origin(expected)
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(expected))
    if origin in (tuple, list, frozenset):
        return "a list"
    return {int: "an integer", float: "a number", str: "a string", bool: "true or false"}.get(
        expected, str(expected)
    )


def parse_severity(value: str) -> Severity | None:
    return None if value == "off" else Severity.parse(value)
