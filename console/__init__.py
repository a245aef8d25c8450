"""The offline console: the real bot, cogs, database and seeds against the loopback Discord."""

__all__: list[str] = []
