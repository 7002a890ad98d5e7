"""RSS/Atom feed files: linked pages read from disk, fallbacks, malformed feeds."""

from __future__ import annotations

from pathlib import Path

from marsad.acquire import AcquireOptions, iter_inputs
from marsad.acquire.feeds import FALLBACK_MIN_CHARS, FeedContext, iter_feed
from marsad.model import RawInput, Rejected

ARTICLE = ("<html><body><h1>افتتاح معرض الكتاب</h1><p>افتتح محافظ المدينة معرض الكتاب "
           "السنوي بمشاركة مئتي دار نشر من عشرين بلدا.</p></body></html>")
LONG_SUMMARY = ("أعلنت الهيئة العامة للأرصاد أن موجة حر ستضرب البلاد خلال الأيام المقبلة، "
                "ونصحت المواطنين بتجنب التعرض للشمس في ساعات الظهيرة. ") * 4
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار المدينة</title><link>https://city.example/</link>
<item><title>معرض الكتاب</title><link>pages/book-fair.html</link>
<pubDate>Tue, 03 Sep 2024 09:30:00 GMT</pubDate><author>desk@city.example (المحرر)</author>
<description>افتتاح المعرض</description></item>
<item><title>موجة حر</title><link>pages/missing.html</link>
<description>{long}</description></item>
<item><title>قصير</title><link>pages/also-missing.html</link>
<description>خبر قصير</description></item>
</channel></rss>
"""


def _feed_folder(tmp_path: Path) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "book-fair.html").write_text(ARTICLE, encoding="utf-8")
    feed = tmp_path / "city.rss"
    feed.write_text(RSS.replace("{long}", LONG_SUMMARY), encoding="utf-8")
    return feed


def test_feed_file_with_local_pages_and_fallbacks(tmp_path: Path) -> None:
    feed = _feed_folder(tmp_path)
    fair, heat, short = iter_inputs([str(feed)], AcquireOptions())
    assert isinstance(fair, RawInput) and fair.format == "html"
    assert "معرض الكتاب" in fair.content and fair.provenance.input_format == "feed"
    assert fair.meta.title == "معرض الكتاب" and fair.meta.outlet == "أخبار المدينة"
    assert fair.meta.published == "2024-09-03T09:30:00Z"
    assert fair.meta.url is None and fair.meta.author  # a local link is not a public URL
    assert fair.provenance.source == (feed.parent / "pages" / "book-fair.html").as_posix()
    assert isinstance(heat, RawInput) and "موجة حر" in heat.content
    assert heat.provenance.locator.endswith("(feed content)")
    assert isinstance(short, Rejected) and short.reason == "feed_item_unfetchable"
    assert "not_found" in short.detail


def test_feed_ids_are_stable_and_follow_the_link(tmp_path: Path) -> None:
    feed = _feed_folder(tmp_path)
    first = [getattr(i, "id", None) for i in iter_inputs([str(feed)], AcquireOptions())]
    second = [getattr(i, "id", None) for i in iter_inputs([str(feed)], AcquireOptions())]
    assert first == second and first[0] != first[1]


def test_fetch_linked_off_uses_entry_text(tmp_path: Path) -> None:
    feed = _feed_folder(tmp_path)
    items = list(iter_inputs([str(feed)], AcquireOptions(fetch_linked=False)))
    assert [type(i).__name__ for i in items] == ["Rejected", "RawInput", "Rejected"]


def test_atom_feed_with_full_content(tmp_path: Path) -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>نشرة الطقس</title>
<entry><title>حر شديد</title><id>tag:weather.example,2024:1</id>
<updated>2024-07-10T06:00:00Z</updated>
<content type="html">&lt;p&gt;{LONG_SUMMARY}&lt;/p&gt;</content></entry></feed>"""
    path = tmp_path / "weather.atom"
    path.write_text(atom, encoding="utf-8")
    (item,) = iter_inputs([str(path)], AcquireOptions())
    assert isinstance(item, RawInput) and item.format == "html"
    assert item.meta.published == "2024-07-10T06:00:00Z" and item.meta.title == "حر شديد"
    assert len(item.content) >= FALLBACK_MIN_CHARS


def test_malformed_feed_and_the_batch_goes_on(tmp_path: Path) -> None:
    broken = tmp_path / "a_broken.rss"
    broken.write_text("<rss><channel><title>نصف قناة", encoding="utf-8")
    junk = tmp_path / "b_junk.xml"
    junk.write_bytes(b"<?xml version='1.0'?><rss version='2.0'><<<>>>")
    story = tmp_path / "c_story.txt"
    story.write_text("خبر عادي بعد الخلاصة المعطوبة.", encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)], AcquireOptions()))
    assert [getattr(i, "reason", None) for i in items] == ["malformed_feed", "malformed_feed",
                                                           None]


def test_a_fetched_feed_never_reads_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text(ARTICLE, encoding="utf-8")
    rss = (f'<rss version="2.0"><channel><title>x</title><item><title>t</title>'
           f'<link>file://{secret}</link></item></channel></rss>').encode()
    context = FeedContext("https://remote.example/feed", base_url="https://remote.example/")
    (item,) = iter_feed(rss, context, AcquireOptions())
    assert isinstance(item, Rejected) and item.reason == "feed_item_unfetchable"
