"""The knowledge graph as tools for AI assistants: the MCP server."""

__all__: list[str] = []
