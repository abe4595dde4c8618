"""French typography scanners, one per rule, over masked prose.

Each scanner reads two strings of the same length: ``masked`` (the prose view: code, URLs,
Markdown syntax blanked) to find candidates, and ``original`` (the file's text) to see which
space really precedes or follows them, since a masked entity like ``&nbsp;`` reads as spaces.
It yields :class:`Hit` spans with the edits that fix them; offsets are into the strings.

Spacing conventions (Imprimerie nationale, as applied by most French publishers): a narrow
no-break space (U+202F) before ``; ! ?`` and inside « », a no-break space (U+00A0) before
``:`` and between a number and ``%``. Both characters (and ``&nbsp;``, ``&#8239;``) are
accepted wherever either is expected.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from seolint.findings import Edit
from seolint.parse.prose import NO_BREAK_SPACES, nbsp_after, nbsp_before
from seolint.text.french import (
    COUNTED_WORDS,
    DAYS,
    MONTHS,
    QUANTITY_WORDS,
    positions,
    word_set,
)

NBSP = "\u00a0"
NNBSP = "\u202f"


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    message: str
    edits: tuple[Edit, ...] = ()


# -- spacing around punctuation ----------------------------------------------------------

_OK, _SKIP, _GLUED, _SPACED = range(4)
_OPENERS = "([{«\"“‘'"


def _space_before(masked: str, original: str, index: int) -> tuple[int, int]:
    """How the punctuation at ``index`` is separated from what precedes it.

    Returns (state, start of the ordinary spaces to replace). A sign at the start of a line
    (or after nothing but list or quote marks) is skipped: the line break before it renders
    as a space that no edit of this line can make unbreakable.
    """
    if nbsp_before(original, index):
        return _OK, index
    start = index
    while start > 0 and original[start - 1] in " \t":
        start -= 1
    if start == 0 or original[start - 1] in "\n|":
        return _SKIP, start  # a line or table cell starting with the sign: « | ? n | »
    line_start = masked.rfind("\n", 0, start) + 1
    if not masked[line_start:start].strip():
        return _SKIP, start
    if start == index:
        return _GLUED, index
    if original[start - 1] in NO_BREAK_SPACES:
        return _OK, index
    return _SPACED, start


def _space_after(masked: str, original: str, index: int) -> tuple[int, int]:
    """The same after the sign at ``index`` (for «): (state, end of the spaces)."""
    after = index + 1
    if nbsp_after(original, after):
        return _OK, after
    end = after
    length = len(original)
    while end < length and original[end] in " \t":
        end += 1
    if end >= length or original[end] == "\n" or not masked[end:].split("\n", 1)[0].strip():
        return _SKIP, end
    return (_GLUED if end == after else _SPACED), end


_FOLLOWS_SIGN = frozenset(" \t\n»\"”’')]}.,…")
_SMILEY = re.compile(r"[;:]-?[()DPp](?!\w)")


def double_punctuation(masked: str, original: str) -> Iterator[Hit]:
    """FR101: ``; ! ?`` need a narrow no-break space before them."""
    length = len(masked)
    for index in positions(masked, "!?;"):
        if index and masked[index - 1] in "!?;":
            continue  # the second sign of « ?! » is judged with the first
        end = index + 1
        if masked[index] != ";":
            while end < length and masked[end] in "!?":
                end += 1
        if end < length and masked[end] not in _FOLLOWS_SIGN:
            continue  # TL;DR, a;b, Yahoo!Finance: not punctuation of a sentence
        if original[index] == ";" and _SMILEY.match(original, index):
            continue  # ;) ;-)
        state, start = _space_before(masked, original, index)
        if state in (_OK, _SKIP) or original[start - 1] in _OPENERS + "/-":
            continue  # "(?)", "« ? »", the switches -? and /?
        sign = masked[index:end]
        how = (
            "it is glued to the word before"
            if state == _GLUED
            else "not an ordinary space, which can break the line"
        )
        yield Hit(
            start,
            end,
            f"« {sign} » needs a narrow no-break space before it (U+202F); {how}",
            (Edit(start, index, NNBSP),),
        )


_COLON = re.compile(r":(?=\s|$)")


def colon(masked: str, original: str) -> Iterator[Hit]:
    """FR102: ``:`` followed by a space or a line end needs a no-break space before it."""
    for match in _COLON.finditer(masked):
        index = match.start()
        if index and masked[index - 1] == ":":
            continue  # « :: »
        if _ends_cell(original, index + 1):
            continue  # « | Env: | », a label or a PowerShell drive in a table
        if _escape_follows(original, index + 1):
            continue  # « \<server\>:\<port\> »: the blanked backslash is no space to a reader
        state, start = _space_before(masked, original, index)
        if state in (_OK, _SKIP):
            continue
        how = (
            "it is glued to the word before"
            if state == _GLUED
            else "not an ordinary space, which can break the line"
        )
        yield Hit(
            start,
            index + 1,
            f"« : » needs a no-break space before it (U+00A0); {how}",
            (Edit(start, index, NBSP),),
        )


def _escape_follows(original: str, index: int) -> bool:
    r"""A Markdown escape (``\<``, ``\*``) at ``index``: the reader sees the escaped
    character right there, where the masked prose has the backslash as a space."""
    return original.startswith("\\", index) and original[index + 1 : index + 2] not in ("", "\n")


def _ends_cell(original: str, index: int) -> bool:
    while index < len(original) and original[index] in " \t":
        index += 1
    return index < len(original) and original[index] == "|"


def guillemets(masked: str, original: str) -> Iterator[Hit]:
    """FR103: « and » need a narrow no-break space inside."""
    position = -1
    while True:
        position = _next_guillemet(masked, position + 1)
        if position == -1:
            return
        if masked[position] == "«":
            if original[position + 1 : position + 2] == "»":
                continue
            state, end = _space_after(masked, original, position)
            if state in (_OK, _SKIP) or original[end : end + 1] == "»":
                continue
            yield Hit(
                position,
                end,
                "« needs a narrow no-break space (U+202F) after it"
                + ("" if state == _GLUED else ", not an ordinary space"),
                (Edit(position + 1, end, NNBSP),),
            )
        else:
            if position > 0 and original[position - 1] == "«":
                continue
            state, start = _space_before(masked, original, position)
            if state in (_OK, _SKIP) or original[start - 1] == "«":
                continue
            yield Hit(
                start,
                position + 1,
                "» needs a narrow no-break space (U+202F) before it"
                + ("" if state == _GLUED else ", not an ordinary space"),
                (Edit(start, position, NNBSP),),
            )


def _next_guillemet(text: str, start: int) -> int:
    opening, closing = text.find("«", start), text.find("»", start)
    if opening == -1:
        return closing
    if closing == -1:
        return opening
    return min(opening, closing)


# -- quotes, ellipsis, apostrophes ---------------------------------------------------------

_QUOTE_CONTEXT_OPEN = frozenset(" \t\n([{—–-/")
_QUOTE_CONTEXT_CLOSE = frozenset(" \t\n)]}.,;:!?…—–-/")


def straight_quotes(masked: str, original: str) -> Iterator[Hit]:
    """FR104: pairs of ``"`` in one paragraph → « … ». Skips a paragraph whose quotes do not
    pair up cleanly (inches, a stray quote): converting those could be wrong."""
    positions = [i for i, char in enumerate(masked) if char == '"']
    if not positions or len(positions) % 2:
        return
    length = len(masked)
    pairs: list[tuple[int, int]] = []
    for opening, closing in zip(positions[::2], positions[1::2], strict=True):
        before = masked[opening - 1] if opening > 0 else " "
        inside_first = masked[opening + 1] if opening + 1 < length else " "
        inside_last = masked[closing - 1]
        after = masked[closing + 1] if closing + 1 < length else " "
        if (
            before not in _QUOTE_CONTEXT_OPEN
            or inside_first.isspace()
            or inside_last.isspace()
            or after not in _QUOTE_CONTEXT_CLOSE
            or "\n\n" in masked[opening:closing]
        ):
            return
        pairs.append((opening, closing))
    for opening, closing in pairs:
        quoted = " ".join(masked[opening + 1 : closing].split())
        if not any(char.isalpha() for char in quoted):
            continue  # "" or "$-" is a string of a program, not a quotation
        shown = quoted if len(quoted) <= 40 else quoted[:37] + "…"
        yield Hit(
            opening,
            closing + 1,
            f'straight quotes around "{shown}": French uses « … » (with narrow '
            "no-break spaces inside)",
            (Edit(opening, opening + 1, "«" + NNBSP), Edit(closing, closing + 1, NNBSP + "»")),
        )


_DOTS = re.compile(r"\.{3,}")


def ellipsis(masked: str, original: str) -> Iterator[Hit]:
    """FR105: ``...`` → ``…``."""
    if "..." not in masked:
        return
    length = len(masked)
    for match in _DOTS.finditer(masked):
        start, end = match.span()
        if end - start != 3:
            continue  # « .... » is not an ellipsis gone wrong
        before = masked[start - 1] if start else " "
        after = masked[end] if end < length else " "
        if (before.isdigit() and after.isdigit()) or after == "/" or before == "/":
            continue  # a range 1...10, a path ../..
        yield Hit(
            start,
            end,
            "three periods « ... »: use the ellipsis character « … »",
            (Edit(start, end, "…"),),
        )


def apostrophes(masked: str) -> Iterator[tuple[int, str]]:
    """FR106: every apostrophe between two letters, with its character."""
    length = len(masked)
    for index in positions(masked, "'’"):
        if 0 < index < length - 1 and masked[index - 1].isalpha() and masked[index + 1].isalpha():
            yield index, masked[index]


# -- words and numbers ---------------------------------------------------------------------

_DIGITS = "0123456789"


def numbers(masked: str) -> list[tuple[int, int]]:
    """Spans of the numbers of ``masked`` (digits with inner ``.`` or ``,``): one scan
    shared by the ordinal, decimal-point and thousands rules. The digits are found with
    ``str.find``; a regex starting with ``[0-9]`` scans the text ten times slower."""
    spans: list[tuple[int, int]] = []
    length = len(masked)
    for index in positions(masked, _DIGITS):
        if spans and index < spans[-1][1]:
            continue  # inside the previous number
        end = index + 1
        while end < length:
            if masked[end] in _DIGITS:
                end += 1
            elif masked[end] in ".," and end + 1 < length and masked[end + 1] in _DIGITS:
                end += 2
            else:
                break
        spans.append((index, end))
    return spans


_ORDINAL_SUFFIX = re.compile(r"(ième|ieme|ème|eme|éme|è|ère|ere|ière|iere|ier)(s?)\b")
_ROMAN_ORDINAL = re.compile(r"([IVXLC]{2,7}|[VX])(ième|ieme|ème|eme|éme)(s?)\b")


def ordinals(
    masked: str, original: str, spans: list[tuple[int, int]] | None = None
) -> Iterator[Hit]:
    """FR107: ``2ème`` → ``2e``, ``1ère`` → ``1re``, ``XXème`` → ``XXe``."""
    found: list[tuple[int, str, str, str, int]] = []  # start, number, suffix, plural, end
    for start, end in numbers(masked) if spans is None else spans:
        number = masked[start:end]
        if not number.isdigit() or (start and masked[start - 1].isalpha()):
            continue
        after = _ORDINAL_SUFFIX.match(masked, end)
        if after is not None:
            found.append((start, number, after.group(1), after.group(2), after.end()))
    for index in positions(masked, "IVXLC"):  # capitals are rare: find them, then look
        if index and (masked[index - 1].isalnum() or masked[index - 1] == "_"):
            continue
        match = _ROMAN_ORDINAL.match(masked, index)
        if match is not None:
            roman, ending, plural = match.group(1, 2, 3)
            found.append((match.start(), roman, ending, plural, match.end()))
    for start, number, suffix, plural, end in sorted(found):
        yield from _ordinal_hit(start, number, suffix, plural, end)


def _ordinal_hit(start: int, number: str, suffix: str, plural: str, end: int) -> Iterator[Hit]:
    written = number + suffix + plural
    first = number in ("1", "I")
    feminine = suffix in ("ère", "ere", "ière", "iere")
    if suffix == "ier" and not first:
        return  # « 10ier » is no ordinal this rule can read
    if first:
        replacement = "er" if suffix == "ier" else "re" if feminine else ""
        if not replacement:  # « 1ème »: masculine « 1er » or feminine « 1re »?
            yield Hit(
                start, end, f"« {written} » is not a French ordinal: write « 1er » or « 1re »"
            )
            return
    elif feminine:
        return  # « 2ère » is a typo this rule cannot correct
    else:
        replacement = "e"
    fixed = number + replacement + plural
    yield Hit(
        start,
        end,
        f"ordinal « {written} »: French abbreviates it « {fixed} »",
        (Edit(start + len(number), end, replacement + plural),),
    )


_CAPITAL_MONTHS = tuple(month.capitalize() for month in MONTHS)
_CAPITAL_DAYS = tuple(day.capitalize() for day in DAYS)
_SPACE = "[ \t\u00a0\u202f]+"
_DAY_NUMBER_BEFORE = re.compile(rf"(?:^|(?<=[\s(]))(?:1er|[1-9]|[12][0-9]|3[01]){_SPACE}\Z")
_PREPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=\W))(?:en|de|d[’']|début|fin|mi-|depuis|dès|courant|jusqu[’']en)"
    r"[ \t\u00a0]*\Z",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(rf"{_SPACE}[0-9]{{4}}\b")
_DAY_NUMBER_AFTER = re.compile(rf"{_SPACE}(?:1er|[1-9]|[12][0-9]|3[01])\b")


def capitalized_dates(
    masked: str, original: str, unit_start: Callable[[int], int]
) -> Iterator[Hit]:
    """FR108: ``10 Décembre``, ``le Lundi 3`` → lower case (not at a sentence's start).

    A capitalised month is in a date after a day number (« 10 Décembre ») or between a
    preposition and a year (« en Décembre 2025 »); a day, before a day number
    (« le Lundi 3 mars »). The names are found with ``str.find`` and their context read
    around them.
    """
    found: list[tuple[int, str]] = []
    for names, is_month in ((_CAPITAL_MONTHS, True), (_CAPITAL_DAYS, False)):
        for name in names:
            index = masked.find(name)
            while index != -1:
                end = index + len(name)
                if (index == 0 or not masked[index - 1].isalnum()) and (
                    end == len(masked) or not masked[end].isalnum()
                ):
                    # the original text: a table pipe between « 5.1 | Août » is no space
                    window = original[max(0, index - 24) : index]
                    if (
                        is_month
                        and (
                            _DAY_NUMBER_BEFORE.search(window)
                            or (
                                _PREPOSITION_BEFORE.search(window)
                                and _YEAR_AFTER.match(masked, end)
                            )
                        )
                    ) or (not is_month and _DAY_NUMBER_AFTER.match(masked, end)):
                        found.append((index, name))
                index = masked.find(name, end)
    for start, word in sorted(found):
        if _sentence_start(original, start, unit_start(start)):
            continue
        yield Hit(
            start,
            start + len(word),
            f"« {word} » in a date: French writes months and days in lower case "
            f"(« {word.lower()} »)",
            (Edit(start, start + 1, word[0].lower()),),
        )


def _sentence_start(original: str, index: int, floor: int) -> bool:
    """At the start of a sentence, a table cell, a list item or a link text."""
    position = index - 1
    while position >= floor and original[position] in ' \t\n\u00a0\u202f«"“(*_':
        position -= 1
    return position < floor or original[position] in ".!?…|[>-"


def percent(masked: str, original: str) -> Iterator[Hit]:
    """FR110: ``5%`` → ``5 %`` with a no-break space."""
    length = len(masked)
    for sign in positions(masked, "%"):
        if sign + 1 < length and (masked[sign + 1].isalnum() or masked[sign + 1] == "%"):
            continue  # %APPDATA%, %20
        start = sign
        while start > 0 and original[start - 1] in " \t" and masked[start - 1] == " ":
            start -= 1
        if not start or not masked[start - 1].isdigit() or nbsp_before(original, sign):
            continue
        glued = start == sign
        number = start - 1
        while number > 0 and (masked[number - 1] in _DIGITS or masked[number - 1] in ".,"):
            number -= 1
        yield Hit(
            number,
            sign + 1,
            "a number and « % » need a no-break space (U+00A0) between them"
            + ("" if glued else ", not an ordinary space"),
            (Edit(start, sign, NBSP),),
        )


_QUANTITY = re.compile(rf"[ \t\u00a0\u202f]*(?:{QUANTITY_WORDS})(?!\w)")
_COUNTED = re.compile(rf"[ \t\u00a0\u202f]*(?:{COUNTED_WORDS})(?!\w)")


def _quantity(masked: str, start: int, end: int, before: str) -> bool:
    """A whole number at masked[start:end], not glued to ``before`` characters, followed by
    a unit or a magnitude word."""
    if start and (masked[start - 1].isalpha() or masked[start - 1] in before):
        return False
    after = masked[end : end + 2]
    if after[:1].isdigit() or (after[:1] in (".", ",") and after[1:].isdigit()):
        return False
    return _QUANTITY.match(masked, end) is not None


def decimal_point(
    masked: str, original: str, spans: list[tuple[int, int]] | None = None
) -> Iterator[Hit]:
    """FR111: ``3.8 millions`` → ``3,8 millions`` (only before a unit or magnitude word;
    three decimals are skipped: « 1.500 euros » may be a thousands separator)."""
    for start, end in numbers(masked) if spans is None else spans:
        number = masked[start:end]
        whole, point, fraction = number.partition(".")
        if (
            not point
            or not whole.isdigit()
            or not fraction.isdigit()
            or len(fraction) == 3
            or not _quantity(masked, start, end, "_.,-")
        ):
            continue
        unit = _QUANTITY.match(masked, end)
        written = masked[start : unit.end() if unit else end]
        french = written.replace(".", ",", 1)
        yield Hit(
            start,
            end,
            f"decimal point in « {written} »: French writes « {french} »",
            (Edit(start + len(whole), start + len(whole) + 1, ","),),
        )


_ENGLISH_GROUPS = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return NNBSP.join(groups)


def thousands(
    masked: str, original: str, spans: list[tuple[int, int]] | None = None
) -> Iterator[tuple[Hit, bool]]:
    """FR112: ``20000 euros``, ``20,000 €`` → ``20 000`` (narrow no-break space).

    Yields (hit, safe): regrouping plain digits is safe; reading ``20,000`` as twenty
    thousand is a guess (in French it means twenty), so that fix is unsafe. Numbers of four
    digits are left alone (years), and so are numbers not followed by a unit or a magnitude
    word (postal codes, identifiers).
    """
    for start, end in numbers(masked) if spans is None else spans:
        number = masked[start:end]
        if number.isdigit():
            if (
                len(number) < 5
                or number[0] == "0"
                or not _quantity(masked, start, end, "_.,\u00a0\u202f")
            ):
                continue
            fixed = _group(number)
            message = (
                f"« {number} »: group the digits by three with narrow no-break spaces "
                f"(« {fixed.replace(NNBSP, ' ')} »)"
            )
            yield Hit(start, end, message, (Edit(start, end, fixed),)), True
        elif (
            _ENGLISH_GROUPS.fullmatch(number)
            and _quantity(masked, start, end, "_.,")
            and (number.count(",") > 1 or _COUNTED.match(masked, end))
        ):  # « 3,240 ms » may be French for 3.24 ms; « 3,240 euros » cannot
            fixed = _group(number.replace(",", ""))
            message = (
                f"« {number} » uses English commas between thousands; in French it reads as "
                f"a decimal number: write « {fixed.replace(NNBSP, ' ')} »"
            )
            yield Hit(start, end, message, (Edit(start, end, fixed),)), False


_MISTER = re.compile(r"(?P<abbr>Mrs|Mr)(?P<dot>\.?)(?=[ \t\u00a0\u202f]+[A-ZÀ-Ý])")


def monsieur(masked: str, original: str) -> Iterator[Hit]:
    """FR113: ``Mr Dupont`` → ``M. Dupont``; ``Mrs`` → ``Mme``."""
    if "Mr" not in masked:
        return
    for match in _MISTER.finditer(masked):
        if match.start() and masked[match.start() - 1].isalnum():
            continue
        french = "M." if match.group("abbr") == "Mr" else "Mme"
        written = match.group(0)
        yield Hit(
            match.start(),
            match.end(),
            f"« {written} » is English: French abbreviates « {french} »",
            (Edit(match.start(), match.end(), french),),
        )


# -- headings ------------------------------------------------------------------------------

_FUNCTION_WORDS_TITLE = word_set(
    "le la les l un une des du de d au aux et ou à en dans sur sous pour par avec sans vers "
    "chez entre son sa ses leur leurs votre vos notre nos ce cet cette ces qui que est sont"
)
_HEADING_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_SEGMENT_BREAK = re.compile(r"[:?!.—–]\s|\s[-—–]\s")


def title_case(text: str) -> tuple[int, int] | None:
    """FR109: (capitalised words, words) when a heading is in English-style Title Case.

    Only the words after the first of each segment (a new one starts after « : », « ? »,
    a dash) count; acronyms and words with inner capitals (IA, iPhone, ChatGPT) are ignored.
    Title Case is when at least three of them are capitalised, three times as many as
    lower-case ones, and more function words are capitalised (« Pour », « Les », « Et »)
    than not: proper nouns are capitalised in French too, function words never (« Lauréats
    des Free Software Awards : Andy Wingo, Alx Sa et Govdirectory » is not Title Case).
    """
    capitalised = lower = function_capitalised = function_lower = 0
    for segment in _SEGMENT_BREAK.split(text):
        words = _HEADING_WORD.findall(segment)
        for word in words[1:]:
            core = word.replace("’", "'").split("'")[-1] if "'" in word or "’" in word else word
            if not core or (len(core) > 1 and not core[1:].islower()):
                continue  # IA, iPhone, ChatGPT, L'IA
            # « d'Or », « l'Honneur »: the capital is the noun's, not the article's
            function = core == word and core.lower() in _FUNCTION_WORDS_TITLE
            if core[0].isupper():
                capitalised += 1
                function_capitalised += function
            else:
                lower += 1
                function_lower += function
    if capitalised >= 3 and capitalised >= 3 * lower and function_capitalised > function_lower:
        return capitalised, capitalised + lower
    return None
