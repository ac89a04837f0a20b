"""Page areas of the web app: one module per area, each with a ``router``."""
