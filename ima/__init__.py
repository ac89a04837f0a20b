"""ima: evidence base, analytics and simulation for the Dutch integrated migration agenda."""

__version__ = "0.1.0"
