"""Token-trie matching with Arabic proclitics."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.actors.matcher import TokenTrie, clitic_variants, key_tokens, tokens
from marsad.text.normalize import normalize


def _trie(*names):
    t = TokenTrie()
    for n in names:
        t.add(key_tokens(n), n)
    return t


def _find(trie, text):
    norm = normalize(text)
    toks = tokens(norm.text)
    return [(text[slice(*norm.to_source(m.start, m.end))], m.payloads[0])
            for m in trie.find_all(toks)]


def test_clitics_are_stripped_and_excluded_from_span():
    trie = _trie("بلينكن", "الولايات المتحدة", "إيراني")
    assert _find(trie, "وبلينكن قال") == [("بلينكن", "بلينكن")]
    assert _find(trie, "للولايات المتحدة") == [("لولايات المتحدة", "الولايات المتحدة")]
    assert _find(trie, "والإيراني") == [("الإيراني", "إيراني")]


def test_longest_match_wins():
    trie = _trie("الحرس الثوري", "الحرس الثوري الإيراني")
    assert _find(trie, "قال الحرس الثوري الإيراني")[0][1] == "الحرس الثوري الإيراني"


def test_variants_include_combinations():
    forms = {f for _, f in clitic_variants("وللولايات")}
    assert "الولايات" in forms
    assert "ولايات" in {f for _, f in clitic_variants("فالولايات")}


def test_odd_unicode_and_long_names_do_not_break():
    trie = _trie("ب" * 500, "إ\u0651ي\u200dران", "x" * 3)
    text = ("ب" * 500 + " \U0001F600 \u202eإيران\u202c ") * 50
    out = _find(trie, text)
    assert out and all(isinstance(s, str) for s, _ in out)


def test_linear_time():
    trie = _trie("الولايات المتحدة", "إيران")
    text = "قالت الولايات المتحدة إن إيران " * 20000
    t0 = time.perf_counter()
    assert len(_find(trie, text)) == 40000
    assert time.perf_counter() - t0 < 10


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ابتثوفلكإيرانة \"،.\u064e\u0640", max_size=80))
def test_spans_land_inside_text(text):
    trie = _trie("إيران", "ال")
    norm = normalize(text)
    for m in trie.find_all(tokens(norm.text)):
        s, e = norm.to_source(m.start, m.end)
        assert 0 <= s <= e <= len(text)
