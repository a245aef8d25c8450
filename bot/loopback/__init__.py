"""A loopback Discord: fake REST and gateway servers on 127.0.0.1 for the real bot."""
