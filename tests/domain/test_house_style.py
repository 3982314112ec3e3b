import datetime as dt

import pytest
from pydantic import ValidationError

from clerk_app.domain.house_style import HouseStyle, format_date, format_time, ordinal


def style(**fields: object) -> HouseStyle:
    return HouseStyle.model_validate({"name": "t", "display_name": "T", **fields})


@pytest.mark.parametrize(
    ("fmt", "prefix", "expected"),
    [
        ("{number}", "", "149"),
        ("{number}/{yy}", "", "196/20"),
        ("{prefix} {number}/{yy}", "CAB", "CAB 12/20"),
        ("{prefix} {number}", "", "7"),
    ],
)
def test_minute_number_formats(fmt: str, prefix: str, expected: str) -> None:
    number = int(expected.split()[-1].split("/")[0])
    assert (
        style(minute_number_format=fmt).minute_number(number, dt.date(2020, 5, 1), prefix)
        == expected
    )


def test_dates_and_times_in_house_style() -> None:
    day = dt.date(2025, 6, 18)
    assert format_date(day, "{WEEKDAY}, {d} {MONTH} {yyyy}") == "WEDNESDAY, 18 JUNE 2025"
    assert format_date(day, "{dth} {month} {yyyy}") == "18th June 2025"
    assert format_date(day, "{dd}/{mm}/{yyyy}") == "18/06/2025"
    assert format_time(dt.time(17, 30), "{h}:{mm} {am_pm}") == "5:30 pm"
    assert format_time(dt.time(20, 20), "{h}.{mm}{am_pm}") == "8.20pm"
    assert format_time(dt.time(0, 5), "{h}.{mm}{AM_PM}") == "12.05AM"
    assert format_time(dt.time(12, 0), "{HH}{mm}") == "1200"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (111, "111th"),
    ],
)
def test_ordinal(n: int, text: str) -> None:
    assert ordinal(n) == text


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("minute_number_format", "{yy}", "must contain {number}, {nn} or {nnn}"),
        ("minute_number_format", "{number.__class__}", "uses {number.__class__}"),
        ("date_format", "{weekday!r}", "uses {weekday}"),
        ("date_format", "{d:>10}", "uses {d}"),
        ("time_format", "{h}:{minutes}", "uses {minutes}"),
        ("time_format", "{h", "not a valid format"),
        ("exempt_notice", "{reason} {item}", "uses {item}"),
        ("language", "english", "should match pattern"),
    ],
)
def test_bad_formats_are_refused_by_name(field: str, value: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        style(**{field: value})
    error = info.value.errors()[0]
    assert error["loc"] == (field,)
    assert message in error["msg"]
