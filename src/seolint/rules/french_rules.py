"""FR — language (FR001–FR005, any language) and French typography (FR101–FR113).

The language rules compare the prose with the expected language: the configuration's
``lang`` (default ``fr``), overridden per file by a front-matter ``lang`` or ``locale``.
The typography rules run only on files whose language is French, on the body's prose and
on the title, seo title and description, and skip any paragraph written in another
language (and the whole body when FR001 finds it in another language). Positions and fixes
in front-matter values are exact: a fix edits the value in place (inside its quotes) and
the engine refuses a fix that would break the front-matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from seolint.findings import Edit, Fix, Severity, Violation
from seolint.parse.document import Document
from seolint.parse.language import cited_spans, collapse, language_view
from seolint.parse.prose import (
    HEADING_KIND,
    PARAGRAPH_KIND,
    FieldProse,
    Paragraph,
    field_prose,
    mask_inline,
    prose_view,
)
from seolint.rules.base import Rule
from seolint.text import typography
from seolint.text.french import WORD, ParagraphText, analyse, readability
from seolint.text.language import (
    Detection,
    foreign_language,
    is_supported,
    language_name,
    normalise,
)
from seolint.text.typography import Hit

# A paragraph that cites a source by its own title: « Source : <English title> » is not a
# passage left untranslated.
_CITATION = re.compile(
    r"\s*(?:sources?(?: originales?)?|liens?|via|références?|crédits?|articles? originale?s?"
    r"|lire aussi|voir aussi|en savoir plus|titre original|publié (?:sur|dans)|d['’]après"
    r"|pour en savoir plus)\s*[:\u00a0\u202f]",
    re.IGNORECASE,
)


def _expected(doc: Document) -> str:
    return normalise(doc.settings.lang)


def _expected_from(doc: Document) -> str:
    found = doc.fields.get("lang")
    if found is not None and normalise(str(found.value)) == _expected(doc):
        return f"front-matter `{found.key}`"
    return "configuration `lang`"


def _confidence(found: Detection) -> str:
    return f"{found.name} (confidence {found.probability:.2f})"


def _analysed(doc: Document) -> list[tuple[Paragraph, ParagraphText]]:
    """Words and sentences of each paragraph and list item, shared by FR004 and FR005."""
    return doc.memo(
        "fr-sentences",
        lambda d: [
            (p, analyse(p.text)) for p in prose_view(d).paragraphs if p.kind == PARAGRAPH_KIND
        ],
    )


# -- FR001 – FR005 ---------------------------------------------------------------------------


class LanguageMismatch(Rule):
    """The body's prose is not in the article's expected language.

    ## What it does
    Detects the language of the body's prose (code, URLs, Markdown syntax and blockquotes,
    which are quotations, left out) with
    langdetect and reports it when it is not the expected language: the configuration's
    `lang` (default `fr`), or the file's own front-matter `lang` / `locale`. It reports
    only when it is sure: at least 200 characters of prose, langdetect's probability at
    least 0.85, and the function words of the detected language (« the, and, of »…) are
    there too (at least 5 % of the words: release notes are mostly names and versions).
    The message names the language found and the confidence. FR002, FR004, the French
    typography rules and language-bound rule packs then leave the body alone.

    ## Why is this bad?
    A page whose text is not in the language the site declares is shown to the wrong
    readers, and a translation that was never run (or an English original published by
    mistake) is the most visible defect a multilingual site can have.

    ## Example
    ```markdown
    ---
    lang: fr
    ---
    The new model is faster and cheaper than the previous one, and it is available today
    for all the customers of the platform…
    ```

    ## Use instead
    Translate the article, or declare its real language: `lang: en`.
    """

    id = "FR001"
    name = "language-mismatch"
    severity = Severity.WARNING

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        language = language_view(doc)
        found = language.body()
        if found is None:
            return
        first = next((p for p in language.view.paragraphs if p.kind == PARAGRAPH_KIND), None)
        if first is None:
            return
        end = language.doc.text.find("\n", first.start, first.end)
        expected = language_name(language.expected)
        yield Violation(
            first.start,
            first.end if end == -1 else end,
            f"the body reads as {_confidence(found)}, but the expected language is "
            f"{expected} (from the {_expected_from(doc)}): translate it, or set "
            f"`lang: {found.lang}` in the front-matter",
        )


class ForeignParagraph(Rule):
    """A paragraph is written in another language than the article.

    ## What it does
    Detects the language of each paragraph and list item of at least 40 characters and 6
    words (langdetect is unreliable below that) and reports those confidently in another
    language: probability at least 0.85 and the function words of that language present
    (langdetect alone takes a French sentence full of product names for English). A
    paragraph inside a blockquote is reported as info: it is probably a quotation.
    Citations of a source by its title (« Source : *Title of the paper* ») and paragraphs
    made only of links and quotations (« … », “ … ”) are not reported: what they cite keeps
    its language. When the whole body is in another language, FR001 reports it once and
    this rule stays silent.

    ## Why is this bad?
    Machine translation leaves paragraphs behind, and so does editing in a hurry: a reader
    of the French page meets a block of English.

    ## Example
    ```markdown
    Le modèle est disponible dès aujourd'hui pour tous les clients.

    The new model is faster and cheaper than the previous one, and it ships today.
    ```

    ## Use instead
    ```markdown
    Le modèle est disponible dès aujourd'hui pour tous les clients.

    Le nouveau modèle est plus rapide et moins cher que le précédent ; il sort aujourd'hui.
    ```
    """

    id = "FR002"
    name = "foreign-paragraph"
    severity = Severity.WARNING

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        if not is_supported(doc.settings.lang):
            return
        language = language_view(doc)
        if language.body() is not None:
            return  # the whole body is in another language: FR001 says so, once
        for paragraph in language.view.paragraphs:
            if paragraph.kind != PARAGRAPH_KIND:
                continue
            found = language.detection(paragraph.start, paragraph.end, paragraph.text)
            if found is None:
                continue
            if _CITATION.match(paragraph.text) or _only_cited(doc, paragraph):
                continue
            expected = language_name(language.expected)
            if paragraph.in_blockquote:
                yield Violation(
                    paragraph.start,
                    paragraph.end,
                    f"blockquote in {_confidence(found)} in an article in {expected}: fine if "
                    "it is a quotation, else translate it",
                    severity=Severity.INFO,
                )
            else:
                yield Violation(
                    paragraph.start,
                    paragraph.end,
                    f"paragraph in {_confidence(found)} in an article in {expected}: translate "
                    "it (or put a quotation in a blockquote)",
                )


def _only_cited(doc: Document, paragraph: Paragraph) -> bool:
    """True when (almost) all the paragraph's words are link texts or quotations: a list of
    references, « Source : “Title” », a quotation introduced by a few words."""
    outside = list(paragraph.text)
    for start, end in cited_spans(doc.text[paragraph.start : paragraph.end]):
        outside[start:end] = " " * (end - start)
    return len(WORD.findall("".join(outside))) < 3


class FieldLanguageMismatch(Rule):
    """The title, seo title or description is in another language than the article.

    ## What it does
    Detects the language of the title, the seo title and the description, when they are
    long enough for a reliable answer (40 characters and 6 words), and reports those
    confidently in another language (probability at least 0.85 and the function words of
    that language present). Shorter titles are not judged: langdetect guesses there.

    ## Why is this bad?
    These are the words a search result shows. An English description on a French page
    tells the searcher the page is English, and the page loses the click.

    ## Example
    ```yaml
    seoDescription: "Amazon plans to invest 35 billion dollars in India by 2030."
    ```

    ## Use instead
    ```yaml
    seoDescription: "Amazon prévoit d'investir 35 milliards de dollars en Inde d'ici 2030."
    ```
    """

    id = "FR003"
    name = "field-language-mismatch"
    severity = Severity.WARNING

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        if not is_supported(doc.settings.lang):
            return
        expected = _expected(doc)
        for name in ("title", "seo_title", "description"):
            found = doc.fields.get(name)
            if found is None or found.span is None or not isinstance(found.value, str):
                continue
            detection = foreign_language(collapse(mask_inline(found.value)), expected)
            if detection is None:
                continue
            span = found.span
            start, end = (
                (span.value_start, span.value_end)
                if span.value_end > span.value_start
                else (span.key_start, span.key_end)
            )
            yield Violation(
                start,
                end,
                f"{found.key} reads as {_confidence(detection)}, but the article is in "
                f"{language_name(expected)}: translate it",
            )


@dataclass(frozen=True)
class ReadabilityOptions:
    min_score: float = 40.0
    min_words: int = 100


class ReadabilityScore(Rule):
    """The body is hard to read: its Kandel–Moles (French Flesch) score is low.

    ## What it does
    Computes the Kandel–Moles score of the body's prose (paragraphs and list items; not
    headings, tables or code): 207 − 1.015 × words per sentence − 73.6 × syllables per
    word, and reports it below `min_score`. The message gives the score, its band (90+
    very easy, 80 easy, 70 fairly easy, 60 standard, 50 fairly difficult, 30 difficult,
    below 30 very difficult), and the two averages that make it. Articles under
    `min_words` words are skipped (the score means little on a few sentences), and so are
    articles that are not in French (the formula is French-specific), whether by their
    `lang` or by what FR001 finds their body written in.

    Sentences are split on « . ! ? … » followed by a capital, not after abbreviations
    (« M. », « etc. » before a lower-case word, « p. ex. ») or inside numbers (« 3.8 »).
    Syllables are counted as spoken, from the spelling: groups of vowels, less a final
    mute « e » (« table » 1, « économique » 4). textstat is not used: its French mode
    counts Pyphen's hyphenation points, which run low (« idée » 1), and importing it costs
    half a second.

    ## Why is this bad?
    Kandel and Moles (1958) refitted Flesch's reading-ease formula to French. Long
    sentences and long words are what make a text slow to read. The default limit, 40, sits
    in Flesch's « difficult » band (30–50) and marks about the hardest sixth of 999 French
    tech-news articles (their median scores 46).

    ## Example
    A body whose sentences run to 40 words of four syllables.

    ## Use instead
    Split long sentences (FR005 points at them) and prefer the shorter word.

    ## Options
    - `min_score` (default 40): the lowest acceptable score.
    - `min_words` (default 100): shorter bodies are not scored.
    """

    id = "FR004"
    name = "readability"
    severity = Severity.INFO
    Options = ReadabilityOptions

    def check(self, doc: Document, options: ReadabilityOptions) -> Iterator[Violation]:
        if _expected(doc) != "fr" or language_view(doc).body() is not None:
            return  # not French, or a body FR001 finds in another language
        analysed = _analysed(doc)
        if not analysed:
            return
        stats = readability(text for _, text in analysed)
        if stats.words < options.min_words or stats.score >= options.min_score:
            return
        first = analysed[0][0]
        end = doc.text.find("\n", first.start, first.end)
        yield Violation(
            first.start,
            first.end if end == -1 else end,
            f"readability score (Kandel–Moles) is {stats.score:.0f}, « {stats.band} », under "
            f"{options.min_score:.0f}: {stats.words_per_sentence:.1f} words per sentence, "
            f"{stats.syllables_per_word:.2f} syllables per word; shorten sentences and words",
        )


@dataclass(frozen=True)
class LongSentenceOptions:
    max_words: int = 35


class LongSentence(Rule):
    """A sentence is longer than `max_words` words.

    ## What it does
    Splits each paragraph and list item into sentences (as FR004 does) and reports the
    sentences of more than `max_words` words, in any language.

    ## Why is this bad?
    Past about 30–35 words, readers lose the thread of a sentence, more so on a phone;
    French plain-language guides (and Kandel–Moles, FR004) reward short sentences.

    ## Example
    A 48-word sentence chaining three clauses with « qui », « et » and « afin de ».

    ## Use instead
    Two or three sentences, one idea each.

    ## Options
    - `max_words` (default 35).
    """

    id = "FR005"
    name = "long-sentence"
    severity = Severity.INFO
    Options = LongSentenceOptions

    def check(self, doc: Document, options: LongSentenceOptions) -> Iterator[Violation]:
        for paragraph, text in _analysed(doc):
            if len(text.tokens) <= options.max_words:
                continue  # a sentence's words are some of its paragraph's
            for start, end in text.sentences:
                words = text.sentence_words(start, end, more_than=options.max_words)
                if words > options.max_words:
                    yield Violation(
                        paragraph.start + start,
                        paragraph.start + end,
                        f"sentence of {words} words (limit {options.max_words}): split it",
                    )


# -- typography ------------------------------------------------------------------------------


class _Scanner(Protocol):
    def __call__(self, masked: str, original: str) -> Iterable[Hit]: ...


@dataclass(frozen=True, slots=True)
class _Target:
    """A stretch of French prose to scan: the body (whole text, front-matter blanked) or one
    front-matter field. ``offset`` turns offsets in the strings into offsets in doc.text."""

    offset: int
    masked: str
    original: str
    field: FieldProse | None = None


def _targets(doc: Document) -> list[_Target]:
    """The body and the fields, made once per document and shared by the typography rules."""
    return doc.memo("fr-targets", _make_targets)


def _make_targets(doc: Document) -> list[_Target]:
    view = prose_view(doc)
    targets = [_Target(0, view.text, doc.text)]
    targets.extend(_Target(f.start, f.text, f.original, f) for f in field_prose(doc))
    return targets


def _is_foreign(doc: Document, target: _Target, index: int) -> bool:
    """Whether the prose at ``index`` (an offset of doc.text) is in another language."""
    language = language_view(doc)
    if target.field is not None:
        field = target.field
        return language.is_foreign(
            field.start, field.end, field.text
        ) or language.follows_foreign_body(field.start, field.end, field.text)
    paragraph = language.view.paragraph_at(index)
    if paragraph is None:
        return True  # not prose after all
    if language.is_foreign(paragraph.start, paragraph.end, paragraph.text):
        return True
    # a link text or a quotation keeps its own language: « [The review, part two: …](url) »
    for start, end in language.cited(paragraph):
        if start <= index < end:
            return language.is_foreign(start, end, language.view.text[start:end])
    return False


def _french_hits(doc: Document, scan: Callable[[_Target], Iterable[Hit]]) -> Iterator[Hit]:
    """Hits of a scanner over every French target, in doc.text offsets."""
    if _expected(doc) != "fr":
        return
    # a body in another language is reported once, by FR001: its typography is not French
    body_is_foreign = language_view(doc).body() is not None
    for target in _targets(doc):
        if body_is_foreign and target.field is None:
            continue
        for hit in scan(target):
            start = target.offset + hit.start
            if _is_foreign(doc, target, start):
                continue
            yield Hit(
                start,
                target.offset + hit.end,
                hit.message,
                tuple(_shift(edit, target.offset) for edit in hit.edits),
            )


def _shift(edit: Edit, offset: int) -> Edit:
    return Edit(edit.start + offset, edit.end + offset, edit.replacement)


def _violations(hits: Iterable[Hit], safe: bool = True) -> Iterator[Violation]:
    for hit in hits:
        fix = Fix(hit.edits, safe=safe) if hit.edits else None
        yield Violation(hit.start, hit.end, hit.message, fix=fix)


def _numbers(doc: Document, target: _Target) -> list[tuple[int, int]]:
    """The numbers of a target, found once for the body and shared by FR107, FR111, FR112."""
    if target.field is not None:
        return typography.numbers(target.masked)
    return doc.memo("fr-numbers", lambda d: typography.numbers(prose_view(d).text))


def _with_numbers(
    doc: Document, scanner: Callable[[str, str, list[tuple[int, int]]], Iterable[Hit]]
) -> Callable[[_Target], Iterable[Hit]]:
    return lambda target: scanner(target.masked, target.original, _numbers(doc, target))


def _scan_with(scanner: _Scanner) -> Callable[[_Target], Iterable[Hit]]:
    return lambda target: scanner(target.masked, target.original)


class NbspBeforeDoublePunctuation(Rule):
    """`;`, `!` or `?` without a narrow no-break space before it.

    ## What it does
    Reports `;` `!` `?` in French prose that follow a word directly or after an ordinary
    space. The fix puts a narrow no-break space (U+202F) there; U+00A0 and `&nbsp;` are
    accepted too. It never fires inside code, URLs or Markdown and HTML syntax, on `TL;DR`
    or `a;b` (no space after), on smileys `;)`, on `(?)`, at the start of a line, or in a
    paragraph written in another language.

    ## Why is this bad?
    French typography puts a thin space before the two-part punctuation marks; an ordinary
    space lets the line break before the sign, which then starts the next line alone.

    ## Example
    ```markdown
    Pourquoi maintenant? Parce que le marché est prêt!
    ```

    ## Use instead
    ```markdown
    Pourquoi maintenant ? Parce que le marché est prêt !
    ```
    (with U+202F before `?` and `!`)
    """

    id = "FR101"
    name = "nbsp-before-double-punctuation"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        yield from _violations(_french_hits(doc, _scan_with(typography.double_punctuation)))


class NbspBeforeColon(Rule):
    """`:` without a no-break space before it.

    ## What it does
    Reports a colon followed by a space, a line end or a hard line break (`liste:\\` at
    the end of a line), so not `13:57`, `16:9`, `C:\\`, `HKLM:\\Software`, `https:`,
    `:smile:` or the escaped template `\\<server\\>:\\<port\\>`, that follows
    a word directly or after an ordinary space, in French prose, the title, the seo title
    and the description. The fix puts a no-break space (U+00A0) before it; U+202F and
    `&nbsp;` are accepted too.

    ## Why is this bad?
    French typography spaces the colon on both sides, and the space before it must not
    break: otherwise the colon can start a line on its own.

    ## Example
    ```markdown
    ### Concurrents: Google et Microsoft
    ```

    ## Use instead
    ```markdown
    ### Concurrents : Google et Microsoft
    ```
    (with U+00A0 before `:`)
    """

    id = "FR102"
    name = "nbsp-before-colon"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        yield from _violations(_french_hits(doc, _scan_with(typography.colon)))


class NbspInsideGuillemets(Rule):
    """« or » without a narrow no-break space inside.

    ## What it does
    Reports an opening « not followed, or a closing » not preceded, by a no-break space
    (U+202F or U+00A0, or `&nbsp;`). The fix inserts a narrow no-break space (U+202F), or
    replaces the ordinary space.

    ## Why is this bad?
    French guillemets are spaced from the words they enclose, and the space must not break
    or a guillemet ends up alone at the end or the start of a line.

    ## Example
    ```markdown
    la vision «Viksit Bharat» du gouvernement
    ```

    ## Use instead
    ```markdown
    la vision « Viksit Bharat » du gouvernement
    ```
    """

    id = "FR103"
    name = "nbsp-inside-guillemets"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        yield from _violations(_french_hits(doc, _scan_with(typography.guillemets)))


class StraightQuotes(Rule):
    """Straight double quotes `"…"` in French prose.

    ## What it does
    Reports pairs of `"` in a French paragraph, title or description. The fix (unsafe)
    turns them into « … » with narrow no-break spaces. A paragraph whose quotes do not pair
    up cleanly (an inch mark, a stray quote) is skipped.

    ## Why is this bad?
    French quotes with guillemets; straight quotes are a typewriter habit, and English
    curly quotes are English.

    ## Example
    ```markdown
    la vision nationale "Atmanirbhar Bharat"
    ```

    ## Use instead
    ```markdown
    la vision nationale « Atmanirbhar Bharat »
    ```

    ## Fix safety
    Unsafe: a pair of straight quotes is sometimes not a quotation (inch marks, a literal
    string of a program written without backticks).
    """

    id = "FR104"
    name = "straight-quotes"
    severity = Severity.INFO
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        yield from _violations(
            _french_hits(doc, _by_unit(doc, typography.straight_quotes)), safe=False
        )


def _by_unit(doc: Document, scanner: _Scanner) -> Callable[[_Target], Iterable[Hit]]:
    """Scan paragraph by paragraph (the body) or the whole field: for rules that pair things
    up and must not pair across paragraphs."""

    def scan(target: _Target) -> Iterator[Hit]:
        if target.field is not None:
            yield from scanner(target.masked, target.original)
            return
        for paragraph in prose_view(doc).paragraphs:
            if '"' not in paragraph.text:
                continue
            original = doc.text[paragraph.start : paragraph.end]
            for hit in scanner(paragraph.text, original):
                yield Hit(
                    hit.start + paragraph.start,
                    hit.end + paragraph.start,
                    hit.message,
                    tuple(_shift(e, paragraph.start) for e in hit.edits),
                )

    return scan


class EllipsisCharacter(Rule):
    """Three periods `...` instead of the ellipsis character `…`.

    ## What it does
    Reports `...` (exactly three periods) in French prose; the fix writes `…`. Ranges
    like `1...10` and paths are left alone.

    ## Why is this bad?
    The ellipsis is one character: three periods can be split across lines and are spaced
    unevenly.

    ## Example
    ```markdown
    Et ce n'est qu'un début...
    ```

    ## Use instead
    ```markdown
    Et ce n'est qu'un début…
    ```
    """

    id = "FR105"
    name = "ellipsis"
    severity = Severity.INFO
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        yield from _violations(_french_hits(doc, _scan_with(typography.ellipsis)))


class ApostropheConsistency(Rule):
    """Straight `'` and typographic `’` apostrophes mixed in one article.

    ## What it does
    Counts the apostrophes between two letters in the French prose and the title, seo
    title and description, and when both kinds are used, reports each one of the less
    frequent kind. Off by default: many sites accept either.

    ## Why is this bad?
    Mixed apostrophes show that text was pasted from several tools; they also defeat
    searching the article for « l'IA ».

    ## Example
    ```markdown
    L'IA arrive dans l’entreprise.
    ```

    ## Use instead
    ```markdown
    L’IA arrive dans l’entreprise.
    ```
    """

    id = "FR106"
    name = "apostrophe-consistency"
    severity = Severity.INFO
    enabled = False

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        found: list[tuple[int, str]] = []

        def scan(target: _Target) -> Iterator[Hit]:
            for index, char in typography.apostrophes(target.masked):
                yield Hit(index, index + 1, char)

        for hit in _french_hits(doc, scan):
            found.append((hit.start, hit.message))
        straight = sum(1 for _, char in found if char == "'")
        curly = len(found) - straight
        if not straight or not curly:
            return
        minority = "'" if straight < curly else "’"
        majority = "’" if minority == "'" else "'"
        counts = f"{straight} straight, {curly} typographic"
        for index, char in found:
            if char == minority:
                yield Violation(
                    index,
                    index + 1,
                    f"apostrophe « {minority} » in an article that mostly uses "
                    f"« {majority} » ({counts}): use one kind",
                )


class OrdinalAbbreviation(Rule):
    """An ordinal abbreviated the English or the informal way: `2ème`, `1ère`, `XXème`.

    ## What it does
    Reports `2ème`, `2eme`, `2ième`, `2è`, `1ère`, `1ier`, `XXème` and their plurals; the
    fix writes `2e`, `1re`, `1er`, `XXe`, `2es`. (`1ème` is reported without a fix: is it
    `1er` or `1re`?)

    ## Why is this bad?
    French abbreviates ordinals with the last letter of the word only (Imprimerie
    nationale, Académie française): 2e, 1er, 1re, XXe siècle.

    ## Example
    ```markdown
    Au 3ème trimestre, pour la 1ère fois depuis le XXème siècle…
    ```

    ## Use instead
    ```markdown
    Au 3e trimestre, pour la 1re fois depuis le XXe siècle…
    ```
    """

    id = "FR107"
    name = "ordinal-abbreviation"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        yield from _violations(_french_hits(doc, _with_numbers(doc, typography.ordinals)))


class CapitalizedMonthDay(Rule):
    """A month or a day of the week capitalised in a date: `10 Décembre`, `le Lundi 3`.

    ## What it does
    Reports a capitalised month after a day number (`10 Décembre`) or before a year
    (`en Décembre 2025`), and a capitalised day before a day number (`le Lundi 3 mars`),
    except at the start of a sentence or a heading. The fix writes it in lower case.

    ## Why is this bad?
    In French, months and days are common nouns, written in lower case; capitals are an
    English habit.

    ## Example
    ```markdown
    Le salon ouvre le Mardi 10 Décembre 2025.
    ```

    ## Use instead
    ```markdown
    Le salon ouvre le mardi 10 décembre 2025.
    ```
    """

    id = "FR108"
    name = "capitalized-month-day"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        view = prose_view(doc)

        def scan(target: _Target) -> Iterable[Hit]:
            if target.field is not None:
                return typography.capitalized_dates(target.masked, target.original, lambda index: 0)

            def unit_start(index: int) -> int:
                paragraph = view.paragraph_at(index)
                return paragraph.start if paragraph is not None else index

            return typography.capitalized_dates(target.masked, target.original, unit_start)

        yield from _violations(_french_hits(doc, scan))


class HeadingTitleCase(Rule):
    """A heading or title in English-style Title Case.

    ## What it does
    Reports a heading, title or seo title of French prose where nearly every word is
    capitalised, function words included: « Les Meilleurs Outils Pour Les Développeurs ».
    Acronyms, words with inner capitals (iPhone, ChatGPT) and proper nouns are left alone:
    the rule needs at least three capitalised words after the first, three times as many
    as lower-case ones, and a capitalised function word (« Pour », « Les », « Et »).

    ## Why is this bad?
    French capitalises the first word of a title and proper nouns only; Title Case reads
    as a translation from English.

    ## Example
    ```markdown
    ## Les Meilleurs Outils Pour Les Développeurs
    ```

    ## Use instead
    ```markdown
    ## Les meilleurs outils pour les développeurs
    ```
    """

    id = "FR109"
    name = "heading-title-case"
    severity = Severity.WARNING

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        def scan(target: _Target) -> Iterator[Hit]:
            if target.field is not None:
                if target.field.name != "description":
                    yield from _title_case_hit(target.masked, 0, target.field.key)
                return
            for paragraph in prose_view(doc).paragraphs:
                if paragraph.kind == HEADING_KIND:
                    yield from _title_case_hit(paragraph.text, paragraph.start, "heading")

        yield from _violations(_french_hits(doc, scan))


def _title_case_hit(text: str, offset: int, what: str) -> Iterator[Hit]:
    counted = typography.title_case(text)
    if counted is None:
        return
    start = offset + len(text) - len(text.lstrip())
    end = offset + len(text.rstrip())
    capitalised, words = counted
    yield Hit(
        start,
        end,
        f"{what} in English-style Title Case ({capitalised} of {words} words after the "
        "first are capitalised): in French capitalise the first word and proper nouns "
        "only",
    )


class PercentSpacing(Rule):
    """A number and `%` without a no-break space between them.

    ## What it does
    Reports `35%` and `35 %` (ordinary space) in French prose; the fix puts a no-break
    space (U+00A0) between the number and the sign. U+202F and `&nbsp;` are accepted.

    ## Why is this bad?
    French typography spaces the percent sign, like any unit symbol, and the space must not
    break: « 35 » at the end of a line and « % » at the start of the next is unreadable.

    ## Example
    ```markdown
    Une hausse de 35% en un an.
    ```

    ## Use instead
    ```markdown
    Une hausse de 35 % en un an.
    ```
    """

    id = "FR110"
    name = "percent-spacing"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        yield from _violations(_french_hits(doc, _scan_with(typography.percent)))


class DecimalPoint(Rule):
    """A decimal point in a French quantity: `3.8 millions`.

    ## What it does
    Reports a number with a decimal point followed by a unit or a magnitude word
    (`3.8 millions`, `1.5 Go`, `2.5 %`); the fix (unsafe) writes a decimal comma. Version
    numbers (`Python 3.8`), IP addresses and numbers with three decimals (`1.500 euros`,
    maybe a thousands separator) are not reported.

    ## Why is this bad?
    French writes the decimal separator as a comma; « 3.8 millions » is English.

    ## Example
    ```markdown
    Près de 3.8 millions d'emplois.
    ```

    ## Use instead
    ```markdown
    Près de 3,8 millions d'emplois.
    ```

    ## Fix safety
    Unsafe: a number followed by a unit word is almost always a quantity, but it could be
    a version or a reference that must keep its point.
    """

    id = "FR111"
    name = "decimal-point"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        yield from _violations(
            _french_hits(doc, _with_numbers(doc, typography.decimal_point)), safe=False
        )


class ThousandsSeparator(Rule):
    """A large quantity without French digit grouping: `20000 euros`, `20,000 €`.

    ## What it does
    Reports numbers of five digits or more written without spaces when a unit or a
    magnitude word follows (`euros`, `€`, `km`, `utilisateurs`…), and numbers grouped with
    English commas before money or things counted one by one (`15,000 utilisateurs`; not
    `3,240 ms`, which may be a French decimal). Years, postal codes and identifiers are not
    followed by a unit and are left alone, as are four-digit numbers. The fix groups the
    digits by three with narrow no-break spaces (U+202F): safe for plain digits, unsafe
    for `20,000` (in French a comma is a decimal mark, so `20,000` could mean twenty).

    ## Why is this bad?
    French groups digits by three with a (narrow, no-break) space: « 20 000 euros ».
    « 20,000 » reads as twenty with three decimals.

    ## Example
    ```markdown
    Une amende de 20000 euros, et 15,000 utilisateurs touchés.
    ```

    ## Use instead
    ```markdown
    Une amende de 20 000 euros, et 15 000 utilisateurs touchés.
    ```
    """

    id = "FR112"
    name = "thousands-separator"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        unsafe: set[tuple[int, int]] = set()

        def scan(target: _Target) -> Iterator[Hit]:
            spans = _numbers(doc, target)
            for hit, safe in typography.thousands(target.masked, target.original, spans):
                if not safe:
                    unsafe.add((target.offset + hit.start, target.offset + hit.end))
                yield hit

        for hit in _french_hits(doc, scan):
            yield Violation(
                hit.start,
                hit.end,
                hit.message,
                fix=Fix(hit.edits, safe=(hit.start, hit.end) not in unsafe),
            )


class AbbreviationMonsieur(Rule):
    """`Mr` (English) instead of `M.` for « Monsieur ».

    ## What it does
    Reports `Mr`, `Mr.`, `Mrs` before a capitalised name in French prose; the fix (unsafe)
    writes `M.` (or `Mme`).

    ## Why is this bad?
    « Mr » is English: the French abbreviation of Monsieur is « M. » (« MM. » for
    Messieurs), and of Madame « Mme ».

    ## Example
    ```markdown
    Selon Mr Dupont, directeur technique…
    ```

    ## Use instead
    ```markdown
    Selon M. Dupont, directeur technique…
    ```

    ## Fix safety
    Unsafe: « Mr » can belong to a name that stays as it is (the series *Mr. Robot*).
    """

    id = "FR113"
    name = "abbreviation-monsieur"
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document, options: Any) -> Iterator[Violation]:
        yield from _violations(_french_hits(doc, _scan_with(typography.monsieur)), safe=False)
