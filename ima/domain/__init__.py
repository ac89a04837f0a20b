"""The typed model of ima. Imports nothing else of ima and does no I/O."""
