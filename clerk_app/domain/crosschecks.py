"""The minutes against themselves: who was in the room for each item, against who is recorded
proposing, seconding, voting and speaking on it; vote counts against the voting members present;
the quorum item by item. Findings of kind `FindingKind.CROSS_CHECK` and `FindingKind.QUORUM`.

Presence item by item is worked out in `clerk_app.domain.presence`.
"""

from __future__ import annotations

from clerk_app.domain.committee import Committee
from clerk_app.domain.finding import Finding
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.model import Meeting


def crosscheck_findings(meeting: Meeting, style: HouseStyle, names: list[str]) -> list[Finding]:
    """`names` are the items as findings name them (`findings.item_names`)."""
    return []


def quorum_findings(
    meeting: Meeting, committee: Committee | None, names: list[str]
) -> list[Finding]:
    return []
