"""Hand-written alignment tables read by ``tools/build_alignments.py``."""
