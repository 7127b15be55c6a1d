"""Question banks: models, positioned YAML, diagnostics, loading and checks, discovery, the play cache."""
