"""A council's writing rules as data: a `[house_rules]` table in style.toml.

Each rule is off unless the style turns it on, so a style written before these rules (or one
whose reference minutes write otherwise, as Leicester's write "8th April 2025" and "9%") finds
nothing. The checks and their fixes are in `clerk_app.domain.style_rules`; what each rule does,
with examples, is in docs/checks.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator, model_validator

from clerk_app.domain.model import Model


class TitleCase(StrEnum):
    ANY = ""
    """Not checked."""
    UPPER = "upper"
    """WORK PROGRAMME (the style prints it as typed)."""
    TITLE = "title"
    """Work Programme: each main word capitalised."""
    SENTENCE = "sentence"
    """Work programme: the first word only (names aside)."""


MEMBER_TITLES = ("Councillor", "Cllr")


@dataclass(frozen=True, slots=True)
class TimeForm:
    """How the council writes a time of day, read from the example in `HouseRules.time`."""

    clock24: bool
    """17:30 rather than 5.30pm."""
    separator: str
    """Between the hours and the minutes: "." or ":"."""
    space: str
    """Before am or pm: "" or " "."""
    am: str
    """"am", "a.m.", "AM" or "A.M." (unused on the 24-hour clock)."""
    pm: str
    pad_hour: bool
    """On the 24-hour clock: "09:30" rather than "9:30"."""

    def write(self, hour: int, minute: int | None) -> str:
        """The time in this form; `minute` None for a time on the hour written without minutes
        ("5pm"), which stays so on the 12-hour clock and is "17:00" on the 24-hour one."""
        if self.clock24:
            hours = f"{hour:02d}" if self.pad_hour else str(hour)
            return f"{hours}{self.separator}{minute or 0:02d}"
        twelve = hour % 12 or 12
        suffix = self.pm if hour >= 12 else self.am
        minutes = "" if minute is None else f"{self.separator}{minute:02d}"
        return f"{twelve}{minutes}{self.space}{suffix}"


_EXAMPLE = re.compile(
    r"(?P<h>\d{1,2})(?P<sep>[.:])(?P<m>\d{2})"
    r"(?:(?P<space> ?)(?P<suffix>[ap]m|[ap]\.m\.|[AP]M|[AP]\.M\.))?"
)


def time_form(example: str) -> TimeForm | None:
    """The form of a time of day an example shows ("5.30pm", "5:30 pm", "5.30 p.m.", "17:30"),
    or None if it is not one."""
    match = _EXAMPLE.fullmatch(example)
    if match is None:
        return None
    hour, minute = int(match["h"]), int(match["m"])
    suffix = match["suffix"]
    if minute > 59:
        return None
    if suffix is None:
        if hour > 23:
            return None
        return TimeForm(True, match["sep"], "", "", "", len(match["h"]) == 2)
    if not 1 <= hour <= 12 or match["h"].startswith("0"):
        return None
    pm = suffix.replace("a", "p").replace("A", "P")
    am = pm.replace("p", "a").replace("P", "A")
    return TimeForm(False, match["sep"], match["space"], am, pm, False)


_RULES = (
    "time", "no_ordinals", "member_title", "title_case", "capacity_dash",
    "small_numbers_in_words", "per_cent",
)  # fmt: skip


class HouseRules(Model):
    time: str = ""
    """How a time of day is written in the minute text, as an example: "5.30pm", "5:30 pm",
    "5.30 p.m.", "17:30". Empty: not checked."""
    no_ordinals: bool = Field(default=False, strict=True)
    """Dates in the minute text without ordinals: "8 April 2025", not "8th April 2025"."""
    member_title: str = ""
    """How a councillor is addressed: "Councillor" or "Cllr". Empty: not checked."""
    title_case: TitleCase = TitleCase.ANY
    """The case of item titles."""
    capacity_dash: bool = Field(default=False, strict=True)
    """A dash in a capacity line is an en dash between spaces ("Governor – Primary"), and a
    capacity does not start with one (the style puts the dash between name and capacity)."""
    small_numbers_in_words: bool = Field(default=False, strict=True)
    """Numbers under ten are words in vote counts written in the minute text ("five votes
    for"), as in running text."""
    per_cent: bool = Field(default=False, strict=True)
    """"per cent", not "%" or "percent"."""

    @model_validator(mode="before")
    @classmethod
    def _known_rules(cls, data: Any) -> Any:
        if not isinstance(data, dict | HouseRules):
            raise ValueError(
                "must be a table of rules: a [house_rules] line, then one rule a line "
                '(time = "5.30pm")'
            )
        if isinstance(data, dict):
            for key in data:
                if key not in _RULES:
                    raise ValueError(
                        f'"{key}" is not a house rule; the rules are {", ".join(_RULES)}'
                    )
        return data

    @field_validator(
        "no_ordinals", "capacity_dash", "small_numbers_in_words", "per_cent", mode="before"
    )
    @classmethod
    def _on_or_off(cls, value: Any) -> Any:
        if not isinstance(value, bool):
            shown = f'"{value}"' if isinstance(value, str) else repr(value)
            raise ValueError(f"must be true or false (without quotes), not {shown}")
        return value

    @field_validator("time")
    @classmethod
    def _time(cls, value: str) -> str:
        if value and time_form(value) is None:
            raise ValueError(
                f'"{value}" is not a time of day as the minutes would write it: give an '
                'example such as "5.30pm", "5:30 pm", "5.30 p.m." or "17:30", or "" not to '
                "check times"
            )
        return value

    @field_validator("member_title")
    @classmethod
    def _member_title(cls, value: str) -> str:
        if value and value not in MEMBER_TITLES:
            raise ValueError(
                f'"{value}" must be "Councillor" or "Cllr", or "" not to check how councillors '
                "are addressed"
            )
        return value

    @field_validator("title_case", mode="before")
    @classmethod
    def _title_case(cls, value: Any) -> Any:
        if not isinstance(value, TitleCase) and value not in {case.value for case in TitleCase}:
            shown = f'"{value}"' if isinstance(value, str) else repr(value)
            raise ValueError(
                f'{shown} must be "upper", "title" or "sentence", or "" not to check the case '
                "of item titles"
            )
        return value

    @property
    def time_style(self) -> TimeForm | None:
        """The form `time` shows; None when times are not checked."""
        return time_form(self.time) if self.time else None
