"""The CLI: every command is registered, documented in the README, and the core ones work."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli.main import COMMANDS, cli
from marsad.model import check_record

REPO = Path(__file__).resolve().parents[1]


def test_every_command_imports_and_has_help() -> None:
    runner = CliRunner()
    for name in COMMANDS:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, f"`marsad {name} --help` failed: {result.output}"
        assert "Usage:" in result.output


def test_every_command_is_documented_in_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in COMMANDS if f"marsad {name}" not in readme]
    assert not missing, f"commands missing from README: {missing}"


def test_extract_writes_contract_records(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "وفد عماني يصل إلى طهران\n\n"
        "وصل وفد عماني رفيع إلى طهران يوم الأحد في زيارة تستغرق يومين، وفق ما أعلنت وكالة الأنباء "
        "الرسمية، وقال مسؤول إن الزيارة تهدف إلى نقل رسائل تتعلق بالمحادثات.\n\n"
        "وأضاف المسؤول أن الجانبين سيبحثان أيضاً ملفات إقليمية عدة خلال الزيارة.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        cli,
        [
            "extract",
            str(page),
            "--published",
            "2025-03-10",
            "--outlet",
            "صحيفة الاختبار",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    rec = records[0]
    assert check_record(rec) == []
    assert rec["published"] == "2025-03-10" and rec["outlet"] == "صحيفة الاختبار"
    assert rec["title"] == "وفد عماني يصل إلى طهران" and rec["title"] not in rec["text"]


def test_ingest_then_stats(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(
        "أعلنت الحكومة اليوم عن خطة جديدة لتطوير الموانئ، وقال الوزير إن التنفيذ "
        "سيبدأ خلال أسابيع في ثلاث مدن ساحلية رئيسية.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "m.duckdb")
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(page), "--db", db, "--no-progress"])
    assert first.exit_code == 0, first.output
    assert "1 stories stored" in first.output
    again = runner.invoke(cli, ["ingest", str(page), "--db", db, "--no-progress"])
    assert "0 stories stored" in again.output and "1 inputs already ingested" in again.output
    stats = runner.invoke(cli, ["stats", "--db", db, "--json"])
    assert json.loads(stats.output)["documents"] == 1


def test_stats_on_missing_db_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0
    assert "no marsad database" in str(result.exception) or "no marsad database" in result.output


def test_pipeline_config_file(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(
        "أعلنت الحكومة اليوم عن خطة جديدة لتطوير الموانئ في ثلاث مدن ساحلية رئيسية.\n",
        encoding="utf-8",
    )
    cfg = tmp_path / "pipe.json"
    cfg.write_text(json.dumps({"components": ["sentences"]}), encoding="utf-8")
    out = CliRunner().invoke(cli, ["extract", str(page), "--config", str(cfg)])
    assert out.exit_code == 0, out.output
    rec = json.loads(out.stdout.splitlines()[0])
    assert rec["sentences"] and rec["entities"] == []  # actors did not run
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"components": ["quotes"]}), encoding="utf-8")
    err = CliRunner().invoke(cli, ["extract", str(page), "--config", str(bad)])
    assert err.exit_code != 0 and "requires" in err.output
