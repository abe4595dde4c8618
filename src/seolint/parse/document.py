"""Parse one file into a :class:`Document`: decoded text, front-matter, canonical fields.

The text rules see is the file decoded from UTF-8 with the BOM removed and every line ending
turned into ``\\n``; the original BOM and line endings are remembered so the fixer can write
the file back byte for byte. Offsets into that text map to the original line and column.
Derived views (Markdown tokens, prose, language…) are computed lazily by the modules that own
them and memoised on the document through :meth:`Document.memo`, so a view is built once and
shared by every rule that needs it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from seolint.parse.dialects import CANONICAL_FIELDS, Dialect, resolve_dialect
from seolint.parse.frontmatter import FieldSpan, FrontMatter, parse_front_matter

T = TypeVar("T")

UTF8_BOM = b"\xef\xbb\xbf"
_BINARY_SNIFF = 8192
_ATX_H1 = re.compile(r" {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")


class UnreadableFile(Exception):
    """The bytes cannot be linted as text (binary, not UTF-8). Carries a position in bytes."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class FieldValue:
    """A canonical field as found in the file: the dialect's key, the value, where it is."""

    key: str
    value: object
    span: FieldSpan | None  # None for a title taken from the body of a file without front-matter


@dataclass(frozen=True, slots=True)
class FileSettings:
    """The effective settings for one file (configuration plus front-matter overrides)."""

    lang: str = "fr"
    dialect: str = "auto"
    site_url: str | None = None
    required: tuple[str, ...] = ("title", "description", "date_published", "slug")


@dataclass(eq=False)
class Document:
    path: str  # as displayed: relative paths stay relative, with '/'
    raw: bytes
    text: str
    has_bom: bool
    line_endings: tuple[str, ...]  # the original ending of each line ('' for a last line without)
    settings: FileSettings
    front_matter: FrontMatter | None
    dialect: Dialect
    fields: dict[str, FieldValue]
    body_start: int
    line_starts: list[int] = field(repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    # -- positions ------------------------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def offset(self, line: int, column: int = 1) -> int:
        """Character offset of a 1-based (line, column)."""
        line = max(1, min(line, len(self.line_starts)))
        return min(self.line_starts[line - 1] + column - 1, len(self.text))

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]

    # -- content --------------------------------------------------------------------------
    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def front_matter_data(self) -> dict[str, object]:
        fm = self.front_matter
        return fm.data if fm is not None and fm.data is not None else {}

    def field_text(self, name: str) -> str | None:
        """The canonical field as text when it is a non-empty string, else None."""
        found = self.fields.get(name)
        if found is None or not isinstance(found.value, str):
            return None
        return found.value if found.value.strip() else None

    def memo(self, key: str, factory: Callable[[Document], T]) -> T:
        """Compute a derived view once per document (views are shared by all rules)."""
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._memo[key] = factory(self)
            return value

    def drop_views(self) -> None:
        """Forget the memoised views. Most refer back to the document: dropping them when
        its file is done frees the whole parse at once (reference counting), rather than
        at the garbage collector's next pass over thousands of objects."""
        self._memo.clear()


def decode(raw: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (BOM optional) or raise :class:`UnreadableFile` with the first bad spot."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16's: same start
        raise UnreadableFile(
            "file is UTF-32 encoded (it starts with a UTF-32 BOM); save it as UTF-8"
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(
            "file is UTF-16 encoded (it starts with a UTF-16 BOM); save it as UTF-8"
        )
    if b"\x00" in raw[:_BINARY_SNIFF] or b"\x00" in raw:
        line, column = _byte_position(raw, raw.index(b"\x00"))
        raise UnreadableFile(
            "file contains NUL bytes, so it is binary or corrupt, not a Markdown text",
            line,
            column,
        )
    has_bom = raw.startswith(UTF8_BOM)
    data = raw[len(UTF8_BOM) :] if has_bom else raw
    try:
        return data.decode("utf-8"), has_bom
    except UnicodeDecodeError as exc:
        start = exc.start + (len(UTF8_BOM) if has_bom else 0)
        line, column = _byte_position(raw, start)
        raise UnreadableFile(
            f"file is not valid UTF-8 (byte 0x{raw[start]:02x}); "
            "re-save it as UTF-8 (it may be Latin-1 or Windows-1252)",
            line,
            column,
        ) from None


def _byte_position(raw: bytes, index: int) -> tuple[int, int]:
    """1-based line and column of a byte offset, counted as in the decoded text: characters,
    not bytes; CRLF and lone CR end a line too; the BOM is not a column."""
    start = len(UTF8_BOM) if raw.startswith(UTF8_BOM) else 0
    head = raw[start:index].decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    return head.count("\n") + 1, len(head) - (head.rfind("\n") + 1) + 1


def split_line_endings(text: str) -> tuple[str, tuple[str, ...]]:
    """Normalise CRLF and lone CR to LF, remembering each line's original ending."""
    if "\r" not in text:
        lines = text.count("\n")
        endings = ("\n",) * lines + ("",)
        return text, endings
    parts = re.split(r"(\r\n|\r|\n)", text)
    endings = (*parts[1::2], "")
    return "\n".join(parts[0::2]), endings


def compute_line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return starts


def _canonical_fields(
    data: dict[str, object], spans: dict[str, FieldSpan], dialect: Dialect
) -> dict[str, FieldValue]:
    fields: dict[str, FieldValue] = {}
    for name in CANONICAL_FIELDS:
        for key in dialect.keys.get(name, ()):
            if key in data:
                fields[name] = FieldValue(key, data[key], spans.get(key))
                break
    return fields


def _title_from_body(text: str, body_start: int) -> FieldValue | None:
    """Old Hashnode exports have no front-matter: the title is the first ``# `` line
    outside code fences."""
    fence: str | None = None
    offset = body_start
    for line in text[body_start:].split("\n"):
        stripped = line.lstrip(" ")
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        else:
            match = _ATX_H1.match(line)
            if match is not None:
                start, end = offset + match.start(1), offset + match.end(1)
                return FieldValue("# heading", match.group(1), FieldSpan(start, end, start, end))
        offset += len(line) + 1
    return None


def _file_settings(base: FileSettings, fields: dict[str, FieldValue]) -> FileSettings:
    lang = fields.get("lang")
    if lang is not None and isinstance(lang.value, str) and lang.value.strip():
        # "fr-FR", "fr_FR" and "fr" all mean French for the language rules.
        code = re.split(r"[-_]", lang.value.strip())[0].lower()
        if code.isalpha() and 2 <= len(code) <= 3:
            return FileSettings(code, base.dialect, base.site_url, base.required)
    return base


def parse_document(path: str, raw: bytes, settings: FileSettings) -> Document:
    """Build a document; raises :class:`UnreadableFile` for bytes that are not UTF-8 text."""
    decoded, has_bom = decode(raw)
    text, endings = split_line_endings(decoded)
    front_matter = parse_front_matter(text)
    data: dict[str, object] = {}
    spans: dict[str, FieldSpan] = {}
    body_start = 0
    if front_matter is not None:
        body_start = front_matter.body_start
        if front_matter.data is not None:
            data = front_matter.data
            spans = front_matter.fields
    fm_format = front_matter.format if front_matter is not None else None
    dialect = resolve_dialect(settings.dialect, frozenset(data), fm_format)
    fields = _canonical_fields(data, spans, dialect)
    if front_matter is None:
        title = _title_from_body(text, body_start)
        if title is not None:
            fields["title"] = title
    return Document(
        path=path,
        raw=raw,
        text=text,
        has_bom=has_bom,
        line_endings=endings,
        settings=_file_settings(settings, fields),
        front_matter=front_matter,
        dialect=dialect,
        fields=fields,
        body_start=body_start,
        line_starts=compute_line_starts(text),
    )
