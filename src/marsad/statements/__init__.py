"""Statements: reported speech (direct and indirect), speakers and sourcing chains.

``detect_quotes(doc)`` returns :class:`marsad.model.Quote` records; the pipeline
component "quotes" (``marsad.statements.component``) fills ``doc.quotes``.
"""

from marsad.statements.detect import detect_quotes
from marsad.statements.lexicon import Lexicon, default_lexicon, load_lexicon

__all__ = ["Lexicon", "default_lexicon", "detect_quotes", "load_lexicon"]
