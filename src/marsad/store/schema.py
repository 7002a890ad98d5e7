"""The store's schema as registered, ordered migrations. Each runs in one transaction."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: list[Migration] = []


def migration(version: int, description: str, *statements: str) -> None:
    """Register a migration; versions must be consecutive."""
    expected = len(MIGRATIONS) + 1
    if version != expected:
        raise ValueError(f"migration {version} registered out of order; expected {expected}")
    MIGRATIONS.append(Migration(version, description, statements))


migration(
    1,
    "documents, layers, quarantine and runs",
    """CREATE TABLE runs (
        run_id VARCHAR PRIMARY KEY, command VARCHAR, started_at TIMESTAMP,
        finished_at TIMESTAMP, config JSON, versions JSON, resources JSON, counts JSON)""",
    """CREATE TABLE raw_inputs (
        sha256 VARCHAR PRIMARY KEY, source VARCHAR, locator VARCHAR, n_documents INTEGER,
        run_id VARCHAR)""",
    """CREATE TABLE documents (
        id VARCHAR PRIMARY KEY, parent_id VARCHAR, content_hash VARCHAR UNIQUE,
        title VARCHAR, outlet VARCHAR, published VARCHAR, published_date DATE, url VARCHAR,
        language VARCHAR, text VARCHAR, text_norm VARCHAR, record JSON, source VARCHAR,
        raw_sha256 VARCHAR, run_id VARCHAR, ingested_at TIMESTAMP)""",
    """CREATE TABLE entities (
        doc_id VARCHAR, entity_id VARCHAR, type VARCHAR, name_ar VARCHAR, name_en VARCHAR,
        code VARCHAR, anonymous BOOLEAN, n_mentions INTEGER)""",
    """CREATE TABLE mentions (
        doc_id VARCHAR, entity_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR)""",
    """CREATE TABLE quotes (
        doc_id VARCHAR, idx INTEGER, published_date DATE, outlet VARCHAR,
        speaker_text VARCHAR, speaker_entity_id VARCHAR, speaker_code VARCHAR,
        anonymous BOOLEAN, resolved BOOLEAN, verb VARCHAR, kind VARCHAR, content VARCHAR,
        content_norm VARCHAR, start_char INTEGER, end_char INTEGER, via JSON, sentence INTEGER)""",
    """CREATE TABLE events (
        doc_id VARCHAR, idx INTEGER, published_date DATE, outlet VARCHAR,
        cameo VARCHAR, root VARCHAR, type VARCHAR, mode VARCHAR, goldstein DOUBLE,
        quad_class INTEGER, source_entity_id VARCHAR, source_code VARCHAR, source_text VARCHAR,
        target_entity_id VARCHAR, target_code VARCHAR, target_text VARCHAR,
        mediator_entity_id VARCHAR, mediator_code VARCHAR, location_name VARCHAR,
        location_code VARCHAR, modality VARCHAR, date_value VARCHAR, date_precision VARCHAR,
        event_date DATE, date_from_publication BOOLEAN, evidence_start INTEGER,
        evidence_end INTEGER, evidence_text VARCHAR, sentence INTEGER, confidence DOUBLE)""",
    """CREATE TABLE quarantine (
        key VARCHAR PRIMARY KEY, run_id VARCHAR, stage VARCHAR, reason VARCHAR,
        detail VARCHAR, source VARCHAR, locator VARCHAR, sha256 VARCHAR, quarantined_at TIMESTAMP)""",
    "CREATE INDEX entities_doc ON entities(doc_id)",
    "CREATE INDEX quotes_doc ON quotes(doc_id)",
    "CREATE INDEX events_doc ON events(doc_id)",
)

#: Tables whose rows belong to one document (deleted and rewritten together).
DOCUMENT_TABLES: tuple[str, ...] = ("entities", "mentions", "quotes", "events")

migration(
    2,
    "corpus layer: stories, duplicates and canonical events",
    """CREATE TABLE stories (
        story_id VARCHAR PRIMARY KEY, label VARCHAR, start_date DATE, end_date DATE,
        outlets JSON, n_articles INTEGER, n_outlets INTEGER)""",
    """CREATE TABLE story_members (
        story_id VARCHAR, doc_id VARCHAR PRIMARY KEY, score DOUBLE, duplicate_of VARCHAR,
        duplicate_kind VARCHAR, duplicate_similarity DOUBLE)""",
    """CREATE TABLE canonical_events (
        event_id VARCHAR PRIMARY KEY, story_id VARCHAR, cameo VARCHAR, root VARCHAR,
        source_code VARCHAR, target_code VARCHAR, modality VARCHAR, event_date DATE,
        num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER, confidence DOUBLE,
        goldstein DOUBLE, location_code VARCHAR)""",
    "CREATE TABLE event_mentions (event_id VARCHAR, doc_id VARCHAR, idx INTEGER)",
    "CREATE INDEX event_mentions_doc ON event_mentions(doc_id, idx)",
)

CORPUS_TABLES: tuple[str, ...] = ("stories", "story_members", "canonical_events", "event_mentions")


migration(
    3,
    "folded speaker text, so every speaker search matches the way text search does",
    "ALTER TABLE quotes ADD COLUMN speaker_norm VARCHAR",
    # Stores written before this migration get an SQL approximation of the fold (alef
    # forms, yaa, taa marbuta, tatweel); new rows get marsad.text.normalize.fold.
    """UPDATE quotes SET speaker_norm = lower(replace(replace(replace(replace(replace(
        replace(coalesce(speaker_text, ''), 'أ', 'ا'), 'إ', 'ا'), 'آ', 'ا'), 'ى', 'ي'),
        'ة', 'ه'), 'ـ', ''))""",
)


migration(
    4,
    "cached lead embeddings, so a corpus rebuild embeds only new or changed articles",
    "CREATE TABLE embeddings (key VARCHAR PRIMARY KEY, vec FLOAT[512])",
)
