"""SHACL validation: the shapes in ``shapes/``, a fast engine over pyoxigraph, pyshacl as reference.

>>> import pyoxigraph as ox
>>> shapes = load_shapes()
>>> validate(ox.Store(), shapes)
[]
"""

from .describe import describe
from .engine import Shapes, load_shapes, validate
from .model import Problem, ShapeError
from .reference import validate_with_pyshacl

__all__ = [
    "Shapes",
    "Problem",
    "ShapeError",
    "load_shapes",
    "validate",
    "validate_with_pyshacl",
    "describe",
]
