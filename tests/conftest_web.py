"""A small hand-built store for the API and dashboard tests, and a live server helper.

The documents are written by hand (texts are our own), with entities, statements and
events at exact offsets, so tests know what every route must return. One article holds
``<script>`` and ``onerror=`` markup as plain text: the dashboard must show it literally.

Import the fixtures into a test module with ``from conftest_web import ...``. The store
is built once per session (into the session's base temp dir) and opened read-only.
"""

from __future__ import annotations

import hashlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from marsad.model import (
    ActorRef,
    Document,
    Entity,
    Event,
    EventDate,
    Location,
    Meta,
    OffsetMap,
    Provenance,
    Quote,
    Sentence,
    Span,
)

XSS_TEXT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

# Actors: (entity id, type, Arabic name, English name, code)
ACTORS: dict[str, tuple[str, str, str, str]] = {
    "usa": ("GPE", "الولايات المتحدة", "United States", "USA"),
    "irn": ("GPE", "إيران", "Iran", "IRN"),
    "tehran": ("GPE", "طهران", "Iran (Tehran)", "IRNGOV"),
    "per:badr_albusaidi": ("PER", "بدر البوسعيدي", "Badr Albusaidi", "OMNGOV"),
    "us-state-spox": (
        "PER",
        "المتحدث باسم وزارة الخارجية الأمريكية",
        "US State Department spokesperson",
        "USAGOV",
    ),
    "isr-army": ("ORG", "الجيش الإسرائيلي", "Israeli army", "ISRMIL"),
    "yem-houthis": ("GROUP", "الحوثيون", "Houthis", "YEMREB"),
    "xss-actor": ("PER", "سالم <b>المختبر</b>", XSS_IMG, "USAGOV"),
}

SPOX = "المتحدث باسم وزارة الخارجية الأمريكية"


@dataclass(frozen=True)
class Spec:
    """A hand-written article: text plus annotations given as substrings."""

    id: str
    outlet: str
    published: str
    title: str
    text: str
    entities: tuple[tuple[str, tuple[str, ...]], ...]  # (entity id, mention substrings)
    quotes: tuple[dict[str, Any], ...] = ()
    events: tuple[dict[str, Any], ...] = ()


def _span(text: str, sub: str) -> Span:
    i = text.find(sub)
    if i < 0:
        raise ValueError(f"{sub!r} not in text")
    return Span(i, i + len(sub))


def _ref(text: str, sub: str | None, eid: str | None) -> ActorRef | None:
    if sub is None:
        return None
    code = ACTORS[eid][3] if eid else None
    return ActorRef(_span(text, sub), entity_id=eid, code=code)


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch == "." and (i + 1 == len(text) or text[i + 1] == " "):
            out.append(Sentence(Span(start, i + 1)))
            start = i + 2
    if start < len(text):
        out.append(Sentence(Span(start, len(text))))
    return tuple(out)


def _entity(text: str, eid: str, subs: tuple[str, ...]) -> Entity:
    typ, ar, en, code = ACTORS[eid]
    return Entity(eid, typ, ar, en, code, None, tuple(_span(text, s) for s in subs))


def _event(text: str, ev: dict[str, Any], published: str) -> Event:
    src, tgt, med = ev.get("source"), ev.get("target"), ev.get("mediator")
    loc = ev.get("location")
    return Event(
        cameo=ev["cameo"],
        type=ev.get("type"),
        mode=ev.get("mode"),
        goldstein=ev["goldstein"],
        quad_class=ev["quad"],
        source=_ref(text, *src) if src else None,
        target=_ref(text, *tgt) if tgt else None,
        mediator=_ref(text, *med) if med else None,
        location=Location(loc[0], loc[1], _span(text, loc[0])) if loc else None,
        modality=ev.get("modality", "asserted"),
        evidence=_span(text, ev["evidence"]),
        sentence=0,
        confidence=ev.get("confidence", 0.8),
        date=EventDate(ev.get("date", published), "day", ev.get("date_text", "السبت")),
    )


def _quote(text: str, q: dict[str, Any]) -> Quote:
    return Quote(
        speaker=_ref(text, q["speaker"], q["speaker_id"]),
        verb=q["verb"],
        kind=q.get("kind", "direct"),
        content=_span(text, q["content"]),
        via=tuple(q.get("via", ())),
        sentence=q.get("sentence", 0),
    )


def build_document(spec: Spec) -> Document:
    """A :class:`Document` with every layer of ``spec`` resolved to offsets."""
    text = spec.text
    doc = Document(
        id=spec.id,
        original=text,
        text=text,
        offsets=OffsetMap.identity(len(text)),
        provenance=Provenance(
            source="fixture", locator=spec.id, sha256=hashlib.sha256(text.encode()).hexdigest()
        ),
        meta=Meta(
            title=spec.title,
            outlet=spec.outlet,
            published=spec.published,
            url=f"https://example.org/{spec.id}",
        ),
        language="ar",
    )
    return doc.with_layers(
        sentences=_sentences(text),
        entities=tuple(_entity(text, eid, subs) for eid, subs in spec.entities),
        quotes=tuple(_quote(text, q) for q in spec.quotes),
        events=tuple(_event(text, e, spec.published) for e in spec.events),
    )


def _talks_event() -> dict[str, Any]:
    """The first Muscat round, as both outlets' events describe it."""
    return {
        "cameo": "046",
        "type": "CONSULT",
        "mode": "third-party",
        "goldstein": 7.0,
        "quad": 1,
        "source": ("الولايات المتحدة", "usa"),
        "target": ("إيران", "irn"),
        "mediator": ("بدر البوسعيدي", "per:badr_albusaidi"),
        "location": ("مسقط", "OMN"),
        "date": "2025-03-08",
    }


def _rasd_talks_spec() -> Spec:
    """An agency report of the first round, with a direct quote."""
    t1 = (
        "استضافت مسقط يوم السبت جولة أولى من المحادثات غير المباشرة بين الولايات المتحدة "
        "وإيران، ونقل وزير الخارجية العماني بدر البوسعيدي الرسائل بين الوفدين في قاعتين منفصلتين. "
        f'وقال {SPOX} إن "الجولة كانت بنّاءة وستُستأنف الأسبوع المقبل". '
        "وأكدت طهران أن الاتصالات مُستمرّة عبر القناة العمانية."
    )
    talks = _talks_event()
    return Spec(
        "rasd-talks",
        "رصد",
        "2025-03-08",
        "مسقط تستضيف الجولة الأولى من المحادثات",
        t1,
        (
            ("usa", ("الولايات المتحدة",)),
            ("irn", ("إيران",)),
            ("per:badr_albusaidi", ("بدر البوسعيدي",)),
            ("us-state-spox", (SPOX,)),
            ("tehran", ("طهران",)),
        ),
        quotes=(
            {
                "speaker": SPOX,
                "speaker_id": "us-state-spox",
                "verb": "قال",
                "content": "الجولة كانت بنّاءة وستُستأنف الأسبوع المقبل",
                "sentence": 1,
            },
        ),
        events=(
            {**talks, "target": ("إيران", "irn"), "evidence": t1[: t1.index(" في قاعتين")]},
        ),
    )


def _madar_talks_spec() -> Spec:
    """Another outlet's account of the same round, via Axios."""
    t2 = (
        "عقدت الولايات المتحدة وإيران في مسقط السبت جولة أولى من المحادثات غير المباشرة بوساطة "
        "عمانية، إذ تنقل بدر البوسعيدي بين الوفدين أربع ساعات. "
        f"ونقل موقع أكسيوس عن {SPOX} قوله إن الأجواء كانت إيجابية وإن الاتصالات ستستمر."
    )
    talks = _talks_event()
    return Spec(
        "madar-talks",
        "مدار",
        "2025-03-08",
        "البوسعيدي يتنقل بين وفدين في مسقط",
        t2,
        (
            ("usa", ("الولايات المتحدة",)),
            ("irn", ("إيران",)),
            ("per:badr_albusaidi", ("بدر البوسعيدي",)),
            ("us-state-spox", (SPOX,)),
        ),
        quotes=(
            {
                "speaker": SPOX,
                "speaker_id": "us-state-spox",
                "verb": "قوله",
                "kind": "indirect",
                "via": ("Axios",),
                "sentence": 1,
                "content": "الأجواء كانت إيجابية وإن الاتصالات ستستمر",
            },
        ),
        events=(
            {**talks, "target": ("إيران", "irn"), "evidence": t2[: t2.index(" أربع ساعات")]},
        ),
    )


def _talks_specs() -> list[Spec]:
    return [_rasd_talks_spec(), _madar_talks_spec()]


def _sanctions_spec() -> Spec:
    """US sanctions, a spokesman's explanation, Tehran's criticism."""
    t3 = (
        "فرضت الولايات المتحدة يوم الأربعاء عقوبات جديدة على شركات نفط إيرانية. "
        f"وأوضح {SPOX} أن العقوبات تستهدف شبكات تمويل. "
        "وانتقدت طهران القرار ووصفته بأنه يقوض المسار الدبلوماسي."
    )
    return Spec(
        "jisr-sanctions",
        "جسر",
        "2025-03-12",
        "عقوبات أمريكية جديدة على شركات نفط إيرانية",
        t3,
        (("usa", ("الولايات المتحدة",)), ("us-state-spox", (SPOX,)), ("tehran", ("طهران",))),
        quotes=(
            {
                "speaker": SPOX,
                "speaker_id": "us-state-spox",
                "verb": "أوضح",
                "kind": "indirect",
                "content": "العقوبات تستهدف شبكات تمويل",
                "sentence": 1,
            },
        ),
        events=(
            {
                "cameo": "163",
                "type": "SANCTION",
                "goldstein": -8.0,
                "quad": 4,
                "source": ("الولايات المتحدة", "usa"),
                "target": ("إيرانية", "irn"),
                "evidence": t3[: t3.index(".")],
                "date": "2025-03-12",
                "date_text": "الأربعاء",
            },
            {
                "cameo": "111",
                "type": "ACCUSE",
                "goldstein": -2.0,
                "quad": 3,
                "source": ("طهران", "tehran"),
                "target": None,
                "evidence": "وانتقدت طهران القرار",
                "date": "2025-03-12",
                "date_text": "الأربعاء",
            },
        ),
    )


def _threat_spec() -> Spec:
    """An Iranian threat and an announced second round of talks."""
    t4 = (
        "هددت إيران يوم الجمعة برد عسكري إذا تعرضت منشآتها لهجوم من الولايات المتحدة. "
        "وقالت طهران إن جولة ثانية من المحادثات ستعقد في مسقط الأسبوع المقبل."
    )
    return Spec(
        "rasd-threat",
        "رصد",
        "2025-03-14",
        "طهران تهدد برد عسكري",
        t4,
        (("irn", ("إيران",)), ("usa", ("الولايات المتحدة",)), ("tehran", ("طهران",))),
        events=(
            {
                "cameo": "138",
                "type": "THREATEN",
                "goldstein": -7.0,
                "quad": 3,
                "source": ("إيران", "irn"),
                "target": ("الولايات المتحدة", "usa"),
                "evidence": t4[: t4.index(".")],
                "date": "2025-03-14",
                "date_text": "الجمعة",
            },
            {
                "cameo": "036",
                "type": "AGREE",
                "goldstein": 4.0,
                "quad": 1,
                "modality": "future",
                "source": ("طهران", "tehran"),
                "target": None,
                "evidence": "جولة ثانية من المحادثات ستعقد في مسقط الأسبوع المقبل",
                "date": "2025-03-14",
                "date_text": "الأسبوع المقبل",
            },
        ),
    )


def _strike_spec() -> Spec:
    """An Israeli strike on Houthi sites in Yemen."""
    t6 = (
        "أعلن الجيش الإسرائيلي يوم الخميس أنه قصف مواقع للحوثيين في اليمن "
        "ردا على إطلاق طائرة مسيرة. "
        "وقال متحدث عسكري إن الضربات أصابت مخازن للطائرات المسيرة."
    )
    return Spec(
        "madar-yemen",
        "مدار",
        "2025-03-13",
        "الجيش الإسرائيلي يقصف مواقع في اليمن",
        t6,
        (("isr-army", ("الجيش الإسرائيلي",)), ("yem-houthis", ("للحوثيين",))),
        quotes=(
            {
                "speaker": "متحدث عسكري",
                "speaker_id": None,
                "verb": "قال",
                "content": "الضربات أصابت مخازن للطائرات المسيرة",
                "sentence": 1,
            },
        ),
        events=(
            {
                "cameo": "195",
                "type": "ASSAULT",
                "mode": "aerial",
                "goldstein": -10.0,
                "quad": 4,
                "source": ("الجيش الإسرائيلي", "isr-army"),
                "target": ("للحوثيين", "yem-houthis"),
                "location": ("اليمن", "YEM"),
                "evidence": t6[: t6.index(" ردا")],
                "date": "2025-03-13",
                "date_text": "الخميس",
            },
        ),
    )


def _conflict_specs() -> list[Spec]:
    return [_sanctions_spec(), _threat_spec(), _strike_spec()]


def _xss_spec() -> Spec:
    t5 = (
        f"نشر حساب مجهول نصا غريبا هو {XSS_TEXT} ثم أضاف {XSS_IMG} في منشور واحد. "
        "وقال سالم المختبر إن هذا النص يجب أن يظهر حرفيا ولا ينفذ أبدا. "
        "واتهمت الولايات المتحدة إيران بالوقوف وراء الحساب."
    )
    return Spec(
        "ufuq-xss",
        "أفق",
        "2025-03-10",
        f"اختبار {XSS_IMG} في العنوان",
        t5,
        (("xss-actor", ("سالم المختبر",)), ("usa", ("الولايات المتحدة",)), ("irn", ("إيران",))),
        quotes=(
            {
                "speaker": "سالم المختبر",
                "speaker_id": "xss-actor",
                "verb": "قال",
                "content": "هذا النص يجب أن يظهر حرفيا ولا ينفذ أبدا",
                "sentence": 1,
            },
        ),
        events=(
            {
                "cameo": "112",
                "type": "ACCUSE",
                "goldstein": -2.0,
                "quad": 3,
                "source": ("الولايات المتحدة", "usa"),
                "target": ("إيران", "irn"),
                "evidence": "واتهمت الولايات المتحدة إيران بالوقوف وراء الحساب",
                "date": "2025-03-10",
                "date_text": "الاثنين",
            },
            {
                "cameo": "010",
                "type": None,
                "goldstein": 0.0,
                "quad": 1,
                "source": ("سالم المختبر", "xss-actor"),
                "target": None,
                "evidence": f"نشر حساب مجهول نصا غريبا هو {XSS_TEXT}",
                "date": "2025-03-10",
                "date_text": "الاثنين",
            },
        ),
    )


def fixture_specs() -> list[Spec]:
    """Every hand-built article of the fixture store."""
    return [*_talks_specs(), *_conflict_specs(), _xss_spec()]


def build_store(path: Path) -> Path:
    """Write the fixture documents and the corpus tables into a new store at ``path``."""
    from marsad.corpus.build import build_corpus
    from marsad.store import Store

    with Store.open(path) as store:
        run = store.start_run("test-fixture", {}, {}, {})
        docs = [build_document(s) for s in fixture_specs()]
        store.write_batch(run, docs, [])
        build_corpus(store)
        store.finish_run(run, {})
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture store, built once per session even when several modules import this."""
    path = tmp_path_factory.getbasetemp() / "marsad-web-fixture.duckdb"
    lock = path.with_suffix(".done")
    if not lock.exists():
        build_store(path)
        lock.touch()
    return path


@pytest.fixture(scope="session")
def web_db_copy(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A writable copy of the fixture store (for ingest tests)."""
    path = tmp_path_factory.mktemp("ingest") / "copy.duckdb"
    shutil.copy(web_db, path)
    return path


def assert_error(r: Any, status: int, code: str) -> dict[str, Any]:
    """Check the one error shape, ``{"error": {"code", "message", "details"}}``; return it."""
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["details"], list)
    return dict(body["error"])


def free_port() -> int:
    """A TCP port that is free on the loopback interface right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving an app in a background thread on 127.0.0.1."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start within 10 s")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_server(web_db: Path) -> Iterator[LiveServer]:
    """The dashboard over the fixture store, served for the whole session."""
    from marsad.api.app import create_app

    with LiveServer(create_app(web_db)) as server:
        yield server
