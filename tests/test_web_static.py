"""Static checks of the dashboard assets: CSP-safe markup, no HTML sinks, no CDN, i18n parity."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from marsad.api.app import static_dir

STATIC = static_dir()
SCRIPTS = sorted(STATIC.glob("*.js"))


def test_assets_ship_in_the_package() -> None:
    names = {p.name for p in STATIC.iterdir()}
    assert {
        "index.html",
        "app.css",
        "i18n.js",
        "render.js",
        "chart.js",
        "views.js",
        "app.js",
    } <= names


def test_index_has_no_inline_script_or_style() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), (
        "inline <script> breaks script-src 'self'"
    )
    assert "<style" not in html and not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html), "inline event handlers break the CSP"
    for src in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert src.startswith(("/static/", "#", "data:")), src


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_scripts_have_no_html_sinks_or_eval(path: Path) -> None:
    js = path.read_text(encoding="utf-8")
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setAttribute("style"',
        ".cssText",
    ):
        assert sink not in js, f"{path.name} uses {sink}"


def test_no_external_resources() -> None:
    for path in [*SCRIPTS, STATIC / "app.css", STATIC / "index.html"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text), path.name
        assert "@import" not in text and "@font-face" not in text


def test_font_stack_renders_arabic_locally() -> None:
    css = (STATIC / "app.css").read_text(encoding="utf-8")
    assert '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", "DejaVu Sans", sans-serif' in css


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_i18n_tables_have_the_same_keys_and_cover_the_scripts() -> None:
    script = (
        "global.window = {}; require(process.argv[1]); const t = window.MARSAD_I18N;"
        "console.log(JSON.stringify({ar: Object.keys(t.ar), en: Object.keys(t.en)}))"
    )
    out = subprocess.run(
        ["node", "-e", script, str(STATIC / "i18n.js")],
        capture_output=True,
        text=True,
        check=True,
        timeout=20,
    )
    keys = json.loads(out.stdout)
    assert sorted(keys["ar"]) == sorted(keys["en"])
    used = {
        k for p in SCRIPTS for k in re.findall(r'\bt\("([a-z_]+)"\)', p.read_text(encoding="utf-8"))
    }
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    used |= set(re.findall(r'data-i18n(?:-placeholder)?="([a-z_]+)"', html))
    assert used - set(keys["ar"]) == set()


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_scripts_parse(path: Path) -> None:
    subprocess.run(["node", "--check", str(path)], check=True, timeout=20)
