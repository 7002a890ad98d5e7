"""Pipeline: component protocol, registry, configuration and the runner."""

from marsad.pipeline.config import PipelineConfig
from marsad.pipeline.pipeline import Outcome, Pipeline, PipelineConfigError
from marsad.pipeline.registry import Component, register

__all__ = ["Component", "Outcome", "Pipeline", "PipelineConfig", "PipelineConfigError", "register"]
