"""seolint's langdetect loop gives langdetect's own probabilities, bit for bit."""

from __future__ import annotations

from functools import cache
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector_factory import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from seolint.text.detector import FastDetector
from seolint.text.language import _COMMON_PROFILES, detect, profile_texts

TEXTS = [
    "Le modèle est disponible dès aujourd'hui pour tous les clients de la plateforme.",
    "The new model is faster and cheaper than the previous one, and it ships today.",
    "NASA et l'ESA lancent JWST : « c'est une RÉVOLUTION » pour l'astronomie…",
    "[`abc123`] - **deps**: update undici to 5.28.4 (Node.js GitHub Bot) #51937",
    "Paquets corrigés : cups-filters, imagemagick, libxml2",
    "Привет, как дела? Это статья о языках программирования и о Python.",
    "这是一个关于编程语言的文章，我们讨论 Python 和 Rust。",
    "日本語のテキストとカタカナ、ひらがなを含む文章です。",
    "한국어 문장은 한글 음절로 쓰여 있습니다.",
    "Tiếng Việt có dấu: người, được, những, nhưng.",
    "Tie\u0302\u0301ng Vie\u0323\u0302t: nguo\u031b\u0300i, đươ\u0323c (combining marks).",
    "Și țara noastră are școli, și oamenii sunt buni.",
    "Contact: someone@example.com or https://example.com/path?x=1   several    spaces",
    "A",
    "12345 !!! ???",
    "ÉCRIT EN CAPITALES MAIS AVEC UN mot en minuscules ET ENCORE DES CAPITALES",
    "x" * 12000 + " le la les des du",
]


def langdetect_probabilities(factory: object, text: str) -> list[tuple[str, float]] | None:
    detector = factory.create()  # type: ignore[attr-defined]
    detector.append(text)
    try:
        return [(found.lang, found.prob) for found in detector.get_probabilities()]
    except LangDetectException:
        return None


@cache
def detectors(profiles: tuple[str, ...]) -> tuple[FastDetector, object]:
    """Ours and langdetect's own factory, over the same profiles in the same order."""
    texts = profile_texts(profiles)
    factory = DetectorFactory()
    factory.load_json_profile(texts)
    factory.seed = 0
    return FastDetector(texts, seed=0), factory


@pytest.mark.parametrize("profiles", [_COMMON_PROFILES, ()], ids=["common", "all"])
@pytest.mark.parametrize("text", TEXTS)
def test_same_probabilities_as_langdetect(profiles: tuple[str, ...], text: str) -> None:
    ours, theirs = detectors(profiles)
    assert ours.probabilities(text) == langdetect_probabilities(theirs, text)


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            [
                *list("abcdefghij ABCDEF éèàçÉ'’,.;:!?«»-  \n"),
                *["Ж", "д", "中", "あ", "ア", "한", "ț"],
                # e-mail addresses, and Vietnamese vowels with a combining mark: both are
                # rewritten before detection, and only looked for when their character is there
                *["@", "@", "\u0301", "\u0323", "ư"],
            ]
        ),
        max_size=300,
    )
)
def test_same_probabilities_on_any_text(text: str) -> None:
    ours, theirs = detectors(_COMMON_PROFILES)
    assert ours.probabilities(text) == langdetect_probabilities(theirs, text)


def test_detect_names_the_language() -> None:
    found = detect("The new model is faster and cheaper than the previous one, and it ships today.")
    assert found is not None and found.lang == "en" and found.probability > 0.99
    assert detect("12345 !!! ???") is None


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from([*"ab éÉ1_ ", "Ж", "д", "中", "あ", "½", "Ⅻ"]), max_size=60)
)
def test_other_script_when_most_letters_are_not_latin(text: str) -> None:
    """Counted by runs and only as far as needed, the letters give the verdict a count of
    every letter gives: more than half of them outside the Latin alphabets."""
    import re

    from seolint.text.language import _other_script

    letters = len(re.findall(r"[^\W\d_]", text))
    others = len(re.findall(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]", text))
    assert _other_script(text) == (others > 0 and others * 2 > letters)


def test_text_in_another_script_is_detected_among_every_profile() -> None:
    found = detect("Привет, как дела? Это статья о языках программирования и о Python.")
    assert found is not None and found.lang == "ru"


# function words of French, English, Spanish and German, and words of none
_WORDS = ["le", "les", "des", "dans", "pour", "the", "and", "of", "with", "is", "el", "los"]
_WORDS += ["der", "und", "Node.js", "API", "»"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), max_size=40),
    st.sampled_from(["fr", "en", "de"]),
)
def test_plainly_expected_text_has_no_verdict(words: list[str], expected: str) -> None:
    """The shortcut that spares most paragraphs their collapsed text never hides a verdict:
    whatever their length, text it calls plainly in the expected language gets None."""
    from seolint.text.language import function_words, plainly_expected, verdict

    text = " ".join(words)
    counts = function_words(text)
    if plainly_expected(counts, expected):
        assert verdict(text, expected, counts) is None
        # the same words, repeated until langdetect would run, do not change it either
        long_text = " ".join([text] * 20)
        assert verdict(long_text, expected, function_words(long_text)) is None


def test_english_with_a_tenth_of_french_function_words_is_not_plainly_french() -> None:
    from seolint.text.language import Detection, function_words, plainly_expected, verdict

    text = (
        "The model is faster and cheaper than the old one, and it ships today "
        "for the team dans le nuage."
    )
    counts = function_words(text)
    assert counts["fr"] * 10 >= counts["words"]  # one word in ten is French…
    assert not plainly_expected(counts, "fr")  # …but English has enough to be confirmed
    found = verdict(text, "fr", counts)
    assert isinstance(found, Detection) and found.lang == "en"


_BODY_PIECES = [*"leth dΣσ’'.,:«» \n\tÉé", "les ", "and ", "the ", "l'", "don't ", "ΟΔΟΣ "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_BODY_PIECES)).map("".join), max_size=6))
def test_function_words_of_a_joined_body_are_the_sum_of_its_paragraphs(texts: list[str]) -> None:
    """FR001 counts a body's function words on its joined text or paragraph by paragraph,
    whichever it has at hand: the two must give the same numbers."""
    from seolint.text.language import function_words

    joined = function_words(" ".join(texts))
    summed = dict.fromkeys(joined, 0)
    for text in texts:
        for key, value in function_words(text).items():
            summed[key] += value
    assert joined == summed


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdeABCDE'", min_size=1, max_size=10), st.booleans())
def test_ascii_words_give_the_n_grams_character_by_character(word: str, spaced: bool) -> None:
    """The shortcut for ASCII words (no two capitals in a row) and NGram's own walk."""
    from seolint.text.detector import _any_word_ngrams, _plain_word_ngrams, _word_ngrams

    ours, _ = detectors(_COMMON_PROFILES)
    expected = _any_word_ngrams(word, spaced, ours.known)
    assert _word_ngrams(word, spaced, ours.known) == expected
    if not any(a.isupper() and b.isupper() for a, b in pairwise(word)):
        assert _plain_word_ngrams(word, spaced, ours.known) == expected
