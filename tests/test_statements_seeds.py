"""Golden statements of the seed pages (read from ../shared at test time).

Each expectation is (speaker contains, kind, content contains, via contains or None).
The text-only run needs no actors layer; the full-pipeline run uses the real actors
component when it exists and is skipped otherwise.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest

from marsad.model import Document, Meta, OffsetMap, Provenance, Quote, Sentence
from marsad.statements import detect_quotes
from marsad.text.normalize import fold
from marsad.text.sentences import split_sentences

Expect = tuple[str, str, str, str | None]

#: Seed 000's main story ends where its source line and related links begin.
MAIN_END = {"000": "\nالمصدر:"}

GOLD: dict[str, list[Expect]] = {
    "000": [
        ("الخارجية الأمريكية", "indirect", "ليس من مصلحة إيران", None),
        ("الخارجية الأمريكية", "indirect", "واشنطن تبذل جهودا دبلوماسية", None),
        ("ماثيو ميلر", "indirect", "واشنطن تحث ممثلي الدول الثالثة", None),
        ("ماثيو ميلر", "direct", "لن أكشف عن تفاصيل مناقشاتنا", None),
        ("ماثيو ميلر", "direct", "الموقف العام يتمثل", None),
        ("ماثيو ميلر", "indirect", "يترك للدول الأخرى", None),
        ("ماثيو ميلر", "indirect", "أجرى يوم الاثنين مشاورات هاتفية", None),
        ("ميلر", "direct", "وزير الخارجية وجه إشارة واضحة", None),
        ("ميلر", "indirect", "اتساع رقعة النزاع", None),
    ],
    "001": [
        ("وسائل إعلام أمريكية", "indirect", "تحرك دبلوماسي جديد", None),
        ("أكسيوس", "indirect", "هذا التحرك يأتي وسط توتر", "أكسيوس|Axios"),
        ("مصادر رسمية", "indirect", "لا يزال يفضل الحلول الدبلوماسية", None),
        ("مسؤول أمريكي", "indirect", "التفكير جارٍ بالفعل", "أكسيوس|Axios"),
        ("بيت هيغسيث", "indirect", "وضعية دفاعية", None),
        ("بيت هيغسيث", "indirect", "تعزيز القوات الأمريكية", None),
        ("بيت هيغسيث", "indirect", "لا يزال يؤمن بإمكانية التوصل", "فوكس نيوز|Fox News"),
        ("بيت هيغسيث", "direct", "السلام لا يزال هدفنا", "فوكس نيوز|Fox News"),
        ("أليكس فايفر", "indirect", "الموقف الأمريكي لم يتغير", None),
        ("أليكس فايفر", "indirect", "أي تحركات عسكرية تأتي", None),
    ],
    "002": [
        ("مصادر مطلعة", "indirect", "أجريا محادثات غير مباشرة", None),
        ("البعثة الإيرانية", "direct", "عملية مستمرة", None),
        ("البعثة الإيرانية", "direct", "لم تكن الأولى ولن تكون الأخيرة", "وسائل إعلام محلية رسمية"),
        ("مصادر مطلعة", "indirect", "لبحث كيفية تجنب تصعيد الهجمات", "أكسيوس|Axios"),
        ("مصادر مطلعة", "indirect", "ركزت على توضيح عواقب", None),
        ("مصادر مطلعة", "indirect", "كانت الأولى بين الولايات المتحدة وإيران", None),
    ],
}
ANONYMOUS = {("001", "مسؤول أمريكي"), ("001", "مصادر رسمية"), ("002", "مصادر مطلعة")}


def seed_doc(shared: Path, key: str) -> Document:
    path = next((shared / "seeds").glob(f"{key}_*.txt"))
    text = path.read_text(encoding="utf-8")
    if key in MAIN_END:
        text = text[: text.index(MAIN_END[key])]
    doc = Document(id=key, original=text, text=text, offsets=OffsetMap.identity(len(text)),
                   provenance=Provenance(source=str(path)), meta=Meta(outlet="seed-outlet"))
    return doc


def _has(q: Quote, doc: Document, exp: Expect) -> bool:
    speaker, kind, content, via = exp
    if q.speaker is None or q.kind != kind:
        return False
    vias = [fold(v) for v in q.via]
    return fold(speaker) in fold(q.speaker.span.of(doc.text)) \
        and fold(content) in fold(q.content.of(doc.text)) \
        and (via is None or any(fold(alt) in v for alt in via.split("|") for v in vias))


def check(doc: Document, quotes: tuple[Quote, ...], key: str) -> None:
    missing = [e for e in GOLD[key] if not any(_has(q, doc, e) for q in quotes)]
    assert not missing, f"seed {key}: not found {missing}"
    assert all(q.via and q.via[-1] == "seed-outlet" for q in quotes)
    for q in quotes:
        assert q.content.of(doc.text).count("\n") == 0, "a main-story quote crossed a paragraph"
        if q.speaker is not None and (key, q.speaker.span.of(doc.text)) in ANONYMOUS:
            assert q.speaker.anonymous


@pytest.mark.parametrize("key", sorted(GOLD))
def test_seed_statements_text_only(shared: Path, key: str) -> None:
    doc = seed_doc(shared, key)
    doc = doc.with_layers(sentences=tuple(Sentence(s) for s in split_sentences(doc.text)))
    check(doc, detect_quotes(doc), key)


@pytest.fixture(scope="module")
def full_pipeline() -> object:
    if importlib.util.find_spec("marsad.actors.component") is None:
        pytest.skip("marsad.actors.component is not available yet (actors layer not built)")
    from marsad.pipeline.registry import REGISTRY

    # Only the modules this layer needs, so a missing later layer cannot break the run.
    for module in ("marsad.pipeline.builtin", "marsad.actors.component",
                   "marsad.statements.component"):
        importlib.import_module(module)
    return [REGISTRY.create(name, {}) for name in ("sentences", "actors", "quotes")]


@pytest.mark.parametrize("key", sorted(GOLD))
def test_seed_statements_full_pipeline(shared: Path, full_pipeline: object, key: str) -> None:
    doc = seed_doc(shared, key)
    for comp in full_pipeline:  # type: ignore[attr-defined]
        doc = comp(doc)
    check(doc, doc.quotes, key)
    assert any(q.speaker is not None and q.speaker.entity_id for q in doc.quotes)
