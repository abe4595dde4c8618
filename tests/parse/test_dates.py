"""Every date form found in real front-matter, and what is not a date."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seolint.parse.dates import ParsedDate, parse_date

UTC = datetime.timezone.utc


def offset(hours: int, minutes: int = 0) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(hours=hours, minutes=minutes))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wed Dec 10 2025 13:57:52 GMT+0000 (Coordinated Universal Time)",
            datetime.datetime(2025, 12, 10, 13, 57, 52, tzinfo=UTC),
        ),
        (
            "Tue Nov 18 2025 23:58:19 GMT+0100 (Central European Standard Time)",
            datetime.datetime(2025, 11, 18, 23, 58, 19, tzinfo=offset(1)),
        ),
        (
            "Mon Jul 01 2024 09:05:00 GMT-0530",
            datetime.datetime(2024, 7, 1, 9, 5, tzinfo=offset(-5, -30)),
        ),
    ],
)
def test_javascript_date_to_string(text: str, expected: datetime.datetime) -> None:
    assert parse_date(text) == ParsedDate(expected, False, False, "JavaScript Date.toString()")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2013-11-06", datetime.date(2013, 11, 6)),
        (
            "2026-05-20T03:11:47.161Z",
            datetime.datetime(2026, 5, 20, 3, 11, 47, 161000, tzinfo=UTC),
        ),
        (
            "2001-01-01 12:00:00 +02:00",
            datetime.datetime(2001, 1, 1, 12, 0, tzinfo=offset(2)),
        ),
        (
            "2024-02-15T10:00:00+01:00",
            datetime.datetime(2024, 2, 15, 10, 0, tzinfo=offset(1)),
        ),
        ("2024-02-15T10:00:00", datetime.datetime(2024, 2, 15, 10, 0)),
        ("2024-02-15T10:00", datetime.datetime(2024, 2, 15, 10, 0)),
        ("2024-02-15t10:00:00z", datetime.datetime(2024, 2, 15, 10, 0, tzinfo=UTC)),
        (
            "2024-02-15T10:00:00.1234567-0330",
            datetime.datetime(2024, 2, 15, 10, 0, 0, 123456, tzinfo=offset(-3, -30)),
        ),
        ("  2013-11-06\n", datetime.date(2013, 11, 6)),
    ],
)
def test_iso_8601(text: str, expected: datetime.date) -> None:
    assert parse_date(text) == ParsedDate(expected, True, False, "ISO 8601")


def test_yaml_native_values() -> None:
    day = datetime.date(2013, 11, 6)
    moment = datetime.datetime(2001, 1, 1, 12, 0, tzinfo=offset(2))
    assert parse_date(day) == ParsedDate(day, True, False, "YAML date")
    assert parse_date(moment) == ParsedDate(moment, True, False, "YAML datetime")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024/02/15", datetime.date(2024, 2, 15)),
        ("2024/2/5", datetime.date(2024, 2, 5)),
        ("2024/02/15 10:30", datetime.datetime(2024, 2, 15, 10, 30)),
    ],
)
def test_year_first_with_slashes(text: str, expected: datetime.date) -> None:
    assert parse_date(text) == ParsedDate(expected, False, False, "YYYY/MM/DD")


@pytest.mark.parametrize(
    ("text", "expected", "ambiguous", "form"),
    [
        ("02/20/2019", datetime.date(2019, 2, 20), False, "MM/DD/YYYY"),
        ("9/13/2023", datetime.date(2023, 9, 13), False, "MM/DD/YYYY"),
        ("01/02/2024", datetime.date(2024, 1, 2), True, "MM/DD/YYYY"),
        ("05/05/2024", datetime.date(2024, 5, 5), False, "MM/DD/YYYY"),
        ("20/02/2019", datetime.date(2019, 2, 20), False, "DD/MM/YYYY"),
        ("1/2/2019 3:04:05 PM", datetime.datetime(2019, 1, 2, 15, 4, 5), True, "MM/DD/YYYY"),
        ("1/20/2019 12:04 AM", datetime.datetime(2019, 1, 20, 0, 4), False, "MM/DD/YYYY"),
    ],
)
def test_slashed_month_and_day(
    text: str, expected: datetime.date, ambiguous: bool, form: str
) -> None:
    assert parse_date(text) == ParsedDate(expected, False, ambiguous, form)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tue, 10 Dec 2025 13:57:52 +0000",
            datetime.datetime(2025, 12, 10, 13, 57, 52, tzinfo=UTC),
        ),
        ("10 Dec 2025 13:57 GMT", datetime.datetime(2025, 12, 10, 13, 57, tzinfo=UTC)),
        (
            "Wed, 10 Dec 2025 13:57:52 EST",
            datetime.datetime(2025, 12, 10, 13, 57, 52, tzinfo=offset(-5)),
        ),
        ("Wed, 10 Dec 2025 13:57:52", datetime.datetime(2025, 12, 10, 13, 57, 52)),
    ],
)
def test_rfc_2822(text: str, expected: datetime.datetime) -> None:
    assert parse_date(text) == ParsedDate(expected, False, False, "RFC 2822")


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-30",
        "2025-13-01",
        "2023-02-29",
        "0000-01-01",
        "2024-02-15T25:00:00Z",
        "2024-02-15T10:61:00Z",
        "2024-02-15T10:00:00+24:00",
        "13/13/2019",
        "02/30/2019",
        "2024/02/30",
        "Fri Feb 30 2024 10:00:00 GMT+0000",
        "Wed, 10 Dec 2025 13:57:52 XYZ",
        "1/2/2019 13:04:05 PM",
    ],
)
def test_impossible_dates_are_not_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "hello",
        "yesterday",
        "2024",
        "2024-02",
        "20240215",
        "15.02.2024",
        "2024-02-15 and more",
        "x" * 10_000,
        20240215,
        1.5,
        True,
        None,
        ["2024-02-15"],
        {"date": "2024-02-15"},
        datetime.time(12, 0),
    ],
)
def test_non_dates(value: object) -> None:
    assert parse_date(value) is None


def test_leap_day() -> None:
    parsed = parse_date("2024-02-29")
    assert parsed is not None
    assert parsed.value == datetime.date(2024, 2, 29)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789-/:.TZ +GMTWedDecAMP(),")), max_size=40))
def test_any_text_parses_or_is_none(text: str) -> None:
    parsed = parse_date(text)
    if parsed is not None:
        assert isinstance(parsed.value, datetime.date)
        assert not (parsed.ambiguous and parsed.is_iso)
