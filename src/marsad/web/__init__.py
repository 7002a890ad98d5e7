"""The dashboard: static assets shipped in the package."""
