"""``python -m benchmarks.scale [--sizes 10000,100000,1000000] [--quick] [--json]``."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from collections.abc import Sequence

from benchmarks.scale.report import format_size
from benchmarks.scale.runner import run_size

QUICK_SIZES = (10_000,)
QUICK_QUERIES = 150
FULL_SIZES = (10_000, 100_000, 1_000_000)


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark at each size and print one table per size."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__)
    parser.add_argument("--sizes", type=_sizes, help="quote counts, comma-separated")
    parser.add_argument("--quick", action="store_true", help="10,000 quotes only (~1 minute)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--queries", type=int, help="queries per size (default 300)")
    parser.add_argument("--seed", type=int, default=2012, help="corpus random seed")
    parser.add_argument("--no-reseed", action="store_true", help="skip the one-film-changed reseed")
    args = parser.parse_args(argv)
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    queries = args.queries or (QUICK_QUERIES if args.quick else 300)

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    results = []
    for size in sizes:
        result = run_size(
            size,
            queries=queries,
            seed=args.seed,
            reseed_one_film=not args.no_reseed,
            progress=progress,
        )
        results.append(result)
        if not args.json:
            print(format_size(result), end="\n\n", flush=True)
    if args.json:
        print(json.dumps({"machine": machine, "sizes": results}, indent=2))
    else:
        print(f"machine: {machine}")


if __name__ == "__main__":
    main()
