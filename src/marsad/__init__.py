"""marsad (مرصد): Arabic news to structured, verifiable event data.

The small public API::

    import marsad
    result = marsad.extract("page.html")            # or extract(text="...", published="2025-03-01")
    for record in result.records: ...
    pipe = marsad.Pipeline.from_config(marsad.PipelineConfig())
    marsad.ingest(["corpus/"], "marsad.duckdb")
"""

from marsad.pipeline import Pipeline, PipelineConfig
from marsad.runner import Extraction, extract, ingest

__all__ = ["Extraction", "Pipeline", "PipelineConfig", "extract", "ingest"]
__version__ = "0.1.0"
