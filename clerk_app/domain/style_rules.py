"""The council's writing rules (`HouseStyle.house_rules`) checked in the text the clerk typed:
findings of kind `FindingKind.HOUSE_STYLE`, each with a `Fix`."""

from __future__ import annotations

from clerk_app.domain.finding import Finding
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import Meeting


def style_rule_findings(meeting: Meeting, style: HouseStyle, names: list[str]) -> list[Finding]:
    return []
