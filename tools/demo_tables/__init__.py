"""Compact tables from which ``tools/build_demo.py`` writes the demo catalogue."""
