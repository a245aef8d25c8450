"""Parsing a Wikipedia-style film article: title, infobox, lead, sections and cast."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.errors import SeedError
from bot.models import CastMember, FilmRecord, InfoboxField, MoneyFigure, Section
from bot.parsing.documents import Document
from bot.parsing.reviews import find_review_scores
from bot.parsing.spoilers import description_reveals_plot, is_spoiler_heading
from bot.parsing.values import parse_date, parse_money, parse_runtime, split_list

__all__ = ["looks_like_article", "parse_article"]

_TITLE = re.compile(r"^=\s*(?P<title>[^=].*?)\s*=$")
_HEADING = re.compile(r"^(?P<marks>={2,6})\s*(?P<title>.+?)\s*(?P=marks)$")
_INFOBOX_LINE = re.compile(r"^[-*•]\s*(?P<key>[A-Za-z][\w .'/()-]{0,40}?)\s*:\s*(?P<value>.*)$")
_CAST_LINE = re.compile(r"^[-*•]\s*(?P<actor>.+?)\s+as\s+(?P<rest>.+)$")
_BULLET = re.compile(r"^[-*•]\s*")
_YEAR = re.compile(r"\b(?P<year>1[89]\d\d|2[01]\d\d)\b")
_DATE_KEYS = frozenset({"released", "release", "release date", "release dates", "premiere"})
_RUNTIME_KEYS = frozenset({"runtime", "running time", "length"})
_MONEY_KEYS = frozenset({"gross", "box office", "budget"})
_UNSPLIT_KEYS = _DATE_KEYS | _RUNTIME_KEYS | _MONEY_KEYS
_CAST_LINE_SHARE = 0.5
"""A section is the cast list when at least this share of its lines read 'Actor as Character'."""


def looks_like_article(document: Document) -> bool:
    """True when the document has a title line or section headings and an infobox."""
    lines = document.text.split("\n")
    has_heading = any(_HEADING.match(line.strip()) or _TITLE.match(line.strip()) for line in lines)
    has_infobox = any(_INFOBOX_LINE.match(line.strip()) for line in lines)
    return has_heading and has_infobox


def _parse_infobox_line(key: str, value: str, line: int) -> InfoboxField:
    values = (value.strip(),) if key.casefold() in _UNSPLIT_KEYS else split_list(value)
    return InfoboxField(key=key.strip(), values=values, line=line)


def _parse_cast_line(text: str, position: int) -> CastMember | None:
    match = _CAST_LINE.match(text)
    if match is None:
        return None
    character, _, description = match.group("rest").partition(",")
    description = description.strip() or None
    return CastMember(
        actor=match.group("actor").strip(),
        character=character.strip(),
        description=description,
        position=position,
        spoiler=description is not None and description_reveals_plot(description),
    )


@dataclass
class _SectionDraft:
    path: tuple[str, ...]
    line: int
    lines: list[str]


def _collect(document: Document) -> tuple[str | None, list[tuple[str, int]], list[_SectionDraft]]:
    """Split the article into its title, the lines before any heading, and the sections."""
    title: str | None = None
    preamble: list[tuple[str, int]] = []
    sections: list[_SectionDraft] = []
    stack: list[tuple[int, str]] = []
    for number, raw in enumerate(document.text.split("\n"), start=1):
        line = raw.strip()
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group("marks"))
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading.group("title")))
            sections.append(_SectionDraft(tuple(name for _, name in stack), number, []))
            continue
        title_match = _TITLE.match(line)
        if title_match and title is None and not sections:
            title = title_match.group("title")
            continue
        if sections:
            sections[-1].lines.append(line)
        else:
            preamble.append((line, number))
    return title, preamble, sections


def _is_cast_section(lines: list[str]) -> bool:
    items = [line for line in lines if line]
    casts = sum(1 for line in items if _CAST_LINE.match(line))
    return bool(items) and casts >= len(items) * _CAST_LINE_SHARE


def _paragraphs(lines: list[str]) -> str:
    text = "\n".join(lines).strip()
    return re.sub(r"\n{2,}", "\n\n", text)


def parse_article(document: Document, slug: str | None = None) -> FilmRecord:
    """The film an article describes: details, sections and cast, without quotes or sources.

    ``slug`` defaults to the name of the document's folder. Raises `SeedError` when the
    article has no usable title or infobox.
    """
    title, preamble, drafts = _collect(document)
    infobox: list[InfoboxField] = []
    lead_lines: list[str] = []
    for line, number in preamble:
        field = _INFOBOX_LINE.match(line)
        if field and not lead_lines:
            infobox.append(_parse_infobox_line(field.group("key"), field.group("value"), number))
        elif not line:
            if lead_lines:
                lead_lines.append("")
        elif title is None and not infobox and not lead_lines:
            # Without a '= Title =' line, the first line above the infobox names the film.
            title = line
        elif line != title and (infobox or lead_lines):
            lead_lines.append(line)
    if title is None:
        raise SeedError(document.path, "the article has no title line", 1)
    if not infobox:
        raise SeedError(document.path, "the article has no '- Key: value' infobox lines", 1)
    prose = [line for line in lead_lines if line and not _BULLET.match(line)]
    if not prose and not drafts:
        last_line = max((number for line, number in preamble if line), default=1)
        raise SeedError(
            document.path,
            "the article stops in its infobox (no text or sections after it); is it cut off?",
            last_line,
        )

    spoiler_paths = {d.path for d in drafts if any(is_spoiler_heading(name) for name in d.path)}
    sections: list[Section] = []
    cast: list[CastMember] = []
    for position, draft in enumerate(drafts):
        sections.append(
            Section(
                path=draft.path,
                text=_paragraphs(draft.lines),
                position=position,
                spoiler=draft.path in spoiler_paths,
            )
        )
        if _is_cast_section(draft.lines):
            for line in draft.lines:
                member = _parse_cast_line(line, len(cast))
                if member is not None:
                    cast.append(member)

    by_key = {item.key.casefold(): item for item in infobox}
    release_date = next(
        (parse_date(by_key[key].values[0]) for key in _DATE_KEYS if key in by_key), None
    )
    runtime = next(
        (parse_runtime(by_key[key].values[0]) for key in _RUNTIME_KEYS if key in by_key), None
    )
    money = tuple(
        MoneyFigure(key=item.key, text=item.values[0], amount=amount)
        for item in infobox
        if item.key.casefold() in _MONEY_KEYS
        and item.values
        and (amount := parse_money(item.values[0])) is not None
    )
    lead = _paragraphs(lead_lines)
    year = release_date.year if release_date else None
    if year is None and (found := _YEAR.search(lead)):
        year = int(found.group("year"))
    all_text = "\n\n".join(section.text for section in sections if not section.spoiler)
    return FilmRecord(
        slug=document.path.parent.name if slug is None else slug,
        title=title,
        year=year,
        infobox=tuple(infobox),
        runtime_minutes=runtime,
        release_date=release_date,
        money=money,
        reviews=find_review_scores(all_text),
        lead=lead,
        sections=tuple(sections),
        cast=tuple(cast),
    )
