"""Plain-text and JSON renderings for the command line."""

import json

import pytest

from bot.errors import SeedError
from bot.models import KnowledgeBase
from bot.parsing import parse_seeds
from bot.reports import (
    film_json,
    film_summary,
    knowledge_base_json,
    reseed_reply,
    reseed_summary,
)
from bot.services.knowledge import CategoryChange, FilmChange, ReseedReport
from tests.bot.parsing.lantern_keeper import write_film


@pytest.fixture(scope="module")
def kb(project_seeds):
    return parse_seeds(project_seeds)


def test_film_json_is_json_serialisable(kb):
    data = film_json(kb.films[0])
    assert json.loads(json.dumps(data)) == data
    assert data["release_date"] == "2012-07-25"
    assert data["credits"]["gross"] == ["$9.4 million"]


def test_knowledge_base_json(kb):
    data = json.loads(knowledge_base_json(kb))
    assert [f["slug"] for f in data["films"]] == ["ruby-sparks"]
    assert json.loads(knowledge_base_json(KnowledgeBase())) == {"films": [], "failures": []}


def test_film_json_without_dates(tmp_path):
    write_film(
        tmp_path,
        {"a.txt": "Q: Hi?\n\nAda Brun: Hello.\n\nAda Brun: Bye."},
        slug="night-ferry",
        article="= Night Ferry =\n- Director: Ada Brun\n\nA film.\n",
    )
    data = film_json(parse_seeds(tmp_path).films[0])
    assert (data["year"], data["release_date"], data["runtime_minutes"]) == (None, None, None)


def test_film_summary(kb):
    text = film_summary(kb.films[0])
    lines = text.splitlines()
    assert lines[0] == "Ruby Sparks (2012) [ruby-sparks]"
    assert "  credits: 14 fields" in lines
    assert "    Director: Jonathan Dayton, Valerie Faris" in lines
    assert "  runtime: 104 min; released: 2012-07-25" in lines
    assert "  cast: 13 (2 without description, 2 spoiler descriptions)" in lines
    assert "  sections: 10 (1 spoiler)" in lines
    assert "      quotes: 68 (28 spoiler)" in lines
    assert "        Jonathan Dayton and Valerie Faris: 1" in lines
    assert "      quotes: 16 (0 spoiler)" in lines


def report_with(*films, dry_run=False):
    return ReseedReport(dry_run=dry_run, films=films)


def test_reseed_summary_lists_changes():
    report = report_with(
        FilmChange(
            "alpha", "changed", {"cast": CategoryChange(changed=1), "quotes": CategoryChange()}
        ),
        FilmChange("beta", "unchanged", {"cast": CategoryChange()}),
        FilmChange("gamma", "added", {"quotes": CategoryChange(added=4)}),
    )
    assert reseed_summary(report).splitlines() == [
        "reseed changed 2 film(s)",
        "alpha: changed: cast +0 -0 ~1",
        "beta: unchanged",
        "gamma: added: quotes +4 -0 ~0",
    ]


def test_reseed_summary_dry_run_and_empty():
    summary = reseed_summary(report_with(dry_run=True))
    assert summary.splitlines() == ["reseed would change 0 film(s)", "no films found"]


def test_reseed_summary_of_a_failure():
    error = SeedError("seeds/x/doc.txt", "not valid UTF-8", 3)
    summary = reseed_summary(ReseedReport(dry_run=False, error=error))
    assert summary == "reseed failed, nothing changed: seeds/x/doc.txt:3: not valid UTF-8"


def test_reseed_reply_lists_a_few_warnings_and_counts_the_rest():
    warnings = tuple(f"film/doc.txt:{n}: skipped" for n in range(1, 8))
    text = reseed_reply(ReseedReport(dry_run=True, warnings=warnings), 5)
    lines = text.split("\n")
    assert "- film/doc.txt:5: skipped" in lines
    assert "- film/doc.txt:6: skipped" not in lines
    assert lines[-1] == "- ... and 2 more (python -m bot seed --dry-run lists them all)"
