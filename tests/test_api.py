"""HTTP API routes over the hand-built fixture store: filters, pagination, errors, headers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest_web import XSS_TEXT, assert_error, web_db  # noqa: F401  (fixture import)
from fastapi.testclient import TestClient

from marsad.api.app import create_app
from marsad.api.errors import SECURITY_HEADERS


@pytest.fixture(scope="module")
def client(web_db: Path) -> TestClient:  # noqa: F811
    return TestClient(create_app(web_db), raise_server_exceptions=False)


def get(client: TestClient, url: str, **params: Any) -> dict[str, Any]:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_health_counts_documents(client: TestClient) -> None:
    assert get(client, "/api/health") == {"status": "ok", "documents": 6}


def test_documents_filters_and_pagination(client: TestClient) -> None:
    page = get(client, "/api/documents", limit=2)
    assert page["total"] == 6 and len(page["items"]) == 2 and page["limit"] == 2
    first_ids = [d["id"] for d in page["items"]]
    assert first_ids == ["rasd-threat", "madar-yemen"]  # newest first
    nxt = get(client, "/api/documents", limit=2, offset=2)
    assert not set(first_ids) & {d["id"] for d in nxt["items"]}
    assert {d["id"] for d in get(client, "/api/documents", outlet="مدار")["items"]} == {
        "madar-talks",
        "madar-yemen",
    }
    ranged = get(client, "/api/documents", date_from="2025-03-09", date_to="2025-03-12")
    assert {d["id"] for d in ranged["items"]} == {"ufuq-xss", "jisr-sanctions"}
    assert {
        d["id"] for d in get(client, "/api/documents", actor="per:badr_albusaidi")["items"]
    } == {
        "rasd-talks",
        "madar-talks",
    }
    assert get(client, "/api/documents", limit=1, offset=100)["items"] == []


def test_document_has_layers_and_story_members(client: TestClient) -> None:
    rec = get(client, "/api/documents/rasd-talks")
    assert rec["text"].startswith("استضافت مسقط")
    assert {e["id"] for e in rec["entities"]} >= {
        "usa",
        "irn",
        "per:badr_albusaidi",
        "us-state-spox",
    }
    q = rec["quotes"][0]
    assert rec["text"][q["content"]["start"] : q["content"]["end"]] == q["content"]["text"]
    assert [m["id"] for m in rec["story_members"]] == ["madar-talks"]
    assert rec["story_members"][0]["outlet"] == "مدار"
    assert rec["story_id"] and get(client, "/api/documents/ufuq-xss")["story_members"] == []


def test_xss_text_is_returned_verbatim_as_json(client: TestClient) -> None:
    rec = get(client, "/api/documents/ufuq-xss")
    assert XSS_TEXT in rec["text"]


def test_events_filters(client: TestClient) -> None:
    all_ev = get(client, "/api/events", limit=500)
    assert all_ev["total"] == 9
    dyad = get(client, "/api/events", dyad="usa-irn")["items"]
    assert {e["cameo"] for e in dyad} == {"046", "112", "163", "138"}
    assert {e["cameo"] for e in get(client, "/api/events", root="4")["items"]} == {"046"}
    assert {e["cameo"] for e in get(client, "/api/events", plover="assault")["items"]} == {"195"}
    assert [e["cameo"] for e in get(client, "/api/events", modality="future")["items"]] == ["036"]
    assert {e["doc_id"] for e in get(client, "/api/events", outlet="مدار")["items"]} == {
        "madar-talks",
        "madar-yemen",
    }
    assert {e["cameo"] for e in get(client, "/api/events", actor="ISRMIL")["items"]} == {"195"}
    ranged = get(client, "/api/events", date_from="2025-03-12", date_to="2025-03-13")["items"]
    assert {e["cameo"] for e in ranged} == {"163", "111", "195"}
    assert {e["cameo"] for e in get(client, "/api/events", q="عقوبات")["items"]} == {"163"}
    paged = get(client, "/api/events", limit=4, offset=8)
    assert paged["total"] == 9 and len(paged["items"]) == 1


def test_series_points_drill_down_to_their_events(client: TestClient) -> None:
    out = get(client, "/api/series", a="USA", b="IRN")
    days = [p["period"] for p in out["points"]]
    assert days == ["2025-03-08", "2025-03-10", "2025-03-12", "2025-03-14"]
    talks, threat = out["points"][0], out["points"][-1]
    assert talks["cooperation"] > 0 and talks["conflict"] == 0 and talks["escalation"] < 0
    assert threat["conflict"] > 0 and threat["escalation"] > 0
    ids = ",".join(talks["event_ids"])
    drill = get(client, "/api/events", event_ids=ids)["items"]
    assert {(e["doc_id"], e["cameo"]) for e in drill} == {
        ("rasd-talks", "046"),
        ("madar-talks", "046"),
    }
    directed = get(client, "/api/series", a="IRN", b="USA", directed=True)["points"]
    assert [p["period"] for p in directed] == ["2025-03-14"]
    assert get(client, "/api/series", a="USA", b="IRN", period="month")["points"][0]["events"] == 4


def test_dyads_mediators_changes(client: TestClient) -> None:
    top = get(client, "/api/dyads")["items"]
    assert (top[0]["a"], top[0]["b"]) == ("IRN", "USA") and top[0]["events"] == 4
    net = get(client, "/api/mediators")
    assert net["edges"][0]["mediator"] == "OMNGOV" and net["edges"][0]["events"] == 2
    assert {"OMNGOV", "USA", "IRN"} <= set(net["nodes"])
    wk = get(client, "/api/changes", week="2025-03-10")["items"]
    usa_irn = next(i for i in wk if (i["a"], i["b"]) == ("IRN", "USA"))
    assert usa_irn["this_week"] == 3 and usa_irn["last_week"] == 1


def test_statements_and_speakers(client: TestClient) -> None:
    spox = get(client, "/api/statements", speaker="us-state-spox")
    assert spox["total"] == 3
    assert {s["doc_id"] for s in spox["items"]} == {"rasd-talks", "madar-talks", "jisr-sanctions"}
    by_text = get(client, "/api/statements", speaker="الخارجية الأمريكية")
    assert by_text["total"] == 3
    axios = next(s for s in spox["items"] if s["doc_id"] == "madar-talks")
    assert axios["via"] == ["Axios"] and axios["kind"] == "indirect"
    assert get(client, "/api/statements", outlet="جسر")["total"] == 1
    assert get(client, "/api/statements", date_from="2025-03-13")["total"] == 1
    speakers = get(client, "/api/speakers")["items"]
    assert speakers[0]["entity_id"] == "us-state-spox" and speakers[0]["statements"] == 3
    assert [s["key"] for s in get(client, "/api/speakers", q="متحدث عسكري")["items"]] == [
        "متحدث عسكري"
    ]


def test_actors_and_actor_page(client: TestClient) -> None:
    page = get(client, "/api/actors", type="PER")
    assert {a["id"] for a in page["items"]} == {"per:badr_albusaidi", "us-state-spox", "xss-actor"}
    assert get(client, "/api/actors", q="Iran")["total"] >= 1
    actor = get(client, "/api/actors/us-state-spox")
    assert actor["stored"]["code"] == "USAGOV"
    assert len(actor["statements"]) == 3
    mediator = get(client, "/api/actors/per:badr_albusaidi")
    assert mediator["mediated"] == [{"source": "USA", "target": "IRN", "events": 2, "articles": 2}]
    assert [r["code"] for r in mediator["kb"]["roles"]] == ["OMNGOV"]  # dated roles from the KB
    usa = get(client, "/api/actors/usa")
    assert {c["counterpart"] for c in usa["counterparts"]} >= {"IRN"}


def test_stories(client: TestClient) -> None:
    multi = get(client, "/api/stories", min_outlets=2)
    assert multi["total"] == 1
    story = get(client, f"/api/stories/{multi['items'][0]['id']}")
    assert {m["id"] for m in story["members"]} == {"rasd-talks", "madar-talks"}
    assert story["events"][0]["num_mentions"] == 2
    assert get(client, "/api/stories")["total"] == 5


@pytest.mark.parametrize(
    ("query", "doc"),
    [
        ("والمحادثات", "rasd-talks"),  # clitic on the query
        ("المحادثات", "rasd-talks"),
        ("محادثات", "rasd-talks"),  # the text carries the article
        ("مستمرة", "rasd-talks"),  # the text has diacritics: مُستمرّة
        ("مستمره", "rasd-talks"),  # taa marbuta folded
        ("ايران", "rasd-threat"),  # hamza folded
        ("بالعقوبات", "jisr-sanctions"),
    ],
)
def test_arabic_search_is_normalised(client: TestClient, query: str, doc: str) -> None:
    ids = {d["id"] for d in get(client, "/api/documents", q=query)["items"]}
    assert doc in ids


def test_search_statements_and_no_false_hits(client: TestClient) -> None:
    hits = get(client, "/api/statements", q="بناءة")["items"]  # stored with a shadda
    assert [(h["doc_id"], h["idx"]) for h in hits] == [("rasd-talks", 0)]
    assert get(client, "/api/documents", q="كوريا")["total"] == 0
    both = get(client, "/api/documents", q="مسقط عقوبات")["total"]
    assert both == 0  # terms are AND-ed


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/documents/nope", 404, "not_found"),
        ("/api/actors/nobody-at-all", 404, "not_found"),
        ("/api/stories/story-000", 404, "not_found"),
        ("/api/no/such/route", 404, "not_found"),
        ("/api/documents?date_from=2025-13", 422, "invalid_input"),
        ("/api/events?date_to=yesterday", 422, "invalid_input"),
        ("/api/events?limit=501", 422, "invalid_input"),
        ("/api/events?limit=0", 422, "invalid_input"),
        ("/api/events?offset=-1", 422, "invalid_input"),
        ("/api/events?dyad=USA", 422, "invalid_input"),
        ("/api/events?modality=maybe", 422, "invalid_input"),
        ("/api/events?event_ids=a;b", 422, "invalid_input"),
        ("/api/series?a=USA", 422, "invalid_input"),
        ("/api/series?a=USA&b=IRN&period=year", 422, "invalid_input"),
        ("/api/dyads?limit=101", 422, "invalid_input"),
        ("/api/changes", 422, "invalid_input"),
        ("/api/documents?q=" + "x" * 201, 422, "invalid_input"),
    ],
)
def test_error_shape(client: TestClient, url: str, status: int, code: str) -> None:
    err = assert_error(client.get(url), status, code)
    if status == 422:
        assert err["details"] and all("location" in d for d in err["details"])


def test_method_not_allowed_has_error_shape(client: TestClient) -> None:
    assert_error(client.delete("/api/documents/rasd-talks"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    "url", ["/", "/api/health", "/api/documents/nope", "/static/app.js", "/api/events?limit=999"]
)
def test_security_headers(client: TestClient, url: str) -> None:
    r = client.get(url)
    for name, value in SECURITY_HEADERS.items():
        assert r.headers.get(name) == value, name
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_dashboard_is_served_from_the_package(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    for asset in ("app.css", "i18n.js", "render.js", "chart.js", "app.js"):
        r = client.get(f"/static/{asset}")
        assert r.status_code == 200 and len(r.content) > 200, asset
    assert_error(client.get("/static/missing.js"), 404, "not_found")
