"""Fingerprints of seed-derived records, so a reseed can report what it changed."""

from __future__ import annotations

import hashlib
import json

from bot.models import FilmRecord, KnowledgeBase
from bot.storage.database import Fingerprints

__all__ = ["CATEGORIES", "fingerprint_film", "fingerprint_knowledge_base", "knowledge_digest"]

CATEGORIES = ("facts", "credits", "cast", "sections", "quotes", "sources", "trivia")


def _digest(value: object) -> str:
    encoded = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False).encode()
    return hashlib.blake2b(encoded, digest_size=12).hexdigest()


def fingerprint_film(film: FilmRecord) -> dict[str, dict[str, str]]:
    """Each record of the film under a stable key, with a digest of its content."""
    facts = {
        "title": film.title,
        "year": film.year,
        "runtime": film.runtime_minutes,
        "release": film.release_date,
        "lead": film.lead,
        **{f"money:{m.key}": m.text for m in film.money},
        **{f"review:{r.aggregator}:{r.metric}": r.value for r in film.reviews},
    }
    return {
        "facts": {key: _digest(value) for key, value in facts.items()},
        "credits": {
            item.key.casefold(): _digest([item.values, item.notes]) for item in film.infobox
        },
        "cast": {
            f"{c.actor} as {c.character}": _digest([c.description, c.spoiler, c.position, c.note])
            for c in film.cast
        },
        "sections": {" > ".join(s.path): _digest([s.text, s.spoiler]) for s in film.sections},
        "quotes": {
            f"{q.source}#{q.position}": _digest([q.speakers, q.text, q.question, q.spoiler])
            for q in film.quotes
        },
        "sources": {
            s.name: _digest([s.kind, s.title, s.publication, s.url, s.published])
            for s in film.sources
        },
        "trivia": {q.text: _digest([q.answers, q.spoiler]) for q in film.trivia},
    }


def fingerprint_knowledge_base(kb: KnowledgeBase) -> Fingerprints:
    """Fingerprints of every film, keyed by slug."""
    return {film.slug: fingerprint_film(film) for film in kb.films}


def knowledge_digest(fingerprints: Fingerprints) -> str:
    """One digest of a whole knowledge base: equal on two hosts when their content is.

    Empty categories are left out: the database stores records, not empty categories.
    """
    return _digest(
        {
            slug: {category: records for category, records in categories.items() if records}
            for slug, categories in fingerprints.items()
        }
    )
