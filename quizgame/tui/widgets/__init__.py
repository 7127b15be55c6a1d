"""Reusable widgets for the game screens."""
