"""One plain-text table per archive size (or the raw figures as JSON)."""

from __future__ import annotations

from typing import Any

from benchmarks.scale.workers import AUTOCOMPLETE_PREFIXES

__all__ = ["format_size"]


def _row(name: str, result: dict[str, Any], reference: dict[str, Any] | None) -> str:
    lat = result["latency"]
    ratio = ""
    if reference is not None and reference["latency"]["p50"] > 0:
        ours = reference["latency"]
        ratio = f"{lat['p50'] / ours['p50']:8.0f}x {lat['p99'] / max(ours['p99'], 1e-9):8.0f}x"
    return (
        f"  {name:<24}{lat['p50']:9.2f}{lat['p95']:9.2f}{lat['p99']:9.2f}"
        f"{result['hit1']:8.2f}{result['hit5']:7.2f}{lat['count']:6d}  {ratio}"
    )


def _latency(name: str, lat: dict[str, Any]) -> str:
    return f"  {name:<34} p50 {lat['p50']:8.2f} ms   p99 {lat['p99']:8.2f} ms   (n={lat['count']})"


def format_size(result: dict[str, Any]) -> str:
    """The figures of one size as a table; ratios are baseline time / filmclub time."""
    seeding = result["seeding"]
    lines = [
        f"== {result['quotes']:,} quotes, {result['films']:,} films, "
        f"{result['documents']:,} documents, {result['corpus_mb']:.1f} MiB of seeds ==",
        f"  seeding: {seeding['seconds']:.1f} s, {seeding['mb_per_second']:.2f} MiB/s, "
        f"{seeding['documents_per_second']:.0f} documents/s, peak RSS "
        f"{seeding['peak_rss_mb']:.0f} MiB (largest parse worker "
        f"{seeding.get('worker_peak_rss_mb', 0):.0f} MiB), database "
        f"{seeding['database_mb']:.0f} MiB",
    ]
    if "reseed_one_film_seconds" in seeding:
        lines.append(
            f"  reseed after editing one film: {seeding['reseed_one_film_seconds']:.2f} s "
            f"({seeding['reseed_changed_films']} film(s) reported changed)"
        )
    lines += [
        f"  first quote search after start: {result['first_query_ms']:.1f} ms "
        f"(bot ready in {result['start_seconds']:.2f} s)",
        "",
        f"  {'quote search (ms)':<24}{'p50':>9}{'p95':>9}{'p99':>9}{'hit@1':>8}{'hit@5':>7}"
        f"{'n':>6}  {'p50 ratio':>9} {'p99 ratio':>9}",
    ]
    project = result["project"]
    lines.append(_row(project["name"], project, None))
    lines += [_row(b["name"], b, project) for b in result["baselines"]]
    kinds = "  ".join(f"{k} {v:.2f}" for k, v in project["by_kind"].items())
    lines += ["", f"  filmclub hit@1 by kind: {kinds}", ""]
    auto = result["autocomplete"]
    for size in AUTOCOMPLETE_PREFIXES:
        if f"suggest_{size}" in auto:
            lines.append(_latency(f"autocomplete, {size} chars typed", auto[f"suggest_{size}"]))
    for size in AUTOCOMPLETE_PREFIXES:
        lines.append(_latency(f"full search per keystroke, {size} chars", auto[f"search_{size}"]))
    lines += [
        _latency("/quote end to end (loopback)", result["end_to_end"]),
        f"  bot RSS after the run: {result['bot_rss_mb']:.0f} MiB "
        f"(peak {result['bot_peak_rss_mb']:.0f} MiB)",
    ]
    return "\n".join(lines)
