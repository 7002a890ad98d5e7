"""Near-duplicates and story clusters over SaudiNewsNet: counts, time, memory, purity.

For each size (3k, 10k, all 31k articles) in its own subprocess (so peak memory is that
size's own), the corpus stage runs as in the store: MinHash near-duplicate index, USE
embeddings of title + lead, incremental clustering in date order. Reported: duplicate and
cluster counts, seconds, peak RSS, and time per article, to show near-linear growth.

Purity: the corpus has groups of articles carrying the *same title* in several outlets
(agency stories republished). For every such group, the share of its members that fall
into the group's majority cluster; reported as the mean over groups, weighted by size.
Purity only says that same-title copies are kept together; the cluster size figures
(largest cluster, share of articles in clusters of more than 20) are there to show that
this is not bought by merging unrelated stories. The bench has no actor or event layers,
so only the embedding term scores (an article needs a blended cosine of 0.75 to join).

    python bench/bench_stories.py [--sizes 3000,10000,31030]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date

from common import Timer, article, machine, peak_rss_mb, saudinewsnet

from marsad.corpus.clusters import ArticleView, StoryClusterer, arrival_order, single_blas_thread
from marsad.corpus.dedup import NearDuplicateIndex
from marsad.corpus.embed import embed, lead_text
from marsad.text.normalize import fold


def load(limit: int, dedup: NearDuplicateIndex) -> tuple[list[dict[str, str]], list]:
    """Stream the corpus once: index each article for duplicates, keep only its lead."""
    arts, decisions = [], []
    for i, line in saudinewsnet(limit):
        a = article(line)
        decisions.append(dedup.add(f"snn-{i}", a.get("content") or ""))
        arts.append({"title": a.get("title") or "", "source": a.get("source") or "",
                     "date_extracted": a.get("date_extracted") or "",
                     "lead": lead_text(a.get("title"), a.get("content") or "")})
    return arts, decisions


def views(arts: list[dict[str, str]]) -> list[ArticleView]:
    vecs = embed([a["lead"] for a in arts])
    out = []
    for i, (a, v) in enumerate(zip(arts, vecs, strict=True)):
        day = date.fromisoformat(a["date_extracted"][:10]) if a.get("date_extracted") else None
        out.append(ArticleView(f"snn-{i}", a.get("source"), day, a.get("title") or "", v))
    return out


def purity(arts: list[dict[str, str]], cluster_of: dict[str, str]) -> dict[str, float]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(arts):
        title = " ".join(fold(a.get("title") or "").split())
        if len(title.split()) >= 4:
            groups[title].append(i)
    multi = [g for g in groups.values()
             if len({arts[i].get("source") for i in g}) >= 2]
    agree = total = 0
    for g in multi:
        top = Counter(cluster_of[f"snn-{i}"] for i in g).most_common(1)[0][1]
        agree += top
        total += len(g)
    return {"title_groups": len(multi), "articles_in_groups": total,
            "purity": round(agree / total, 4) if total else float("nan")}


def run_size(limit: int) -> dict[str, object]:
    with Timer() as t_dup:  # reading and decoding the corpus is included here
        arts, decisions = load(limit, NearDuplicateIndex())
    with Timer() as t_emb:
        vs = views(arts)
    with Timer() as t_clu, single_blas_thread():
        clusterer = StoryClusterer()
        cluster_of = {}
        for v in arrival_order(vs):
            story, _ = clusterer.add(v)
            cluster_of[v.doc_id] = story.story_id
    stories = clusterer.stories
    sizes = sorted((len(s.members) for s in stories), reverse=True)
    total = t_dup.seconds + t_emb.seconds + t_clu.seconds
    return {
        "articles": len(arts),
        "exact_duplicates": sum(d.kind == "exact" for d in decisions),
        "near_duplicates": sum(d.kind == "near" for d in decisions),
        "clusters": len(stories),
        "multi_outlet_clusters": sum(len(s.outlets) > 1 for s in stories),
        "largest_clusters": sizes[:5],
        "share_in_clusters_over_20": round(sum(n for n in sizes if n > 20) / max(len(arts), 1), 4),
        "seconds": {"dedup": round(t_dup.seconds, 1), "embed": round(t_emb.seconds, 1),
                    "cluster": round(t_clu.seconds, 1), "total": round(total, 1)},
        "ms_per_article": round(1000 * total / max(len(arts), 1), 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        **purity(arts, cluster_of),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="3000,10000,31030")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one)))
        return
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], check=True,
                             capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(results[-1], ensure_ascii=False), file=sys.stderr, flush=True)
    print(json.dumps({"machine": machine(), "runs": results}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
