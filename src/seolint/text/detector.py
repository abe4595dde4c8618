"""langdetect's detection, computed faster with the same profiles and the same answer.

langdetect's ``Detector`` spends most of its time in per-character Python: copying the text
one character at a time, looking up each character's Unicode block, building n-grams in
an object, and updating 13 (or 55) probabilities in an indexed loop. This module runs the
same algorithm — same text cleaning, same n-grams in the same order, same seeded random
draws, same floating-point operations in the same order — so its probabilities are equal
to langdetect's, bit for bit (``tests/test_language_detector.py`` compares them). Only
the bookkeeping is cheaper: characters are normalised through a cache, the n-grams of a
word are computed once per word, and the probability updates are list comprehensions.

It reads langdetect's own profiles (kept sparse: see :class:`_Vectors`) and calls its
``NGram.normalize`` once per distinct character, so the data and the normalisation tables
stay langdetect's.
"""

from __future__ import annotations

import json
import random
import re
import struct
from collections.abc import Callable
from itertools import chain
from typing import Any

from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

from seolint.text.language import matched_length, matched_length_below

# langdetect's parameters (Detector class attributes and defaults)
_ALPHA = Detector.ALPHA_DEFAULT
_ALPHA_WIDTH = Detector.ALPHA_WIDTH
_ITERATION_LIMIT = Detector.ITERATION_LIMIT
_PROB_THRESHOLD = Detector.PROB_THRESHOLD
_CONV_THRESHOLD = Detector.CONV_THRESHOLD
_BASE_FREQ = Detector.BASE_FREQ
_TRIALS = 7
_MAX_TEXT_LENGTH = 10000

_LATIN = re.compile(r"[A-z]+")  # langdetect counts 'A' <= ch <= 'z', [\]^_` included
# langdetect means to leave out Latin Extended Additional, but compares a block number with
# a block name: every character from U+0300 on counts as non-Latin.
_NON_LATIN = re.compile("[\u0300-\U0010ffff]+")


class _Normalised(dict[int, str]):
    """``str.translate`` table: each character as langdetect's ``NGram.normalize`` has it,
    computed on first sight."""

    def __missing__(self, code: int) -> str:
        value = self[code] = NGram.normalize(chr(code))
        return value  # type: ignore[no-any-return]


_NORMALISED = _Normalised()


def prepared_text(text: str) -> str:
    """The text langdetect's ``append`` then ``cleaning_text`` leave to detect."""
    text = Detector.URL_RE.sub(" ", text)
    # Both regexes start with a character class, so the engine tries them at every position
    # (0.14 ms on a 5,000-character body): skipped when the character they need is missing.
    if "@" in text:
        text = Detector.MAIL_RE.sub(" ", text)
    if any(mark in text for mark in NGram.DMARK_CLASS):  # the marks normalize_vi rewrites
        text = NGram.normalize_vi(text)
    # append keeps a character unless it is a space after a space, up to max_text_length;
    # str.replace until no two spaces are left does the same several times faster than a
    # regex that stops at every space
    text = text[:_MAX_TEXT_LENGTH]
    while "  " in text:
        text = text.replace("  ", " ")
    # ASCII text has no character from U+0300 on: no need to look for one
    if (
        not text.isascii()
        and _NON_LATIN.search(text)
        and matched_length_below(_LATIN, text, matched_length(_NON_LATIN, text) / 2)
    ):
        text = _LATIN.sub("", text)
    return text


def _word_ngrams(word: str, trailing_space: bool, known: Any) -> tuple[str, ...]:
    """The n-grams ``NGram.add_char`` yields for one word after a space (its state is then
    always the same), keeping those of the profiles, in order."""
    if word.isascii() and not _TWO_CAPITALS.search(word):
        return _plain_word_ngrams(word, trailing_space, known)
    return _any_word_ngrams(word, trailing_space, known)


# NGram skips the n-grams of a letter that follows a capital with another capital (« NASA »)
_TWO_CAPITALS = re.compile("[A-Z]{2}")


def _plain_word_ngrams(word: str, trailing_space: bool, known: Any) -> tuple[str, ...]:
    """:func:`_any_word_ngrams` of an ASCII word with no two capitals in a row: at each
    character, the 1-, 2- and 3-character strings that end there (the first preceded by
    the space before the word), twice as fast."""
    padded = f" {word} " if trailing_space else f" {word}"
    found: list[str] = []
    append = found.append
    for end in range(2, len(padded) + 1):
        one = padded[end - 1]
        if one != " " and one in known:
            append(one)
        two = padded[end - 2 : end]
        if two in known:
            append(two)
        if end > 2:
            three = padded[end - 3 : end]
            if three in known:
                append(three)
    return tuple(found)


def _any_word_ngrams(word: str, trailing_space: bool, known: Any) -> tuple[str, ...]:
    """NGram's n-grams of any word, character by character as ``add_char`` makes them."""
    grams = " "
    capital = False
    found: list[str] = []
    for ch in word + " " if trailing_space else word:
        last = grams[-1]
        if last == " ":
            grams = " "
            capital = False
            if ch == " ":
                continue
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            if last.isupper():
                capital = True
        else:
            capital = False
        if capital:
            continue
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            gram = grams[-n:]
            if gram != " " and gram in known:
                found.append(gram)
    return tuple(found)


class _WordGrams(dict[str, tuple[str, ...]]):
    """The n-grams of each word followed by a space, computed on first sight (the same
    words come back all along a text) and kept for at most 20,000 words."""

    def __init__(self, known: Any) -> None:
        super().__init__()
        self.known = known

    def __missing__(self, word: str) -> tuple[str, ...]:
        if len(self) > 20_000:
            self.clear()
        grams = self[word] = _word_ngrams(word, True, self.known) if word else ()
        return grams


class _Vectors(dict[str, list[float]]):
    """The probability of an n-gram in each language, as langdetect's factory lists them,
    made on first use from the packed profiles (most n-grams belong to a few languages:
    the dense lists of all 55 profiles would take some 60 MB per process)."""

    def __init__(self, packed: dict[str, bytes], size: int) -> None:
        super().__init__()
        self.packed = packed
        self.size = size

    def __missing__(self, gram: str) -> list[float]:
        if len(self) > 20_000:
            self.clear()
        vector = [0.0] * self.size
        for index, probability in _ENTRY.iter_unpack(self.packed[gram]):
            vector[index] = probability
        self[gram] = vector
        return vector


# One (language index, probability) of an n-gram: a byte and a double, packed. A double
# packs and unpacks exactly, so the vectors are the floats langdetect computes.
_ENTRY = struct.Struct("<Bd")


def load_profiles(texts: list[str]) -> tuple[list[str], dict[str, bytes]]:
    """langdetect's ``DetectorFactory.load_json_profile``, kept sparse: the languages in
    order, and for each n-gram its (language index, probability) entries, packed."""
    languages: list[str] = []
    entries: dict[str, bytes] = {}
    get = entries.get
    pack = _ENTRY.pack
    for index, text in enumerate(texts):
        profile = json.loads(text)
        languages.append(profile["name"])
        n_words = profile["n_words"]
        for gram, count in profile["freq"].items():
            if 1 <= len(gram) <= 3:
                entries[gram] = get(gram, b"") + pack(index, 1.0 * count / n_words[len(gram) - 1])
            else:
                entries.setdefault(gram, b"")  # langdetect knows it, with no probability
    return languages, entries


def _below(getrandbits: Callable[[int], int], bits: int, count: int) -> int:
    """``Random.randrange(count)`` as ``random.choice`` draws it: ``bits`` random bits, drawn
    again until the value is below ``count``."""
    r = getrandbits(bits)
    while r >= count:
        r = getrandbits(bits)
    return r


class FastDetector:
    """Detection over langdetect's profiles (the JSON texts, in langdetect's order)."""

    def __init__(self, profiles: list[str], seed: int = 0) -> None:
        self.langlist, self.known = load_profiles(profiles)
        self.vectors = _Vectors(self.known, len(self.langlist))
        self.seed = seed
        # n-grams of each word followed by a space (all but the text's last word)
        self._words = _WordGrams(self.known)

    def ngrams(self, text: str) -> list[str]:
        """langdetect's ``_extract_ngrams`` of the prepared text."""
        pieces = text.translate(_NORMALISED).split(" ")
        # every word but the last is followed by a space; a run of spaces (an empty piece)
        # restarts the n-gram buffer, which yields nothing
        found = list(chain.from_iterable(map(self._words.__getitem__, pieces[:-1])))
        if pieces[-1]:
            found.extend(_word_ngrams(pieces[-1], False, self.known))
        return found

    def probabilities(self, text: str) -> list[tuple[str, float]] | None:
        """langdetect's ``get_probabilities``: (language, probability) above 0.1, most
        probable first; None when the text has no n-gram of the profiles."""
        ngrams = self.ngrams(prepared_text(text))
        if not ngrams:
            return None
        vectors = self.vectors
        count = len(ngrams)
        size = len(self.langlist)
        total = [0.0] * size
        rnd = random.Random()
        rnd.seed(self.seed)
        # rnd.choice(ngrams), as langdetect draws, is ngrams[rnd._randbelow(count)]: the same
        # draws, inlined (a call per draw costs as much as the rest of the loop)
        getrandbits = rnd.getrandbits
        bits = count.bit_length()
        for _ in range(_TRIALS):
            prob = [1.0 / size] * size
            alpha = _ALPHA + rnd.gauss(0.0, 1.0) * _ALPHA_WIDTH
            w = alpha / _BASE_FREQ
            # langdetect multiplies each probability by (w + q) once per draw and normalises
            # after draws 1, 6, 11…: five draws at once are the same products in the same
            # order, one list comprehension instead of five.
            first = vectors[ngrams[_below(getrandbits, bits, count)]]
            prob = [p * (w + q) for p, q in zip(prob, first, strict=True)]
            i = 0
            while True:
                sump = sum(prob)
                # max(p / sump) is max(p) / sump: a correctly rounded division by a positive
                # number keeps the order of its results
                if max(prob) / sump > _CONV_THRESHOLD or i >= _ITERATION_LIMIT:
                    prob = [p / sump for p in prob]
                    break
                # the next five draws, written out (a loop over them costs a few percent of
                # the whole detection)
                a = vectors[ngrams[_below(getrandbits, bits, count)]]
                b = vectors[ngrams[_below(getrandbits, bits, count)]]
                c = vectors[ngrams[_below(getrandbits, bits, count)]]
                d = vectors[ngrams[_below(getrandbits, bits, count)]]
                e = vectors[ngrams[_below(getrandbits, bits, count)]]
                # (p / sump) first: langdetect normalises before these draws
                prob = [
                    p / sump * (w + qa) * (w + qb) * (w + qc) * (w + qd) * (w + qe)
                    for p, qa, qb, qc, qd, qe in zip(prob, a, b, c, d, e, strict=True)
                ]
                i += 5
            total = [t + p / _TRIALS for t, p in zip(total, prob, strict=True)]
        ranked = [
            (lang, p) for lang, p in zip(self.langlist, total, strict=True) if p > _PROB_THRESHOLD
        ]
        ranked.sort(key=lambda item: item[1], reverse=True)
        return ranked
