"""SHACL validation: the shapes in ``shapes/``, a fast engine over pyoxigraph, pyshacl as reference.

>>> import pyoxigraph as ox
>>> shapes = load_shapes()
>>> validate(ox.Store(), shapes)
[]
"""

from .describe import describe
from .engine import SUPPORTED_COMPONENTS, Shapes, load_shapes, shapes_from_graph, validate
from .model import Problem, ShapeError
from .reference import validate_with_pyshacl

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
