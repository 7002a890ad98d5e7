"""Every route answers as its OpenAPI description says (a light JSON-schema check).

jsonschema is not a dependency, so a small validator covers what FastAPI emits:
type, properties, required, items, anyOf/oneOf, enum, additionalProperties and $ref.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest_web import web_db  # noqa: F401
from fastapi.testclient import TestClient

from marsad.api.app import create_app

TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}

# Path parameters that exist in the fixture store, and required query parameters.
PATH_VALUES = {"doc_id": "rasd-talks", "actor_id": "us-state-spox"}
REQUIRED_QUERY = {"a": "USA", "b": "IRN", "week": "2025-03-10"}


def resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def problems(
    value: Any, schema: dict[str, Any], spec: dict[str, Any], where: str = "$"
) -> list[str]:
    """Ways ``value`` breaks ``schema`` (empty when it validates)."""
    schema = resolve(schema, spec)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            if any(not problems(value, s, spec, where) for s in schema[key]):
                return []
            return [f"{where}: matches none of {key}"]
    out: list[str] = []
    kind = schema.get("type")
    if kind and not (
        isinstance(value, TYPES[kind])
        and not (kind in ("integer", "number") and isinstance(value, bool))
    ):
        return [f"{where}: expected {kind}, got {type(value).__name__}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} not in enum")
    if isinstance(value, dict):
        out += [f"{where}: missing {k!r}" for k in schema.get("required", []) if k not in value]
        props = schema.get("properties", {})
        for k, v in value.items():
            if k in props:
                out += problems(v, props[k], spec, f"{where}.{k}")
            elif schema.get("additionalProperties") is False:
                out.append(f"{where}: unexpected {k!r}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            out += problems(v, schema["items"], spec, f"{where}[{i}]")
    return out


@pytest.fixture(scope="module")
def app_and_spec(web_db: Path) -> tuple[TestClient, dict[str, Any]]:  # noqa: F811
    app = create_app(web_db)
    return TestClient(app, raise_server_exceptions=False), app.openapi()


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op) for path, item in spec["paths"].items() for method, op in item.items()
    ]


def fill(path: str, op: dict[str, Any]) -> tuple[str, dict[str, str]]:
    for name, value in PATH_VALUES.items():
        path = path.replace("{" + name + "}", value)
    query = {
        p["name"]: REQUIRED_QUERY[p["name"]]
        for p in op.get("parameters", [])
        if p["in"] == "query" and p.get("required")
    }
    return path, query


def response_schema(op: dict[str, Any], status: int) -> dict[str, Any]:
    declared = op["responses"]
    assert str(status) in declared, f"status {status} is not declared ({sorted(declared)})"
    return declared[str(status)]["content"]["application/json"]["schema"]


def test_the_schema_lists_every_read_route(app_and_spec: tuple[TestClient, dict[str, Any]]) -> None:
    _, spec = app_and_spec
    paths = set(spec["paths"])
    assert {
        "/api/health",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/events",
        "/api/statements",
        "/api/speakers",
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/series",
        "/api/dyads",
        "/api/mediators",
        "/api/changes",
    } <= paths
    assert "/api/ingest" not in paths  # no token configured


def test_every_documented_get_answers_per_schema(
    app_and_spec: tuple[TestClient, dict[str, Any]],
) -> None:
    client, spec = app_and_spec
    story = client.get("/api/stories").json()["items"][0]["id"]
    checked = 0
    for path, method, op in operations(spec):
        if method != "get":
            continue
        url, query = fill(path.replace("{story_id}", story), op)
        r = client.get(url, params=query)
        assert r.status_code == 200, (url, r.text)
        assert problems(r.json(), response_schema(op, 200), spec) == [], url
        checked += 1
    assert checked >= 14


def test_declared_errors_validate_against_error_schema(
    app_and_spec: tuple[TestClient, dict[str, Any]],
) -> None:
    client, spec = app_and_spec
    for path, method, op in operations(spec):
        if method != "get":
            continue
        if "{" in path:
            url = path.split("{")[0] + "does-not-exist"
            r = client.get(url)
            assert r.status_code == 404
            assert problems(r.json(), response_schema(op, 404), spec) == [], url
        bad = {p["name"]: "x" * 300 for p in op.get("parameters", []) if p["in"] == "query"}
        if bad:
            r = client.get(fill(path, op)[0].replace("{story_id}", "s"), params=bad)
            assert r.status_code == 422, (path, r.text)
            assert problems(r.json(), response_schema(op, 422), spec) == [], path


def test_validator_catches_mismatches() -> None:
    spec: dict[str, Any] = {
        "components": {
            "schemas": {
                "E": {
                    "type": "object",
                    "required": ["code"],
                    "properties": {"code": {"type": "string"}},
                }
            }
        }
    }
    ref = {"$ref": "#/components/schemas/E"}
    assert problems({"code": "x"}, ref, spec) == []
    assert problems({"code": 3}, ref, spec) == ["$.code: expected string, got int"]
    assert problems({}, ref, spec) == ["$: missing 'code'"]
    assert problems(True, {"type": "integer"}, spec)
