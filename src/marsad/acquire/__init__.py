"""Acquisition: files, folders, globs, stdin, JSON Lines, WARC, feeds and polite HTTP.

``iter_inputs(sources, options)`` yields one :class:`~marsad.model.RawInput` per story
or a :class:`~marsad.model.Rejected` (``stage="acquire"``, a code from
:data:`REASONS`) per bad input; it never raises for bad input.
"""

from marsad.acquire.fetch import Fetched, PoliteClient
from marsad.acquire.options import INPUT_FORMATS, AcquireOptions, default_user_agent
from marsad.acquire.reasons import REASONS
from marsad.acquire.sources import iter_inputs

__all__ = ["INPUT_FORMATS", "REASONS", "AcquireOptions", "Fetched", "PoliteClient",
           "default_user_agent", "iter_inputs"]
