"""ima.ingest: from bytes to a clean, page-accurate document (see pipeline.py)."""
