"""Near-duplicates, story clustering and event merging."""

from datetime import date

import numpy as np
import pytest

from marsad.corpus.clusters import THRESHOLD, ArticleView, StoryClusterer, cluster, similarity
from marsad.corpus.dedup import NearDuplicateIndex, jaccard
from marsad.corpus.merge import EventMention, dyad_day_filter, merge_events

AGENCY = (
    "أجرى وفدان من الولايات المتحدة وإيران جولة جديدة من المحادثات غير المباشرة في العاصمة "
    "العمانية مسقط يوم الأحد، وتنقل وزير الخارجية العماني بين القاعتين حاملاً الرسائل بين الجانبين. "
    "وقال مصدر مطلع إن الجولة تناولت ملف تخفيف العقوبات مقابل قيود على تخصيب اليورانيوم، "
    "وإن الطرفين اتفقا على مواصلة النقاش الأسبوع المقبل على مستوى الخبراء."
)
REPUBLISHED = "مسقط تستضيف جولة جديدة | صحيفة الأفق\n" + AGENCY + "\nتابعونا على منصات التواصل."
OTHER = (
    "أعلنت وزارة الخزانة الأمريكية فرض عقوبات جديدة على شبكة لنقل النفط الإيراني تضم شركات "
    "مسجلة في عدة دول، وقالت إن الشبكة ساعدت في تمويل أنشطة الحرس الثوري في المنطقة."
)


def test_republished_copy_is_a_near_duplicate() -> None:
    idx = NearDuplicateIndex()
    assert idx.add("a", AGENCY).duplicate_of is None
    dec = idx.add("b", REPUBLISHED)
    assert dec.duplicate_of == "a" and dec.kind == "near" and dec.similarity >= 0.7
    assert idx.add("c", OTHER).duplicate_of is None
    assert idx.add("d", AGENCY + "  ").kind == "exact"


def test_duplicate_chain_points_at_the_first_copy() -> None:
    idx = NearDuplicateIndex()
    idx.add("a", AGENCY)
    idx.add("b", REPUBLISHED)
    assert idx.add("c", REPUBLISHED + " شاهد أيضاً").duplicate_of == "a"


def test_index_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateIndex(threshold=0)


def test_jaccard_margin() -> None:
    assert jaccard(AGENCY, REPUBLISHED) > 0.8 > jaccard(AGENCY, OTHER)


def view(doc_id: str, vec: list[float], day: int, actors: set[str] = frozenset(),
         outlet: str = "o") -> ArticleView:
    v = np.asarray(vec, dtype=np.float32)
    return ArticleView(doc_id, outlet, date(2025, 3, day), doc_id, v / np.linalg.norm(v),
                       frozenset(actors))


def test_clusters_join_similar_and_split_dissimilar() -> None:
    arts = [view("a", [1, 0, 0], 1, {"USA", "IRN"}, "x"), view("b", [0.95, 0.1, 0], 2, {"USA", "IRN"}, "y"),
            view("c", [0, 1, 0], 2, {"USA"}), view("d", [1, 0.05, 0], 20, {"USA", "IRN"})]
    stories = cluster(arts)
    members = sorted(sorted(s.members) for s in stories)
    assert members == [["a", "b"], ["c"], ["d"]]  # d is outside the time window
    ab = next(s for s in stories if "a" in s.members)
    assert ab.outlets == {"x", "y"} and ab.first == date(2025, 3, 1)


def test_cluster_ids_do_not_depend_on_input_order() -> None:
    arts = [view("a", [1, 0, 0], 1), view("b", [0.9, 0.1, 0], 1), view("c", [0, 0, 1], 2)]
    one = sorted((s.story_id, tuple(s.members)) for s in cluster(arts))
    two = sorted((s.story_id, tuple(s.members)) for s in cluster(arts[::-1]))
    assert one == two


def test_follow_up_joins_through_its_closest_member() -> None:
    # b drifts from a; c is close to b (0.87) but not to the a+b centroid (0.67)
    a, b, c = view("a", [1, 0, 0], 1), view("b", [0.8, 0.6, 0], 2), view("c", [0.4, 0.92, 0], 2)
    stories = cluster([a, b, c])
    assert [sorted(s.members) for s in stories] == [["a", "b", "c"]]
    story = StoryClusterer()
    first = story.add(a)[0]
    story.add(b)
    near = float(np.dot(c.embedding, b.embedding))
    assert similarity(c, first) < THRESHOLD <= similarity(c, first, best_member=near)


def test_members_out_of_the_window_stop_attracting() -> None:
    # c resembles a (0.96) but not b (0.59); a counts only while it is within the window
    a, b = view("a", [1, 0, 0], 1), view("b", [0.8, 0.6, 0], 3)
    late, soon = view("c", [1, -0.3, 0], 6), view("c", [1, -0.3, 0], 4)
    assert sorted(sorted(s.members) for s in cluster([a, b, late])) == [["a", "b"], ["c"]]
    assert [sorted(s.members) for s in cluster([a, b, soon])] == [["a", "b", "c"]]


def test_clusterer_validates() -> None:
    with pytest.raises(ValueError):
        StoryClusterer(threshold=1.5)


def mention(doc: str, outlet: str, story: str, day: int, by_text: bool = False,
            cameo: str = "190", conf: float = 0.6) -> EventMention:
    return EventMention(doc, 0, outlet, story, cameo, "ISRMIL", "IRNMIL", "asserted",
                        date(2024, 4, day), by_text, conf)


def test_same_event_in_a_story_merges_and_counts_sources() -> None:
    events = merge_events([mention("a", "x", "s1", 19), mention("b", "y", "s1", 20),
                           mention("c", "y", "s1", 20), mention("d", "z", "s2", 20)])
    sizes = sorted(e.num_mentions for e in events)
    assert sizes == [1, 3]
    big = max(events, key=lambda e: e.num_mentions)
    assert (big.num_sources, big.num_articles) == (2, 3)
    assert big.confidence == pytest.approx(1 - 0.4 * 0.4)


def test_background_events_merge_across_stories_by_resolved_date() -> None:
    events = merge_events([mention("a", "x", "s1", 13, True), mention("b", "y", "s9", 13, True)])
    assert len(events) == 1 and events[0].day == date(2024, 4, 13)


def test_merge_ids_are_stable_and_specific_code_wins() -> None:
    ms = [mention("a", "x", "s1", 19, cameo="19"), mention("b", "y", "s1", 19, cameo="195")]
    first, second = merge_events(ms), merge_events(ms[::-1])
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert first[0].cameo == "195"


def test_dyad_day_filter_keeps_one_per_key() -> None:
    ms = [mention("a", "x", "s1", 19), mention("b", "y", "s2", 19), mention("c", "y", "s2", 20)]
    assert len(dyad_day_filter(ms)) == 2
