"""The event classifier: trigger windows, the two-block features, the model file, and
what the packaged heads decide on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.events.classifier import CharFeatures, SentenceClassifier, load_classifier
from marsad.events.coder import CoderOptions, EventCoder
from marsad.events.evaluation import Featurized, load_training, make_document, train_heads
from marsad.events.windows import MAX_WINDOWS, WINDOW, join_windows, text_windows

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def packaged() -> SentenceClassifier:
    return load_classifier()


@pytest.fixture(scope="module")
def coder(packaged: SentenceClassifier) -> EventCoder:
    return EventCoder(CoderOptions(), classifier=packaged)


def test_windows_surround_each_trigger_of_its_type() -> None:
    text = ("وقال مصدر أمني إن مسلحين أطلقوا النار على دورية للشرطة في حي المنصور، "
            "بينما تظاهر العشرات أمام مبنى المحافظة.")
    windows = text_windows(text)
    assert "اطلقوا النار" in windows["ASSAULT"].replace("أ", "ا")
    assert "تظاهر" in windows["PROTEST"]
    assert "تظاهر" not in windows["ASSAULT"]
    start = text.index("تظاهر")
    assert windows["PROTEST"] == text[start - WINDOW:start + len("تظاهر") + WINDOW]


def test_windows_of_a_sentence_without_triggers_are_empty() -> None:
    assert text_windows("وتبلغ درجة الحرارة في العاصمة اليوم ثلاثين درجة مئوية.") == {}


def test_repeated_triggers_keep_a_bounded_number_of_windows() -> None:
    text = " و".join(f"قصفت المدفعية القرية رقم {n}" for n in range(500))
    windows = text_windows(text)
    assert windows["ASSAULT"].count(" | ") == MAX_WINDOWS - 1
    assert join_windows("abc", [(0, 1), (0, 1)]) == "abc"


def test_predict_matches_the_training_rows(packaged: SentenceClassifier) -> None:
    """The coder's shortcut (two unit blocks over sqrt 2) equals Featurized.rows."""
    texts = ["قصفت طائرات حربية مواقع للمسلحين شمال المدينة فجر اليوم.",
             "عقد الوزيران اجتماعا في العاصمة أمس لبحث العلاقات الثنائية."]
    feats = packaged.features
    fz = Featurized.of(texts, feats)
    got = packaged.predict(texts, fz.windows)
    for h, head in enumerate(packaged.labels):
        z = np.asarray(fz.rows(head) @ packaged.weights[h]).ravel() + packaged.bias[h]
        want = 1 / (1 + np.exp(-z))
        assert [g[head] for g in got] == pytest.approx(list(want), abs=1e-5)


def test_model_file_round_trip(tmp_path: Path, packaged: SentenceClassifier) -> None:
    path = tmp_path / "model.npz"
    packaged.save(path)
    again = SentenceClassifier.from_file(path)
    text = ["اعتصم مئات العمال أمام مقر الشركة احتجاجا على تأخر الرواتب."]
    windows = [text_windows(text[0])]
    assert again.labels == packaged.labels
    assert again.predict(text, windows) == packaged.predict(text, windows)


def test_a_model_with_the_wrong_width_is_refused(packaged: SentenceClassifier) -> None:
    with pytest.raises(ValueError, match="columns"):
        SentenceClassifier(packaged.labels, packaged.weights[:, :10], packaged.bias,
                           dict(packaged.meta))


def test_train_heads_learns_a_separable_toy_head() -> None:
    rows = load_training(DATA / "event_training.jsonl")
    feats = CharFeatures(n_features=2**12)
    clf = train_heads(Featurized.of([t for t, _ in rows], feats), [lab for _, lab in rows],
                      ["ASSAULT"])
    probs = clf.predict([t for t, _ in rows], [text_windows(t) for t, _ in rows])
    pred = [p["ASSAULT"] >= 0.5 for p in probs]
    truth = ["ASSAULT" in lab for _, lab in rows]
    assert sum(p == t for p, t in zip(pred, truth, strict=True)) / len(rows) > 0.9


@pytest.mark.parametrize(("text", "head", "kept"), [
    ("قتل خمسة أشخاص وأصيب عشرون آخرون في انفجار سيارة مفخخة استهدف سوقا في بغداد أمس.",
     "ASSAULT", True),
    ("شن المهاجم البرازيلي هجوما خطيرا على مرمى الفريق المنافس في الدقيقة العاشرة.",
     "ASSAULT", False),
    ("هاجمت الصحف المعارضة قرار الحكومة رفع أسعار الوقود.", "ASSAULT", False),
    ("تظاهر آلاف الطلاب أمام مبنى البرلمان احتجاجا على رفع الرسوم الجامعية.",
     "PROTEST", True),
])
def test_packaged_heads_veto_or_keep_lexicon_triggers(coder: EventCoder, text: str,
                                                      head: str, kept: bool) -> None:
    lexicon = EventCoder(CoderOptions(use_classifier=False))
    doc = make_document(text)
    assert any(e.type == head for e in lexicon.code(doc))  # the lexicon alone fires
    assert any(e.type == head for e in coder.code(doc)) is kept


def test_a_huge_sentence_is_classified_without_blowing_up(coder: EventCoder) -> None:
    text = " ".join(["هاجم مسلحون موقعا للجيش وقتلوا جنديا"] * 1500)  # ~60k characters
    events = coder.code(make_document(text))
    assert len(events) <= 60


def test_the_packaged_model_is_what_the_training_script_builds(shared: Path,
                                                               tmp_path: Path) -> None:
    """A lexicon or training-data change without retraining would ship a stale model.
    (Training is deterministic; a small tolerance allows for another CPU's rounding.)"""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    out = tmp_path / "model.npz"
    subprocess.run([sys.executable, str(repo / "scripts/train_event_classifier.py"),
                    "--shared", str(shared), "-o", str(out)], check=True,
                   capture_output=True)
    fresh, shipped = SentenceClassifier.from_file(out), load_classifier()
    assert fresh.labels == shipped.labels and fresh.meta == shipped.meta
    assert np.allclose(fresh.weights, shipped.weights, atol=2e-3), \
        "stale model: run python scripts/train_event_classifier.py"
    assert np.allclose(fresh.bias, shipped.bias, atol=2e-3)
