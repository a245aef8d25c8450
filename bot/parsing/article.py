"""Parsing a Wikipedia-style film article: title, infobox, lead, sections and cast."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dates import DATE_KEYS, dated_events
from bot.errors import SeedError
from bot.models import FilmRecord, InfoboxField, MoneyFigure, Section
from bot.parsing.cast import CastSection, read_cast
from bot.parsing.credits import strip_trailing_period
from bot.parsing.documents import Document
from bot.parsing.infobox import (
    INFOBOX_LINE,
    MONEY_KEYS,
    RUNTIME_KEYS,
    InfoboxDraft,
    finish_infobox,
)
from bot.parsing.reviews import find_review_scores
from bot.parsing.speakers import names_in_text
from bot.parsing.spoilers import is_spoiler_heading
from bot.values import parse_money, parse_runtime

__all__ = ["looks_like_article", "parse_article", "strip_disambiguator"]

_TITLE = re.compile(r"^=\s*(?P<title>[^=].*?)\s*=$")
_HEADING = re.compile(r"^(?P<marks>={2,6})\s*(?P<title>.+?)\s*(?P=marks)$")
_BULLET = re.compile(r"^[-*•]\s*")
_NESTED = re.compile(r"^(?:\s+[-*•]|[-*•]{2,})\s*")
_CITATION = re.compile(
    r"\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|citation needed|clarification needed)\]",
    re.IGNORECASE,
)
"""Footnote markers of a rendered page ('[3]', '[a]', '[note 1]'): never part of a value."""
_YEAR = re.compile(r"\b(?P<year>1[89]\d\d|2[01]\d\d)\b")
_DISAMBIGUATOR = re.compile(
    r"\s*\((?:[^()]*\s)?(?:film|movie|motion picture|feature|picture)\)$", re.IGNORECASE
)
"""'Rush (2013 film)', 'Random Harvest (film)': the parenthesis tells films apart; no title."""
_POSTER = re.compile(
    r"\b(?:poster|cover art|dvd cover|logo|title card|promotional image|release artwork)\b",
    re.IGNORECASE,
)
"""'Theatrical release poster': the caption of the infobox's image, no title."""
MAX_LIST_ITEM_CHARS = 80
"""An infobox item on a line of its own is a name or two, never a sentence."""
MAX_TITLE_LINE_CHARS = 120
"""A line under the heading and above the infobox is the title when it is this short."""


def strip_disambiguator(title: str) -> str:
    """The title without a trailing '(film)', '(2013 film)' or '(American film)'."""
    return _DISAMBIGUATOR.sub("", title).strip() or title


def looks_like_article(document: Document) -> bool:
    """True when the document has a title line or section headings and an infobox."""
    lines = document.text.split("\n")
    has_heading = any(_HEADING.match(line.strip()) or _TITLE.match(line.strip()) for line in lines)
    has_infobox = any(INFOBOX_LINE.match(line.strip()) for line in lines)
    return has_heading and has_infobox


@dataclass
class _SectionDraft:
    path: tuple[str, ...]
    line: int
    lines: list[str]
    raw: list[str]
    """The lines as written, indentation kept (a nested list item is indented)."""


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    raw: str
    number: int


def _collect(document: Document) -> tuple[str | None, list[_Line], list[_SectionDraft]]:
    """Split the article into its title, the lines before any heading, and the sections."""
    title: str | None = None
    preamble: list[_Line] = []
    sections: list[_SectionDraft] = []
    stack: list[tuple[int, str]] = []
    for number, text in enumerate(document.text.split("\n"), start=1):
        raw = _CITATION.sub("", text)
        line = raw.strip()
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group("marks"))
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, heading.group("title")))
            sections.append(_SectionDraft(tuple(name for _, name in stack), number, [], []))
            continue
        title_match = _TITLE.match(line)
        if title_match and title is None and not sections:
            title = title_match.group("title")
            continue
        if sections:
            sections[-1].lines.append(line)
            sections[-1].raw.append(raw.rstrip())
        else:
            preamble.append(_Line(line, raw, number))
    return title, preamble, sections


def _is_title_line(line: str) -> bool:
    return len(line) <= MAX_TITLE_LINE_CHARS and not line.endswith((".", ":", "?", "!"))


def _read_preamble(
    heading: str | None, preamble: list[_Line]
) -> tuple[str | None, list[InfoboxDraft], list[str]]:
    """The title line, the infobox drafts and the lead's lines."""
    title = heading
    title_line: str | None = None
    infobox: list[InfoboxDraft] = []
    lead_lines: list[str] = []
    listing = False
    """True while the lines under a key with no value of its own are that key's items."""
    for item in preamble:
        line = item.text
        field = INFOBOX_LINE.match(line)
        nested = _NESTED.match(item.raw) is not None
        if infobox and not lead_lines and (nested or (_BULLET.match(line) and not field)):
            # A nested item ('  - Aug 23, 2013 (United States)') belongs to the key above it.
            infobox[-1].parts.append(_BULLET.sub("", _NESTED.sub("", item.raw)).strip())
        elif field and not lead_lines:
            value = field.group("value")
            infobox.append(InfoboxDraft(field.group("key"), item.number, [value]))
            listing = not value.strip()
        elif not line:
            listing = False
            if lead_lines:
                lead_lines.append("")
        elif listing and _is_list_item(line):
            # A plainlist rendered one name a line: '- Produced by:' then 'Ada Pym' ...
            infobox[-1].parts.append(line)
        elif not infobox and not lead_lines:
            # The title line under the heading (or the first line, without one) names the
            # film; a poster caption under it does not.
            if title_line is None and _is_title_line(line) and not _POSTER.search(line):
                title = title_line = line
        else:
            listing = False
            lead_lines.append(line)
    return title, infobox, lead_lines


def _is_list_item(line: str) -> bool:
    """A short line that does not end like a sentence ('Bo Lind Jr.' does not)."""
    ends_sentence = line.endswith((":", "?", "!")) or (
        line.endswith(".") and strip_trailing_period(line) != line
    )
    return len(line) <= MAX_LIST_ITEM_CHARS and not ends_sentence


def _paragraphs(lines: list[str]) -> str:
    text = "\n".join(lines).strip()
    return re.sub(r"\n{2,}", "\n\n", text)


def _first_value(infobox: tuple[InfoboxField, ...], keys: frozenset[str]) -> tuple[str, ...]:
    return next((f.values for f in infobox if f.key.casefold() in keys and f.values), ())


def parse_article(document: Document, slug: str | None = None) -> FilmRecord:
    """The film an article describes: details, sections and cast, without quotes or sources.

    ``slug`` defaults to the name of the document's folder. Raises `SeedError` when the
    article has no usable title or infobox.
    """
    heading, preamble, drafts = _collect(document)
    title, infobox_drafts, lead_lines = _read_preamble(heading, preamble)
    if title is None:
        raise SeedError(document.path, "the article has no title line", 1)
    if not infobox_drafts:
        raise SeedError(document.path, "the article has no '- Key: value' infobox lines", 1)
    prose = [line for line in lead_lines if line and not _BULLET.match(line)]
    if not prose and not drafts:
        last_line = max((item.number for item in preamble if item.text), default=1)
        raise SeedError(
            document.path,
            "the article stops in its infobox (no text or sections after it); is it cut off?",
            last_line,
        )

    spoiler_paths = {d.path for d in drafts if any(is_spoiler_heading(name) for name in d.path)}
    sections = tuple(
        Section(
            path=draft.path,
            text=_paragraphs(draft.lines),
            position=position,
            spoiler=draft.path in spoiler_paths,
        )
        for position, draft in enumerate(drafts)
    )
    starring = [p for d in infobox_drafts for part in d.parts for p in part.split(",")]
    cast = read_cast(
        document.name,
        (CastSection(d.path, d.line, tuple(d.raw)) for d in drafts),
        [name.strip() for name in starring],
    )
    lead = _paragraphs(lead_lines)
    prose_names = names_in_text("\n".join([lead, *(s.text for s in sections)]))
    known = [*(member.actor for member in cast.members), *prose_names]
    infobox, infobox_warnings = finish_infobox(document.name, infobox_drafts, known)

    events = dated_events(_first_value(infobox, DATE_KEYS))
    release_date = events[0].date if events else None
    runtime_text = _first_value(infobox, RUNTIME_KEYS)
    runtime = parse_runtime(runtime_text[0]) if runtime_text else None
    money = tuple(
        MoneyFigure(key=item.key, text=item.values[0], amount=amount)
        for item in infobox
        if item.key.casefold() in MONEY_KEYS
        and item.values
        and (amount := parse_money(item.values[0])) is not None
    )
    year = release_date.year if release_date else None
    if year is None and (found := _YEAR.search(lead)):
        year = int(found.group("year"))
    all_text = "\n\n".join(section.text for section in sections if not section.spoiler)
    return FilmRecord(
        slug=document.path.parent.name if slug is None else slug,
        title=strip_disambiguator(title),
        year=year,
        infobox=infobox,
        runtime_minutes=runtime,
        release_date=release_date,
        money=money,
        reviews=find_review_scores(all_text),
        lead=lead,
        sections=sections,
        cast=cast.members,
        warnings=(*cast.warnings, *infobox_warnings),
    )
