"""What the law asks of the minutes, for the nation and the kind of council the style says
(`HouseStyle.law`): findings of kind `FindingKind.LAW`.

Nothing here runs for a style whose `[law]` table names no nation (`nation = "none"`, the
default): a US city, or a style written before these checks. For England and Wales:

- an exempt item gives its legal ground: a principal council a paragraph of Schedule 12A to the
  Local Government Act 1972 that exists for the nation (England: Part 1, paragraphs 1 to 7;
  Wales: Part 4, paragraphs 12 to 18); a parish, town or community council section 1(2) of the
  Public Bodies (Admission to Meetings) Act 1960, in the reason or in the resolution excluding
  the public before it;
- the press and public are excluded (an item or a resolution doing so) before each exempt item
  or run of them;
- the meeting has an item for apologies and one for declarations of interest;
- the chair signs: a signature block the meeting lists itself names the chair (the style's own
  block is `clerk-app check-style`'s concern: `clerk_app.render.stylecheck`); that the previous
  minutes are confirmed is `findings.previous_minutes_findings`, which gives its finding this
  kind under a nation;
- an executive's decision records its reasons and (England) the alternative options considered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from clerk_app.domain.committee import Committee, CommitteeKind
from clerk_app.domain.exempt import excludes_the_public, readmits_the_public
from clerk_app.domain.finding import Finding, FindingKind, error
from clerk_app.domain.house_style import HouseStyle
from clerk_app.domain.law_settings import CouncilTier, Nation
from clerk_app.domain.model import (
    Block,
    BulletList,
    Heading,
    Item,
    LeadIn,
    ListEntry,
    Meeting,
    MotionKind,
    NumberedList,
    Outcome,
    Paragraph,
    Resolution,
    StandingItem,
)

SCHEDULE_12A = "Schedule 12A to the Local Government Act 1972"
ACT_1960 = "section 1(2) of the Public Bodies (Admission to Meetings) Act 1960"
SCHEDULE_12_PARA_41 = "paragraph 41(1) of Schedule 12 to the Local Government Act 1972"
ENGLAND_REGULATIONS = (
    "regulation 12 of the Local Authorities (Executive Arrangements) (Meetings and Access to "
    "Information) (England) Regulations 2012"
)
WALES_REGULATIONS = (
    "regulation 6 of the Local Authorities (Executive Arrangements) (Decisions, Documents and "
    "Meetings) (Wales) Regulations 2001"
)

# The exempt categories of Schedule 12A: England's in Part 1; Wales's in Part 4, inserted by the
# Local Government (Access to Information) (Variation) (Wales) Order 2007.
_PART = {Nation.ENGLAND: 1, Nation.WALES: 4}
_PARAGRAPHS = {Nation.ENGLAND: range(1, 8), Nation.WALES: range(12, 19)}
_NATION_NAME = {Nation.ENGLAND: "England", Nation.WALES: "Wales"}
_WHOSE_PART = {1: "England's categories", 4: "the Welsh categories"}


def schedule_12a(nation: Nation) -> str:
    """The citation of the nation's exempt categories, short: "Schedule 12A to the Local
    Government Act 1972, Part 1 paragraphs 1 to 7 (England)"."""
    paragraphs = _PARAGRAPHS[nation]
    return (
        f"{SCHEDULE_12A}, Part {_PART[nation]} paragraphs {paragraphs[0]} to "
        f"{paragraphs[-1]} ({_NATION_NAME[nation]})"
    )


_NUMBER = r"\d+[a-z]?"
_PARAGRAPH_LIST = re.compile(
    rf"\b(?:paragraphs?|paras?\.?|§)\s*({_NUMBER}(?:\s*(?:,|and|&|or|to|-|–)\s*{_NUMBER})*)",
    re.IGNORECASE,
)
_RANGE = re.compile(r"(\d+)\s*(?:to|-|–)\s*(\d+)", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}
_PART_CITED = re.compile(r"\bpart\s+(\d+|iv|v|i{1,3})\b", re.IGNORECASE)
_CITES_12A = re.compile(r"\b(?:schedule|sch\.?)\s*12\s*a\b", re.IGNORECASE)
_CITES_1960 = re.compile(
    r"\bAdmission\s+to\s+Meetings\)?\s+Act\b|\b1960\s+Act\b|\bPB\(?AM\)?A\b", re.IGNORECASE
)
_EXCLUSION_TEXT = re.compile(
    r"\bexclu(?:de|des|ded|ding|sion)\b.*\b(?:press|public)\b"
    r"|\b(?:press|public)\b.*\bexclu(?:de|des|ded|ding|sion)\b",
    re.IGNORECASE | re.DOTALL,
)
_PRESS_OR_PUBLIC = re.compile(r"\b(?:press|public)\b", re.IGNORECASE)
_APOLOGIES = re.compile(r"apolog", re.IGNORECASE)
_EXECUTIVE_BODY = re.compile(r"(?:the\s+)?(?:cabinet|executive|executive\s+board)", re.IGNORECASE)
_REASONS = re.compile(r"\breasons?\s+for\s+(?:the\s+|this\s+)?decisions?\b", re.IGNORECASE)
_ALTERNATIVES = re.compile(
    r"\b(?:alternative|other)\s+options?\b|\balternatives\s+(?:considered|rejected)\b",
    re.IGNORECASE,
)
_NOTED_ONLY = re.compile(
    r"\s*(?:that\s+)?(?:\S+\s+){1,8}(?:be|was|were|is|are)\s+noted\s*[.;]?\s*", re.IGNORECASE
)
"""A resolution that only notes a report ("That the report be noted."): no decision to give
reasons for."""
_NOT_DECIDED = (Outcome.LOST, Outcome.WITHDRAWN, Outcome.NOT_PUT)


def law_findings(
    meeting: Meeting,
    style: HouseStyle,
    names: list[str],
    *,
    previous: Meeting | None = None,
    committee: Committee | None = None,
) -> list[Finding]:
    """Every law finding for the meeting, in the order of the minutes. `previous` is accepted
    for symmetry with the other checks: the previous minutes' confirmation is found by
    `findings.previous_minutes_findings`."""
    law = style.law
    if law.nation is Nation.NONE:
        return []
    return [
        *_record_findings(meeting, style, names),
        *_exempt_findings(meeting, style, names),
        *_signatory_findings(meeting, style),
        *_executive_findings(meeting, style, names, committee),
    ]


def _law_error(message: str, *path: str | int) -> Finding:
    return error(message, *path, kind=FindingKind.LAW)


# --- apologies and declarations ---------------------------------------------------------------


def _record_findings(meeting: Meeting, style: HouseStyle, names: list[str]) -> Iterator[Finding]:
    """An item for apologies and one for declarations of interest. Declarations already listed
    with no item to minute them under are `findings`' own warning, so only a meeting with
    neither is found here."""
    if not meeting.items:
        return  # "The meeting has no items" says it
    if not any(
        item.standing is StandingItem.WELCOME_AND_APOLOGIES or _APOLOGIES.search(item.title)
        for item in meeting.items
    ):
        yield _law_error(
            "The meeting has no item for apologies for absence: add one (Apologies for "
            "Absence), recording who sent apologies or that none were received; a monitoring "
            "officer asks for it, and the minutes record who attended (paragraph 40 of "
            "Schedule 12 to the Local Government Act 1972).",
            "items",
        )
    declared = any(i.standing is StandingItem.DECLARATIONS for i in meeting.items)
    if not declared and not meeting.interests:
        yield _law_error(
            "The meeting has no item for declarations of interest: add one (Declarations of "
            "Interest), recording each interest declared or that none were; members must "
            f"disclose their interests at the meeting ({_INTEREST_LAW[style.law.nation]}).",
            "items",
        )


_INTEREST_LAW = {
    Nation.ENGLAND: "section 31 of the Localism Act 2011 and the council's code of conduct",
    Nation.WALES: "the council's code of conduct, under Part III of the Local Government Act 2000",
    Nation.NONE: "",
}


# --- exempt items -----------------------------------------------------------------------------


def _exempt_findings(meeting: Meeting, style: HouseStyle, names: list[str]) -> Iterator[Finding]:
    """Each exempt item's legal ground, and the exclusion of the press and public before each
    run of exempt items."""
    law = style.law
    parish = law.council is CouncilTier.PARISH
    in_private = False
    exclusion = ""  # the text of the resolution (or title) that excluded them
    reported = False  # the run of exempt items found with no exclusion before it: said once
    for n, item in enumerate(meeting.items):
        if readmits_the_public(item):
            in_private, exclusion = False, ""
        if item.exempt:
            if not in_private:
                opening = _opening_exclusion(item)
                if opening is not None:
                    in_private, exclusion = True, opening
                elif not reported:
                    reported = True
                    yield _no_exclusion(names[n], n, parish)
            if parish:
                yield from _parish_reason(item, names[n], n, exclusion, in_private)
            else:
                yield from _principal_reason(item, names[n], n, law.nation)
            continue
        reported = False
        if excludes_the_public(item) or _excluding_resolution(item.blocks) is not None:
            in_private = True
            exclusion = " ".join([item.title, *_texts(item.blocks)])


def _no_exclusion(name: str, n: int, parish: bool) -> Finding:
    how = (
        f"by resolution under {ACT_1960}"
        if parish
        else "by resolution under section 100A(4) of the Local Government Act 1972"
    )
    return _law_error(
        f"{name} is exempt, but the press and public are not excluded before it: add an item "
        f"(Exclusion of the Press and Public) excluding them {how}, before the exempt business.",
        "items",
        n,
        "exempt",
    )


def _opening_exclusion(item: Item) -> str | None:
    """The text of a resolution excluding the public at the start of an exempt item itself
    (before any other resolution of its), if there is one."""
    for block in item.blocks:
        if isinstance(block, Resolution):
            return _excluding_resolution((block,))
    return None


def _excluding_resolution(blocks: Iterable[Block]) -> str | None:
    """The text of the first resolution among `blocks` excluding the press and public: one
    whose words say so, or a procedural motion about the press or public; one lost, withdrawn
    or never put excludes nobody."""
    for block in blocks:
        if not isinstance(block, Resolution) or block.outcome in _NOT_DECIDED:
            continue
        text = " ".join(_texts((block,)))
        if _EXCLUSION_TEXT.search(text) or (
            block.kind is MotionKind.PROCEDURAL and _PRESS_OR_PUBLIC.search(text)
        ):
            return text
    return None


def _principal_reason(item: Item, name: str, n: int, nation: Nation) -> Iterator[Finding]:
    reason = item.exempt_reason.strip()
    where = ("items", n, "exempt_reason")
    cite = schedule_12a(nation)
    if not reason:
        yield _law_error(
            f"{name} is exempt but gives no legal reason for excluding the public: cite the "
            f"paragraph of {cite} that applies.",
            *where,
        )
        return
    parts = {_part_number(p) for p in _PART_CITED.findall(reason)}
    wrong_parts = sorted(parts - {_PART[nation]})
    if wrong_parts:
        part = wrong_parts[0]
        whose = _WHOSE_PART.get(part, "which holds no exempt categories")
        yield _law_error(
            f"{name}'s reason for excluding the public cites Part {part} of Schedule 12A, "
            f"{whose}: the council's categories are {cite}.",
            *where,
        )
        return
    paragraphs = _paragraphs(reason)
    if not paragraphs:
        yield _law_error(
            f"{name}'s reason for excluding the public cites no paragraph of Schedule 12A: "
            f"give the paragraph of {cite} that applies.",
            *where,
        )
        return
    missing = [p for p in paragraphs if p not in _PARAGRAPHS[nation]]
    if missing:
        which = ", ".join(str(p) for p in missing)
        word = "paragraph" if len(missing) == 1 else "paragraphs"
        verb = "does" if len(missing) == 1 else "do"
        yield _law_error(
            f"{name}'s reason for excluding the public cites {word} {which} of Schedule 12A, "
            f"which {verb} not exist in {_NATION_NAME[nation]}: the categories are {cite}.",
            *where,
        )


def _parish_reason(
    item: Item, name: str, n: int, exclusion: str, excluded: bool
) -> Iterator[Finding]:
    """A parish's exempt item cites the 1960 Act, in its reason or in the exclusion before it.
    With no exclusion at all, that finding says what to cite."""
    reason = item.exempt_reason.strip()
    where = ("items", n, "exempt_reason")
    if _CITES_12A.search(reason):
        yield _law_error(
            f"{name}'s reason for excluding the public cites Schedule 12A, which applies to "
            f"principal councils: a parish or town council excludes the public under {ACT_1960}, "
            "by reason of the confidential nature of the business.",
            *where,
        )
    elif not reason:
        yield _law_error(
            f"{name} is exempt but gives no reason for excluding the public: {ACT_1960} "
            "requires one (the confidential nature of the business, or the special reason "
            "stated in the resolution).",
            *where,
        )
    elif excluded and not _CITES_1960.search(reason) and not _CITES_1960.search(exclusion):
        yield _law_error(
            f"Neither {name}'s reason for excluding the public nor the resolution excluding them "
            f"cites {ACT_1960}: cite it in one of them.",
            *where,
        )


def _part_number(text: str) -> int:
    return int(text) if text.isdigit() else _ROMAN[text.lower()]


def _paragraphs(reason: str) -> list[int]:
    """The paragraph numbers a reason cites: "paragraphs 1 and 2", "paras 3-5", "para 14"."""
    found: list[int] = []
    for match in _PARAGRAPH_LIST.finditer(reason):
        listed = match.group(1)
        for span in _RANGE.finditer(listed):
            first, last = int(span.group(1)), int(span.group(2))
            if first <= last <= first + 20:
                found.extend(range(first, last + 1))
        without_ranges = _RANGE.sub(" ", listed)
        found.extend(int(d) for d in re.findall(r"\d+", without_ranges))
    return sorted(set(found))


# --- the signature ----------------------------------------------------------------------------

_CHAIR_ROLE = re.compile(r"\b(?:chair\w*|mayor|presiding|cadeirydd)\b", re.IGNORECASE)


def _signatory_findings(meeting: Meeting, style: HouseStyle) -> Iterator[Finding]:
    """The meeting's own signature block, when it gives one, has a place for the chair: the
    minutes are signed by the person presiding at the next suitable meeting."""
    if not style.law.signature or not meeting.signatories:
        return
    if any(_CHAIR_ROLE.search(s.role) for s in meeting.signatories):
        return
    roles = ", ".join(s.role or "a signatory with no role" for s in meeting.signatories)
    yield _law_error(
        f"The minutes' signature block ({roles}) has no place for the Chair: the minutes are "
        f"signed by the person presiding ({SCHEDULE_12_PARA_41}). Add the Chair to those who "
        "sign, or leave the list empty for the style's own block.",
        "signatories",
    )


# --- executive decisions ----------------------------------------------------------------------


def is_executive(meeting: Meeting, committee: Committee | None) -> bool:
    """A cabinet or executive: the committee's kind says so, or (no committee file) the body's
    name is "Cabinet", "Executive" or "Executive Board"."""
    if committee is not None:
        return committee.kind is CommitteeKind.CABINET
    return _EXECUTIVE_BODY.fullmatch(meeting.body.strip()) is not None


def _executive_findings(
    meeting: Meeting, style: HouseStyle, names: list[str], committee: Committee | None
) -> Iterator[Finding]:
    """Each executive decision records its reasons and (England) the alternative options
    considered and rejected, in the words clerks head them with."""
    nation = style.law.nation
    if style.law.council is not CouncilTier.PRINCIPAL or not is_executive(meeting, committee):
        return
    for n, item in enumerate(meeting.items):
        if item.standing is not None or not _decides(item.blocks):
            continue
        text = "\n".join(_texts(item.blocks))
        missing = []
        if not _REASONS.search(text):
            missing.append("the reasons for the decision")
        if nation is Nation.ENGLAND and not _ALTERNATIVES.search(text):
            missing.append("the alternative options considered and rejected")
        if not missing:
            continue
        regulations = ENGLAND_REGULATIONS if nation is Nation.ENGLAND else WALES_REGULATIONS
        heads = (
            "'Reasons for the decision' and 'Alternative options considered'"
            if nation is Nation.ENGLAND
            else "'Reasons for the decision'"
        )
        yield _law_error(
            f"{names[n]} records an executive decision but not {' or '.join(missing)} "
            f"({regulations}): add them under {heads}.",
            "items",
            n,
            "blocks",
        )


def _decides(blocks: Iterable[Block]) -> bool:
    """Whether a minute records a decision: a resolution carried (or agreed without a vote),
    not procedural, and not only noting a report."""
    for block in _all_blocks(blocks):
        if not isinstance(block, Resolution) or block.outcome in _NOT_DECIDED:
            continue
        if block.kind is MotionKind.PROCEDURAL:
            continue
        texts = [e.text for e in block.resolutions if e.text] or [block.motion]
        if any(t and not _NOTED_ONLY.fullmatch(t) for t in texts):
            return True
    return False


def _all_blocks(blocks: Iterable[Block]) -> Iterator[Block]:
    stack = list(blocks)[::-1]
    while stack:
        block = stack.pop()
        yield block
        entries: tuple[ListEntry, ...] = ()
        if isinstance(block, Resolution):
            entries = block.resolutions
        elif isinstance(block, BulletList | NumberedList):
            entries = block.entries
        stack.extend(b for entry in reversed(entries) for b in reversed(entry.blocks))


def _texts(blocks: Iterable[Block]) -> Iterator[str]:
    """The words of headings, lead-ins, paragraphs, list entries and resolutions, nested too."""
    for block in _all_blocks(blocks):
        if isinstance(block, Heading | LeadIn | Paragraph):
            yield block.text
        elif isinstance(block, Resolution):
            yield from (t for t in (block.motion, block.debate) if t)
            yield from (e.text for e in block.resolutions if e.text)
        elif isinstance(block, BulletList | NumberedList):
            yield from (e.text for e in block.entries if e.text)
