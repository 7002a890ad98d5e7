"""Pipelines are checked when built; the error policy turns failures into rejections."""

from dataclasses import dataclass

import pytest

from marsad.model import Document, OffsetMap, Provenance, Rejected
from marsad.pipeline import Pipeline, PipelineConfig, PipelineConfigError
from marsad.pipeline.registry import Registry


@dataclass(frozen=True)
class Fake:
    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    fail: bool = False

    def __call__(self, doc: Document) -> Document:
        if self.fail:
            raise RuntimeError("boom")
        return doc


def registry() -> Registry:
    reg = Registry()
    reg.register("a")(lambda o: Fake("a", ("text",), ("sentences",)))
    reg.register("b")(lambda o: Fake("b", ("sentences",), ("entities",)))
    reg.register("bad")(lambda o: Fake("bad", ("text",), (), fail=True))
    return reg


def doc() -> Document:
    return Document(
        id="x", original="نص", text="نص", offsets=OffsetMap.identity(2), provenance=Provenance("t")
    )


def test_missing_requirement_fails_at_build_time() -> None:
    with pytest.raises(PipelineConfigError, match=r"'b' requires \['sentences'\]"):
        Pipeline.from_config(PipelineConfig(components=("b", "a")), registry())


def test_unknown_component_lists_known_ones() -> None:
    with pytest.raises(KeyError, match="known components: a, b, bad"):
        Pipeline.from_config(PipelineConfig(components=("zzz",)), registry())


def test_config_rejects_bad_policy_and_keys() -> None:
    with pytest.raises(ValueError, match="error_policy"):
        PipelineConfig(error_policy="ignore")
    with pytest.raises(ValueError, match="unknown pipeline config keys"):
        PipelineConfig.from_dict({"componnets": []})


def test_collect_policy_turns_errors_into_rejections() -> None:
    pipe = Pipeline.from_config(PipelineConfig(components=("a", "bad")), registry())
    out = pipe.process(doc())
    assert isinstance(out, Rejected) and out.reason == "component_error" and out.stage == "bad"


def test_strict_policy_raises() -> None:
    cfg = PipelineConfig(components=("bad",), error_policy="strict")
    with pytest.raises(RuntimeError):
        Pipeline.from_config(cfg, registry()).process(doc())


def test_fingerprint_is_stable() -> None:
    assert PipelineConfig().fingerprint() == PipelineConfig.from_dict({}).fingerprint()


def test_default_pipeline_builds() -> None:
    pipe = Pipeline.from_config()
    assert [c.name for c in pipe.components] == list(PipelineConfig().components)


def test_run_records_resource_hashes() -> None:
    hashes = Pipeline.from_config(PipelineConfig(components=("sentences",))).resource_hashes()
    assert "data/kb/manifest.json" in hashes and "data/models/ner_crf.crfsuite" in hashes
    assert all(len(h) == 64 for h in hashes.values())
