"""French text helpers: sentences, syllables, readability, and the vocabulary of dates and
quantities the typography rules need.

Everything works on *masked* prose (see :mod:`seolint.parse.prose`): code, URLs and Markdown
syntax are already spaces, so a period in ``config.yaml`` or ``https://x.fr`` never ends a
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# -- sentences ---------------------------------------------------------------------------


# Abbreviations followed by a period that does not end a sentence (compared lowercased;
# « etc. » is not here: before a capital it does end one).
def word_set(words: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and edit)."""
    return frozenset(words.split())


ABBREVIATIONS = word_set(
    "m mm mme mmes mlle mlles me mgr dr pr prof st ste cf ex p pp env vol chap fig n no art "
    "av apr j.-c jc éd ed coll dir trad réf ref min max approx resp sq janv févr fév avr "
    "juil sept oct nov déc inc corp ltd co vs jr sr e.g i.e u.s n.b nb tél tel hab"
)
_TERMINATORS = ".!?…"
_CLOSERS = "»\"”’')]"
_SPACES = " \t\n\u00a0\u202f"


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a masked paragraph, surrounding spaces excluded.

    A sentence ends at ``.`` ``!`` ``?`` or ``…`` (with the closing » or ) that follow it)
    when the next word starts with a capital, a digit or an opening quote, or when the text
    ends. It does not end after an abbreviation (« M. Dupont », « p. ex. »), an initial
    (« J. K. Rowling »), inside a number (« 3.8 ») or before a lower-case word
    (« « Vraiment ? » demande-t-il »).
    """
    spans: list[tuple[int, int]] = []
    start = _skip_spaces(text, 0)
    length = len(text)
    for index in positions(text, _TERMINATORS):
        if index and text[index - 1] in _TERMINATORS:
            continue  # inside « ... » or « ?! »: judged at the first sign
        sign_end = index + 1
        while sign_end < length and text[sign_end] in _TERMINATORS:
            sign_end += 1
        end = _after_closers(text, sign_end)
        following = _skip_spaces(text, end)
        if following == end and following < length:
            continue  # no space after: 3.8, example.com, « ?! »
        if following < length and not _starts_sentence(text[following]):
            continue
        if sign_end == index + 1 and text[index] == "." and _is_abbreviation(text, index):
            continue
        if end > start:
            spans.append((start, end))
        start = following
    if start < length:
        end = len(text.rstrip(_SPACES))
        if end > start:
            spans.append((start, end))
    return spans


def positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every occurrence of each of ``chars`` (found by ``str.find``, many
    times faster than a regex that starts with a character class)."""
    found: list[int] = []
    for char in chars:
        index = text.find(char)
        while index != -1:
            found.append(index)
            index = text.find(char, index + 1)
    found.sort()
    return found


def _after_closers(text: str, end: int) -> int:
    """Past the quotes and brackets that close with the sentence: « … viens. » Puis"""
    length = len(text)
    while end < length:
        if text[end] in _CLOSERS:
            end += 1
        elif text[end] in "\u00a0\u202f " and end + 1 < length and text[end + 1] == "»":
            end += 2
        else:
            break
    return end


def _skip_spaces(text: str, index: int) -> int:
    length = len(text)
    while index < length and text[index] in _SPACES:
        index += 1
    return index


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in '«"“¿¡—–-'


def _is_abbreviation(text: str, period: int) -> bool:
    start = period
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
        start -= 1
    token = text[start:period]
    if not token:
        return False
    if len(token) == 1 and token.isalpha():
        return True  # an initial: J. K. Rowling, p. 12
    return token.lower().lstrip(".") in ABBREVIATIONS


# -- words and syllables -----------------------------------------------------------------

WORD = re.compile(r"\w+(?:['’\-.,]\w+)*")
_PUNCTUATION = ".,;:!?()[]{}«»\"“”‘’'…*_–—-/|<>•=+&"
_PUNCTUATION_TOKENS = frozenset(_PUNCTUATION)
_VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ"
_VOWEL_GROUP = re.compile(f"[{_VOWELS}]+")
_SILENT_U = re.compile(f"(?<=[qg])u(?=[{_VOWELS}])")  # « que », « guerre »: u is no vowel
# two vowels heard apart: ré-a-li-té, a-é-ro-port, na-ïf, No-ël, cré-é
_HIATUS = re.compile(r"é(?=[aoéèiu])|[aoeu](?=é)|[aeiouy](?=[ïüë])")
_MUTE_E = re.compile(f"[^{_VOWELS}]es?$")


@lru_cache(maxsize=16384)  # two small caches: a worker keeps them all run long
def syllables(word: str) -> int:
    """Spoken syllables of a French word, estimated from its spelling.

    Groups of vowels, plus the hiatus a group hides (« réalité » 4), minus a final mute
    « e » or « es » (« table » 1, « entreprises » 3), with the « u » of « qu » and « gu »
    silent (« économique » 4). Verbs in « -ent » keep their « e » (« moment » or
    « mangent » cannot be told apart from the spelling). Pyphen's hyphenation points,
    which textstat counts, run lower (it never splits a short edge syllable: « idée » 1)
    and need a dictionary loaded at start-up.
    """
    return _spoken_syllables(word.strip(_PUNCTUATION).lower())


@lru_cache(maxsize=16384)
def _spoken_syllables(word: str) -> int:
    # cached apart: « Le », « le » and « le, » are one word here
    lower = _SILENT_U.sub("", word)
    if not lower:
        return 0  # a dash or a colon between spaces
    count = len(_VOWEL_GROUP.findall(lower)) + len(_HIATUS.findall(lower))
    if count > 1 and _MUTE_E.search(lower):
        count -= 1
    return max(1, count)


@dataclass(frozen=True, slots=True)
class Readability:
    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / max(1, self.sentences)

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / max(1, self.words)

    @property
    def score(self) -> float:
        """Kandel & Moles (1958), Flesch's formula refitted to French."""
        return 207 - 1.015 * self.words_per_sentence - 73.6 * self.syllables_per_word

    @property
    def band(self) -> str:
        return readability_band(self.score)


# Flesch's bands, as used for Kandel–Moles.
_BANDS = (
    (90, "very easy"),
    (80, "easy"),
    (70, "fairly easy"),
    (60, "standard"),
    (50, "fairly difficult"),
    (30, "difficult"),
    (float("-inf"), "very difficult"),
)


def readability_band(score: float) -> str:
    return next(name for floor, name in _BANDS if score >= floor)


def count_words(tokens: list[str]) -> int:
    """Words among space-separated tokens: all but those that are only punctuation."""
    marks = _PUNCTUATION_TOKENS.intersection(tokens)
    return len(tokens) - (sum(tokens.count(mark) for mark in marks) if marks else 0)


class ParagraphText:
    """The words and sentences of one masked paragraph.

    Words are space-separated tokens (their punctuation stays attached; :func:`syllables`
    ignores it): ``str.split`` is several times faster than a regex, and the counts match
    within a fraction of a percent. Sentences are found when first asked for: a paragraph
    with no more words than a sentence may have is never split into sentences by FR005.
    """

    __slots__ = ("_sentences", "text", "tokens", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        tokens = text.split()
        self.tokens: tuple[str, ...] = tuple(tokens)
        self.words = count_words(tokens)
        self._sentences: tuple[tuple[int, int], ...] | None = None

    @property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each sentence, offsets in ``text``."""
        if self._sentences is None:
            self._sentences = tuple(split_sentences(self.text))
        return self._sentences

    def sentence_words(self, start: int, end: int, more_than: int = 0) -> int:
        """Words of the sentence text[start:end]; exact only above ``more_than`` (a cheap
        upper bound is returned below it)."""
        tokens = self.text[start:end].split()
        return len(tokens) if len(tokens) <= more_than else count_words(tokens)


def analyse(text: str) -> ParagraphText:
    return ParagraphText(text)


def readability(paragraphs: Iterable[ParagraphText | str]) -> Readability:
    """Words, sentences and syllables of masked paragraphs (each ends a sentence), given as
    text or already analysed."""
    words = sentences = syllable_count = 0
    for given in paragraphs:
        paragraph = analyse(given) if isinstance(given, str) else given
        if not paragraph.words:
            continue
        words += paragraph.words
        syllable_count += sum(map(syllables, paragraph.tokens))
        sentences += max(1, len(paragraph.sentences))
    return Readability(words, sentences, syllable_count)


# -- vocabulary ---------------------------------------------------------------------------

MONTHS = (
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
)
DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

# Units and magnitude words after which a number is a quantity (not a year, a version or a
# postal code). Used by the decimal-point and thousands-separator rules.
QUANTITY_WORDS = (
    "millions?|milliards?|mille|milliers|billions?|trillions?|centaines|dizaines|"
    "k€|M€|Md€|Mds?€?|€|\\$|USD|EUR|GBP|CHF|dollars?|euros?|livres?|francs?|yens?|yuans?|"
    "roupies|%|pour ?cent|km|km²|m²|m2|kg|tonnes?|Go|Mo|To|Ko|Gb|GB|MB|TB|Tb|Gbit/s|Mbit/s|"
    "octets?|bits?|kW|MW|GW|kWh|MWh|GWh|TWh|W|Hz|MHz|GHz|ms|secondes?|minutes?|heures?|"
    "jours?|semaines?|mois|ans|années?|fois|points?|habitants?|personnes?|emplois?|postes?|"
    "utilisateurs?|abonnés?|clients?|employés?|salariés?|téléchargements?|visiteurs?|"
    "exemplaires?|unités?|pixels?|px|mots?|pages?|lignes?|requêtes?|paramètres?|tokens?|"
    "°C|degrés?|entreprises?|startups?|appareils?|serveurs?|GPU|puces?|véhicules?|"
    "brevets?|projets?|développeurs?|étudiants?|élèves?|PME"
)
# Money and things counted one by one: after these, « 15,000 » cannot be fifteen with three
# decimals, so the comma is an English thousands separator.
COUNTED_WORDS = (
    "€|\\$|USD|EUR|GBP|CHF|dollars?|euros?|livres?|francs?|yens?|yuans?|roupies|"
    "habitants?|personnes?|emplois?|postes?|utilisateurs?|abonnés?|clients?|employés?|"
    "salariés?|téléchargements?|visiteurs?|exemplaires?|entreprises?|startups?|appareils?|"
    "serveurs?|véhicules?|brevets?|projets?|développeurs?|étudiants?|élèves?|PME|fois|mots?|"
    "pages?|lignes?|requêtes?|tokens?"
)
