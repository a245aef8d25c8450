"""Quote search, seeding and autocomplete on synthetic archives of up to a million quotes.

Run ``python -m benchmarks.scale --help``; docs/performance.md explains the figures.
"""
