"""JSON from outside, read with a bound on its nesting.

Python's JSON decoder and the recursive walks over the decoded value stop with a
``RecursionError`` around a thousand levels; a record nested that deep would abort a whole
load or harvest. :func:`loads` measures the nesting on the raw text first (strings left out)
and refuses a document deeper than :data:`MAX_JSON_DEPTH` with an :class:`InputError` that
says so.

>>> json_depth(b'{"a": [1, {"b": "[[[["}]}')
3
>>> loads(b"[" * 500 + b"]" * 500)
Traceback (most recent call last):
...
graph_loader.errors.InputError: JSON nested deeper than 100 levels refused
"""

from __future__ import annotations

import json
import re

from .errors import InputError

__all__ = ["MAX_JSON_DEPTH", "json_depth", "check_json_depth", "loads"]

#: deepest JSON nesting accepted (records nest a few tens of levels at most)
MAX_JSON_DEPTH = 100

_STRING = re.compile(rb'"[^"]*"')
_NOT_SYNTAX = bytes(b for b in range(256) if b not in b'"[]{}')


def json_depth(data: bytes | str, stop: int | None = None) -> int:
    """The deepest nesting of arrays and objects in the JSON text ``data`` (counting stops
    past ``stop``; brackets left unbalanced count as deep as they are many)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    elif b"\x00" in data[:4]:  # UTF-16 or UTF-32: measured on its UTF-8 form
        try:
            data = data.decode(json.detect_encoding(data)).encode("utf-8", "surrogatepass")
        except (UnicodeDecodeError, LookupError):
            pass
    # escaped backslashes, then escaped quotes, go first (both pair up from the left); then
    # only quotes and brackets are kept, and what lies between two quotes is a string
    skeleton = data.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_SYNTAX)
    brackets = _STRING.sub(b"", skeleton)
    depth = 0
    while brackets and (stop is None or depth <= stop):
        # one pass takes away the innermost pairs: as many passes as levels
        inner = brackets.replace(b"[]", b"\x00").replace(b"{}", b"\x00").translate(None, b"\x00")
        if inner == brackets:  # unbalanced (not JSON): as deep as what is left
            return depth + len(brackets)
        brackets, depth = inner, depth + 1
    return depth


def check_json_depth(data: bytes | str, limit: int = MAX_JSON_DEPTH) -> None:
    """InputError when ``data`` nests deeper than ``limit``."""
    if json_depth(data, stop=limit) > limit:
        raise InputError(f"JSON nested deeper than {limit} levels refused")


def loads(data: bytes | str, limit: int = MAX_JSON_DEPTH) -> object:
    """``json.loads(data)`` after :func:`check_json_depth` (its ValueErrors unchanged)."""
    check_json_depth(data, limit)
    try:
        return json.loads(data)
    except RecursionError as exc:  # a decoder deeper than the measure (never expected)
        raise InputError(f"JSON nested too deep: {exc}") from exc
