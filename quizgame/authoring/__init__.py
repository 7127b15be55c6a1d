"""Writing banks from articles: names and entities, attribution, draft generation."""
