"""The HTTP API over the bundled demo corpus, ingested with the real pipeline.

The store is built once per session. If a pipeline layer is not ready, ingest raises and
these tests fail loudly on purpose: they are the integration check of the whole chain.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.api.app import create_app


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from marsad.cli.demo import demo_corpus_path, demo_sources
    from marsad.runner import ingest

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    ingest(demo_sources(demo_corpus_path()), path)
    return path


@pytest.fixture(scope="module")
def demo(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db))


def test_demo_store_has_documents_and_layers(demo: TestClient) -> None:
    health = demo.get("/api/health").json()
    assert health["documents"] >= 6
    assert demo.get("/api/actors").json()["total"] > 0
    assert demo.get("/api/statements").json()["total"] > 0
    assert demo.get("/api/events").json()["total"] > 0


def test_demo_us_iran_dyad_has_a_timeline(demo: TestClient) -> None:
    dyads = {(d["a"], d["b"]) for d in demo.get("/api/dyads").json()["items"]}
    assert ("IRN", "USA") in dyads
    points = demo.get("/api/series", params={"a": "USA", "b": "IRN"}).json()["points"]
    assert points and all(p["event_ids"] for p in points)
    drill = demo.get("/api/events", params={"event_ids": ",".join(points[0]["event_ids"])}).json()
    assert drill["total"] >= 1


def test_demo_oman_mediates(demo: TestClient) -> None:
    mediators = {e["mediator"][:3] for e in demo.get("/api/mediators").json()["edges"]}
    assert "OMN" in mediators


def test_demo_documents_render_with_their_story(demo: TestClient) -> None:
    docs = demo.get("/api/documents", params={"limit": 100}).json()["items"]
    multi = [d for d in docs if d["story_id"]]
    rec = demo.get(f"/api/documents/{multi[0]['id']}").json()
    assert rec["text"] and "story_members" in rec
    assert demo.get("/api/stories", params={"min_outlets": 2}).json()["total"] >= 1
