"""The HTTP API and the dashboard, served over a marsad store.

(No ``from __future__ import annotations`` here: FastAPI reads the annotations at run time.)
"""

import hmac
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from marsad.analytics import series
from marsad.api import queries
from marsad.api.errors import ApiError, ErrorResponse, install
from marsad.store import Store

DATE = r"^\d{4}-\d{2}-\d{2}$"
CODE = r"^[A-Za-z0-9:_.\-]{1,64}$"
Limit = Annotated[int, Query(ge=1, le=500, description="Page size (at most 500).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
DateQ = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD")]
Text = Annotated[str | None, Query(max_length=200)]
CodeQ = Annotated[str | None, Query(pattern=CODE)]
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 422, 503)
}


class IngestBody(BaseModel):
    """An article to ingest: plain text or HTML, with optional metadata."""

    text: str | None = Field(None, max_length=2_000_000)
    html: str | None = Field(None, max_length=5_000_000)
    title: str | None = Field(None, max_length=500)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}([T ].*)?$")
    url: str | None = Field(None, max_length=2000)


class Backend:
    """The store connection shared by requests (each request uses its own cursor)."""

    def __init__(self, db: str | Path, ingest_token: str | None) -> None:
        self.token = ingest_token
        self.store = Store.open(db, read_only=ingest_token is None)
        self.lock = threading.Lock()
        self._pipeline: Any = None

    def cursor(self) -> Any:
        return self.store.con.cursor()

    def pipeline(self) -> Any:
        if self._pipeline is None:
            from marsad.pipeline import Pipeline

            self._pipeline = Pipeline.from_config()
        return self._pipeline


def _cursor(request: Request) -> Iterator[Any]:
    """A per-request cursor on the shared connection (DuckDB cursors are thread-safe)."""
    cur = request.app.state.backend.cursor()
    try:
        yield cur
    finally:
        cur.close()


Con = Annotated[Any, Depends(_cursor)]
Actor3 = Annotated[str, Query(pattern=r"^[A-Za-z]{3}$", description="CAMEO country/IGO prefix")]


def static_dir() -> Path:
    return Path(str(resources.files("marsad.web") / "static"))


def create_app(db: str | Path, *, ingest_token: str | None = None) -> FastAPI:
    """Build the app over the store at ``db``. ``POST /api/ingest`` exists only with a token."""
    backend = Backend(db, ingest_token)
    # No Swagger/ReDoc pages: they load scripts from a CDN, which an offline machine and
    # the strict CSP both refuse. The schema itself is served at /openapi.json.
    app = FastAPI(
        title="marsad API",
        version="1",
        description=__doc__,
        responses=ERRORS,  # type: ignore[arg-type]
        docs_url=None,
        redoc_url=None,
    )
    install(app)

    app.state.backend = backend
    for add_routes in (
        _document_routes,
        _event_routes,
        _statement_routes,
        _actor_routes,
        _story_routes,
        _analytics_routes,
    ):
        add_routes(app)
    if ingest_token:
        _ingest_route(app, backend)
    static = static_dir()
    if static.is_dir():
        app.mount("/static", StaticFiles(directory=static), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> FileResponse:
            return FileResponse(static / "index.html")

    return app


def _document_routes(app: FastAPI) -> None:
    @app.get("/api/health")
    def health(c: Con) -> dict[str, Any]:
        return {
            "status": "ok",
            "documents": c.execute("SELECT count(*) FROM documents").fetchone()[0],
        }

    @app.get("/api/documents")
    def list_documents(
        c: Con,
        q: Text = None,
        outlet: Text = None,
        actor: CodeQ = None,
        date_from: DateQ = None,
        date_to: DateQ = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return queries.documents(
            c,
            q=q,
            outlet=outlet,
            actor=actor,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        )

    @app.get("/api/documents/{doc_id}")
    def get_document(c: Con, doc_id: str) -> dict[str, Any]:
        rec = queries.document(c, doc_id)
        if rec is None:
            raise ApiError(404, "not_found", f"no document with id {doc_id!r}")
        return rec


def _event_routes(app: FastAPI) -> None:
    @app.get("/api/events")
    def list_events(
        c: Con,
        actor: CodeQ = None,
        dyad: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}-[A-Za-z]{3}$")] = None,
        root: Annotated[str | None, Query(pattern=r"^\d{1,2}$")] = None,
        plover: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,20}$")] = None,
        modality: Annotated[str | None, Query(pattern="^(asserted|negated|future|hypothetical)$")] = None,
        outlet: Text = None,
        q: Text = None,
        date_from: DateQ = None,
        date_to: DateQ = None,
        limit: Limit = 50,
        offset: Offset = 0,
        event_ids: Annotated[
            str | None,
            Query(
                pattern=r"^[A-Za-z0-9_.\-]{1,40}(,[A-Za-z0-9_.\-]{1,40}){0,199}$",
                description="Comma-separated canonical event ids (at most 200), "
                "as in a series point's event_ids",
            ),
        ] = None,
    ) -> dict[str, Any]:
        pair = None
        if dyad:  # the pattern guarantees "AAA-BBB"
            a, b = dyad.upper().split("-")
            pair = (a, b)
        return queries.events(
            c,
            actor=actor,
            dyad=pair,
            root=root,
            plover=plover,
            modality=modality,
            outlet=outlet,
            q=q,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
            event_ids=event_ids.split(",") if event_ids else None,
        )


def _statement_routes(app: FastAPI) -> None:
    @app.get("/api/speakers")
    def list_speakers(
        c: Con, q: Text = None, limit: Annotated[int, Query(ge=1, le=200)] = 50
    ) -> dict[str, Any]:
        return {"items": queries.speakers(c, q=q, limit=limit)}

    @app.get("/api/statements")
    def list_statements(
        c: Con,
        speaker: Text = None,
        actor: CodeQ = None,
        outlet: Text = None,
        q: Text = None,
        date_from: DateQ = None,
        date_to: DateQ = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return queries.statements(
            c,
            speaker=speaker,
            actor=actor,
            outlet=outlet,
            q=q,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        )


def _actor_routes(app: FastAPI) -> None:
    @app.get("/api/actors")
    def list_actors(
        c: Con,
        q: Text = None,
        type: Annotated[str | None, Query(pattern="^(PER|ORG|GPE|LOC|MEDIA|GROUP)$")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return queries.actors(c, q=q, type_=type, limit=limit, offset=offset)

    @app.get("/api/actors/{actor_id}")
    def get_actor(c: Con, actor_id: str) -> dict[str, Any]:
        page = queries.actors(c, q=actor_id, type_=None, limit=1, offset=0)
        stored = next((a for a in page["items"] if a["id"] == actor_id), None)
        kb = _kb_entry(actor_id)
        if stored is None and kb is None:
            raise ApiError(404, "not_found", f"no actor with id {actor_id!r}")
        code = (stored or {}).get("code")
        return {
            "id": actor_id,
            "stored": stored,
            "kb": kb,
            "statements": queries.statements(
                c,
                speaker=actor_id,
                actor=None,
                outlet=None,
                q=None,
                date_from=None,
                date_to=None,
                limit=20,
                offset=0,
            )["items"],
            "counterparts": queries.actor_counterparts(c, actor_id, code),
            "mediated": queries.actor_mediated(c, actor_id),
        }


def _story_routes(app: FastAPI) -> None:
    @app.get("/api/stories")
    def list_stories(
        c: Con,
        min_outlets: Annotated[int, Query(ge=1, le=100)] = 1,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        return queries.stories(c, min_outlets=min_outlets, limit=limit, offset=offset)

    @app.get("/api/stories/{story_id}")
    def get_story(c: Con, story_id: str) -> dict[str, Any]:
        out = queries.story(c, story_id)
        if out is None:
            raise ApiError(404, "not_found", f"no story with id {story_id!r}")
        return out


def _analytics_routes(app: FastAPI) -> None:
    @app.get("/api/series")
    def dyad_series(
        c: Con,
        a: Actor3,
        b: Actor3,
        period: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
        directed: bool = False,
        date_from: DateQ = None,
        date_to: DateQ = None,
    ) -> dict[str, Any]:
        points = series.dyad_series(
            c, a, b, period=period, directed=directed, date_from=date_from, date_to=date_to
        )
        return {"a": a.upper(), "b": b.upper(), "period": period, "points": points}

    @app.get("/api/dyads")
    def dyads(c: Con, limit: Annotated[int, Query(ge=1, le=100)] = 20) -> dict[str, Any]:
        return {"items": series.top_dyads(c, limit)}

    @app.get("/api/mediators")
    def mediators(c: Con, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> dict[str, Any]:
        return series.mediator_network(c, limit)

    @app.get("/api/changes")
    def changes(c: Con, week: Annotated[str, Query(pattern=DATE)]) -> dict[str, Any]:
        return {"week": week, "items": series.week_over_week(c, week)}


def _ingest_route(app: FastAPI, backend: Backend) -> None:
    @app.post("/api/ingest", status_code=201)
    def ingest(body: IngestBody, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
        expected = f"Bearer {backend.token}"
        if not authorization or not hmac.compare_digest(authorization, expected):
            raise ApiError(401, "unauthorized", "a valid 'Authorization: Bearer <token>' header is required")
        if (body.text is None) == (body.html is None):
            raise ApiError(422, "invalid_input", "give exactly one of 'text' or 'html'")
        return _ingest_one(backend, body)


def _ingest_one(backend: Backend, body: IngestBody) -> dict[str, Any]:
    from marsad.corpus.build import build_corpus
    from marsad.model import Meta
    from marsad.runner import raw_from_text

    meta = Meta(title=body.title, outlet=body.outlet, published=body.published, url=body.url)
    content, fmt = (body.html, "html") if body.html is not None else (body.text or "", "text")
    raw = raw_from_text(content, format=fmt, meta=meta, source="api")
    with backend.lock:
        outcome = backend.pipeline().process_raw(raw)
        run = backend.store.start_run("api-ingest", {}, backend.pipeline().versions(), {})
        counts = backend.store.write_batch(run, outcome.documents, outcome.rejected)
        if counts.stored:
            build_corpus(backend.store)
        backend.store.finish_run(run, counts.to_json())
    return {
        "documents": [d.id for d in outcome.documents],
        "rejected": [r.to_json() for r in outcome.rejected],
        "counts": counts.to_json(),
    }


def _kb_entry(actor_id: str) -> dict[str, Any] | None:
    try:
        from marsad.actors.kb import load_kb
    except ImportError:
        return None
    entry = load_kb().get(actor_id)
    if entry is None:
        return None
    to_json = getattr(entry, "to_json", None)
    return to_json() if callable(to_json) else dict(getattr(entry, "__dict__", {}))
