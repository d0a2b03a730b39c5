"""Flask glue shared by every surface: errors as HTTP answers, headers, hosts, the request
language, ``/health``, ``/api/sources`` and the OpenAPI description (``/openapi.json``).
"""

__all__: list[str] = []
