"""``POST /api/ingest``: absent without a token; refused without the right bearer token."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_web import assert_error, web_db, web_db_copy  # noqa: F401
from fastapi.testclient import TestClient

from marsad.api.app import create_app

TOKEN = "s3cret-test-token"
ARTICLE = {
    "text": (
        "أعلنت وزارة الخارجية العمانية يوم الأحد أن جولة جديدة من المحادثات بين الولايات "
        "المتحدة وإيران ستعقد في مسقط. وقال وزير الخارجية العماني بدر البوسعيدي إن الطرفين "
        "أبديا رغبة في مواصلة الحوار."
    ),
    "outlet": "رصد",
    "published": "2025-03-16",
    "title": "جولة جديدة في مسقط",
}


def test_ingest_route_is_absent_without_a_token(web_db: Path) -> None:  # noqa: F811
    client = TestClient(create_app(web_db))
    r = client.post("/api/ingest", json=ARTICLE)
    assert r.status_code in (404, 405)
    assert_error(r, r.status_code, "not_found" if r.status_code == 404 else "method_not_allowed")


@pytest.fixture(scope="module")
def guarded(web_db_copy: Path) -> TestClient:  # noqa: F811
    return TestClient(create_app(web_db_copy, ingest_token=TOKEN), raise_server_exceptions=False)


@pytest.mark.parametrize(
    "header", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN, f"Bearer {TOKEN}x"]
)
def test_ingest_refuses_missing_or_wrong_token(guarded: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    assert_error(guarded.post("/api/ingest", json=ARTICLE, headers=headers), 401, "unauthorized")
    assert guarded.get("/api/health").json()["documents"] == 6


def test_ingest_validates_the_body(guarded: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert_error(
        guarded.post("/api/ingest", json={"outlet": "x"}, headers=auth), 422, "invalid_input"
    )
    assert_error(
        guarded.post("/api/ingest", json={**ARTICLE, "published": "soon"}, headers=auth),
        422,
        "invalid_input",
    )


def test_ingest_with_the_right_token_stores_the_article(guarded: TestClient) -> None:
    r = guarded.post("/api/ingest", json=ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert len(body["documents"]) == 1 and body["counts"]["stored"] == 1
    doc = guarded.get(f"/api/documents/{body['documents'][0]}").json()
    assert doc["outlet"] == "رصد" and "البوسعيدي" in doc["text"]
    assert guarded.get("/api/health").json()["documents"] == 7
    hits = guarded.get("/api/documents", params={"q": "والحوار"}).json()["items"]
    assert body["documents"][0] in {d["id"] for d in hits}
