"""The store: migrations, idempotent writes keyed by content hash, quarantine, queries."""

from pathlib import Path

from marsad.model import (
    ActorRef,
    Document,
    Meta,
    OffsetMap,
    Provenance,
    Quote,
    Rejected,
    Span,
)
from marsad.store import Store
from marsad.store.schema import MIGRATIONS


def doc(doc_id: str, text: str, source: str = "a.txt") -> Document:
    quote = Quote(
        ActorRef(Span(4, 9), "per:miller", "USAGOV"),
        "قال",
        "indirect",
        Span(12, len(text)),
        via=("Axios",),
    )
    return Document(
        id=doc_id,
        original=text,
        text=text,
        offsets=OffsetMap.identity(len(text)),
        provenance=Provenance(source, sha256="s-" + doc_id),
        meta=Meta(published="2024-08-06", outlet="وكالة"),
        quotes=(quote,),
    )


TEXT = "قال ميلر إن الحوار مستمر مع الشركاء"


def test_migrations_apply_once(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    with Store.open(db) as st:
        assert st.schema_version() == len(MIGRATIONS)
    with Store.open(db) as st:
        assert st.migrate() == len(MIGRATIONS)


def test_same_article_twice_is_stored_once(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as st:
        run = st.start_run("test", {}, {}, {})
        first = st.write_batch(run, [doc("a", TEXT)], [])
        again = st.write_batch(run, [doc("b", TEXT + "  ", source="copy/a.txt")], [])
        assert (first.stored, again.stored, again.unchanged) == (1, 0, 1)
        assert st.count("documents") == 1 and st.count("quotes") == 1


def test_same_id_new_content_replaces(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as st:
        run = st.start_run("test", {}, {}, {})
        st.write_batch(run, [doc("a", TEXT)], [])
        counts = st.write_batch(run, [doc("a", TEXT + " في المنطقة")], [])
        assert counts.replaced == 1 and st.count("documents") == 1 and st.count("quotes") == 1


def test_quarantine_is_idempotent_and_counted(tmp_path: Path) -> None:
    rej = Rejected("acquire", "binary", "NUL bytes", "x.bin", "", "abc")
    with Store.open(tmp_path / "q.duckdb") as st:
        run = st.start_run("test", {}, {}, {})
        st.write_batch(run, [], [rej])
        st.write_batch(run, [], [rej])
        assert st.count("quarantine") == 1
        assert st.stats()["quarantine_reasons"] == {"binary": 1}


def test_failed_batch_rolls_back(tmp_path: Path) -> None:
    with Store.open(tmp_path / "r.duckdb") as st:
        run = st.start_run("test", {}, {}, {})
        bad = doc("z", "نص آخر مختلف تماما عن السابق")
        object.__setattr__(bad, "id", None)  # violates NOT NULL primary key mid-batch
        try:
            st.write_batch(run, [doc("ok", TEXT), bad], [])
        except Exception:
            pass
        assert st.count("documents") == 0


def test_query_quotes_filters(tmp_path: Path) -> None:
    db = tmp_path / "q.duckdb"
    with Store.open(db) as st:
        run = st.start_run("test", {}, {}, {})
        st.write_batch(run, [doc("a", TEXT)], [])
    with Store.open(db, read_only=True) as st:
        assert len(st.query_quotes(speaker="ميلر")) == 1
        assert len(st.query_quotes(speaker="per:miller", date_from="2024-08-01")) == 1
        assert st.query_quotes(date_to="2024-01-01") == []
        row = st.query_quotes()[0]
        assert row["via"] == ["Axios"] and row["content"] == "الحوار مستمر مع الشركاء"
        records = list(st.iter_records())
        assert records[0]["id"] == "a"


def test_speaker_search_is_folded(tmp_path: Path) -> None:
    """Hamza and taa-marbuta spellings of a speaker's name find the same statements."""
    text = "قالت المتحدثة إن الحوار مستمر مع الشركاء"
    quote = Quote(ActorRef(Span(5, 13), None, None), "قالت", "indirect", Span(17, len(text)))
    d = Document(id="f", original=text, text=text, offsets=OffsetMap.identity(len(text)),
                 provenance=Provenance("a.txt", sha256="s-f"), meta=Meta(published="2024-08-06"),
                 quotes=(quote,))
    with Store.open(tmp_path / "f.duckdb") as st:
        st.write_batch(st.start_run("test", {}, {}, {}), [d], [])
        assert len(st.query_quotes(speaker="المتحدثه")) == 1
        assert len(st.query_quotes(speaker="المُتحدثة")) == 1
