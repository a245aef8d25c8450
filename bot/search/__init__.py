"""Search: fuzzy matching over names and full-text quote search."""
