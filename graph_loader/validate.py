"""Validate records against the project's SHACL shapes (see :mod:`graph_loader.validation`).

The fast engine compiles each shape into SPARQL once and runs it on pyoxigraph; pyshacl is
the reference engine, and both return the same :class:`Problem` values.
"""

from .validation import (
    SUPPORTED_COMPONENTS,
    Problem,
    ShapeError,
    Shapes,
    describe,
    load_shapes,
    shapes_from_graph,
    validate,
    validate_with_pyshacl,
)

__all__ = [
    "Shapes",
    "Problem",
    "ShapeError",
    "load_shapes",
    "shapes_from_graph",
    "SUPPORTED_COMPONENTS",
    "validate",
    "validate_with_pyshacl",
    "describe",
]
