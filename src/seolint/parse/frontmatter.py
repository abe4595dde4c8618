"""Find the front-matter block of an article and load it safely, keeping positions.

The input is the document text already decoded, without BOM, with ``\\n`` line endings, so
every offset here maps straight back to a line and column of the original file.

Three formats are recognised, by the first characters of the text:

* YAML: a ``---`` line, the fields, then a ``---`` (or ``...``) line;
* TOML: a ``+++`` line, the fields, then a ``+++`` line;
* JSON: the text starts with a JSON object (``{`` then ``"`` or ``}``) that ends at a line end.

YAML is never handed to a PyYAML constructor. We read the parser's event stream (libyaml
when available) and build the values ourselves, which lets us refuse every tag but the plain
YAML ones, bound alias expansion and nesting depth, report each repeated key, and record the
span of every top-level key and value. Nothing in a file can make this code run other code,
recurse deeply or allocate without bound.

python-frontmatter's handlers are not used: they split with ``re.split`` and return no
offsets, and their YAML loader expands aliases without bound and accepts deep nesting.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

try:  # libyaml is about ten times faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_DEPTH",
    "MAX_FIELDS",
    "PROBLEM_KINDS",
    "FieldSpan",
    "FrontMatter",
    "FrontMatterProblem",
    "parse_front_matter",
]

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings accepted in a YAML block (front-matter is flat)."""

MAX_FIELDS = 1_000
"""Most top-level keys read from a block (real front-matter has a few dozen at most)."""

MAX_ALIAS_NODES = 10_000
"""Most nodes that alias expansion may add; past it the block is a "billion laughs"."""


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """Where a top-level key and its value sit, as offsets into the whole document text.

    Quoted keys and quoted string values are spanned *without* their quote marks, so the span
    is the text itself; lists and mappings span from their first to their last character.
    An empty value (``title:``) has an empty span just after the colon.
    """

    key_start: int
    key_end: int
    value_start: int
    value_end: int


@dataclass(frozen=True, slots=True)
class FrontMatterProblem:
    """Why a block could not be (fully) trusted; ``kind`` is one of :data:`PROBLEM_KINDS`."""

    kind: str
    message: str
    start: int
    end: int


PROBLEM_KINDS = (
    "syntax",
    "unsafe-tag",
    "alias-bomb",
    "too-deep",
    "not-mapping",
    "unterminated",
    "duplicate-key",
    "too-large",
)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front-matter block of a document.

    ``data`` is None when the block could not be loaded (``problems`` says why); then
    ``fields`` is empty. An ``unterminated`` block has ``end == body_start == 0``: nothing
    tells where it would have ended, so the whole text is treated as the body.
    ``duplicate-key`` problems do not prevent loading: the last value wins, as in YAML.
    YAML mapping keys are kept as the text written (``2019:`` gives ``'2019'`` and ``yes:``
    gives ``'yes'``, not an int and a bool); values get their YAML types, and a date YAML
    cannot build (``2025-02-30``) stays a string. Aliases share one object, as in PyYAML.
    """

    format: str
    start: int
    end: int
    body_start: int
    data: dict[str, object] | None
    fields: dict[str, FieldSpan]
    problems: tuple[FrontMatterProblem, ...] = field(default=())


_YAML_OPEN = re.compile(r"---[ \t]*(?:\n|\Z)")
_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_TOML_OPEN = re.compile(r"\+\+\+[ \t]*(?:\n|\Z)")
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)
# '{"' or '{}' only: Liquid '{%', templates '{{' and MDX '{/*' are body text, not JSON.
_JSON_OPEN = re.compile(r"\{[ \t\n]*[\"}]")
_JSON_CLOSE_LINE = re.compile(r"^\}[ \t]*$", re.MULTILINE)


def parse_front_matter(text: str) -> FrontMatter | None:
    """Split off and load the front-matter of ``text``; None when the file has none."""
    if _YAML_OPEN.match(text):
        return _bounded(_delimited(text, "yaml", "---", _YAML_CLOSE, _load_yaml))
    if _TOML_OPEN.match(text):
        return _bounded(_delimited(text, "toml", "+++", _TOML_CLOSE, _load_toml))
    if _JSON_OPEN.match(text):
        return _bounded(_load_json(text))
    return None


def _bounded(fm: FrontMatter) -> FrontMatter:
    """Refuse a block of more than :data:`MAX_FIELDS` keys: rules look at every key."""
    if fm.data is None or len(fm.data) <= MAX_FIELDS:
        return fm
    problem = FrontMatterProblem(
        "too-large",
        f"The front-matter has {len(fm.data):,} keys, more than the {MAX_FIELDS:,} seolint "
        "reads; it is not loaded.",
        0,
        min(3, fm.end),  # the opening '---' / '+++'
    )
    return replace(fm, data=None, fields={}, problems=(*fm.problems, problem))


# -- shared helpers ----------------------------------------------------------------------------

_Loaded = tuple[dict[str, object] | None, dict[str, FieldSpan], list[FrontMatterProblem]]
_LoadFn = Callable[[str, int, int], _Loaded]


def _delimited(
    text: str,
    fmt: str,
    delimiter: str,
    close: re.Pattern[str],
    load: _LoadFn,
) -> FrontMatter:
    first_line_end = text.find("\n")
    content_start = len(text) if first_line_end == -1 else first_line_end + 1
    closing = close.search(text, content_start)
    if closing is None:
        opening_end = len(text) if first_line_end == -1 else first_line_end
        problem = FrontMatterProblem(
            "unterminated",
            f"The front-matter opened with '{delimiter}' on line 1 is never closed: "
            f"add a '{delimiter}' line after the last field.",
            0,
            opening_end,
        )
        return FrontMatter(fmt, 0, 0, 0, None, {}, (problem,))
    end = closing.end() + 1 if closing.end() < len(text) else len(text)
    data, fields, problems = load(text, content_start, closing.start())
    if data is None:
        fields = {}
    problems.sort(key=lambda p: (p.start, p.end))
    return FrontMatter(fmt, 0, end, end, data, fields, tuple(problems))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset (columns count characters)."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _where(text: str, offset: int) -> str:
    line, column = _line_col(text, offset)
    return f"line {line}, column {column}"


def _point(text: str, offset: int, limit: int) -> tuple[int, int]:
    """A one-character span at ``offset`` (empty at a line end), kept inside the block."""
    offset = max(0, min(offset, limit))
    end = offset + 1 if offset < limit and text[offset] != "\n" else offset
    return offset, end


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return end


# -- YAML -----------------------------------------------------------------------------------

_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = (_TAG + name for name in ("str", "null", "bool", "int", "float"))
_TIMESTAMP, _SEQ, _MAP, _MERGE = (_TAG + name for name in ("timestamp", "seq", "map", "merge"))
_VALUE = _TAG + "value"  # the YAML 1.1 '=' key, read as the plain string it looks like
_SCALAR_TAGS = frozenset({_STR, _NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP, _VALUE, _MERGE})

# SafeLoader's implicit types (YAML 1.1: null, bool, int, float, timestamp, merge, value) by
# the first character of a plain scalar, as Resolver.resolve looks them up, but without its
# per-call overhead (a 100,000-key block resolves 100,000 values).
_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    first: list(resolvers) + list(Resolver.yaml_implicit_resolvers.get(None, []))
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
    if first is not None
}


def _resolve_plain(value: str) -> str:
    for tag, pattern in _IMPLICIT.get(value[:1], ()):
        if pattern.match(value):
            return tag
    return _STR


_CONSTRUCTOR = SafeConstructor()
# Characters YAML refuses (PyYAML's Reader.NON_PRINTABLE): found here, not from the error,
# because libyaml reports their position in UTF-8 bytes.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_DECORATION = re.compile(r"(?:[&!][^ \t\n]*[ \t\n]+)+")  # anchor / tag before a node
# `key: "text "quoted" text"` — the Hashnode exporter's unescaped inner quotes.
_INNER_QUOTES = re.compile(r"""[ \t]*[^:#\n]+:[ \t]+(["'])(?:(?!\1).)*\1.*\1[ \t]*""")


class _Mark(Protocol):
    """A position from either parser (libyaml's marks and PyYAML's have the same fields)."""

    @property
    def index(self) -> int: ...


class _Stop(Exception):
    """Loading gives up; carries the problem that says why."""

    def __init__(self, problem: FrontMatterProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Frame:
    """An open list or mapping while its events arrive."""

    __slots__ = (
        "anchor",
        "expect_key",
        "flow",
        "is_map",
        "items",
        "key",
        "key_end",
        "key_start",
        "last_end",
        "merges",
        "seen",
        "size",
        "start",
    )

    def __init__(self, is_map: bool, start: int, anchor: str | None, flow: bool) -> None:
        self.is_map = is_map
        self.start = start
        self.anchor = anchor
        self.flow = flow
        self.items: list[object] | dict[str, object] = {} if is_map else []
        self.size = 1
        self.last_end = start
        self.expect_key = True
        self.key: str | None = None  # None while the pending key is a merge key '<<'
        self.key_start = self.key_end = start
        self.seen: dict[str, int] = {}
        self.merges: list[dict[str, object]] = []


class _YamlBuilder:
    """Turns parser events into plain Python values, refusing anything unsafe."""

    def __init__(self, text: str, base: int, limit: int) -> None:
        self.text = text
        self.base = base  # offset of the block's content in the document
        self.limit = limit
        self.stack: list[_Frame] = []
        self.open_anchors: set[str] = set()
        self.anchors: dict[str, tuple[object, int, str | None]] = {}  # value, size, key text
        self.alias_nodes = 0
        self.documents = 0
        self.root: object = None
        self.root_span = (base, base)
        self.fields: dict[str, FieldSpan] = {}
        self.problems: list[FrontMatterProblem] = []

    # events -----------------------------------------------------------------------------
    def handlers(self) -> dict[type[Event], Callable[[Any], None]]:
        """The method for each kind of event (others, like stream start, are ignored)."""
        return {
            ScalarEvent: self._scalar,
            MappingStartEvent: self._open,
            SequenceStartEvent: self._open,
            MappingEndEvent: self._close,
            SequenceEndEvent: self._close,
            AliasEvent: self._alias,
            DocumentStartEvent: self._document,
        }

    def _document(self, event: DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            start = self._at(event.start_mark)
            raise self._stop(
                "syntax",
                "The front-matter holds a second YAML document ('---' followed by text) "
                f"at {_where(self.text, start)}; keep a single block of fields.",
                start,
            )

    def _scalar(self, event: ScalarEvent) -> None:
        # The hot path: a 100,000-key block calls this 200,000 times.
        start = self.base + event.start_mark.index  # type: ignore[union-attr]
        end = self.base + event.end_mark.index  # type: ignore[union-attr]
        tag = event.tag
        value = event.value
        stack = self.stack
        frame = stack[-1] if stack else None
        is_key = frame is not None and frame.expect_key and frame.is_map
        if tag is None or tag == "!":
            if not event.implicit[0]:  # quoted, or tagged '!': a string
                tag = _STR
            elif is_key:  # keys are kept as written; only '<<' means something (a merge)
                tag = _MERGE if value == "<<" else _STR
            else:
                tag = _resolve_plain(value)
        elif tag not in _SCALAR_TAGS:
            raise self._unsafe(tag, start, end)
        if event.anchor is not None or event.tag is not None:
            start = self._undecorated(start, end)
        style = event.style
        if style == '"' or style == "'":
            start, end = self._unquote(start, end, style)
        elif style == "|" or style == ">":
            # Span the text: not the '>-' indicator line, nor the newlines after the last line.
            end = _trim_end(self.text, start, end)
            newline = self.text.find("\n", start, end)
            start = end if newline == -1 else newline + 1
            while start < end and self.text[start] in " \t\n":
                start += 1
        if is_key:
            assert frame is not None
            self._key(frame, None if tag == _MERGE else value, start, end)
        else:
            built = value if tag is _STR else self._construct(tag, value, start, end)
            if event.anchor is not None:
                self.anchors[event.anchor] = (built, 1, value)
            self._add(built, 1, start, end)

    def _open(self, event: MappingStartEvent | SequenceStartEvent) -> None:
        start = self._at(event.start_mark)
        is_map = type(event) is MappingStartEvent
        tag = event.tag
        if tag is not None and tag != "!" and tag != (_MAP if is_map else _SEQ):
            raise self._unsafe(tag, start, self._at(event.end_mark))
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.is_map and frame.expect_key:
            raise self._stop(
                "syntax",
                f"The front-matter uses a list or mapping as a key at {_where(self.text, start)}; "
                "keys must be plain text.",
                start,
            )
        if len(self.stack) >= MAX_DEPTH:
            raise self._stop(
                "too-deep",
                f"The front-matter nests lists or mappings more than {MAX_DEPTH} levels deep "
                f"(at {_where(self.text, start)}); seolint does not load it.",
                start,
            )
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        if event.anchor is not None or event.tag is not None:
            start = self._undecorated(start, self.limit)
        self.stack.append(_Frame(is_map, start, event.anchor, bool(event.flow_style)))

    def _close(self, event: Event) -> None:
        frame = self.stack.pop()
        end = self._at(event.end_mark) if frame.flow else frame.last_end
        value: object = frame.items
        if frame.merges and isinstance(frame.items, dict):
            # Merged keys come first and never override the mapping's own keys.
            merged: dict[str, object] = {}
            for source in frame.merges:
                for key, item in source.items():
                    merged.setdefault(key, item)
            merged.update(frame.items)
            value = merged
        if frame.anchor is not None:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (value, frame.size, None)
        self._add(value, frame.size, frame.start, end)

    def _alias(self, event: AliasEvent) -> None:
        start, end = self._at(event.start_mark), self._at(event.end_mark)
        name = event.anchor or ""
        if name in self.open_anchors:
            raise self._stop(
                "alias-bomb",
                f"The alias '*{name}' at {_where(self.text, start)} refers to the node that "
                "contains it, which would expand forever.",
                start,
                end,
            )
        if name not in self.anchors:
            raise self._stop(
                "syntax",
                f"YAML front-matter does not parse: the alias '*{name}' at "
                f"{_where(self.text, start)} has no matching '&{name}' anchor before it.",
                start,
                end,
            )
        value, size, key_text = self.anchors[name]
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            raise self._stop(
                "alias-bomb",
                f"The front-matter's aliases expand to more than {MAX_ALIAS_NODES:,} values "
                f"(at {_where(self.text, start)}), a 'billion laughs' pattern; "
                "seolint does not load it.",
                start,
                end,
            )
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.is_map and frame.expect_key:
            if key_text is None:
                raise self._stop(
                    "syntax",
                    f"The front-matter uses a list or mapping as a key at "
                    f"{_where(self.text, start)}; keys must be plain text.",
                    start,
                    end,
                )
            self._key(frame, key_text, start, end)
        else:
            self._add(value, size, start, end)

    # building ---------------------------------------------------------------------------
    def _key(self, frame: _Frame, key: str | None, start: int, end: int) -> None:
        frame.expect_key = False
        frame.key, frame.key_start, frame.key_end = key, start, end
        if key is None:
            return
        first = frame.seen.setdefault(key, start)
        if first == start:
            return
        line, _ = _line_col(self.text, first)
        self.problems.append(
            FrontMatterProblem(
                "duplicate-key",
                f"The key '{key}' appears again at {_where(self.text, start)} "
                f"(first on line {line}); YAML keeps only this last value.",
                start,
                end,
            )
        )

    def _add(self, value: object, size: int, start: int, end: int) -> None:
        if not self.stack:
            self.root, self.root_span = value, (start, end)
            return
        frame = self.stack[-1]
        frame.size += size
        if end > frame.last_end:
            frame.last_end = end
        if isinstance(frame.items, list):
            frame.items.append(value)
            return
        frame.expect_key = True
        key = frame.key
        if key is None:
            self._merge(frame, value, start, end)
            return
        frame.items[key] = value
        if len(self.stack) == 1:
            if start == end and start < frame.key_end:
                start = end = frame.key_end  # defensive: an empty value never precedes its key
            if start == end and self.text.count("\n", frame.key_end, start):
                # An empty value is reported on the next line by libyaml; put it after the colon.
                colon = self.text.find(":", frame.key_end, start)
                start = end = colon + 1 if colon != -1 else frame.key_end
            self.fields[key] = FieldSpan(frame.key_start, frame.key_end, start, end)

    def _merge(self, frame: _Frame, value: object, start: int, end: int) -> None:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                raise self._stop(
                    "syntax",
                    f"The '<<' merge key at {_where(self.text, frame.key_start)} needs a mapping "
                    "or a list of mappings.",
                    start,
                    end,
                )
            frame.merges.append(source)

    def _construct(self, tag: str, value: str, start: int, end: int) -> object:
        if tag in (_STR, _VALUE, _MERGE):  # '<<' is a merge only as a key
            return value
        if tag == _NULL:
            return None
        node = ScalarNode(tag, value)
        try:
            if tag == _BOOL:
                return _CONSTRUCTOR.construct_yaml_bool(node)
            if tag == _INT:
                return _CONSTRUCTOR.construct_yaml_int(node)
            if tag == _FLOAT:
                return _CONSTRUCTOR.construct_yaml_float(node)
            # A date YAML cannot build (2025-02-30) stays text, for the date rules to report.
            try:
                return _CONSTRUCTOR.construct_yaml_timestamp(node)
            except (ValueError, OverflowError, AttributeError):  # no match: AttributeError
                return value
        except (ValueError, OverflowError, KeyError, yaml.YAMLError):
            raise self._stop(
                "syntax",
                f"The value '{value}' at {_where(self.text, start)} is not a valid "
                f"{_short_tag(tag)}.",
                start,
                end,
            ) from None

    # positions and problems -------------------------------------------------------------
    def _undecorated(self, start: int, end: int) -> int:
        """Where a node's own text starts, after its ``&anchor`` and ``!tag``."""
        skipped = _DECORATION.match(self.text, start, end)
        return skipped.end() if skipped is not None else start

    def _at(self, mark: _Mark | None) -> int:
        return self.base + (mark.index if mark is not None else 0)

    def _unquote(self, start: int, end: int, quote: str) -> tuple[int, int]:
        opening = self.text.find(quote, start, end)
        if opening == -1 or end - opening < 2 or self.text[end - 1] != quote:
            return start, end
        return opening + 1, end - 1

    def _unsafe(self, tag: str, start: int, end: int) -> _Stop:
        shown = _short_tag(tag)
        if "python/" in tag:
            message = (
                f"The front-matter uses the Python tag '{shown}' at {_where(self.text, start)}, "
                "which could run code; seolint refuses to load it."
            )
        else:
            message = (
                f"The front-matter uses the YAML tag '{shown}' at {_where(self.text, start)}; "
                "only plain text, numbers, booleans, dates, lists and mappings are loaded."
            )
        return _Stop(FrontMatterProblem("unsafe-tag", message, start, max(start, end)))

    def _stop(self, kind: str, message: str, start: int, end: int | None = None) -> _Stop:
        if end is None:
            start, end = _point(self.text, start, self.limit)
        return _Stop(FrontMatterProblem(kind, message, start, end))


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


def _load_yaml(text: str, start: int, end: int) -> _Loaded:
    content = text[start:end]
    builder = _YamlBuilder(text, start, end)
    problems = builder.problems
    handlers = builder.handlers()
    try:
        loader = _Loader(content)  # the pure-Python reader checks characters right here
        try:
            while True:
                event = loader.get_event()
                if event is None or type(event) is StreamEndEvent:
                    break
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(event)
        finally:
            loader.dispose()
    except _Stop as stop:
        problems.append(stop.problem)
        return None, {}, problems
    except yaml.YAMLError as exc:
        problems.append(_yaml_error(text, start, end, content, exc))
        return None, {}, problems
    root = builder.root
    if root is None:  # an empty block, only comments, or a bare '~'
        return {}, {}, problems
    if not isinstance(root, dict):
        what = "a list" if isinstance(root, list) else "a single value"
        first, last = builder.root_span
        problems.append(
            FrontMatterProblem(
                "not-mapping",
                f"The front-matter is {what}, not a set of 'key: value' fields.",
                first,
                max(first, last),
            )
        )
        return None, {}, problems
    return root, builder.fields, problems


def _yaml_error(
    text: str, start: int, end: int, content: str, exc: yaml.YAMLError
) -> FrontMatterProblem:
    if isinstance(exc, yaml.reader.ReaderError):
        bad = _NON_PRINTABLE.search(content)
        offset = start + (bad.start() if bad is not None else 0)
        code = f"U+{ord(text[offset]):04X}" if bad is not None else "a character"
        first, last = _point(text, offset, end)
        return FrontMatterProblem(
            "syntax",
            f"YAML front-matter does not parse: it contains {code}, a control character YAML "
            f"does not allow ({_where(text, offset)}).",
            first,
            last,
        )
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0]
    offset = start + mark.index if mark is not None else 0
    first, last = _point(text, offset, end)
    if "nesting depth" in problem or "nesting depth" in str(exc):
        return FrontMatterProblem(
            "too-deep",
            f"The front-matter nests lists or mappings more than {MAX_DEPTH} levels deep "
            f"(at {_where(text, offset)}); seolint does not load it.",
            first,
            last,
        )
    hint = ""
    if "cannot start any token" in problem and offset < len(text):
        # libyaml does not name the character; '%', '@' and '`' are reserved at a value start.
        char = text[offset]
        problem = f"found character '{char}' that cannot start any token"
        if char in "%@`":
            hint = "; wrap the value in quotes to use it as text"
    message = f"YAML front-matter does not parse: {problem} ({_where(text, offset)}){hint}"
    context = getattr(exc, "context_mark", None)
    candidates = [offset] + ([start + context.index] if context is not None else [])
    for candidate in candidates:
        line_start = text.rfind("\n", 0, candidate) + 1
        line_end = text.find("\n", candidate)
        line_end = len(text) if line_end == -1 else line_end
        found = _INNER_QUOTES.fullmatch(text, line_start, line_end)
        if found is not None:
            quote = found.group(1)
            line, _ = _line_col(text, line_start)
            message += (
                f"; the value on line {line} is wrapped in {quote} and also contains {quote}, "
                f"so escape the inner ones or wrap the value in the other quote mark"
            )
            break
    return FrontMatterProblem("syntax", message + ".", first, last)


# -- TOML -------------------------------------------------------------------------------------

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$|\s*\(at end of document\)$")
_TOML_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _load_toml(text: str, start: int, end: int) -> _Loaded:
    content = text[start:end]
    try:
        data: dict[str, object] = tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:
        return None, {}, [_toml_error(text, start, end, content, exc)]
    except RecursionError:
        point = _point(text, start, end)
        message = "The front-matter nests arrays or tables too deeply; seolint does not load it."
        return None, {}, [FrontMatterProblem("too-deep", message, *point)]
    return data, _toml_fields(text, start, end), []


def _toml_error(
    text: str, start: int, end: int, content: str, exc: tomllib.TOMLDecodeError
) -> FrontMatterProblem:
    raw = str(exc)
    found = _TOML_POSITION.search(raw)
    reason = raw[: found.start()] if found is not None else raw
    pos = getattr(exc, "pos", None)  # tomli >= 2.1 and Python >= 3.14 give it directly
    if isinstance(pos, int):
        offset = start + pos
    elif found is not None and found.group(1) is not None:
        line, column = int(found.group(1)), int(found.group(2))
        offset = start
        for _ in range(line - 1):
            offset = text.index("\n", offset) + 1
        offset += column - 1
    else:
        offset = start + len(content)
    first, last = _point(text, offset, end)
    return FrontMatterProblem(
        "syntax",
        f"TOML front-matter does not parse: {reason} ({_where(text, offset)}).",
        first,
        last,
    )


def _toml_fields(text: str, start: int, end: int) -> dict[str, FieldSpan]:
    """Spans of the top-level keys of a TOML block that tomllib already accepted.

    Keys before the first table header are fields; a ``[table]`` header names one too (its
    first key part), its value spanning from its first key to its last value (for an array
    of tables, the first table).
    """
    fields: dict[str, FieldSpan] = {}
    table: list[str | int] = []  # name, key_start, key_end, value_start (-1 until a key)
    last_end = start  # end of the last thing read, where the current table ends

    def close_table() -> None:
        if table and table[0] not in fields:
            name, key_start, key_end, value_start = table
            assert isinstance(name, str) and isinstance(key_start, int)
            assert isinstance(key_end, int) and isinstance(value_start, int)
            value_start = last_end if value_start == -1 else value_start
            fields[name] = FieldSpan(key_start, key_end, value_start, last_end)

    pos = start
    while pos < end:
        pos = _skip_blank(text, pos)
        char = text[pos] if pos < end else "\n"
        if char not in "\n#[":
            if table and table[3] == -1:
                table[3] = pos
            name, key_start, key_end, pos = _toml_key(text, pos)
            while text[_skip_blank(text, pos)] == ".":  # dotted key: its first part is the field
                _, _, _, pos = _toml_key(text, _skip_blank(text, _skip_blank(text, pos) + 1))
            pos = _skip_blank(text, _skip_blank(text, pos) + 1)  # after '='
            value_start, value_end, pos = _toml_value(text, pos, end)
            last_end = _trim_end(text, value_start, pos)  # a closing quote belongs to the table
            if not table:
                fields[name] = FieldSpan(key_start, key_end, value_start, value_end)
        elif char == "[":
            close_table()
            inner = _skip_blank(text, pos + (2 if text.startswith("[[", pos) else 1))
            name, key_start, key_end, after = _toml_key(text, inner)
            table[:] = [name, key_start, key_end, -1]
            pos = last_end = text.index("]", after) + 1
        newline = text.find("\n", pos, end)  # the rest of the line is blank or a comment
        pos = end if newline == -1 else newline + 1
    close_table()
    return fields


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _toml_key(text: str, pos: int) -> tuple[str, int, int, int]:
    """One key part at ``pos``: (name, start, end, position after it); spans skip quotes."""
    quote = text[pos]
    if quote in "\"'":
        close = pos + 1
        while text[close] != quote:
            close += 2 if quote == '"' and text[close] == "\\" else 1
        raw = text[pos + 1 : close]
        name = raw
        if quote == '"' and "\\" in raw:
            decoded = tomllib.loads(f"k = {text[pos : close + 1]}")["k"]
            name = decoded if isinstance(decoded, str) else raw
        return name, pos + 1, close, close + 1
    bare = _TOML_BARE.match(text, pos)
    stop = bare.end() if bare is not None else pos
    return text[pos:stop], pos, stop, stop


def _toml_value(text: str, pos: int, limit: int) -> tuple[int, int, int]:
    """Span of the value at ``pos`` (strings without quotes) and the position after it."""
    for quote in ('"""', "'''"):
        if text.startswith(quote, pos):
            close = pos + 3
            while not text.startswith(quote, close):
                close += 2 if quote == '"""' and text[close] == "\\" else 1
            extra = 0
            while extra < 2 and text.startswith(quote, close + 1):
                close, extra = close + 1, extra + 1  # """a""""" ends with quotes as content
            return pos + 3, close, close + 3
    char = text[pos]
    if char in "\"'":
        close = pos + 1
        while text[close] != char:
            close += 2 if char == '"' and text[close] == "\\" else 1
        return pos + 1, close, close + 1
    if char in "[{":
        depth, cur = 0, pos
        while cur < limit:
            c = text[cur]
            if c in "[{":
                depth += 1
            elif c in "]}":
                depth -= 1
                if depth == 0:
                    return pos, cur + 1, cur + 1
            elif c == "#":
                newline = text.find("\n", cur, limit)
                cur = limit if newline == -1 else newline
                continue
            elif c in "\"'":
                _, _, cur = _toml_value(text, cur, limit)
                continue
            cur += 1
        return pos, limit, limit
    stop = pos
    while stop < limit and text[stop] not in "#\n":
        stop += 1
    return pos, _trim_end(text, pos, stop), stop


# -- JSON -------------------------------------------------------------------------------------

_DECODER = json.JSONDecoder()


def _load_json(text: str) -> FrontMatter:
    try:
        data, stop = _DECODER.raw_decode(text, 0)
    except json.JSONDecodeError as exc:
        closing = _JSON_CLOSE_LINE.search(text)
        end = len(text) if closing is None else min(closing.end() + 1, len(text))
        if closing is None:
            end = 0  # nothing tells where the block ends: the whole text is the body
        first, last = _point(text, exc.pos, len(text))
        problem = FrontMatterProblem(
            "syntax",
            f"JSON front-matter does not parse: {exc.msg} ({_where(text, exc.pos)}).",
            first,
            last,
        )
        return FrontMatter("json", 0, end, end, None, {}, (problem,))
    except RecursionError:
        problem = FrontMatterProblem(
            "too-deep",
            "The front-matter nests arrays or objects too deeply; seolint does not load it.",
            0,
            1,
        )
        return FrontMatter("json", 0, 0, 0, None, {}, (problem,))
    # The block ends with the line of its closing brace (or right after it, if text follows).
    newline = text.find("\n", stop)
    line_end = len(text) if newline == -1 else newline
    end = newline + 1 if newline != -1 else len(text)
    if text[stop:line_end].strip(" \t"):
        end = stop
    fields, problems = _json_fields(text, stop)
    return FrontMatter("json", 0, end, end, data, fields, tuple(problems))


def _json_fields(text: str, stop: int) -> tuple[dict[str, FieldSpan], list[FrontMatterProblem]]:
    """Spans of the top-level keys of a JSON object already known to be valid; repeated
    top-level keys are reported (Python's json, like YAML, keeps the last value)."""
    fields: dict[str, FieldSpan] = {}
    seen: dict[str, int] = {}
    problems: list[FrontMatterProblem] = []
    pos = _blank(text, 1)
    while pos < stop and text[pos] == '"':
        key_start = pos + 1
        key, key_stop = _DECODER.raw_decode(text, pos)
        pos = _blank(text, _blank(text, key_stop) + 1)  # after ':'
        _, value_stop = _DECODER.raw_decode(text, pos)
        quoted = text[pos] == '"'
        fields[key] = FieldSpan(
            key_start,
            key_stop - 1,
            pos + 1 if quoted else pos,
            value_stop - 1 if quoted else value_stop,
        )
        first = seen.setdefault(key, key_start)
        if first != key_start:
            line, _ = _line_col(text, first)
            problems.append(
                FrontMatterProblem(
                    "duplicate-key",
                    f"The key '{key}' appears again at {_where(text, key_start)} "
                    f"(first on line {line}); only this last value is kept.",
                    key_start,
                    key_stop - 1,
                )
            )
        pos = _blank(text, value_stop)
        if text[pos] == ",":
            pos = _blank(text, pos + 1)
    return fields, problems


def _blank(text: str, pos: int) -> int:
    """Position of the first non-whitespace character from ``pos`` (JSON whitespace)."""
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos
