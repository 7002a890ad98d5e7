"""Packaged lexicons (trigger tables, coding ontology), read with importlib.resources."""
