"""Serving the game to browsers: the web server, the class session glue and the host's app.

This package sits at the tui layer (it runs Textual apps and imports the screens); the class
session's state itself is pure and lives in `quizgame.play.classroom`.
"""

DEFAULT_MAX_PLAYERS = 40  # each game is one forked process of about 32 MB PSS (bench/serve_load.py)
