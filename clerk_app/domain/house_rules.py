"""A council's writing rules as data: a `[house_rules]` table in style.toml.

Each rule is off unless the style turns it on, so a style written before these rules (or one
whose reference minutes write otherwise, as Leicester's write "8th April 2025" and "9%") finds
nothing. The checks and their fixes are in `clerk_app.domain.style_rules`.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

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


class HouseRules(Model):
    time: str = ""
    """How a time of day is written in the minute text, as an example: "5.30pm", "5:30 pm",
    "17:30". Empty: not checked."""
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
