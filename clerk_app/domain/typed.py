"""Times and dates as a clerk types them: one reading for every form field and table cell.
Plain Python, no Qt."""

from __future__ import annotations

import datetime as dt
import re

TIME_HINT = "HH:MM, e.g. 17:30 (1730, 17.30 and 5.30pm work too)"
TIME_CHARACTERS = r"^[0-9:. apmAPM]*$"
"""What a time can be typed with: an editor may refuse anything else as it is typed."""
DATE_HINT = "dd/mm/yyyy, e.g. 18/06/2025 (18/6/25 and 18062025 work too)"
_TIME_24 = re.compile(r"^(\d{1,2})(?:\s*[:.]\s*(\d{2}))?$|^(\d{1,2})(\d{2})$")
_TIME_12 = re.compile(r"^(\d{1,2})(?:\s*[:.]?\s*(\d{2}))?\s*([ap])\.?\s*m?\.?$")
_DATE_PARTS = re.compile(r"^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4}|\d{2})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{4}|\d{2})$")


def parse_time(text: str) -> dt.time | None:
    """A time as a clerk types it: 17:30, 17.30, 1730, 17, 5.30pm, 5:30 pm, 5pm; empty means
    none. Raises ValueError, saying how to write it, for anything else."""
    typed = text.strip().lower()
    if not typed:
        return None
    problem = ValueError(f"{text.strip()!r} is not a time: type it as {TIME_HINT}")
    if match := _TIME_24.match(typed):
        hour, minute = match.group(1, 2) if match.group(1) else match.group(3, 4)
        hour_n, minute_n = int(hour), int(minute or 0)
    elif match := _TIME_12.match(typed):
        hour_n, minute_n = int(match.group(1)), int(match.group(2) or 0)
        if not 1 <= hour_n <= 12:
            raise problem
        hour_n = hour_n % 12 + (12 if match.group(3) == "p" else 0)
    else:
        raise problem
    if hour_n > 23 or minute_n > 59:
        raise problem
    return dt.time(hour_n, minute_n)


def parse_date(text: str) -> dt.date | None:
    """A date as a clerk types it: 18/06/2025, 18/6/25, 18.06.2025, 18-6-2025, 18062025,
    180625 or 2025-06-18 (a two-digit year is this century's); empty means none. Raises
    ValueError, saying how to write it, for anything else."""
    typed = text.strip()
    if not typed:
        return None
    if match := _DATE_PARTS.match(typed) or _DATE_DIGITS.match(typed):
        day, month, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year += 2000
    elif match := _DATE_ISO.match(typed):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise ValueError(f"{typed!r} is not a date: type it as {DATE_HINT}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{typed!r} is not a date in the calendar") from None


def format_time(value: dt.time | None) -> str:
    return "" if value is None else f"{value.hour:02d}:{value.minute:02d}"


def format_date(value: dt.date | None) -> str:
    return "" if value is None else f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
