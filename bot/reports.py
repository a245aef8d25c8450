"""Plain-text and JSON renderings of parsed seeds and reseed reports, for the command line."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from bot.models import FilmFailure, FilmRecord, KnowledgeBase, Question
from bot.services.knowledge import ReseedReport

__all__ = [
    "failures_summary",
    "film_json",
    "film_summary",
    "knowledge_base_json",
    "questions_json",
    "questions_text",
    "reseed_reply",
    "reseed_summary",
]


def film_json(film: FilmRecord) -> dict[str, Any]:
    """One film in the stable ``seed --json`` shape."""
    return {
        "slug": film.slug,
        "title": film.title,
        "year": film.year,
        "credits": {key: list(values) for key, values in film.credits.items()},
        "runtime_minutes": film.runtime_minutes,
        "release_date": film.release_date.isoformat() if film.release_date else None,
        "cast": [
            {
                "actor": c.actor,
                "character": c.character,
                "description": c.description,
                "note": c.note,
            }
            for c in film.cast
        ],
        "sections": [{"path": list(s.path), "spoiler": s.spoiler} for s in film.sections],
        "quotes": [
            {"speakers": list(q.speakers), "text": q.text, "source": q.source, "spoiler": q.spoiler}
            for q in film.quotes
        ],
        "warnings": list(film.warnings),
    }


def knowledge_base_json(kb: KnowledgeBase) -> str:
    """The parsed knowledge base as JSON: ``{"films": [...]}``."""
    failures = [
        {"slug": f.slug, "error": f"{f.where}: {f.message}", "kept_previous": f.kept}
        for f in kb.failures
    ]
    document = {"films": [film_json(f) for f in kb.films], "failures": failures}
    return json.dumps(document, ensure_ascii=False, indent=2)


def film_summary(film: FilmRecord) -> str:
    """A readable multi-line summary of what was parsed for one film."""
    year = f" ({film.year})" if film.year else ""
    lines = [f"{film.title}{year} [{film.slug}]"]
    lines.append(f"  credits: {len(film.infobox)} fields")
    for item in film.infobox:
        lines.append(f"    {item.key}: {', '.join(item.values)}")
    runtime = f"{film.runtime_minutes} min" if film.runtime_minutes else "unknown"
    release = film.release_date.isoformat() if film.release_date else "unknown"
    lines.append(f"  runtime: {runtime}; released: {release}")
    undescribed = sum(1 for c in film.cast if c.description is None)
    cast_spoilers = sum(1 for c in film.cast if c.spoiler)
    lines.append(
        f"  cast: {len(film.cast)} ({undescribed} without description, "
        f"{cast_spoilers} spoiler descriptions)"
    )
    spoiler_sections = sum(1 for s in film.sections if s.spoiler)
    lines.append(f"  sections: {len(film.sections)} ({spoiler_sections} spoiler)")
    lines.append(f"  sources: {len(film.sources)}")
    for source in film.sources:
        quotes = [q for q in film.quotes if q.source == source.name]
        published = f", {source.published.isoformat()}" if source.published else ""
        lines.append(f"    {source.name} ({source.kind.value}{published}): {source.label}")
        if not quotes:
            continue
        speakers = Counter(" and ".join(q.speakers) for q in quotes)
        spoilers = sum(1 for q in quotes if q.spoiler)
        lines.append(f"      quotes: {len(quotes)} ({spoilers} spoiler)")
        for speaker, count in speakers.most_common():
            lines.append(f"        {speaker}: {count}")
    for warning in film.warnings:
        lines.append(f"  warning: {warning}")
    return "\n".join(lines)


def reseed_summary(report: ReseedReport) -> str:
    """A readable account of what a reseed changed (or why it changed nothing)."""
    if report.error is not None:
        return f"reseed failed, nothing changed: {report.error}"
    verb = "would change" if report.dry_run else "changed"
    lines = []
    for film in report.films:
        parts = [
            f"{name} +{c.added} -{c.removed} ~{c.changed}"
            for name, c in film.categories.items()
            if c.any
        ]
        detail = f": {'; '.join(parts)}" if parts else ""
        lines.append(f"{film.slug}: {film.status}{detail}")
    if not lines:
        lines.append("no films found")
    header = f"reseed {verb} {sum(f.status != 'unchanged' for f in report.films)} film(s)"
    return "\n".join([*failures_summary(report.failures), header, *lines])


def reseed_reply(report: ReseedReport, max_warnings: int) -> str:
    """The summary of a reseed, then its first ``max_warnings`` warnings and how many more."""
    text = reseed_summary(report)
    if report.warnings:
        shown = report.warnings[:max_warnings]
        text += "\nwarnings:\n" + "\n".join(f"- {w}" for w in shown)
        if len(report.warnings) > max_warnings:
            more = len(report.warnings) - max_warnings
            text += f"\n- ... and {more} more (python -m bot seed --dry-run lists them all)"
    return text


def failures_summary(failures: Sequence[FilmFailure]) -> list[str]:
    """Lines that make failed films impossible to miss, each with its file, line and reason."""
    if not failures:
        return []
    lines = [f"!! {len(failures)} film(s) FAILED to load; fix the file named and reseed:"]
    lines.extend(f"!! {failure}" for failure in failures)
    return lines


def questions_json(questions: list[Question]) -> str:
    """Questions in the stable ``questions --json`` shape: a list of objects."""
    return json.dumps(
        [
            {
                "question": q.text,
                "answers": list(q.answers),
                "choices": list(q.choices),
                "kind": q.kind.value,
                "spoiler": q.spoiler,
                "source": q.source,
                "film": q.film,
            }
            for q in questions
        ],
        ensure_ascii=False,
        indent=2,
    )


def questions_text(questions: list[Question]) -> str:
    """Questions for an admin to review, one block each, with per-kind counts."""
    lines = []
    for number, q in enumerate(questions, start=1):
        flag = " [spoiler]" if q.spoiler else ""
        lines.append(f"{number}. ({q.film}, {q.kind.value}{flag}) {q.text}")
        lines.append(f"   answers: {' | '.join(q.answers)}")
        if q.choices:
            lines.append(f"   choices: {' | '.join(q.choices)}")
        lines.append(f"   source: {q.source}")
    kinds = Counter(q.kind.value for q in questions)
    lines.append(f"{len(questions)} questions: " + ", ".join(f"{k} {n}" for k, n in kinds.items()))
    return "\n".join(lines)
