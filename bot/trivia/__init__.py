"""Trivia: question generation, answer judging and rounds, all without Discord."""
