"""Rule packs: YAML files of declarative rules compiled into ordinary :class:`Rule` classes.

A pack declares an id prefix of its own and a list of rules, each of one kind:

- ``existence``: words or phrases that should not appear;
- ``substitution``: a word and its replacement (a fix for the common fixer);
- ``occurrence``: words that may appear at most ``max`` times per article.

Rules match whole words, without regard to case, accents or elision (« l’impact » matches
``impact``), on the masked prose view (code, URLs and Markdown syntax never match). Phrases
may end a word with ``*`` (``révolutionn*``); regular expressions are allowed too.

Every phrase of every pack goes into one regular expression per matching profile, shaped as
a trie, so an article is scanned once for all pack rules whatever their number; the hits are
computed once per document (``doc.memo``) and each rule keeps its own. The built-in packs
live in the repository's top-level ``rules/`` folder, shipped inside the package as
``seolint/builtin_packs`` (a link to that folder); ``rules/README.md`` documents the format.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import string
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar

import yaml

from seolint.config import Config
from seolint.errors import ConfigError
from seolint.findings import Edit, Fix, Severity, Violation
from seolint.parse.document import Document
from seolint.parse.language import language_view
from seolint.parse.markdown import markdown_view
from seolint.parse.prose import HEADING_KIND, field_prose, prose_view
from seolint.registry import Registry, build_registry
from seolint.rules.base import Rule

try:  # libyaml when available; both are safe loaders (no object construction)
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

__all__ = [
    "BUILTIN_PREFIXES",
    "KINDS",
    "SCOPES",
    "PackRule",
    "builtin_pack_dir",
    "load_packs",
    "pack_paths",
    "pack_rules",
    "registry_for",
]

BUILTIN_PREFIXES = frozenset({"FM", "SEO", "ST", "FR", "DUP", "SL"})
KINDS = ("existence", "substitution", "occurrence")
SCOPES = ("body", "headings", "title", "seo_title", "description", "link_text", "any")
FIELD_SCOPES = ("title", "seo_title", "description")
FIXES = ("safe", "unsafe", "none")
MAX_PACK_BYTES = 1_000_000

_PREFIX = re.compile(r"^[A-Z]{1,8}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PLACEHOLDERS = {
    "existence": frozenset({"match"}),
    "substitution": frozenset({"match", "replacement"}),
    "occurrence": frozenset({"match", "count", "max"}),
}
_PACK_KEYS = frozenset({"pack", "prefix", "description", "lang", "defaults", "rules"})
_MATCHING_KEYS = frozenset(
    {"case_sensitive", "accent_sensitive", "whole_words", "skip_proper_nouns"}
)
_DEFAULT_KEYS = frozenset({"kind", "severity", "scope", "enabled", "fix"}) | _MATCHING_KEYS
_RULE_KEYS = _DEFAULT_KEYS | frozenset(
    {
        "at_start",
        "id",
        "name",
        "kind",
        "message",
        "summary",
        "why",
        "tokens",
        "patterns",
        "swap",
        "regex",
        "max",
        "exceptions",
        "examples",
    }
)


# -- text: folding accents and case without moving offsets ----------------------------------
_COMBINING = re.compile("[\u0300-\u036f]+")
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc", "\u00b4", "`")
_SPACES = ("\u00a0", "\u202f", "\u2009", "\u2007")


def _fold_char(char: str) -> str:
    base = _COMBINING.sub("", unicodedata.normalize("NFD", char))
    return base if len(base) == 1 else char


def _fold_table() -> dict[str, str]:
    """Accented Latin letters to their base letter (é → e, Ç → C), one character each."""
    table: dict[str, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        base = _fold_char(char)
        if base != char and base.isascii():
            table[char] = base
    table.update(dict.fromkeys(_APOSTROPHES, "'"))
    table.update(dict.fromkeys(_SPACES, " "))
    return table


_FOLD = _fold_table()
_FOLD_KEYS = frozenset(_FOLD)


def fold_accents(text: str) -> str:
    """Remove accents (é→e, ç→c) keeping every character at its offset; ’ becomes '."""
    # A few replace() calls, one per distinct accented letter, run at C speed; translate()
    # or a per-character pass would cost several times more on French text.
    for char in set(text) & _FOLD_KEYS:
        text = text.replace(char, _FOLD[char])
    if text.isascii() or not _OTHER_ACCENTS.search(text):
        return text
    # Greek and Cyrillic accented letters, one by one.
    return "".join(_fold_char(char) if ord(char) > 127 else char for char in text)


_OTHER_ACCENTS = re.compile("[\u0370-\u03ff\u0400-\u04ff]")


def lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # « İ »


@dataclass(frozen=True)
class Profile:
    """How a rule compares text: the pack defaults are case- and accent-insensitive."""

    case_sensitive: bool = False
    accent_sensitive: bool = False
    whole_words: bool = True

    def normalise(self, text: str) -> str:
        if not self.accent_sensitive:
            text = fold_accents(text)
        else:
            for apostrophe in _APOSTROPHES:
                text = text.replace(apostrophe, "'")
        return text if self.case_sensitive else lower_same_length(text)


# -- the specification of a rule, as read from YAML -----------------------------------------
@dataclass(frozen=True)
class PackRuleSpec:
    id: str
    name: str
    kind: str
    message: str
    severity: Severity
    enabled: bool
    scopes: frozenset[str]
    tokens: tuple[str, ...]  # literal phrases ('*' ends a word with any letters)
    patterns: tuple[str, ...]  # regular expressions
    swap: tuple[tuple[str, str], ...]  # substitution: (phrase or regex, replacement)
    regex: bool  # substitution keys are regular expressions
    max: int
    exceptions: tuple[str, ...]
    profile: Profile
    skip_proper_nouns: bool
    at_start: bool  # only where the phrase begins a field, a heading or a paragraph
    fix: str
    summary: str
    why: str
    examples: tuple[tuple[str, str], ...]  # (bad, good)
    langs: frozenset[str]
    pack: str
    source: str


# -- loading and validation -----------------------------------------------------------------
class _Reader:
    """Validates one pack file; every error names the file and the rule."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rule_id: str | None = None

    def fail(self, problem: str) -> ConfigError:
        where = f"{self.path}: rule {self.rule_id}" if self.rule_id else str(self.path)
        return ConfigError(f"{where}: {problem}")

    def text(self, table: Mapping[str, Any], key: str, required: bool = False) -> str | None:
        value = table.get(key)
        if value is None:
            if required:
                raise self.fail(f"{key} is required")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{key} must be a non-empty string")
        return value.strip()

    def flag(self, table: Mapping[str, Any], key: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"{key} must be true or false, not {value!r}")
        return value

    def strings(self, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"{key} must be a list of non-empty strings")
        return tuple(v.strip() for v in value)

    def choice(self, value: object, key: str, choices: Sequence[str]) -> str:
        if not isinstance(value, str) or value not in choices:
            raise self.fail(f"{key} = {value!r} is not one of {', '.join(choices)}")
        return value

    def scopes(self, value: object) -> frozenset[str]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise self.fail("scope must be a scope name or a list of them")
        chosen = {self.choice(item, "scope", SCOPES) for item in items}
        return frozenset(SCOPES[:-1]) if "any" in chosen else frozenset(chosen)


def _load_yaml(path: Path) -> object:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the rule pack: {exc.strerror}") from None
    if len(raw) > MAX_PACK_BYTES:
        raise ConfigError(f"{path}: a rule pack must be under {MAX_PACK_BYTES} bytes")
    try:
        return yaml.load(raw.decode("utf-8"), Loader=_SafeLoader)  # a safe loader
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: a rule pack must be UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError(f"{path}: invalid YAML{where}: {problem}") from None


def read_pack(path: Path) -> list[PackRuleSpec]:
    """Read and validate one pack file into rule specifications."""
    reader = _Reader(path)
    data = _load_yaml(path)
    if not isinstance(data, dict):
        raise reader.fail("a rule pack must be a mapping with prefix and rules")
    unknown = sorted(set(map(str, data)) - _PACK_KEYS)
    if unknown:
        raise reader.fail(f"unknown key {unknown[0]!r} (keys: {', '.join(sorted(_PACK_KEYS))})")
    prefix = reader.text(data, "prefix", required=True)
    assert prefix is not None
    if not _PREFIX.match(prefix):
        raise reader.fail(f"prefix {prefix!r} must be 1 to 8 capital letters")
    if prefix in BUILTIN_PREFIXES:
        raise reader.fail(
            f"prefix {prefix!r} belongs to built-in rules "
            f"({', '.join(sorted(BUILTIN_PREFIXES))}); choose another"
        )
    pack_name = reader.text(data, "pack") or path.stem
    langs = frozenset(code.lower() for code in reader.strings(data, "lang"))
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict):
        raise reader.fail("defaults must be a mapping")
    unknown = sorted(set(map(str, defaults)) - _DEFAULT_KEYS)
    if unknown:
        raise reader.fail(f"defaults: unknown key {unknown[0]!r}")
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise reader.fail("rules must be a non-empty list")
    specs: list[PackRuleSpec] = []
    seen: set[str] = set()
    for index, table in enumerate(rules, start=1):
        reader.rule_id = f"#{index}"
        if not isinstance(table, dict):
            raise reader.fail("each rule must be a mapping")
        raw_id = table.get("id")
        if isinstance(raw_id, str):
            reader.rule_id = raw_id
        spec = _read_rule(reader, {**defaults, **table}, prefix, pack_name, langs)
        if spec.id in seen:
            raise reader.fail("this id is used twice in the pack")
        seen.add(spec.id)
        specs.append(spec)
    return specs


def _read_rule(
    reader: _Reader, table: dict[str, Any], prefix: str, pack: str, langs: frozenset[str]
) -> PackRuleSpec:
    unknown = sorted(set(map(str, table)) - _RULE_KEYS)
    if unknown:
        raise reader.fail(f"unknown key {unknown[0]!r} (keys: {', '.join(sorted(_RULE_KEYS))})")
    rule_id = reader.text(table, "id", required=True)
    assert rule_id is not None
    if not re.fullmatch(f"{prefix}[0-9]{{3}}", rule_id):
        raise reader.fail(f"id must be the pack prefix {prefix} then 3 digits")
    name = reader.text(table, "name", required=True)
    assert name is not None
    if not _NAME.match(name):
        raise reader.fail(f"name {name!r} must be kebab-case (lowercase words and hyphens)")
    kind = reader.choice(table.get("kind"), "kind", KINDS)
    message = reader.text(table, "message", required=True)
    assert message is not None
    _check_placeholders(reader, message, kind)
    severity = Severity.parse(
        reader.choice(table.get("severity", "warning"), "severity", ("error", "warning", "info"))
    )
    profile = Profile(
        case_sensitive=reader.flag(table, "case_sensitive", False),
        accent_sensitive=reader.flag(table, "accent_sensitive", False),
        whole_words=reader.flag(table, "whole_words", True),
    )
    tokens = reader.strings(table, "tokens")
    patterns = reader.strings(table, "patterns")
    exceptions = reader.strings(table, "exceptions")
    regex = reader.flag(table, "regex", False)
    swap = _read_swap(reader, table.get("swap"), kind)
    if kind == "substitution":
        if tokens or patterns:
            raise reader.fail("a substitution lists its words under swap, not tokens/patterns")
    elif not tokens and not patterns:
        raise reader.fail(f"an {kind} rule needs tokens or patterns")
    for token in (*tokens, *exceptions):
        _check_token(reader, token, allow_star=True)
    for key, _ in () if regex else swap:
        _check_token(reader, key, allow_star=False)
    for pattern in (*patterns, *([k for k, _ in swap] if regex else [])):
        _check_regex(reader, pattern, profile)
    maximum = table.get("max", 0)
    if kind == "occurrence" and "max" not in table:
        raise reader.fail("an occurrence rule needs max (the most uses allowed per article)")
    if not isinstance(maximum, int) or isinstance(maximum, bool) or maximum < 0:
        raise reader.fail(f"max must be a whole number ≥ 0, not {maximum!r}")
    fix = reader.choice(table.get("fix", "safe"), "fix", FIXES)
    return PackRuleSpec(
        id=rule_id,
        name=name,
        kind=kind,
        message=message,
        severity=severity,
        enabled=reader.flag(table, "enabled", True),
        scopes=reader.scopes(table.get("scope", "body")),
        tokens=tokens,
        patterns=patterns,
        swap=swap,
        regex=regex,
        max=maximum,
        exceptions=exceptions,
        profile=profile,
        skip_proper_nouns=reader.flag(table, "skip_proper_nouns", False),
        at_start=reader.flag(table, "at_start", False),
        fix=fix if kind == "substitution" else "none",
        summary=reader.text(table, "summary") or _default_summary(kind, tokens, swap),
        why=reader.text(table, "why") or "",
        examples=_read_examples(reader, table.get("examples")),
        langs=langs,
        pack=pack,
        source=str(reader.path),
    )


def _check_placeholders(reader: _Reader, message: str, kind: str) -> None:
    allowed = _PLACEHOLDERS[kind]
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}
    except ValueError as exc:
        raise reader.fail(f"message: {exc} (write {{{{ and }}}} for literal braces)") from None
    bad = sorted(names - allowed)
    if bad:
        raise reader.fail(
            f"message: unknown placeholder {{{bad[0]}}} (a {kind} rule knows "
            f"{', '.join('{' + n + '}' for n in sorted(allowed))})"
        )


def _read_swap(reader: _Reader, value: object, kind: str) -> tuple[tuple[str, str], ...]:
    if value is None:
        if kind == "substitution":
            raise reader.fail("a substitution rule needs swap: {word: replacement, …}")
        return ()
    if kind != "substitution":
        raise reader.fail("swap belongs to substitution rules")
    if not isinstance(value, dict) or not value:
        raise reader.fail("swap must be a mapping of word: replacement")
    pairs: list[tuple[str, str]] = []
    for key, replacement in value.items():
        if not isinstance(key, str) or not key.strip() or not isinstance(replacement, str):
            raise reader.fail(f"swap: {key!r}: {replacement!r} must map text to text")
        pairs.append((key.strip(), replacement))
    return tuple(pairs)


def _read_examples(reader: _Reader, value: object) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, dict) else value
    if not isinstance(items, list):
        raise reader.fail("examples must be a mapping {bad: …, good: …} or a list of them")
    examples: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, dict) or set(item) - {"bad", "good"} or "bad" not in item:
            raise reader.fail("each example is a mapping with bad and (optionally) good")
        bad, good = item["bad"], item.get("good", "")
        if not isinstance(bad, str) or not isinstance(good, str):
            raise reader.fail("examples: bad and good must be text")
        examples.append((bad.strip(), good.strip()))
    return tuple(examples)


def _check_token(reader: _Reader, token: str, allow_star: bool) -> None:
    for word in token.split():
        if "*" in word.rstrip("*") or word.count("*") > 1 or word == "*":
            raise reader.fail(f"phrase {token!r}: '*' may only end a word (révolutionn*)")
        if word.endswith("*") and not allow_star:
            raise reader.fail(f"phrase {token!r}: a substitution needs exact words, not '*'")


def _check_regex(reader: _Reader, pattern: str, profile: Profile) -> None:
    try:
        re.compile(_normalise_pattern(pattern, profile))
    except re.error as exc:
        raise reader.fail(f"pattern {pattern!r} is not a valid regular expression: {exc}") from None


def _default_summary(kind: str, tokens: Sequence[str], swap: Sequence[tuple[str, str]]) -> str:
    if kind == "substitution" and swap:
        word, replacement = swap[0]
        return f"« {word} » where « {replacement} » says it in plain French."
    shown = ", ".join(f"« {t} »" for t in tokens[:3]) if tokens else "a pattern"
    return f"{shown} in the text." if kind == "existence" else f"{shown} used too often."


# -- compiling phrases into one trie-shaped regular expression ------------------------------
_STAR = "\x00*"  # a word that goes on with any letters
_GAP = "\x00 "  # spaces, line breaks or hyphens between two words
_GAP_RE = r"[\s\-]+"
_TAIL = r"(?![\w\-])"  # the match ends a word
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_WORD_GAP = r"[^\w\-]"  # what precedes a word (an elided « l' » does)


def _symbols(token: str, profile: Profile) -> list[str]:
    symbols: list[str] = []
    for index, word in enumerate(profile.normalise(token).split()):
        if index:
            symbols.append(_GAP)
        star = word.endswith("*")
        symbols.extend(word.rstrip("*"))
        if star:
            symbols.append(_STAR)
    return symbols


def _piece(symbol: str) -> str:
    return {_STAR: r"\w*", _GAP: _GAP_RE}.get(symbol) or re.escape(symbol)


def _ends_word(symbols: Sequence[str]) -> bool:
    """Whether a phrase must end at a word's end (not « d' », which goes on with a word)."""
    return bool(symbols) and (symbols[-1] == _STAR or symbols[-1].isalnum())


def _emit(node: dict[str, Any]) -> str:
    """A trie as a regular expression: longer phrases first, so the longest one wins.

    A node's ``""`` key holds what must follow a phrase that ends there (a word's end).
    """
    branches: list[str] = []
    end = node.get("")
    for symbol in sorted(key for key in node if key):
        branches.append(_piece(symbol) + _emit(node[symbol]))
    if end is not None:
        branches.append(end)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _normalise_pattern(pattern: str, profile: Profile) -> str:
    """Fold a user's regular expression like the text, leaving escapes (``\\W``) alone."""
    out: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        else:
            out.append(profile.normalise(char) if char.isalpha() or char in "’" else char)
    body = "".join(out)
    if profile.whole_words:
        body = rf"(?<![\w\-])(?:{body}){_TAIL}"
    return body


def _token_regex(tokens: Iterable[str], profile: Profile) -> re.Pattern[str] | None:
    """One regular expression for a few phrases (exceptions)."""
    parts: list[str] = []
    for token in tokens:
        symbols = _symbols(token, profile)
        piece = "".join(map(_piece, symbols))
        if profile.whole_words:
            piece = rf"(?<![\w\-]){piece}" + (_TAIL if _ends_word(symbols) else "")
        parts.append(piece)
    return re.compile("|".join(parts)) if parts else None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    replacement: str | None = None


@dataclass(frozen=True)
class _Target:
    rule: int  # index in PackSet.specs
    replacement: str | None
    word: str = ""  # a substitution's word as written, lowercased (« impacté »)


@dataclass
class _Phrase:
    pattern: str  # the phrase alone, matched where the trie found a candidate
    targets: list[_Target]

    @cached_property
    def regex(self) -> re.Pattern[str]:
        # compiled on first use: a pack has hundreds of phrases and an article meets a few
        return re.compile(self.pattern)


class _ProfileMatcher:
    """Every phrase of one profile in one trie-shaped regular expression.

    The trie finds where some phrase starts, fast; the phrases that begin with the same
    character are then matched one by one at that place, so that phrases of several rules
    that match the same words (``chang* la donne``, ``change* la donne``) or nested phrases
    (``nouvelle ère``, ``nouvelle ère numérique``) are all reported.
    """

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.trie: dict[str, Any] = {}
        self.phrases: dict[tuple[str, ...], _Phrase] = {}
        self.by_first: dict[str, list[_Phrase]] = {}
        self._regex: re.Pattern[str] | None = None

    @property
    def targets(self) -> bool:
        return bool(self.phrases)

    def add(self, token: str, target: _Target) -> None:
        symbols = tuple(_symbols(token, self.profile))
        phrase = self.phrases.get(symbols)
        if phrase is None:
            tail = _TAIL if self.profile.whole_words and _ends_word(symbols) else ""
            pattern = "".join(map(_piece, symbols)) + tail
            phrase = self.phrases[symbols] = _Phrase(pattern, [])
            self.by_first.setdefault(symbols[0], []).append(phrase)
            node = self.trie
            for symbol in symbols:
                node = node.setdefault(symbol, {})
            node[""] = tail
        phrase.targets.append(target)

    @property
    def regex(self) -> re.Pattern[str]:
        """The trie; for whole words, behind a character that cannot be inside a word
        (a leading character class lets the engine skip ahead far faster than ``\\b``)."""
        if self._regex is None:
            trie = _emit(self.trie)
            if not self.profile.whole_words:
                self._regex = re.compile(trie)
                return self._regex
            # the characters phrases start with, checked right after the gap: at the spaces of
            # masked code (most of a technical page) the engine stops there instead of trying
            # each branch of the trie
            firsts = [key for key in self.trie if key]
            if firsts and all(len(key) == 1 for key in firsts) and "" not in self.trie:
                gap = _WORD_GAP + "(?=[" + "".join(map(re.escape, sorted(firsts))) + "])"
            else:
                gap = _WORD_GAP
            self._regex = re.compile(gap + trie)  # one compile: a pack's trie takes some 8 ms
        return self._regex

    def scan(self, text: str) -> Iterator[tuple[int, int, list[_Target]]]:
        search = self.regex.search
        skip = 1 if self.profile.whole_words else 0  # the character before the word
        if skip and text[:1].isalnum() and self.regex.match(" " + text):
            # a word at the very start, with nothing before: a space stands for the gap
            yield from self._phrases_at(text, 0)
        position = 0
        while True:
            match = search(text, position)
            if match is None:
                return
            position = match.start() + skip  # overlapping phrases still match
            yield from self._phrases_at(text, position)

    def _phrases_at(self, text: str, start: int) -> Iterator[tuple[int, int, list[_Target]]]:
        for phrase in self.by_first.get(text[start], ()):
            match = phrase.regex.match(text, start)
            if match is not None and not _PARAGRAPH_BREAK.search(text, start, match.end()):
                yield start, match.end(), phrase.targets


# -- the prose every pack rule reads ---------------------------------------------------------
@dataclass
class _Prose:
    """The masked prose of the body with the front-matter fields pasted at their offsets."""

    text: str
    fields: list[tuple[int, int, str]]  # (start, end, canonical name)
    headings: list[tuple[int, int]]
    link_texts: list[tuple[int, int]]
    # where the body starts when it reads as another language than the file's (FR001):
    # language-bound rules leave it alone; len(text) otherwise
    foreign_from: int
    variants: dict[tuple[Profile, int], str] = field(default_factory=dict)

    def variant(self, profile: Profile, end: int) -> str:
        """``text[:end]`` as the profile compares it."""
        key = (profile, end)
        found = self.variants.get(key)
        if found is None:
            found = self.variants[key] = profile.normalise(self.text[:end])
        return found

    def scopes_at(self, start: int) -> frozenset[str]:
        for field_start, field_end, name in self.fields:
            if field_start <= start < field_end:
                return frozenset({name})
        scopes = {"body"}
        if _inside(self.headings, start):
            scopes.add("headings")
        if _inside(self.link_texts, start):
            scopes.add("link_text")
        return frozenset(scopes)


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_right(spans, (offset, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= offset < spans[index][1]


def _build_prose(doc: Document) -> _Prose:
    view = prose_view(doc)
    chars = view.text
    fields: list[tuple[int, int, str]] = []
    pieces: list[str] = []
    position = 0
    for unit in sorted(field_prose(doc), key=lambda u: u.start):
        pieces.append(chars[position : unit.start])
        pieces.append(unit.text)
        position = unit.end
        fields.append((unit.start, unit.end, unit.name))
    pieces.append(chars[position:])
    headings = [(p.start, p.end) for p in view.paragraphs if p.kind == HEADING_KIND]
    links = [
        (link.text_start, link.text_end)
        for link in markdown_view(doc).links
        if not link.is_image and not link.autolink and link.start >= doc.body_start
    ]
    text = "".join(pieces)
    foreign = language_view(doc).body() is not None
    return _Prose(text, fields, headings, sorted(links), doc.body_start if foreign else len(text))


# -- the compiled set of every pack rule -----------------------------------------------------
class PackSet:
    """All pack rules loaded together; finds every rule's hits in one pass per profile."""

    def __init__(self, specs: Sequence[PackRuleSpec]) -> None:
        self.specs = list(specs)
        self.index = {spec.id: i for i, spec in enumerate(self.specs)}
        self._matchers: dict[Profile, _ProfileMatcher] | None = None
        self._regexes: list[tuple[int, re.Pattern[str], str | None]] = []
        self._exceptions: dict[int, re.Pattern[str] | None] = {}
        self.memo_key = f"pack-hits:{id(self)}"
        self._all_language_bound = all(spec.langs for spec in self.specs)

    def _compile(self) -> dict[Profile, _ProfileMatcher]:
        if self._matchers is not None:
            return self._matchers
        matchers: dict[Profile, _ProfileMatcher] = {}
        for number, spec in enumerate(self.specs):
            matcher = matchers.get(spec.profile)
            if matcher is None:
                matcher = matchers[spec.profile] = _ProfileMatcher(spec.profile)
            for token in spec.tokens:
                matcher.add(token, _Target(number, None))
            for pattern in spec.patterns:
                self._regexes.append(
                    (number, re.compile(_normalise_pattern(pattern, spec.profile)), None)
                )
            for key, replacement in spec.swap:
                if spec.regex:
                    self._regexes.append(
                        (number, re.compile(_normalise_pattern(key, spec.profile)), replacement)
                    )
                else:
                    matcher.add(key, _Target(number, replacement, key.lower()))
            self._exceptions[number] = _token_regex(spec.exceptions, spec.profile)
        self._matchers = {p: m for p, m in matchers.items() if m.targets}
        return self._matchers

    def hits(self, doc: Document) -> dict[int, list[Hit]]:
        """Every rule's hits in the document, computed once and shared by the rules."""
        return doc.memo(self.memo_key, self._find)

    def _find(self, doc: Document) -> dict[int, list[Hit]]:
        found: dict[int, list[Hit]] = {}
        lang = doc.settings.lang
        if not any(not spec.langs or lang in spec.langs for spec in self.specs):
            return found  # e.g. an English article and French packs: nothing to read
        matchers = self._compile()
        prose = doc.memo("pack-prose", _build_prose)
        if not prose.text.strip():
            return found
        # language-bound rules leave a body in another language alone: when every rule is
        # bound, only the front-matter fields before it are read (a long English page is
        # not scanned for hits that would all be dropped)
        read_to = prose.foreign_from if self._all_language_bound else len(prose.text)
        for profile, matcher in matchers.items():
            text = prose.variant(profile, read_to)
            for start, end, targets in matcher.scan(text):
                scopes = prose.scopes_at(start)
                for target in _one_per_rule(targets, prose.text[start:end]):
                    self._keep(
                        found, prose, target.rule, scopes, Hit(start, end, target.replacement)
                    )
        for number, regex, template in self._regexes:
            spec = self.specs[number]
            text = prose.variant(spec.profile, read_to)
            for match in regex.finditer(text):
                replacement = None if template is None else _expand(match, template, prose.text)
                self._keep(
                    found,
                    prose,
                    number,
                    prose.scopes_at(match.start()),
                    Hit(match.start(), match.end(), replacement),
                )
        for number, hits in found.items():
            found[number] = _without_overlaps(hits)
        return found

    def _keep(
        self,
        found: dict[int, list[Hit]],
        prose: _Prose,
        number: int,
        scopes: frozenset[str],
        hit: Hit,
    ) -> None:
        spec = self.specs[number]
        if hit.end <= hit.start or not (spec.scopes & scopes):
            return
        if spec.langs and hit.start >= prose.foreign_from:
            return
        if spec.skip_proper_nouns and _proper_noun(prose.text, hit.start, prose):
            return
        if spec.at_start and not _begins_unit(prose.text, hit.start, prose):
            return
        exceptions = self._exceptions.get(number)
        if exceptions is not None:
            text = prose.variant(spec.profile, len(prose.text))
            for match in exceptions.finditer(text, max(0, hit.start - 120), hit.end + 120):
                if match.start() < hit.end and hit.start < match.end():
                    return
        found.setdefault(number, []).append(hit)


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """One hit per stretch of text: « marque un tournant majeur » is one cliché, not two."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _one_per_rule(targets: Sequence[_Target], original: str) -> list[_Target]:
    """One target per rule; among a substitution's words that fold alike (« impacte »,
    « impacté »), the one written exactly as in the text."""
    chosen: dict[int, _Target] = {}
    written = original.lower()
    for target in targets:
        if target.rule not in chosen or target.word == written:
            chosen[target.rule] = target
    return list(chosen.values())


def _expand(match: re.Match[str], template: str, original: str) -> str:
    """Fill ``\\1`` and ``\\g<name>`` with the original (unfolded) text of the groups."""

    def group(ref: re.Match[str]) -> str:
        key = ref.group(1) or ref.group(2)
        index: int | str = int(key) if key.isdigit() else key
        start, end = match.span(index)
        return original[start:end] if start >= 0 else ""

    return re.sub(r"\\(?:(\d+)|g<(\w+)>)", group, template)


def _proper_noun(text: str, start: int, prose: _Prose) -> bool:
    """A capitalised word that does not begin a sentence (« Western Digital »)."""
    if not text[start].isupper():
        return False
    floor = _field_start(start, prose)
    index = start - 1
    while index >= floor and text[index] in " \t*_«»\"“”'’([":
        index -= 1
    return index >= floor and text[index] not in ".!?…:;\n"


def _begins_unit(text: str, start: int, prose: _Prose) -> bool:
    """Whether only Markdown marks and quotes come before ``start`` in its field or line."""
    floor = _field_start(start, prose)
    index = start - 1
    while index >= floor and text[index] in " \t*_«»\"“”'([#>":
        index -= 1
    return index < floor or text[index] == "\n"


def _field_start(offset: int, prose: _Prose) -> int:
    for field_start, field_end, _ in prose.fields:
        if field_start <= offset < field_end:
            return field_start
    return 0


def _cased(original: str, replacement: str) -> str:
    if len(original) > 1 and original.isupper():
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


# -- rules ------------------------------------------------------------------------------------
class PackRule(Rule):
    """Base of the classes compiled from pack rules (``spec`` holds the YAML)."""

    spec: ClassVar[PackRuleSpec]
    pack_set: ClassVar[PackSet]

    def check(self, doc: Document, options: object) -> Iterator[Violation]:
        spec = self.spec
        if spec.langs and doc.settings.lang not in spec.langs:
            return
        hits = self.pack_set.hits(doc).get(self.pack_set.index[spec.id])
        if not hits:
            return
        prose = doc.memo("pack-prose", _build_prose)
        if spec.kind == "occurrence":
            if len(hits) > spec.max:
                first = hits[spec.max]
                uses = Counter(_shown(prose.text, h).lower() for h in hits)
                words = ", ".join(w if n == 1 else f"{w} ×{n}" for w, n in uses.items())
                yield Violation(
                    first.start,
                    first.end,
                    spec.message.format(match=words, count=len(hits), max=spec.max),
                )
            return
        for hit in hits:
            shown = _shown(prose.text, hit)
            if spec.kind == "existence":
                yield Violation(hit.start, hit.end, spec.message.format(match=shown))
                continue
            replacement = _cased(doc.text[hit.start : hit.end], hit.replacement or "")
            if "'" in replacement and _typographic_apostrophes(doc):
                replacement = replacement.replace("'", "’")
            message = spec.message.format(match=shown, replacement=replacement)
            yield Violation(
                hit.start, hit.end, message, fix=self._fix(doc, prose, hit, replacement)
            )

    def _fix(self, doc: Document, prose: _Prose, hit: Hit, replacement: str) -> Fix | None:
        if self.spec.fix == "none":
            return None
        for start, end, _ in prose.fields:
            if start <= hit.start < end and not _safe_in_field(doc.text, start, replacement):
                return None
        return Fix((Edit(hit.start, hit.end, replacement),), safe=self.spec.fix == "safe")


def _typographic_apostrophes(doc: Document) -> bool:
    """Whether the article mostly writes ’ rather than ' (a replacement follows suit)."""
    return doc.memo("pack-curly", lambda d: d.body.count("’") > d.body.count("'"))


def _shown(text: str, hit: Hit) -> str:
    return " ".join(text[hit.start : hit.end].split())


def _safe_in_field(text: str, value_start: int, replacement: str) -> bool:
    """A replacement must not end a quoted YAML scalar or start a comment or a mapping."""
    quote = text[value_start - 1] if value_start else ""
    if quote in ("'", '"') and quote in replacement:
        return False
    return ": " not in replacement and " #" not in replacement


def _documentation(spec: PackRuleSpec) -> str:
    names = {
        "body": "the body",
        "headings": "headings",
        "title": "the title",
        "seo_title": "the seo title",
        "description": "the description",
        "link_text": "link texts",
    }
    shown = [names[scope] for scope in SCOPES[:-1] if scope in spec.scopes]
    if len(shown) == len(names):
        where = "anywhere — the body, the title, the seo title and the description —"
    else:
        where = "in " + (", ".join(shown[:-1]) + " and " if len(shown) > 1 else "") + shown[-1]
    langs = (
        f" Only for articles in {', '.join(sorted(spec.langs))} (the configuration's `lang`, "
        f"or the article's own), and not in a body that reads as another language (FR001)."
        if spec.langs
        else ""
    )
    matching = []
    matching.append("exact case" if spec.profile.case_sensitive else "any case")
    matching.append("exact accents" if spec.profile.accent_sensitive else "with or without accents")
    if spec.profile.whole_words:
        matching.append("whole words (« l’impact » counts as « impact »)")
    if spec.skip_proper_nouns:
        matching.append("capitalised names inside a sentence skipped")
    if spec.at_start:
        matching.append("only at the start of a field, a heading or a paragraph")
    lines = [spec.summary, "", "## What it does"]
    kind_line = {
        "existence": "Reports each use of these words and phrases",
        "substitution": "Reports each of these words and proposes the replacement",
        "occurrence": f"Reports an article that uses these words more than {spec.max} times",
    }[spec.kind]
    lines.append(
        f"{kind_line} {where} ({'; '.join(matching)}), on the prose only: code, URLs "
        f"and Markdown syntax never match.{langs}"
    )
    lines.append("")
    if spec.kind == "substitution":
        lines += [f"- « {word} » → « {replacement} »" for word, replacement in spec.swap]
        if spec.fix == "safe":
            lines += ["", "Fixable with `--fix`."]
        elif spec.fix == "unsafe":
            lines += ["", "Fixable with `--unsafe-fixes`: read the sentence again after."]
    else:
        if spec.tokens:
            lines.append("Words and phrases: " + ", ".join(f"« {t} »" for t in spec.tokens) + ".")
        if spec.patterns:
            lines.append("Regular expressions: " + ", ".join(f"`{p}`" for p in spec.patterns) + ".")
    if spec.exceptions:
        lines += ["", "Never in: " + ", ".join(f"« {e} »" for e in spec.exceptions) + "."]
    lines += ["", f"Message: {spec.message}"]
    if spec.why:
        lines += ["", "## Why is this bad?", spec.why]
    for number, (bad, good) in enumerate(spec.examples):
        suffix = "" if number == 0 else f" {number + 1}"
        lines += ["", f"## Example{suffix}", "```markdown", bad, "```"]
        if good:
            lines += ["", f"## Use instead{suffix}", "```markdown", good, "```"]
    lines += ["", f"Defined in the rule pack `{spec.pack}` ({spec.source})."]
    return "\n".join(lines)


def _rule_class(spec: PackRuleSpec, pack_set: PackSet) -> type[PackRule]:
    class_name = f"PackRule_{spec.id}"
    cls = type(
        class_name,
        (PackRule,),
        {
            "__doc__": _documentation(spec),
            "__module__": __name__,
            "__qualname__": class_name,
            "id": spec.id,
            "name": spec.name,
            "severity": spec.severity,
            "enabled": spec.enabled,
            "fixable": spec.fix != "none",
            "origin": f"pack:{spec.pack}",
            "spec": spec,
            "pack_set": pack_set,
        },
    )
    # Registered by name so the class pickles by reference (worker processes forked from
    # this one find it here).
    setattr(sys.modules[__name__], class_name, cls)
    return cls


# -- where packs come from ---------------------------------------------------------------------
def builtin_pack_dir() -> Path | None:
    """The built-in packs: ``seolint/builtin_packs`` in a wheel (a link to the repository's
    ``rules/`` folder in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "builtin_packs", here.parent.parent / "rules"):
        if candidate.is_dir() and any(_pack_files(candidate)):
            return candidate
    return None


def _pack_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in (".yaml", ".yml") and p.is_file() and not p.name.startswith(".")
    )


def pack_paths(config: Config) -> list[Path]:
    """Pack files: the built-in ones, then those of the folders (or files) in ``packs``,
    relative to the folder of the configuration."""
    base = config.root or Path.cwd()
    where = str(config.source) if config.source else "configuration"
    files: list[Path] = []
    builtin = builtin_pack_dir()
    if builtin is not None:
        files.extend(_pack_files(builtin))
    for entry in config.packs:
        path = (base / entry).resolve()
        if path.is_dir():
            files.extend(_pack_files(path))
        elif path.is_file():
            files.append(path)
        else:
            raise ConfigError(
                f"{where}: packs: {entry!r} is neither a folder nor a file (looked at {path})"
            )
    unique: dict[Path, None] = {}
    for path in files:
        unique.setdefault(path.resolve(), None)
    return list(unique)


_LOADED: dict[tuple[tuple[str, int, int], ...], list[type[PackRule]]] = {}


def load_packs(paths: Sequence[Path]) -> list[type[PackRule]]:
    """Compile pack files into rule classes (cached per file version in this process)."""
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    cached = _LOADED.get(key)
    if cached is not None:
        return cached
    specs: list[PackRuleSpec] = []
    prefixes: dict[str, Path] = {}
    builtin = builtin_pack_dir()
    for path in paths:
        pack = read_pack(path)
        if builtin is not None and path.parent == builtin.resolve():
            pack = [dataclasses.replace(s, source=f"rules/{path.name}, built in") for s in pack]
        prefix = pack[0].id.rstrip("0123456789")
        if prefix in prefixes:
            raise ConfigError(
                f"{path}: prefix {prefix} is already the prefix of {prefixes[prefix]}"
            )
        prefixes[prefix] = path
        specs.extend(pack)
    pack_set = PackSet(specs)
    rules = [_rule_class(spec, pack_set) for spec in specs]
    _LOADED[key] = rules
    return rules


def pack_rules(config: Config) -> list[type[PackRule]]:
    return load_packs(pack_paths(config))


def registry_for(config: Config) -> Registry:
    """Every rule for this configuration: built-ins, plugins and the rule packs."""
    rules: list[type[Rule]] = list(pack_rules(config))
    return build_registry(extra=rules)
