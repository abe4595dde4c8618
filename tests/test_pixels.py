"""Pixel widths from the shipped Liberation Sans table (no browser needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seolint.text.pixels import (
    DESCRIPTION_FONT_PX,
    DESCRIPTION_MAX_PX,
    TITLE_FONT_PX,
    TITLE_MAX_PX,
    text_width,
    truncate,
)

AMAZON = "Amazon investit 35 milliards USD dans l'IA en Inde: une avancée clé"


def test_constants() -> None:
    assert (TITLE_FONT_PX, TITLE_MAX_PX) == (20.0, 600.0)
    assert (DESCRIPTION_FONT_PX, DESCRIPTION_MAX_PX) == (14.0, 920.0)


def test_reference_title_is_about_606_px() -> None:
    # Chromium 156 with Liberation Sans 20 px reports 605.27 px for this title.
    assert text_width(AMAZON) == pytest.approx(606, abs=2)
    assert text_width(AMAZON) > TITLE_MAX_PX


def test_advance_widths() -> None:
    # "o" is 1139 of 2048 font units, like Arial's.
    assert text_width("o") == pytest.approx(1139 * 20 / 2048)
    assert text_width("oooooooo") == pytest.approx(88.984375)
    assert text_width("") == 0.0


def test_scales_with_font_size() -> None:
    assert text_width(AMAZON, 14.0) == pytest.approx(text_width(AMAZON) * 14 / 20)
    assert text_width(AMAZON, font_size=DESCRIPTION_FONT_PX) < text_width(AMAZON)


def test_kerning_is_applied() -> None:
    # Chromium measures 96.33 px (kerned) instead of 106.72 px for this string.
    assert text_width("AVAVAVAV") == pytest.approx(96.328125, abs=0.05)
    assert text_width("AV") < text_width("A") + text_width("V")
    assert text_width("ox") == pytest.approx(text_width("o") + text_width("x"))
    # Overlapping pairs all count: "fff" holds two "ff" pairs.
    assert text_width("fff") == pytest.approx(3 * text_width("f") - 2 * 37 * 20 / 2048)


def test_french_typography_characters() -> None:
    assert text_width("\u00a0") == text_width(" ")
    assert 0 < text_width("\u202f") < text_width(" ")
    assert text_width("\u2009") == text_width("\u202f")
    assert text_width("œ") > text_width("o")
    assert text_width("Œ") > text_width("O")
    for char in "’‘“”«»…–—•€™©":
        assert text_width(char) > 0, char
    assert text_width("l’IA") != text_width("l'IA")  # ’ is wider than '


def test_decomposed_accents_measure_like_precomposed() -> None:
    assert text_width("e\u0301te\u0301") == pytest.approx(text_width("été"))


def test_unknown_characters() -> None:
    assert text_width("\u200b") == 0.0  # zero-width space
    assert text_width("\u00ad") == 0.0  # soft hyphen, invisible unless the line breaks
    assert text_width("\u0301") == 0.0  # lone combining mark
    assert text_width("🚀") == pytest.approx(20.0)  # emoji: about one em
    assert text_width("漢") == pytest.approx(20.0)
    assert text_width("ǅ") == pytest.approx(text_width("o"))  # default width
    assert text_width("\t") == text_width(" ")


def test_truncate_keeps_text_that_fits() -> None:
    title = "Tesla dévoile son robot Optimus à Austin"
    assert truncate(title, TITLE_MAX_PX) == (title, False)
    exact = text_width(title)
    assert truncate(title, exact) == (title, False)


def test_truncate_cuts_on_a_word_boundary() -> None:
    shown, cut = truncate(AMAZON, TITLE_MAX_PX)
    assert cut
    assert shown == "Amazon investit 35 milliards USD dans l'IA en Inde: une avancée …"
    assert text_width(shown) <= TITLE_MAX_PX
    # The next word would not have fit with the ellipsis.
    assert text_width(AMAZON + " …") > TITLE_MAX_PX


def test_truncate_counts_the_ellipsis() -> None:
    text = "un deux trois quatre cinq six sept huit neuf dix"
    limit = text_width("un deux trois quatre") + 1
    shown, cut = truncate(text, limit)
    assert cut
    assert shown == "un deux trois …"
    assert truncate(text, limit, ellipsis="") == ("un deux trois quatre", True)


def test_truncate_drops_a_dangling_separator() -> None:
    text = "Le guide complet de la cybersécurité pour les PME françaises | Le Brief Tech"
    limit = text_width("Le guide complet de la cybersécurité pour les PME françaises | Le")
    shown, cut = truncate(text, limit)
    assert cut
    assert shown == "Le guide complet de la cybersécurité pour les PME françaises …"


def test_truncate_never_breaks_at_a_no_break_space() -> None:
    text = "Croissance de 3,8\u00a0% au troisième trimestre"
    limit = text_width("Croissance de 3,8\u00a0%") + 2
    shown, cut = truncate(text, limit)
    assert cut
    assert shown == "Croissance de …"


def test_truncate_cuts_a_single_long_word_between_characters() -> None:
    shown, cut = truncate("x" * 100, 200)
    assert cut
    assert shown.endswith("x…")
    assert text_width(shown) <= 200
    assert text_width(shown + "x") > 200 - text_width("x")


def test_truncate_with_no_room() -> None:
    assert truncate("Bonjour tout le monde", 1) == ("", True)
    assert truncate("Bonjour tout le monde", text_width("…")) == ("…", True)


def test_truncate_description_size() -> None:
    description = " ".join(["Le marché de l’intelligence artificielle progresse vite."] * 5)
    shown, cut = truncate(description, DESCRIPTION_MAX_PX, DESCRIPTION_FONT_PX)
    assert cut
    assert text_width(shown, DESCRIPTION_FONT_PX) <= DESCRIPTION_MAX_PX
    assert description.startswith(shown.removesuffix(" …"))


@given(st.text(alphabet="abcdeéAVTLYÉœ’ :-|\u00a0", max_size=80), st.floats(20, 700))
def test_truncate_always_fits(text: str, max_px: float) -> None:
    shown, cut = truncate(text, max_px)
    assert text_width(shown) <= max_px
    if not cut:
        assert shown == text
