"""A council's house style as data: how minutes number, date and time things, and what a public
copy shows of an exempt item. Templates decide layout; these rules decide wording that the model
and the checks need too.

Dates and times are formatted here by name rather than with ``strftime``: ``%-d`` does not exist
on Windows and ``%A`` follows the machine's locale, while minutes must read the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import string
from enum import StrEnum

from pydantic import Field, field_validator

from clerk_app.domain.house_rules import HouseRules
from clerk_app.domain.law_settings import LawRules
from clerk_app.domain.model import Model, StandingItem

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa, as Word letters a list; 0 or less -> the figure."""
    if n < 1:
        return str(n)
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def roman(n: int) -> str:
    """1 -> i, 4 -> iv, 1999 -> mcmxcix; 0 or less, or past 3999 -> the figure."""
    if not 1 <= n <= 3999:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _SUFFIXES.get(n % 10, "th")
    return f"{n}{suffix}"


def date_fields(day: dt.date) -> dict[str, str]:
    weekday, month = WEEKDAYS[day.weekday()], MONTHS[day.month - 1]
    return {
        "d": str(day.day),
        "dd": f"{day.day:02d}",
        "dth": ordinal(day.day),
        "weekday": weekday,
        "WEEKDAY": weekday.upper(),
        "wkd": weekday[:3],
        "month": month,
        "MONTH": month.upper(),
        "mon": month[:3],
        "m": str(day.month),
        "mm": f"{day.month:02d}",
        "yyyy": f"{day.year:04d}",
        "yy": f"{day.year % 100:02d}",
    }


def time_fields(moment: dt.time) -> dict[str, str]:
    hour12 = moment.hour % 12 or 12
    am_pm = "am" if moment.hour < 12 else "pm"
    return {
        "h": str(hour12),
        "hh": f"{hour12:02d}",
        "H": str(moment.hour),
        "HH": f"{moment.hour:02d}",
        "mm": f"{moment.minute:02d}",
        "am_pm": am_pm,
        "AM_PM": am_pm.upper(),
        "a_m": "a.m." if moment.hour < 12 else "p.m.",
        "A_M": "A.M." if moment.hour < 12 else "P.M.",
    }


MINUTE_NUMBER_FIELDS = ("number", "nn", "nnn", "prefix", "yyyy", "yy", "sequence", "ss")
"""{number} 42; {nn} 42 and {nnn} 042 (at least two and three figures); {sequence} the meeting's
number in its series (8) and {ss} the same in two figures (08), empty when not recorded."""
SUB_ITEM_FIELDS = ("parent", "n", "a", "A", "i", "I")
MOTION_FIELDS = ("proposer", "seconder", "motion")
DATE_FIELDS = tuple(date_fields(dt.date(2000, 1, 1)))
TIME_FIELDS = tuple(time_fields(dt.time(0, 0)))


def number_fields(
    number: int, meeting_date: dt.date, prefix: str = "", sequence: int | None = None
) -> dict[str, str]:
    """The fields a minute or decision number format may use."""
    return {
        "number": str(number),
        "nn": f"{number:02d}",
        "nnn": f"{number:03d}",
        "prefix": prefix,
        "yyyy": f"{meeting_date.year:04d}",
        "yy": f"{meeting_date.year % 100:02d}",
        "sequence": "" if sequence is None else str(sequence),
        "ss": "" if sequence is None else f"{sequence:02d}",
    }


def _has_number(fmt: str) -> bool:
    return any(f"{{{name}}}" in fmt for name in ("number", "nn", "nnn"))


def check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    """A format may use only {name} fields from `allowed`: no attributes, indexes or specs."""
    try:
        parts = list(string.Formatter().parse(fmt))
    except ValueError as exc:
        raise ValueError(f"{fmt!r} is not a valid format: {exc}") from None
    for _, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in allowed or spec or conversion:
            known = ", ".join("{" + name + "}" for name in allowed)
            raise ValueError(f"{fmt!r} uses {{{field}}}; the fields it may use are {known}")
    return fmt


def format_date(day: dt.date, fmt: str) -> str:
    return fmt.format_map(date_fields(day))


def format_time(moment: dt.time, fmt: str) -> str:
    return fmt.format_map(time_fields(moment))


class ExemptPolicy(StrEnum):
    """What the public copy of the minutes shows for an exempt item."""

    NOTICE = "notice"
    """The minute number, the title and the notice, but nothing of the discussion."""
    NUMBER_ONLY = "number_only"
    """The minute number and the notice: even the title is confidential."""
    OMIT = "omit"
    """Nothing at all (the numbering then shows a gap)."""


QUOTES = "‘’“”"
"""The opening and closing single quote, then the opening and closing double quote."""


class TypingRules(Model):
    """How typing is corrected as the clerk types, as Word does (a `[typing]` table in
    style.toml; a style that does not say keeps these, Word's own defaults)."""

    en_dash: bool = Field(default=True, strict=True)
    """" - " between words becomes " – " (an en dash between spaces)."""
    quotes: str = QUOTES
    """The opening and closing single quotes, then double quotes, that straight quotes become
    ("‘’“”"; a German style "‚‘„“"); empty keeps straight quotes.
    An apostrophe in a word ("council's") becomes the closing single quote."""
    smart_quotes: bool = Field(default=True, strict=True)
    """False: straight quotes stay straight, whatever `quotes` says."""
    double_space: bool = Field(default=True, strict=True)
    """Two spaces after a word become one (never at the start of a line: indentation is the
    markup's nesting)."""

    @field_validator("quotes")
    @classmethod
    def _quotes(cls, value: str) -> str:
        if value and (
            len(value) != 4
            or any(char.isspace() or char.isalnum() or char in "'\"" for char in value)
        ):
            raise ValueError(
                f"{value!r} must be four quotation marks, the opening and closing single quote "
                f'then the opening and closing double quote ("{QUOTES}"), or "" for straight '
                "quotes"
            )
        return value

    @property
    def curly_quotes(self) -> str:
        """The four quotes straight ones become; empty when quotes stay straight."""
        return self.quotes if self.smart_quotes else ""


class HouseStyle(Model):
    name: str
    display_name: str
    description: str = ""
    resolution_word: str = "RESOLVED"
    minute_number_format: str = "{number}"
    date_format: str = "{WEEKDAY}, {d} {MONTH} {yyyy}"
    """The date in the heading: WEDNESDAY, 18 JUNE 2025."""
    short_date_format: str = "{d} {month} {yyyy}"
    """Dates in running text, such as a follow-up's due date: 18 June 2025."""
    time_format: str = "{h}:{mm} {am_pm}"
    """The start time in the heading: 5:30 pm."""
    close_time_format: str = "{h}:{mm} {am_pm}"
    """The time in the closing sentence."""
    exempt_in_public: ExemptPolicy = ExemptPolicy.NOTICE
    exempt_notice: str = (
        "This item was considered in private and its minute is not published ({reason})."
    )
    language: str = Field(default="en-GB", pattern=r"^[a-z]{2,3}(-[A-Z]{2})?$")
    writes_standing_items: tuple[StandingItem, ...] = ()
    """Standing items whose text the templates write themselves from the meeting's data, whatever
    it holds ("There were no declarations of interest."), so that such an item needs no minute
    text of its own. A style that does not say is taken to write none."""
    actions_annex: bool = Field(default=False, strict=True)
    """Follow-up actions in an annex after the close ("ACTIONS ARISING FROM THE MEETING"),
    rather than each under its minute."""
    # Added with format 2 of the meeting file; a style that does not say keeps the defaults,
    # which are what every style did before.
    number_items: bool = Field(default=True, strict=True)
    """Items take running minute numbers. False: only items with a label of their own
    (`Item.label`) show one (a style that numbers its decisions instead)."""
    sub_item_number_format: str = "{parent}.{n}"
    """A sub-item's number after its parent's: "{parent}.{n}" (4.1), "{parent}({a})" (4(a)),
    "{parent}({i})" (4(iv)); {A} and {I} are the capitals."""
    decision_number_format: str = ""
    """Decisions' own running numbers, where the meeting gives the first
    (`first_decision_number`): "{yyyy}-{number}" (2025-117), "{prefix}/{yyyy}/{number}"
    (CAB/2025/14). Empty: decisions carry only numbers given them one by one."""
    motion_wording: str = ""
    """The clerk's sentence for a motion: "It was moved by {proposer}, seconded by
    {seconder}, that {motion}". Empty: the templates word it."""
    typing: TypingRules = TypingRules()
    """How typing is corrected in the app (`TypingRules`); not used in rendering."""
    law: LawRules = LawRules()
    """Which law the minutes answer to (a `[law]` table): the nation and the kind of council,
    for `clerk_app.domain.law`. A style that does not say gets no law checks."""
    house_rules: HouseRules = HouseRules()
    """The council's writing rules (a `[house_rules]` table), each off unless turned on."""
    inquorate_note: str = ""
    """The note printed at the first item at which the meeting was inquorate ("The meeting was
    inquorate at this point."); empty: none printed."""

    @field_validator("sub_item_number_format")
    @classmethod
    def _sub_item_format(cls, value: str) -> str:
        check_format(value, SUB_ITEM_FIELDS)
        if "{parent}" not in value:
            raise ValueError(f"{value!r} must contain {{parent}}")
        return value

    @field_validator("decision_number_format")
    @classmethod
    def _decision_format(cls, value: str) -> str:
        check_format(value, MINUTE_NUMBER_FIELDS)
        if value and not _has_number(value):
            raise ValueError(f"{value!r} must contain {{number}}, {{nn}} or {{nnn}}")
        return value

    @field_validator("motion_wording")
    @classmethod
    def _motion_wording(cls, value: str) -> str:
        return check_format(value, MOTION_FIELDS)

    @field_validator("minute_number_format")
    @classmethod
    def _minute_format(cls, value: str) -> str:
        check_format(value, MINUTE_NUMBER_FIELDS)
        if not _has_number(value):
            raise ValueError(f"{value!r} must contain {{number}}, {{nn}} or {{nnn}}")
        return value

    @field_validator("date_format", "short_date_format")
    @classmethod
    def _date_format(cls, value: str) -> str:
        return check_format(value, DATE_FIELDS)

    @field_validator("time_format", "close_time_format")
    @classmethod
    def _time_format(cls, value: str) -> str:
        return check_format(value, TIME_FIELDS)

    @field_validator("exempt_notice")
    @classmethod
    def _notice(cls, value: str) -> str:
        return check_format(value, ("reason",))

    def minute_number(
        self, number: int, meeting_date: dt.date, prefix: str = "", sequence: int | None = None
    ) -> str:
        text = self.minute_number_format.format_map(
            number_fields(number, meeting_date, prefix, sequence)
        )
        return " ".join(text.split())  # an empty prefix leaves no stray space

    def sub_item_number(self, parent: str, n: int) -> str:
        return self.sub_item_number_format.format_map(
            {
                "parent": parent,
                "n": str(n),
                "a": letters(n),
                "A": letters(n).upper(),
                "i": roman(n),
                "I": roman(n).upper(),
            }
        )

    def decision_number(
        self, number: int, meeting_date: dt.date, prefix: str = "", sequence: int | None = None
    ) -> str:
        if not self.decision_number_format:
            return ""
        text = self.decision_number_format.format_map(
            number_fields(number, meeting_date, prefix, sequence)
        )
        return " ".join(text.split())

    def date(self, day: dt.date) -> str:
        return format_date(day, self.date_format)

    def short_date(self, day: dt.date) -> str:
        return format_date(day, self.short_date_format)

    def start_time(self, moment: dt.time) -> str:
        return format_time(moment, self.time_format)

    def close_time(self, moment: dt.time) -> str:
        return format_time(moment, self.close_time_format)


DEFAULT_STYLE = HouseStyle(name="plain", display_name="Plain")
