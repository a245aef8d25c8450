"""filmclub: a Discord bot for film clubs."""
