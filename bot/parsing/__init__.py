"""Turning a folder of film documents into typed knowledge-base records."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from bot.errors import SeedError
from bot.models import DocumentKind, FilmRecord, KnowledgeBase, Quote, SourceDocument
from bot.parsing.article import looks_like_article, parse_article
from bot.parsing.documents import Document, read_document
from bot.parsing.folders import film_files, film_folders, unknown_documents
from bot.parsing.interview import looks_like_interview, parse_interview, prose_text
from bot.parsing.manifest import MANIFEST_NAME, Manifest, read_manifest
from bot.parsing.speakers import SpeakerResolver

__all__ = ["DOCUMENT_SUFFIX", "parse_film", "parse_seeds"]

DOCUMENT_SUFFIX = ".txt"
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


def parse_film(folder: Path) -> FilmRecord:
    """Parse every document of one film folder; raises `SeedError` naming the file at fault."""
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
    documents = [read_document(path) for path in paths]

    articles = [(doc, parse_article(doc, slug)) for doc in documents if looks_like_article(doc)]
    if not articles:
        raise SeedError(folder, "no article (a '= Title =' document with '- Key: value' lines)")
    main = articles[0][1]
    warnings = [f"{doc.name}: a second article was ignored" for doc, _ in articles[1:]]
    sources = [_article_source(doc, article, manifest) for doc, article in articles[:1]]
    credited = _credited_people(main)

    quotes: list[Quote] = []
    for document in documents:
        if any(document is doc for doc, _ in articles):
            continue
        resolver = SpeakerResolver(credited, prose_text(document))
        if not looks_like_interview(document, resolver):
            raise SeedError(
                document.path,
                "not an article (no infobox) nor an interview (no speaker labels such as 'Name:')",
                1,
            )
        interview = parse_interview(document, resolver)
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


def parse_seeds(seeds_dir: Path) -> KnowledgeBase:
    """Parse every film folder under ``seeds_dir``; any error aborts with the file and line."""
    if not seeds_dir.is_dir():
        raise SeedError(seeds_dir, "the seeds folder does not exist")
    folders = film_folders(seeds_dir)
    films = tuple(parse_film(folder) for folder in folders.paths)
    return KnowledgeBase(films=films, warnings=tuple(folders.skipped))
