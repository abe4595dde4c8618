"""Which language a piece of prose is written in: function words first, langdetect if needed.

langdetect alone is neither fast nor honest enough for a linter: loading its 55 profiles
takes about a second, a call 2–4 ms, and it calls a French sentence full of product names
English with a probability of 1.0. So :func:`verdict`:

- counts the function words of twelve languages (« le, les, des, dans, pour » for French,
  « the, and, of » for English…). When no other language has enough of them to be
  confirmed, the text is the expected language and langdetect never runs: on 36,000
  paragraphs of real French articles, that left 7 to detect;
- otherwise asks langdetect (loaded on first use with the profiles of the twelve
  languages plus the expected one; all 55 for text in another script), seeded so the
  answer never changes, and reports a language only when langdetect is confident
  (P ≥ 0.85, on 40 characters and 6 words at least) *and* the function words of that
  language are there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from seolint.text.french import word_set

MIN_CONFIDENCE = 0.85
"""langdetect's probabilities are votes of 7 trials: below this it hesitates."""
MIN_CHARS = 40
"""Under 40 characters langdetect guesses (its n-gram profiles need material)."""
MIN_WORDS = 6

LANGUAGE_NAMES = {
    "af": "Afrikaans",
    "ar": "Arabic",
    "bg": "Bulgarian",
    "bn": "Bengali",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "gu": "Gujarati",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "kn": "Kannada",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "mk": "Macedonian",
    "ml": "Malayalam",
    "mr": "Marathi",
    "ne": "Nepali",
    "nl": "Dutch",
    "no": "Norwegian",
    "pa": "Punjabi",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "so": "Somali",
    "sq": "Albanian",
    "sv": "Swedish",
    "sw": "Swahili",
    "ta": "Tamil",
    "te": "Telugu",
    "th": "Thai",
    "tl": "Tagalog",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "zh": "Chinese",
}
"""langdetect's 55 profiles (``zh-cn`` and ``zh-tw`` are both ``zh`` here)."""

_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "fil": "tl"}

# Profiles loaded by default: the languages a French or English site is likely to quote.
# Loading all 55 costs about a second; these, about 0.07 s.
_COMMON_PROFILES = ("fr", "en", "es", "de", "it", "pt", "nl", "ca", "ro", "pl", "sv", "da")

# Function words frequent in one language and rare in the others of _COMMON_PROFILES: no
# « la, de, en, que » for French (Spanish, Italian, Catalan use them too), no « on, a »
# for English (French words). Elided forms (l', qu') and contractions (n't, 's) count too.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: word_set(words)
    for lang, words in {
        "fr": "le les des du une est sont dans pour qui avec sur pas plus par ce cette ces et "
        "au aux il elle ils elles nous vous ont été être mais où donc comme aussi très sans "
        "sous chez vers depuis peut fait tout tous toutes même ainsi déjà encore alors dont "
        "lors selon notamment afin cela ceci leur leurs sa ses ne se était sera seront "
        "peuvent doit après avant quand lorsque parce puis votre vos notre nos à grâce "
        "voici parmi comment pourquoi",
        "en": "the and of to is are was were with for this that it be by from you your we "
        "our they their have has had will can not an which what how if but all more when "
        "there these those into about would should could been being its than then them who "
        "does",
        "es": "el los las y con por para una es del al lo como pero más muy también este esta "
        "hay sin sobre fue ser está están puede han sus desde cuando",
        "it": "di che della delle degli gli per con non una sono è nel nella anche come più "
        "questo questa dei alla essere stato hanno può",
        "de": "der die das und ist nicht mit von zu den dem ein eine auf für sich auch wird "
        "werden sind oder wie aber bei nach noch nur kann einen",
        "pt": "não uma com para os do da dos das em é são mais pelo pela está também seu sua "
        "ao aos foi ser pode",
        "nl": "het een van niet op te dat voor met zijn wordt ook aan als maar bij naar kan "
        "deze dit worden hebben er",
        "ca": "els amb per és dels als són aquest aquesta però més també molt pot han seu",
        "ro": "și în cu pe că nu este sunt care pentru din să fost acest această prin mai",
        "pl": "się nie że jest jak ale przez dla są być jego jej oraz który która to na",
        "sv": "och att det som på är av för med till har inte ett jag sig men kan från",
        "da": "og det til er som på med af ikke der var mig sig men har vi",
    }.items()
}
_ELISIONS = {
    "fr": word_set("l d qu n s c j m t jusqu lorsqu puisqu quelqu aujourd"),
    "it": word_set("dell all nell un sull dall"),
    "ca": word_set("l d s n"),
    # English contractions, by their head: don't, it's, that's, isn't, I'm, we're, you'll
    "en": word_set("don it that there isn doesn didn can won aren wasn i you we they let"),
}
# runs of letters (counted by their lengths: one match per word, not per letter)
_NON_LATIN_LETTERS = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_CONFIRMING_SHARE = 0.10  # of the words, for function words to confirm a detection
# A whole body is confirmed by fewer: langdetect is far surer of thousands of words than of a
# sentence, and bodies such as release notes are mostly names, versions and commit titles
# (nodejs.org's English notes: 5 to 10 % of function words, none French).
BODY_CONFIRMING_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Detection:
    lang: str  # a key of LANGUAGE_NAMES
    probability: float

    @property
    def name(self) -> str:
        return language_name(self.lang)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


@lru_cache(maxsize=256)  # called for every unit a rule looks at, with a handful of codes
def normalise(code: str) -> str:
    """``fr-FR`` → ``fr``; ``nb`` → ``no``; ``zh-cn`` → ``zh``."""
    base = re.split(r"[-_]", code.strip().lower())[0]
    return _ALIASES.get(base, base)


def is_supported(code: str) -> bool:
    return normalise(code) in LANGUAGE_NAMES


# Every function word, elided form (« l' ») and English contraction head (« don' »), with its
# languages. Text is lowered and cut at punctuation with str.translate, apostrophes kept on
# the left part: « l'IA » → « l' », « ia »; « don't » → « don' », « t ».
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in FUNCTION_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
for _lang, _heads in _ELISIONS.items():
    for _head in _heads:
        _LANGUAGES_OF[_head + "'"] = (*_LANGUAGES_OF.get(_head + "'", ()), _lang)
_VOCABULARY = frozenset(_LANGUAGES_OF)
# tokens that are punctuation, not words (French spaces its « : ; ! ? » and dashes)
_PUNCTUATION_TOKENS = frozenset(":;!?«»–—-•|/*&=+>")


def tokens(text: str) -> list[str]:
    """The lower-cased, space-separated tokens of ``text``, elided forms apart (« l' »,
    « ia »). Punctuation stays attached to words: function words rarely carry any, and
    ``str.split`` is several times faster than a regex or ``str.translate``."""
    return text.lower().replace("’", "' ").replace("'", "' ").split()


def function_words(text: str) -> dict[str, int]:
    """Function words of each known language in ``text``, and ``"words"``: all the words."""
    found = tokens(text)
    # list.count per word found is fastest on a paragraph, one Counter on a whole body
    tally: Callable[[str], int] = Counter(found).__getitem__ if len(found) > 150 else found.count
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    for word in _VOCABULARY.intersection(found):
        occurrences = tally(word)
        for lang in _LANGUAGES_OF[word]:
            counts[lang] += occurrences
    punctuation = sum(tally(token) for token in _PUNCTUATION_TOKENS.intersection(found))
    counts["words"] = len(found) - punctuation
    return counts


def _could_confirm(counts: dict[str, int], expected: str, share: float = _CONFIRMING_SHARE) -> bool:
    """Whether some other language has enough function words to confirm a detection."""
    if expected not in FUNCTION_WORDS:
        return True
    floor = max(2, counts["words"] * share)
    own = counts[expected]
    for code, n in counts.items():  # a plain loop: called for every paragraph
        if n >= floor and n > own and code != expected and code != "words":
            return True
    return False


# Frequent words the lists above leave out because another language uses them too: they
# still count against a detected language that does not (« de », « la » are not English).
_SHARED_WORDS = {
    "fr": {
        "de": "es pt ca ro nl",
        "la": "es it ca ro",
        "en": "es ca nl sv da",
        "un": "es it ca ro",
        "que": "es pt ca",
    },
    "en": {"a": "fr es it pt ca ro pl", "in": "de nl it", "on": "fr", "as": "pt", "or": "fr"},
}
_NAME_PUNCTUATION = ".,;:!?()[]{}«»\"“”‘’'…*_"


def _confirmed(
    found: Detection, text: str, counts: dict[str, int], expected: str, share: float
) -> bool:
    """langdetect's answer agrees with the function words (where we know them).

    langdetect alone calls « Paquets corrigés : cups-filters, imagemagick » Catalan and a
    list of English product names English, both with P = 1.0: a language is only reported
    when its own function words are there too, outside names (« Fight for the Future »,
    « Bank of America »), and outnumber the expected language's.
    """
    if found.lang not in FUNCTION_WORDS:
        return counts.get(expected, 0) == 0
    own = 0
    against = counts.get(expected, 0)
    shared = _SHARED_WORDS.get(expected, {})
    vocabulary = FUNCTION_WORDS[found.lang]
    words = text.replace("’", "' ").replace("'", "' ").split()
    # a whole body has thousands of words: only those of either list are looked at again
    stripped = [word.strip(_NAME_PUNCTUATION).lower() for word in words]
    wanted = vocabulary.union(shared)
    for index, lower in [(i, w) for i, w in enumerate(stripped) if w in wanted]:
        if lower in vocabulary:
            inside_name = (
                0 < index < len(words) - 1
                and words[index - 1][:1].isupper()
                and words[index + 1][:1].isupper()
            )
            own += not inside_name
        elif lower in shared and found.lang not in shared[lower].split():
            against += 1
    return own >= max(2, counts["words"] * share) and own > against


def verdict(
    text: str,
    expected: str,
    counts: dict[str, int] | None = None,
    share: float = _CONFIRMING_SHARE,
) -> Detection | str | None:
    """The language of ``text`` when it is not ``expected``, else None.

    A :class:`Detection` is a confident verdict, enough to report: text long enough for
    langdetect (40 characters, 6 words), probability ≥ 0.85, and the function words of
    that language present; langdetect only runs when the function words leave the
    question open. A language code is a weaker guess, enough to leave the text alone (the
    typography rules skip it): it has function words of another language and none of the
    expected one (« AI for All » → ``en``; « TL;DR » → None). ``counts`` are the text's
    :func:`function_words`, when already known; ``share`` the part of its words that must be
    function words of the detected language (less for a whole body).
    """
    expected = normalise(expected)
    if counts is None:
        counts = function_words(text)
    if len(text) < MIN_CHARS or counts["words"] < MIN_WORDS:
        return _guess(counts, expected)
    # text in another script has none of our function words: check the script only then
    other_script = counts.get(expected, 0) * 10 < counts["words"] and _other_script(text)
    if not other_script and not _could_confirm(counts, expected, share):
        return _guess(counts, expected)
    found = detect(text, expected)
    if found is None or found.lang == expected or found.probability < MIN_CONFIDENCE:
        return _guess(counts, expected)
    if not other_script and not _confirmed(found, text, counts, expected, share):
        return _guess(counts, expected)
    return found


def _guess(counts: dict[str, int], expected: str) -> str | None:
    if expected not in FUNCTION_WORDS or counts[expected]:
        return None
    best = max((n, code) for code, n in counts.items() if code not in (expected, "words"))
    return best[1] if best[0] >= 1 else None


def settled_as_expected(
    counts: dict[str, int], expected: str, share: float = _CONFIRMING_SHARE
) -> bool:
    """True when :func:`verdict` answers None from the function words alone, for any text
    of at least MIN_CHARS with these counts: enough words, the expected language's
    function words present, and :func:`plainly_expected`. The caller need not even build
    the text."""
    expected = normalise(expected)
    return (
        expected in FUNCTION_WORDS
        and counts["words"] >= MIN_WORDS
        and plainly_expected(counts, expected, share)
        and _guess(counts, expected) is None
    )


def plainly_expected(
    counts: dict[str, int], expected: str, share: float = _CONFIRMING_SHARE
) -> bool:
    """True when :func:`verdict` answers None for any text with these counts, however long:
    at least one word in ten is a function word of the expected language (so no other
    script is looked for) and no other language has enough of its own to be confirmed.
    Most paragraphs of an article are so: the caller need not even collapse their text."""
    expected = normalise(expected)
    return counts.get(expected, 0) * 10 >= counts["words"] and not _could_confirm(
        counts, expected, share
    )


def matched_length(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the matches of ``pattern`` cover."""
    return sum(map(len, pattern.findall(text)))


def matched_length_below(pattern: re.Pattern[str], text: str, limit: float) -> bool:
    """``matched_length(pattern, text) < limit``, reading only as far as needed."""
    found = 0
    for match in pattern.finditer(text):
        found += match.end() - match.start()
        if found >= limit:
            return False
    return True


def is_foreign(text: str, expected: str, counts: dict[str, int] | None = None) -> bool:
    """Whether :func:`verdict` is not None, running langdetect only when that depends on it.

    :func:`verdict` answers either langdetect's detection or the function-word guess: when
    the guess already names a language, the answer is "foreign" whatever langdetect says.
    """
    expected = normalise(expected)
    if counts is None:
        counts = function_words(text)
    if _guess(counts, expected) is not None:
        return True
    return verdict(text, expected, counts) is not None


def may_detect(text: str, expected: str, counts: dict[str, int]) -> bool:
    """False when :func:`verdict` cannot return a :class:`Detection` of a language other
    than ``expected``: langdetect need not run.

    Outside another script, langdetect only knows _COMMON_PROFILES, all in FUNCTION_WORDS,
    and the expected language; and :func:`_confirmed` wants at least ``max(2, 10 %)`` of
    the words to be function words of the detected language: if no candidate has that
    many, even counted loosely (punctuation stripped, names included), none is confirmed.
    """
    expected = normalise(expected)
    if len(text) < MIN_CHARS or counts["words"] < MIN_WORDS:
        return False
    if counts.get(expected, 0) * 10 < counts["words"] and _other_script(text):
        return True
    if not _could_confirm(counts, expected):
        return False  # verdict answers from function words alone: a guess, no detection
    floor = max(2, counts["words"] * _CONFIRMING_SHARE)
    loose = _loose_function_words(text)
    return any(n >= floor for lang, n in loose.items() if lang != expected)


def _loose_function_words(text: str) -> Counter[str]:
    """Function words per language, words split and stripped as :func:`_confirmed` does."""
    found: Counter[str] = Counter()
    for word in text.lower().replace("’", "' ").replace("'", "' ").split():
        # a stripped word never ends with an apostrophe: only function words can match
        languages = _LANGUAGES_OF.get(word.strip(_NAME_PUNCTUATION))
        if languages:
            found.update(languages)
    return found


def foreign_language(
    text: str,
    expected: str,
    counts: dict[str, int] | None = None,
    share: float = _CONFIRMING_SHARE,
) -> Detection | None:
    """Like :func:`verdict`, for text that must be long enough for langdetect."""
    found = verdict(text, expected, counts, share)
    return found if isinstance(found, Detection) else None


def _other_script(text: str) -> bool:
    """Mostly letters of another script than Latin (Cyrillic, CJK, Arabic…)."""
    if text.isascii():
        return False
    # the non-Latin letters first: most texts have none, and counting every letter (a list
    # of every one) is then not needed
    others = matched_length(_NON_LATIN_LETTERS, text)
    # the letters are counted only until they reach twice the others: in Latin text with a
    # few other letters (a name, a symbol), within its first words
    return others > 0 and matched_length_below(_LETTERS, text, others * 2)


_REMEMBERED_CHARS = 2_000  # paragraphs, not whole bodies: the memory stays small


def detect(text: str, expected: str = "fr") -> Detection | None:
    """The most probable language of ``text`` and its probability; None without features.

    The answer depends on the text alone (langdetect is seeded), and the same paragraphs
    come back across a site (release notes list the same commits): short texts are
    remembered.
    """
    if len(text) <= _REMEMBERED_CHARS:
        return _remembered(text, normalise(expected))
    return _detect(text, expected)


@lru_cache(maxsize=4096)
def _remembered(text: str, expected: str) -> Detection | None:
    return _detect(text, expected)


def _detect(text: str, expected: str) -> Detection | None:
    # mostly another script (Cyrillic, CJK, Arabic…): every profile
    detector = _detector(_profiles(normalise(expected), _other_script(text)))
    ranked = detector.probabilities(text)
    if not ranked:  # no usable n-gram (digits, symbols)
        return None
    lang, probability = ranked[0]
    return Detection(normalise(lang), probability)


def _profiles(expected: str, everything: bool) -> tuple[str, ...]:
    if everything:
        return ()
    if expected == "zh":
        return (*_COMMON_PROFILES, "zh-cn", "zh-tw")
    if expected in LANGUAGE_NAMES and expected not in _COMMON_PROFILES:
        return (*_COMMON_PROFILES, expected)
    return _COMMON_PROFILES


@cache
def _detector(profiles: tuple[str, ...]) -> Any:
    """langdetect's algorithm over those profiles (all of them for ``()``), seeded so the
    answer never changes (:mod:`seolint.text.detector`)."""
    from seolint.text.detector import FastDetector

    return FastDetector(profile_texts(profiles), seed=0)


def profile_texts(profiles: tuple[str, ...]) -> list[str]:
    """The JSON texts of langdetect's profiles, in the order given (all, sorted, for ``()``)."""
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY

    names = profiles or tuple(sorted(os.listdir(PROFILES_DIRECTORY)))
    texts = []
    for name in names:
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as handle:
            texts.append(handle.read())
    return texts
