"""Smoke test of the scale benchmark: every part runs at a tiny size (no timing asserted)."""

import json
from pathlib import Path

from benchmarks.scale.__main__ import main
from benchmarks.scale.corpus import CorpusSpec, write_corpus
from benchmarks.scale.queries import KINDS, make_queries
from benchmarks.scale.report import format_size
from benchmarks.scale.runner import run_size
from bot.seeds import load_seeds


def test_corpus_is_deterministic_and_parses_into_the_remembered_quotes(tmp_path: Path):
    first = write_corpus(CorpusSpec(quotes=200, targets=20), tmp_path / "a")
    second = write_corpus(CorpusSpec(quotes=200, targets=20), tmp_path / "b")
    assert first.remembered == second.remembered
    assert first.bytes == second.bytes
    kb = load_seeds(tmp_path / "a")
    texts = {quote.text for film in kb.films for quote in film.quotes}
    assert len(texts) >= 150
    assert sum(r.text in texts for r in first.remembered) >= 18


def test_queries_cover_every_kind_and_accept_their_own_target(tmp_path: Path):
    corpus = write_corpus(CorpusSpec(quotes=200, targets=21), tmp_path)
    queries = make_queries(corpus.remembered, seed=1)
    assert {q.kind for q in queries} == set(KINDS)
    for query, target in zip(queries, corpus.remembered, strict=True):
        assert target.text in query.accepted
        assert query.text.strip()


def test_run_size_measures_every_figure_in_process(tmp_path: Path):
    result = run_size(200, queries=14, isolate=False)
    assert result["quotes"] > 0
    assert result["project"]["latency"]["count"] == 14
    assert {b["name"] for b in result["baselines"]} == {"FTS5 OR + bm25", "rapidfuzz WRatio scan"}
    assert result["seeding"]["reseed_changed_films"] == 1
    assert result["end_to_end"]["count"] == 14
    table = format_size(result)
    assert "filmclub" in table
    assert "end to end" in table
    json.dumps(result)


def test_command_line_runs_in_fresh_processes(capsys):
    main(["--sizes", "100", "--queries", "7", "--json", "--no-reseed"])
    printed = json.loads(capsys.readouterr().out)
    assert printed["sizes"][0]["queries"] == 7
