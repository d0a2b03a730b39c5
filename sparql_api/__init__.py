"""gaia-kg HTTP layer (placeholder until the app factory lands)."""
