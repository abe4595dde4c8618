"""The language view of a document: which language its body and each of its units are in.

The expected language is the configuration's ``lang`` (default ``fr``), overridden per file
by a front-matter ``lang`` or ``locale``. The verdicts come from :mod:`seolint.text.language`
(function words first, langdetect only when they leave the question open) and are computed
once per document, then shared: FR001 reports the body, FR002 the paragraphs, FR003 the
fields; the French typography rules and language-bound rule packs skip what is not in the
expected language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from seolint.parse.document import Document
from seolint.parse.prose import PARAGRAPH_KIND, Paragraph, prose_view
from seolint.text.language import (
    BODY_CONFIRMING_SHARE,
    Detection,
    foreign_language,
    function_words,
    is_foreign,
    is_supported,
    may_detect,
    normalise,
    plainly_expected,
    settled_as_expected,
    verdict,
)

MIN_BODY_CHARS = 200
_OPENING_WORDS = 50  # enough words of a body's first paragraphs to guess its language by
"""Under 200 characters of prose, one sentence in another language would decide the body."""

# What a paragraph cites rather than says: link texts (the titles of the pages they name:
# [text](target), [text][label], ![alt](image)) and quotations in guillemets or quotes.
_CITED = re.compile(
    r"!?\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])"  # link texts
    r"|«([^»]*)»|“([^”]*)”|\"([^\"\n]*)\""  # the inside of quotations
)


def collapse(text: str) -> str:
    return " ".join(text.split())


def cited_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` that are link texts or the inside of quotations."""
    for match in _CITED.finditer(text):
        group = next(g for g in range(1, 5) if match.group(g) is not None)
        yield match.span(group)


def language_view(doc: Document) -> LanguageView:
    """The document's language verdicts, computed on demand and shared by every rule."""
    return doc.memo("language", LanguageView)


class LanguageView:
    """Language verdicts of one document, computed once and shared (``doc.memo``)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.expected = normalise(doc.settings.lang)
        self.view = prose_view(doc)
        self._body: Detection | None = None
        self._body_done = False
        self._units: dict[tuple[int, int], Detection | str | None] = {}
        self._cited: dict[int, list[tuple[int, int]]] = {}
        self._function_words: dict[tuple[int, int], dict[str, int]] = {}

    def _own_paragraphs(self) -> list[Paragraph]:
        """The body's own prose: paragraphs and list items, not quotations in blockquotes."""
        return [p for p in self.view.paragraphs if p.kind == PARAGRAPH_KIND and not p.in_blockquote]

    def _counts(self, start: int, end: int, text: str) -> dict[str, int]:
        """Function words of a unit (``text`` collapsed or not: they are counted between
        whitespace), computed once per unit."""
        key = (start, end)
        if key not in self._function_words:
            self._function_words[key] = function_words(text)
        return self._function_words[key]

    def cited(self, paragraph: Paragraph) -> list[tuple[int, int]]:
        """Link texts and quotations of a paragraph, in doc.text offsets."""
        if paragraph.start not in self._cited:
            original = self.doc.text[paragraph.start : paragraph.end]
            self._cited[paragraph.start] = [
                (paragraph.start + start, paragraph.start + end)
                for start, end in cited_spans(original)
            ]
        return self._cited[paragraph.start]

    def body(self) -> Detection | None:
        """The body's language when it is confidently not the expected one (never for an
        expected language the detector does not know). The function words of the body are
        the sum of its paragraphs' (shared with FR002)."""
        if not self._body_done:
            self._body_done = True
            paragraphs = self._own_paragraphs()
            if is_supported(self.expected) and _joined_length_reaches(paragraphs, MIN_BODY_CHARS):
                self._body = self._foreign_body(paragraphs)
        return self._body

    def _foreign_body(self, paragraphs: list[Paragraph]) -> Detection | None:
        # Most bodies are in the expected language: the sum of their paragraphs' function
        # words (which FR002 needs anyway) says so without the joined text (a whole article)
        # being built. When the first paragraphs are not plainly in that language, the body
        # is seldom either, and langdetect will want the joined text: its function words are
        # then counted on it in one pass (the same sums), not paragraph by paragraph.
        text = None
        if self._opens_plainly_expected(paragraphs):
            counts = _summed([self._counts(p.start, p.end, p.text) for p in paragraphs])
        else:
            text = _joined(paragraphs)
            counts = function_words(text)
        if settled_as_expected(counts, self.expected, BODY_CONFIRMING_SHARE):
            return None
        text = _joined(paragraphs) if text is None else text
        return foreign_language(text, self.expected, counts, BODY_CONFIRMING_SHARE)

    def _opens_plainly_expected(self, paragraphs: list[Paragraph]) -> bool:
        """Whether the body's first paragraphs, up to some 50 words, are plainly in the
        expected language (:func:`plainly_expected`)."""
        opening: list[dict[str, int]] = []
        words = 0
        for paragraph in paragraphs:
            opening.append(self._counts(paragraph.start, paragraph.end, paragraph.text))
            words += opening[-1]["words"]
            if words >= _OPENING_WORDS:
                break
        return plainly_expected(_summed(opening), self.expected)

    def unit(self, start: int, end: int, masked: str) -> Detection | str | None:
        """A paragraph's (or a field's) language when it is not the expected one: a
        detection for text long enough for langdetect, a code from function words for
        short text (headings, titles), None when it is (or may be) the expected language."""
        key = (start, end)
        if key not in self._units and not self._plainly_expected(start, end, masked):
            text = collapse(masked)
            self._units[key] = verdict(text, self.expected, self._counts(start, end, text))
        return self._units[key]

    def _plainly_expected(self, start: int, end: int, masked: str) -> bool:
        """Whether the unit's function words alone make it the expected language (its verdict,
        None, is then stored without the unit's text being collapsed)."""
        if plainly_expected(self._counts(start, end, masked), self.expected):
            self._units[(start, end)] = None
            return True
        return False

    def is_foreign(self, start: int, end: int, masked: str) -> bool:
        """``unit(...) is not None``, without langdetect when function words settle it."""
        key = (start, end)
        if key not in self._units and not self._plainly_expected(start, end, masked):
            text = collapse(masked)
            if is_foreign(text, self.expected, self._counts(start, end, text)):
                return True
        return self.unit(start, end, masked) is not None

    def follows_foreign_body(self, start: int, end: int, masked: str) -> bool:
        """Whether a unit that cannot tell its own language (no function word of the expected
        one: « Clippy: Deprecating cargo-clippy ») is taken to be in the body's, because
        FR001 finds the body in another language."""
        return self.body() is not None and not self._counts(start, end, masked).get(self.expected)

    def detection(self, start: int, end: int, masked: str) -> Detection | None:
        """The unit's confident detection when its language is not the expected one;
        langdetect is skipped when no such detection could be confirmed."""
        key = (start, end)
        if key not in self._units and not self._plainly_expected(start, end, masked):
            text = collapse(masked)
            if not may_detect(text, self.expected, self._counts(start, end, text)):
                return None
        found = self.unit(start, end, masked)
        return found if isinstance(found, Detection) else None


def _joined(paragraphs: list[Paragraph]) -> str:
    """The paragraphs' text, collapsed and joined by spaces (what langdetect reads)."""
    return " ".join(collapse(p.text) for p in paragraphs)


def _summed(counts: list[dict[str, int]]) -> dict[str, int]:
    """Function-word counts added up; every count has the same keys in the same order, so
    they are added column by column."""
    totals = map(sum, zip(*(c.values() for c in counts), strict=True))
    return dict(zip(counts[0], totals, strict=True))


def _joined_length_reaches(paragraphs: list[Paragraph], length: int) -> bool:
    """Whether the paragraphs, collapsed and joined by spaces, make ``length`` characters:
    counted without joining them, and only as far as needed (most bodies reach it within
    their first paragraphs)."""
    total = -1  # no space before the first paragraph
    for paragraph in paragraphs:
        total += len(collapse(paragraph.text)) + 1
        if total >= length:
            return True
    return False
