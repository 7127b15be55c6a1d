"""quizgame: read a real news article, answer questions, see the proof highlighted in place.

The package root stays import-light on purpose: `quizgame --help` and `quizgame check` must start fast
and never pull in Textual (the import-linter contracts in pyproject.toml; tests/test_layers.py).
"""

__version__ = "0.1.0"
