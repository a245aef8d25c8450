"""Turning a folder of film documents into typed knowledge-base records."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path

from bot.errors import SeedError
from bot.models import (
    DocumentKind,
    FilmFailure,
    FilmRecord,
    KnowledgeBase,
    Quote,
    SourceDocument,
)
from bot.parsing.article import looks_like_article, parse_article
from bot.parsing.documents import Document, read_document
from bot.parsing.folders import film_files, film_folders, unknown_documents
from bot.parsing.interview import parse_interview, prose_text
from bot.parsing.manifest import MANIFEST_NAME, Manifest, read_manifest
from bot.parsing.speakers import SpeakerResolver

__all__ = ["DOCUMENT_SUFFIX", "LISTS_FOLDER", "film_failure", "parse_film", "parse_seeds"]

log = logging.getLogger(__name__)

DOCUMENT_SUFFIX = ".txt"
LISTS_FOLDER = "trivia"
"""The folder of ``seeds/`` holding trivia lists that are their own topic; never a film."""
MAX_DOCUMENTS_PER_FILM = 200
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


def _article_source(document: Document, article: FilmRecord, manifest: Manifest) -> SourceDocument:
    meta = manifest.meta(document.name)
    return SourceDocument(
        name=document.name,
        kind=DocumentKind.ARTICLE,
        title=meta.title or article.title,
        publication=meta.publication,
        url=meta.url,
        published=meta.published,
    )


def _credited_people(article: FilmRecord) -> list[str]:
    people = [value for field in article.infobox for value in field.values]
    people.extend(member.actor for member in article.cast)
    return people


def _no_article(folder: Path, problems: list[SeedError]) -> SeedError:
    """Why the film has no usable article: the first document's own error, else the folder's."""
    suffix = "the film has no usable article"
    if problems:
        first = problems[0]
        return SeedError(first.path, f"{first.message}; {suffix}", first.line)
    return SeedError(folder, f"{suffix} (a '= Title =' document with '- Key: value' lines)")


def _skipped(error: SeedError) -> str:
    """A warning for a document left out of its film: file, line and reason."""
    name = Path(error.path).name
    where = f"{name}:{error.line}" if error.line is not None else name
    return f"{where}: skipped: {error.message}"


def _read_documents(paths: list[Path], problems: list[SeedError]) -> list[Document]:
    documents = []
    for path in paths:
        try:
            documents.append(read_document(path))
        except SeedError as error:
            problems.append(error)
    return documents


def _parse_articles(
    slug: str, documents: list[Document], problems: list[SeedError]
) -> list[tuple[Document, FilmRecord]]:
    articles = []
    for document in documents:
        if not looks_like_article(document):
            continue
        try:
            articles.append((document, parse_article(document, slug)))
        except SeedError as error:
            problems.append(error)
    return articles


def parse_film(folder: Path) -> FilmRecord:
    """Parse one film folder; a bad document is skipped with a warning naming file and line.

    Raises `SeedError` only when the film itself cannot load: a bad folder name or manifest,
    no documents, or no usable article.
    """
    slug = folder.name
    if not _SLUG.match(slug):
        raise SeedError(folder, "film folder names must be lowercase letters, digits and dashes")
    manifest = read_manifest(folder)
    files = film_files(folder, DOCUMENT_SUFFIX, root=folder.parent)
    paths = files.paths
    if not paths:
        raise SeedError(folder, f"no {DOCUMENT_SUFFIX} documents in the film folder")
    if len(paths) > MAX_DOCUMENTS_PER_FILM:
        raise SeedError(folder, f"more than {MAX_DOCUMENTS_PER_FILM} documents")
    problems: list[SeedError] = []
    documents = _read_documents(paths, problems)
    articles = _parse_articles(slug, documents, problems)
    if not articles:
        raise _no_article(folder, problems)
    main = articles[0][1]
    warnings = [_skipped(problem) for problem in problems]
    warnings.extend(main.warnings)
    warnings.extend(f"{doc.name}: a second article was ignored" for doc, _ in articles[1:])
    sources = [_article_source(doc, article, manifest) for doc, article in articles[:1]]
    credited = _credited_people(main)
    article_documents = {id(doc) for doc in documents if looks_like_article(doc)}

    quotes: list[Quote] = []
    for document in documents:
        if id(document) in article_documents:
            continue
        try:
            interview = parse_interview(document, SpeakerResolver(credited, prose_text(document)))
            problem = interview.problem
        except Exception as error:  # a parser bug costs this document, never its film
            log.exception("parsing the interview %s failed", document.path)
            problem = f"the parser failed on this document ({type(error).__name__})"
        if problem is not None:
            warnings.append(f"{document.name}:1: skipped: {problem}")
            continue
        meta = manifest.meta(document.name)
        sources.append(
            SourceDocument(
                name=document.name,
                kind=DocumentKind.INTERVIEW,
                title=meta.title or interview.title,
                publication=meta.publication or interview.outlet,
                url=meta.url,
                published=meta.published or interview.published,
            )
        )
        quotes.extend(interview.quotes)
        warnings.extend(interview.warnings)

    warnings.extend(files.skipped)
    warnings.extend(unknown_documents(manifest.documents, paths, folder / MANIFEST_NAME))
    return replace(
        main,
        title=manifest.title or main.title,
        quotes=tuple(quotes),
        sources=tuple(sources),
        warnings=tuple(warnings),
    )


def film_failure(slug: str, error: SeedError, *, kept: bool = False) -> FilmFailure:
    """The record of a film that failed to load with ``error``."""
    return FilmFailure(
        slug=slug, path=error.path, message=error.message, line=error.line, kept=kept
    )


def parse_seeds(seeds_dir: Path) -> KnowledgeBase:
    """Parse every film folder under ``seeds_dir``; a film that fails is listed, not fatal.

    Raises `SeedError` only when the seeds folder itself is missing.
    """
    if not seeds_dir.is_dir():
        raise SeedError(seeds_dir, "the seeds folder does not exist")
    folders = film_folders(seeds_dir, ignore=(LISTS_FOLDER,))
    films: list[FilmRecord] = []
    failures: list[FilmFailure] = []
    for folder in folders.paths:
        try:
            films.append(parse_film(folder))
        except SeedError as error:
            failures.append(film_failure(folder.name, error))
        except Exception as error:  # a parser bug fails its film only, never the others
            log.exception("parsing the film folder %s failed", folder)
            message = f"the parser failed on this film ({type(error).__name__}); see the log"
            failures.append(film_failure(folder.name, SeedError(folder, message)))
    return KnowledgeBase(
        films=tuple(films), failures=tuple(failures), warnings=tuple(folders.skipped)
    )
