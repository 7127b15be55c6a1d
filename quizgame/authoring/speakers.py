"""Who is who in an article — kept as the stable import path for the entity layer.

The names and word lists live in `names.py`, the entities and their aliases in `entities.py`;
`quizgame.authoring.generate` and older callers import them from here.
"""

from __future__ import annotations

from quizgame.authoring.entities import Entity, Mention, Registry
from quizgame.authoring.names import (
    COUNTRIES,
    GENERIC_PEOPLE,
    MULTI_COUNTRIES,
    ORG_WORDS,
    ROLE_NOUNS,
    TITLES,
    NameParse,
    RoleParse,
    SpeakerKind,
    is_acronym,
    parse_name_phrase,
    parse_role,
    pronoun_kind,
    tokens,
)

__all__ = [
    "COUNTRIES",
    "GENERIC_PEOPLE",
    "MULTI_COUNTRIES",
    "ORG_WORDS",
    "ROLE_NOUNS",
    "TITLES",
    "Entity",
    "Mention",
    "NameParse",
    "Registry",
    "RoleParse",
    "SpeakerKind",
    "is_acronym",
    "parse_name_phrase",
    "parse_role",
    "pronoun_kind",
    "tokens",
]
