"""docs/checks.md lists every kind of check, every house rule and every law setting a council
can turn on or off: a rule added without a word there is a rule no council will set."""

from __future__ import annotations

from pathlib import Path

from clerk_app.domain.finding import FindingKind
from clerk_app.domain.house_rules import HouseRules
from clerk_app.domain.law_settings import CouncilTier, LawRules, Nation

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "checks.md"


def test_the_guide_names_every_kind_rule_and_setting() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    named = [f"`{kind.value}`" for kind in FindingKind if kind is not FindingKind.RECORD]
    named += [f"{rule} =" for rule in HouseRules.model_fields]
    named += [f"{setting} =" for setting in LawRules.model_fields]
    named += [f'"{value.value}"' for value in (*Nation, *CouncilTier)]
    assert [name for name in named if name not in text] == []


def test_the_guide_cites_the_law_it_checks() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    for citation in (
        "Schedule 12A to the Local Government Act 1972",
        "Part 1, paragraphs 1 to 7",
        "Part 4, paragraphs 12 to 18",
        "Public Bodies (Admission to Meetings) Act 1960",
        "paragraph 41(1) of Schedule 12",
        "(England) Regulations 2012",
        "section 100A(4)",
    ):
        assert citation in text, citation
