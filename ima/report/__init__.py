"""ima.report: see docs/architecture.md."""
