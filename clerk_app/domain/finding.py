"""What a finding is: its severity, its kind, the field it is about and the fix it offers.

Kept apart from the checks (`clerk_app.domain.findings` and the modules it gathers: cross-checks,
quorum, the law, the house style) so that each of them can make findings without importing the
others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from clerk_app.domain import edit
from clerk_app.domain.model import Meeting

FieldPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class FindingKind(StrEnum):
    """What a finding is about, for the panel's filter and `docs/checks.md`."""

    RECORD = "record"
    """The record itself: something missing or contradictory (the checks before issue 14)."""
    CROSS_CHECK = "cross-check"
    """The minutes against themselves: interests, presence and votes."""
    QUORUM = "quorum"
    LAW = "law"
    """What the law requires of the minutes (Schedule 12A, the 1960 Act, the 2012 regulations)."""
    HOUSE_STYLE = "house style"
    """The council's writing rules (style.toml's `[house_rules]`): each offers a fix."""


FINDING_KIND_LABELS: dict[FindingKind, str] = {
    FindingKind.RECORD: "The record",
    FindingKind.CROSS_CHECK: "Cross-checks",
    FindingKind.QUORUM: "Quorum",
    FindingKind.LAW: "The law",
    FindingKind.HOUSE_STYLE: "House style",
}


@dataclass(frozen=True, slots=True)
class Fix:
    """A change that puts a finding right: the text from `start` to `end` of the text field at
    `path` becomes `replacement`. `old` is the field's whole text when the finding was made, so a
    fix that no longer fits (the clerk typed there since) is refused rather than misapplied."""

    label: str
    """What it does, in the clerk's words: "Write 5.30pm"."""
    path: FieldPath
    start: int
    end: int
    replacement: str
    old: str

    @property
    def new(self) -> str:
        """The field's whole text once fixed."""
        return self.old[: self.start] + self.replacement + self.old[self.end :]


@dataclass(frozen=True, slots=True)
class Finding:
    severity: Severity
    message: str
    path: FieldPath = ()
    kind: FindingKind = FindingKind.RECORD
    fix: Fix | None = None
    rule: str = ""
    """For a house-style finding: the rule's name in style.toml (`time`, `per_cent`)."""

    def __str__(self) -> str:
        """The severity, the kind unless it is the record's own, and the message."""
        if self.kind is FindingKind.RECORD:
            return f"{self.severity.value}: {self.message}"
        return f"{self.severity.value} ({self.kind.value}): {self.message}"


def apply_fixes(meeting: Meeting, fixes: Iterable[Fix]) -> tuple[Meeting, int]:
    """`meeting` with every fix that still fits applied, and how many were. Fixes of one field
    are applied from its end, so that each one's place stays right; a fix whose field has
    changed since (its text is no longer `old`), or that overlaps one already taken, is left."""
    by_path: dict[FieldPath, list[Fix]] = {}
    for fix in fixes:
        by_path.setdefault(fix.path, []).append(fix)
    applied = 0
    for path, group in by_path.items():
        try:
            current = edit.get_at(meeting, path)
        except edit.EditError:
            continue  # the field has gone (its item deleted)
        if not isinstance(current, str):
            continue
        text, limit, taken = current, len(current), 0
        for fix in sorted(group, key=lambda f: (f.start, f.end), reverse=True):
            if fix.old != current or not 0 <= fix.start <= fix.end <= limit:
                continue
            text = text[: fix.start] + fix.replacement + text[fix.end :]
            limit, taken = fix.start, taken + 1
        if taken:
            meeting = edit.set_at(meeting, path, text)
            applied += taken
    return meeting, applied


def error(message: str, *path: str | int, kind: FindingKind = FindingKind.RECORD) -> Finding:
    return Finding(Severity.ERROR, message, path, kind)


def warning(message: str, *path: str | int, kind: FindingKind = FindingKind.RECORD) -> Finding:
    return Finding(Severity.WARNING, message, path, kind)
