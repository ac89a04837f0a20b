"""ima.simulate: see docs/architecture.md."""
