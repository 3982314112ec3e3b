"""What the law asks of the minutes, for the nation and the kind of council the style says
(`HouseStyle.law`): findings of kind `FindingKind.LAW`."""

from __future__ import annotations

from clerk_app.domain.committee import Committee
from clerk_app.domain.finding import Finding
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import Meeting


def law_findings(
    meeting: Meeting,
    style: HouseStyle,
    names: list[str],
    *,
    previous: Meeting | None = None,
    committee: Committee | None = None,
) -> list[Finding]:
    return []
