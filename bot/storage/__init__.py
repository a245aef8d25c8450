"""SQLite storage: numbered migrations and the one data-access module."""
