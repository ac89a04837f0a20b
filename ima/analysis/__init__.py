"""ima.analysis: see docs/architecture.md."""
