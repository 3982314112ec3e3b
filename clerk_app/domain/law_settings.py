"""Which law a council's minutes answer to: a `[law]` table in style.toml.

A house style is a council's, so the nation and the kind of council are said there once. A style
that does not say gets no law checks (`nation = "none"`): the US style, and any style written
before these checks, keep working unchanged. The checks themselves are in `clerk_app.domain.law`.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from clerk_app.domain.model import Model


class Nation(StrEnum):
    ENGLAND = "england"
    WALES = "wales"
    NONE = "none"
    """No law checks (a council outside England and Wales, or a style that does not say)."""


class CouncilTier(StrEnum):
    PRINCIPAL = "principal"
    """A county, district, borough, city or unitary council (Schedule 12A applies)."""
    PARISH = "parish"
    """A parish, town or (in Wales) community council (the 1960 Act applies)."""


class LawRules(Model):
    nation: Nation = Nation.NONE
    council: CouncilTier = CouncilTier.PRINCIPAL
    signature: bool = Field(default=True, strict=True)
    """The minutes are signed by the chair in the document the style makes (a signature block);
    False where the council signs a separate copy (the published web copy has no block)."""
