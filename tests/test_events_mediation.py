"""Message carriers are mediators: "نقل X رسائل بين A و B", "حاملاً رسالة أمريكية إلى طهران"."""

from __future__ import annotations

import pytest

import marsad


@pytest.fixture(scope="module")
def pipe() -> marsad.Pipeline:
    return marsad.Pipeline.from_config(marsad.PipelineConfig(error_policy="strict"))


def mediated(pipe: marsad.Pipeline, text: str) -> list[tuple[str | None, str | None, str | None]]:
    rec = marsad.extract(text=text, published="2025-03-16", pipeline=pipe).records[0]
    return [((e["source"] or {}).get("code"), (e["target"] or {}).get("code"),
             (e["mediator"] or {}).get("code")) for e in rec["events"] if e["mediator"]]


def test_carrier_between_two_parties(pipe: marsad.Pipeline) -> None:
    got = mediated(pipe, "ونقل البوسعيدي رسائل بين الولايات المتحدة وإيران خلال الجولة الثانية.")
    assert ("USA", "IRN", "OMNGOV") in got


def test_carrier_of_a_message_from_one_side_to_the_other(pipe: marsad.Pipeline) -> None:
    got = mediated(pipe, "وصل وزير الخارجية العماني بدر البوسعيدي إلى طهران حاملاً رسالة "
                         "أمريكية إلى الرئيس الإيراني.")
    assert any(s == "USA" and (t or "").startswith("IRN") and m == "OMNGOV" for s, t, m in got)


def test_no_carrier_no_mediator(pipe: marsad.Pipeline) -> None:
    assert mediated(pipe, "التقى وزير الخارجية الأمريكي نظيره الإيراني في جنيف.") == []
