"""Cleaning: main text, boilerplate removal, story segments and page metadata.

``extract_documents(raw, options)`` turns one :class:`~marsad.model.RawInput` (plain
text or HTML) into its stories, or a :class:`~marsad.model.Rejected`.
"""

from marsad.clean.extract import CleanOptions, extract_documents

__all__ = ["CleanOptions", "extract_documents"]
