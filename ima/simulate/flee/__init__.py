"""Flee 3.1 compatibility: read its scenarios and settings, run them, write its out.csv."""
