"""ima.web: see docs/architecture.md."""
