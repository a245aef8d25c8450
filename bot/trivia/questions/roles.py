"""The infobox credits asked about, and how each is worded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from bot.text import fold

__all__ = ["CREDIT_ROLES", "CreditRole", "role_of"]


@dataclass(frozen=True, slots=True)
class CreditRole:
    """How to ask about one infobox credit; templates use ``{title}`` and ``{partner}``."""

    keys: tuple[str, ...]
    company: bool
    single: str
    joint: str
    partner: str
    one_of: str


CREDIT_ROLES: Final = (
    CreditRole(
        keys=("director", "directors", "directed by"),
        company=False,
        single="Who directed {title}?",
        joint="Who directed {title}?",
        partner="Who co-directed {title} with {partner}?",
        one_of="Name one of the directors of {title}.",
    ),
    CreditRole(
        keys=("writer", "writers", "written by", "screenplay", "screenplay by"),
        company=False,
        single="Who wrote {title}?",
        joint="Who wrote {title}?",
        partner="Who co-wrote {title} with {partner}?",
        one_of="Name one of the writers of {title}.",
    ),
    CreditRole(
        keys=("producer", "producers", "produced by"),
        company=False,
        single="Who produced {title}?",
        joint="Who produced {title}?",
        partner="Who produced {title} together with {partner}?",
        one_of="Name one of the producers of {title}.",
    ),
    CreditRole(
        keys=("music", "music by", "composer", "score", "score by"),
        company=False,
        single="Who composed the music for {title}?",
        joint="Who composed the music for {title}?",
        partner="Who composed the music for {title} together with {partner}?",
        one_of="Name one of the composers of the music for {title}.",
    ),
    CreditRole(
        keys=("cinematography", "cinematographer", "director of photography"),
        company=False,
        single="Who was the cinematographer of {title}?",
        joint="Who were the cinematographers of {title}?",
        partner="Who shared the cinematography of {title} with {partner}?",
        one_of="Name one of the cinematographers of {title}.",
    ),
    CreditRole(
        keys=("editing", "edited by", "editor", "film editing"),
        company=False,
        single="Who edited {title}?",
        joint="Who edited {title}?",
        partner="Who edited {title} together with {partner}?",
        one_of="Name one of the editors of {title}.",
    ),
    CreditRole(
        keys=("distributor", "distributors", "distributed by"),
        company=True,
        single="Which company distributed {title}?",
        joint="Which companies distributed {title}?",
        partner="Which company distributed {title} together with {partner}?",
        one_of="Name one of the companies that distributed {title}.",
    ),
    CreditRole(
        keys=("studio", "studios", "production company", "production companies"),
        company=True,
        single="Which production company made {title}?",
        joint="Which production companies made {title}?",
        partner="Which production company made {title} together with {partner}?",
        one_of="Name one of the production companies of {title}.",
    ),
)
"""Infobox credits asked about; keys are compared folded, other keys are skipped."""

_ROLE_BY_KEY: Final = {key: role for role in CREDIT_ROLES for key in role.keys}


def role_of(key: str) -> CreditRole | None:
    """The credit an infobox key (any case) names, or None when it is not asked about."""
    return _ROLE_BY_KEY.get(fold(key))
