"""The game: question kinds, scoring, the session that owns a game, and the records it hands to sinks."""
