"""Packaged resources (knowledge base, lexicons, models); read with importlib.resources."""
