"""Slugs of French (and English) titles: folding, suggestions, and checks against the title.

Hashnode builds a slug by turning every character outside ``[a-z0-9]`` into a hyphen, so
« de sécurité critiques » becomes ``de-s-curit-critiques``; Hugo and most generators fold the
accents instead (``de-securite-critiques``). The helpers here recognise both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise

__all__ = [
    "STOP_WORDS",
    "SlugMatch",
    "fold",
    "hashnode_mangle",
    "is_accent_mangled",
    "match_slug_to_title",
    "suggest_slug",
    "title_words",
]

# Letters that NFKD does not decompose into a base letter plus accent.
_SPECIAL_FOLDS = str.maketrans(
    {
        "œ": "oe",
        "æ": "ae",
        "ß": "ss",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "ı": "i",
        "ħ": "h",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "′": "'",
        "`": "'",
        "´": "'",
    }
)

# Elided articles and pronouns: l'IA, d'investir, qu'il, jusqu'au, lorsqu'on.
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)'(?=[a-z0-9])")
_WORD = re.compile(r"[a-z0-9]+")

# French: articles, prepositions, conjunctions, pronouns, elided letters, common verbs.
_FRENCH_STOP_WORDS = """
    a au aux avec c ce ceci cela celle celles celui ces cet cette chez comme contre d dans de
    depuis des donc du elle elles en entre est et etait eux il ils j je l la le les leur leurs
    lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont or ou par parmi pas pendant
    peu plus pour qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses si son
    sont sous sur t ta te tes toi ton tous tout toute toutes tres tu un une vers via voici voila
    vos votre vous y etre avoir sera
"""
_ENGLISH_STOP_WORDS = """
    about after an and are as at be been before but by can could did do does for from had has
    have he her his how i if in into is it its just me my no not of off on or our out over she
    so than that the their them then there these they this those to too up us was we were what
    when where which while who whom why will with would you your
"""
STOP_WORDS: frozenset[str] = frozenset((_FRENCH_STOP_WORDS + _ENGLISH_STOP_WORDS).split())
# Ignored when matching a slug to its title but kept in suggestions: "rust-vs-go" reads well.
_CONNECTORS = frozenset({"vs", "versus"})

# Frequent accented words of French tech writing; their Hashnode-mangled forms are recognised
# in a slug even when no title is given.
_COMMON_ACCENTED = """
    accélérer accès âge amélioration améliorations améliorer après août aperçu bénéfice bêta
    carrière célèbre critère cœur côté contrôle coût créateur créé décembre décision
    déjà démarrer dépasse déploiement désormais détail détection dévoile différence
    développement développeur développeurs données début écosystème économie écran édition
    efficacité électrique élevé élection énergie équipe erreur étape état étude européen
    événement évolution expérience février fenêtre fiabilité fonctionnalité fonctionnalités
    français française fraîche générale génération générative gérer hébergement hôpital
    identité intégré intégrée intégration interopérabilité journée légère lumière matériel
    médecin mémoire méthode métier ministère modèle modèles même numérique nouveauté
    opérateur opération optimisé pénurie période première présente prévisions priorité
    problème procès protégé qualité réalité récupération référence réduire région règles
    réglementation rémunération réponse réponses réseau réseaux résultat révèle révolution
    rôle sécurité sécuriser sécurisé sélection société spécialisé stratégie système systèmes
    télécharger téléphone très université utilité véhicule vérification vidéo vulnérabilité
    vulnérabilités zéro
"""


def fold(text: str) -> str:
    """Lowercase ``text`` and remove accents (é→e, œ→oe, æ→ae, ß→ss); ’ becomes '."""
    lowered = text.lower().translate(_SPECIAL_FOLDS)
    if lowered.isascii():
        return lowered
    return unicodedata.normalize("NFKD", lowered).translate(_WITHOUT_MARKS)


class _MarkRemover(dict[int, str | None]):
    """``str.translate`` table dropping combining marks (the accents NFKD splits off),
    filled in on first sight of each character: one C call per text, not one per
    character."""

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        value = self[code] = None if unicodedata.combining(char) else char
        return value


_WITHOUT_MARKS = _MarkRemover()


def title_words(text: str) -> list[str]:
    """Folded words of a title without elided articles: « l’IA » → ``ia``."""
    return _WORD.findall(_ELISION.sub(" ", fold(text)))


def _cut(words: Sequence[str], max_len: int) -> str:
    """Join ``words`` with hyphens, dropping whole words past ``max_len`` characters."""
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_len:
            break
        slug = candidate
    # A first word longer than the limit is cut rather than lost.
    return slug or (words[0][:max_len] if words else "")


def suggest_slug(title: str, max_len: int = 75) -> str:
    """A slug for ``title``: folded, stop words dropped, at most ``max_len`` characters."""
    words = title_words(title)
    content = [word for word in words if word not in STOP_WORDS]
    return _cut(content if len(content) >= 2 else words, max_len)


def hashnode_mangle(title: str) -> str:
    """The slug Hashnode derives from ``title``: every character outside ``[a-z0-9]`` after
    lowercasing (accented letters included) becomes a separator."""
    return "-".join(_WORD.findall(title.lower()))


def _pieces(slug: str) -> list[str]:
    return _WORD.findall(slug.lower())


_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")
# « -ité » nouns cut before the é, where no French or English word ends so ("productivit").
# Not "-icit": « explicité » → "explicit" is a real word.
_ITE_ENDINGS = ("ilit", "ivit", "alit", "urit", "exit", "arit", "orit", "osit")


def _accented_words(text: str) -> list[str]:
    """Lowercased words of ``text`` that hold a non-ASCII letter."""
    return [word for word in re.findall(r"[^\W_]+", text.lower()) if not word.isascii()]


def _deleted_form(word: str) -> str | None:
    """``word`` with its non-ASCII letters deleted (« améliorations » → ``amliorations``), when
    that cannot be a real word: one dropped letter sat between two consonants. « reporté » →
    "report" or « ciblées » → "cibles" are real words and prove nothing."""
    inside = any(
        not char.isascii() and word[i - 1] in _CONSONANTS and word[i + 1] in _CONSONANTS
        for i, char in enumerate(word[1:-1], start=1)
    )
    deleted = "".join(char for char in word if char.isascii())
    return deleted if inside and len(deleted) >= 5 and deleted.isalnum() else None


def _accented_mangles(text: str) -> list[tuple[str, ...]]:
    """Slug fragments that betray a dropped accented letter in a word of ``text``: the pieces
    Hashnode makes of it (« sécurité » → ``("s", "curit")``) and the word with the letters
    deleted (``amliorations``), kept only when they cannot be mistaken for a real word."""
    folded_words = set(title_words(text))
    found: list[tuple[str, ...]] = []
    for word in _accented_words(text):
        pieces = tuple(_WORD.findall(word))
        if len(pieces) >= 2:
            found.append(pieces)
        elif pieces:
            # A leading letter dropped (« économie » → "conomie") leaves a non-word; a trailing
            # one often leaves a real word (« exploité » → "exploit", « limité » → "limit"),
            # except for the « -ité » nouns that end in these letters (« productivité »).
            piece = pieces[0]
            leading = not word[0].isascii() and word[-1].isascii()
            trailing = word.endswith("ité") and piece.endswith(_ITE_ENDINGS) and len(piece) >= 6
            if (leading or trailing) and len(piece) >= 5 and piece not in folded_words:
                found.append(pieces)
        deleted = _deleted_form(word)
        if deleted and deleted not in folded_words:
            found.append((deleted,))
    return found


@cache
def _common_mangles() -> tuple[tuple[str, ...], ...]:
    keep = []
    for pieces in _accented_mangles(_COMMON_ACCENTED):
        # "r-le" (rôle) or "m-me" (même) could be anything: need a piece of 3+ letters.
        if max(len(piece) for piece in pieces) >= 3:
            keep.append(pieces)
    return tuple(sorted(set(keep)))


def _runs(pieces: Sequence[str], sizes: Iterable[int]) -> set[tuple[str, ...]]:
    """Every run of consecutive pieces of the given sizes."""
    return {tuple(pieces[i : i + size]) for size in sizes for i in range(len(pieces) - size + 1)}


def is_accent_mangled(slug: str, title: str | None = None) -> bool:
    """Whether ``slug`` shows accented letters dropped, as Hashnode does (``s-curit``).

    With ``title``, the slug must hold, as whole consecutive pieces, the fragments Hashnode
    makes of one of the title's accented words. Without it (and in addition to it), only the
    fragments of frequent accented French words count. Conservative by design: a 1-letter piece
    alone proves nothing, since ``l-ia`` or ``d-link`` are legitimate.
    """
    pieces = _pieces(slug)
    if not pieces:
        return False
    candidates: list[tuple[str, ...]] = list(_common_mangles())
    if title:
        candidates.extend(_accented_mangles(title))
    # one set of the slug's runs rather than a scan of the slug per candidate (hot: every file)
    runs = _runs(pieces, {len(mangle) for mangle in candidates})
    return any(mangle in runs for mangle in candidates)


@dataclass(frozen=True)
class SlugMatch:
    """How a slug relates to a title: slug words the title does not explain, and a better slug."""

    foreign_words: tuple[str, ...]
    suggestion: str


# Inflectional and common derivational endings, longest first: a light French stemmer, so that
# "optimisez" matches « optimiser » and "securite" matches « sécuriser ».
_SUFFIX_LIST = """
    issements issement ations ation ateurs ateur atrices atrice ements ement ances ance ences
    ence ites ite iques ique ismes isme istes iste ables able ibles ible euses euse eurs eur
    ives ive ifs if esses esse ages age ales ale aux al ees ee ants ant ent ons er ez es e s x
"""
_SUFFIXES = tuple(sorted(_SUFFIX_LIST.split(), key=len, reverse=True))
# by length, longest first: one set lookup per length instead of one endswith per suffix
_SUFFIXES_BY_LENGTH = tuple(
    (size, frozenset(s for s in _SUFFIXES if len(s) == size))
    for size in sorted({len(s) for s in _SUFFIXES}, reverse=True)
)
# The same acronym in both languages: a French title about « l’IA » may have an "ai" slug.
_EQUIVALENTS = {"ai": "ia", "ia": "ai"}


def _stem(word: str) -> str:
    if word.endswith(("eaux", "eux")):
        return word[:-1]  # réseaux → réseau, not "rese" by the "aux" of journaux
    for size, suffixes in _SUFFIXES_BY_LENGTH:
        if len(word) - size >= 4 and word[-size:] in suffixes:
            return word[:-size]
    return word


def _same_stem(first: str, second: str) -> bool:
    """Equal stems, or one a prefix of the other when 5+ letters (securis / secur)."""
    short, long = sorted((first, second), key=len)
    return short == long or (len(short) >= 5 and long.startswith(short))


class _TitleVocabulary:
    """Everything a slug word may legitimately come from, for one title."""

    def __init__(self, title: str) -> None:
        words = title_words(title)
        self.words = words
        self.exact: set[str] = set(words) | set(_pieces(hashnode_mangle(title)))
        # Apostrophe dropped rather than split: « l’IA » → lia, « d’AMD » → damd.
        self.exact.update(_WORD.findall(fold(title).replace("'", "")))
        # Accented letters deleted (« améliorations » → amliorations): SEO008 reports it.
        self.exact.update(
            "".join(char for char in word if char.isascii()) for word in _accented_words(title)
        )
        # Compounds written apart in the title but joined in the slug: "zero day" → zeroday.
        for size in (2, 3):
            for i in range(len(words) - size + 1):
                self.exact.add("".join(words[i : i + size]))

    # Stems and initials are only needed for a slug word the title does not spell out:
    # computed then (most slugs are the title's own words).
    @cached_property
    def stems(self) -> set[str]:
        return {_stem(word) for word in self.exact if word.isalpha()}

    @cached_property
    def initials(self) -> set[str]:
        """Initials of consecutive words: « intelligence artificielle » → ia."""
        content = [word for word in self.words if word not in STOP_WORDS]
        found: set[str] = set()
        for sequence in (self.words, content):
            for size in range(2, 6):
                for i in range(len(sequence) - size + 1):
                    found.add("".join(word[0] for word in sequence[i : i + size]))
        return found

    def explains(self, piece: str) -> bool:
        if piece in self.exact or _EQUIVALENTS.get(piece) in self.exact:
            return True
        if piece.isalpha():
            stem = _stem(piece)
            if any(_same_stem(stem, other) for other in self.stems):
                return True
        if piece.isalpha() and 2 <= len(piece) <= 5 and piece in self.initials:
            return True
        # Abbreviation: "dev" for développement, "optim" for optimisation.
        if (
            piece.isalpha()
            and len(piece) >= 3
            and any(word.startswith(piece) for word in self.words if len(word) > len(piece))
        ):
            return True
        # Number with a unit letter: "15m" for « 15 millions », "140m" for « 140 M$ ».
        number = re.fullmatch(r"(\d+)([a-z]{1,3})", piece)
        if number:
            digits, unit = number.groups()
            pairs = pairwise(self.words)
            return any(word == digits and after.startswith(unit) for word, after in pairs)
        return False


def _joined_runs(pieces: Sequence[str], vocabulary: _TitleVocabulary) -> set[int]:
    """Indexes of slug pieces that, joined with neighbours, spell a title word ("open-ai")."""
    covered: set[int] = set()
    for size in (2, 3):
        for i in range(len(pieces) - size + 1):
            if "".join(pieces[i : i + size]) in vocabulary.exact:
                covered.update(range(i, i + size))
    return covered


def match_slug_to_title(slug: str, title: str) -> SlugMatch:
    """Compare ``slug`` with ``title``: words of the slug that the title does not explain.

    Accents are folded and stop words ignored; a Hashnode-mangled piece (``curit``) counts as
    coming from the title, as do plurals, prefixes of 3+ letters, initials of consecutive
    words (``ia``) and digits present in the title.
    """
    pieces = _pieces(slug)
    vocabulary = _TitleVocabulary(title)
    # Hashnode appends "-1", "-1-1"... to a slug already taken: not a word of the slug.
    while pieces and len(pieces[-1]) <= 2 and pieces[-1].isdigit():
        if pieces[-1] in vocabulary.exact:
            break
        pieces.pop()
    joined = _joined_runs(pieces, vocabulary)
    foreign = [
        piece
        for index, piece in enumerate(pieces)
        if piece not in STOP_WORDS
        and piece not in _CONNECTORS
        and index not in joined
        and not vocabulary.explains(piece)
    ]
    return SlugMatch(foreign_words=tuple(_unique(foreign)), suggestion=suggest_slug(title))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
