// Views: the story (document) view with in-place highlights, actor pages, the mediator
// network, story clusters and search. Registered on window.MarsadViews for the router.
"use strict";

(function () {
  const UI = window.MarsadUI;
  const { h, clear, link, state } = UI;
  const App = () => window.MarsadApp;
  const t = (k) => App().t(k);

  // --- story view -------------------------------------------------------------------------------
  function titles(rec) {
    const text = (ref) => (ref ? `${ref.code || "?"}${ref.text ? " " + ref.text : ""}` : "—");
    return {
      ev: (e) => `${t("event")}: CAMEO ${e.cameo} · ${e.type || "—"}${e.mode ? " (" + e.mode + ")" : ""}` +
        ` · ${text(e.source)} → ${text(e.target)}${e.mediator ? " · " + t("mediator") + " " + text(e.mediator) : ""}` +
        ` · ${t(e.modality)} · Goldstein ${e.goldstein}${e.date ? " · " + e.date.value : ""}`,
      quote: (q) => `${t("quote")}: ${(q.speaker && q.speaker.text) || t("unresolved")}` +
        `${q.speaker && q.speaker.code ? " [" + q.speaker.code + "]" : ""} · ${q.verb || ""} · ${t(q.kind || "direct")}` +
        `${q.via && q.via.length ? " · " + t("via") + " " + q.via.join("، ") : ""}`,
      ent: (e) => `${t("entity")}: ${e.name_ar || ""}${e.name_en ? " / " + e.name_en : ""} · ${e.type} · ${e.code || "—"}`,
    };
  }

  function highlight(el, rec) {
    const text = rec.text || "";
    const anns = UI.annotations(rec, titles(rec));
    UI.paint(el, text, 0, text.length, anns, (a) => {
      const span = h("span", { class: `hl ${a.layer}${a.layer === "ev" ? " q" + (a.data.quad_class || 0) : ""}`,
        title: a.title, dataset: { layer: a.layer, idx: String(a.idx), code: codeOf(a) } });
      if (!a.piece) span.id = `${a.layer}-${a.idx}-${a.start}`;
      if (a.layer === "ent") {
        span.addEventListener("click", (e) => { e.stopPropagation(); App().go(["actor", a.data.id]); });
      }
      return span;
    });
  }

  function codeOf(a) {
    if (a.layer === "ev") return a.data.cameo;
    if (a.layer === "ent") return a.data.code || "";
    return (a.data.speaker && a.data.speaker.code) || "";
  }

  function focus(body, layer, idx) {
    if (idx === undefined || idx === null || idx === "") return;
    const els = body.querySelectorAll(`span.hl.${layer}[data-idx="${CSS.escape(String(idx))}"]`);
    els.forEach((el) => el.classList.add("focus"));
    if (els.length) els[0].scrollIntoView({ block: "center" });
  }

  async function docView(ctx, rest) {
    ctx.loading();
    let rec;
    try {
      rec = await App().api("documents/" + encodeURIComponent(rest[0] || ""));
    } catch (err) {
      if (ctx.live()) clear(ctx.view).appendChild(state(err.status === 404 ? "empty" : "error", err.message));
      return;
    }
    if (!ctx.live()) return;
    clear(ctx.view);
    const url = UI.safeUrl(rec.url);
    const body = h("div", { class: "article-text", id: "article-text", lang: rec.language || "ar",
      dir: rec.language === "en" ? "ltr" : "rtl" });
    highlight(body, rec);
    ctx.view.append(h("div", { class: "doc-layout" },
      h("article", { class: "doc-main" },
        h("h1", { class: "doc-title" }, rec.title || rec.id),
        h("p", { class: "doc-meta" }, `${rec.outlet || "—"} · ${rec.published || "—"} · `,
          url ? h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, t("original")) : null),
        hlLegend(), body),
      h("aside", { class: "doc-side" }, sideEvents(rec), sideQuotes(rec), sideEntities(rec), sideStory(rec))));
    focus(body, "ev", ctx.params.e);
    focus(body, "quote", ctx.params.q);
  }

  function hlLegend() {
    const item = (cls, key) => h("span", { class: "legend-item" }, h("span", { class: "hl " + cls }, t(key)));
    return h("div", { class: "legend hl-legend" }, item("ent", "entity"), item("quote", "quote"), item("ev", "event"),
      h("span", { class: "muted" }, t("hover_codes")));
  }

  function jump(layer, idx) {
    return (e) => {
      e.preventDefault();
      const body = document.getElementById("article-text");
      body.querySelectorAll("span.focus").forEach((el) => el.classList.remove("focus"));
      focus(body, layer, idx);
    };
  }

  function sideEvents(rec) {
    const items = (rec.events || []).map((e, i) => h("li", null,
      h("a", { href: "#", onclick: jump("ev", i), class: "cameo q" + (e.quad_class || 0), title: App().cameoTitle(e) },
        `${e.cameo}${e.type ? " " + e.type : ""}`),
      ` ${(e.source && e.source.code) || "?"} → ${(e.target && e.target.code) || "?"} · ${t(e.modality)}`));
    return h("section", null, h("h2", null, t("events")), items.length ? h("ul", { class: "plain" }, items) : state("empty", t("empty")));
  }

  function sideQuotes(rec) {
    const items = (rec.quotes || []).map((q, i) => h("li", null,
      h("a", { href: "#", onclick: jump("quote", i) }, (q.speaker && q.speaker.text) || t("unresolved")),
      `: «${(q.content && q.content.text || "").slice(0, 90)}»`));
    return h("section", null, h("h2", null, t("quotes")), items.length ? h("ul", { class: "plain" }, items) : state("empty", t("empty")));
  }

  function sideEntities(rec) {
    const items = (rec.entities || []).map((e) => h("li", null,
      link(["actor", e.id], null, e.name_ar || e.id), " ", h("code", null, e.code || e.type),
      h("span", { class: "muted" }, ` ×${(e.mentions || []).length}`)));
    return h("section", null, h("h2", null, t("entities")), items.length ? h("ul", { class: "plain" }, items) : state("empty", t("empty")));
  }

  function sideStory(rec) {
    const members = rec.story_members || [];
    const items = members.map((m) => h("li", null, link(["doc", m.id], null, m.title || m.id),
      h("span", { class: "muted" }, ` · ${m.outlet || "—"} · ${m.published || ""}`)));
    return h("section", { id: "story-members" }, h("h2", null, t("other_outlets")),
      items.length ? h("ul", { class: "plain" }, items) : state("empty", t("no_story")),
      rec.story_id ? link(["story", rec.story_id], null, t("story")) : null);
  }

  // --- actor page ---------------------------------------------------------------------------------
  async function actorView(ctx, rest) {
    ctx.loading();
    let a;
    try {
      a = await App().api("actors/" + encodeURIComponent(rest[0] || ""));
    } catch (err) {
      if (ctx.live()) clear(ctx.view).appendChild(state(err.status === 404 ? "empty" : "error", err.message));
      return;
    }
    if (!ctx.live()) return;
    clear(ctx.view);
    const s = a.stored || {};
    const kb = a.kb || {};
    const name = s.name_ar || (kb.names_ar && kb.names_ar[0]) || a.id;
    const english = s.name_en || kb.name_en;
    ctx.view.append(
      h("h1", null, name, english ? h("span", { class: "muted" }, " · " + english) : null),
      h("p", { class: "doc-meta" }, h("code", null, s.code || kb.code || "—"), ` · ${s.type || kb.type || ""}`,
        s.documents ? ` · ${s.documents} ${t("documents")}` : ""),
      rolesSection(kb.roles || [], ctx),
      h("section", null, h("h2", null, t("counterparts")), counterparts(a, s.code || kb.code)),
      (a.mediated || []).length ? h("section", { id: "mediated" }, h("h2", null, t("mediated_events")),
        UI.table([
          { label: t("between"), cell: (m) => m.source && m.target
            ? link([], { dyad: `${m.source}-${m.target}` }, `${m.source} – ${m.target}`) : "—" },
          { label: t("events"), cell: (m) => String(m.events) },
          { label: t("articles"), cell: (m) => String(m.articles) },
        ], a.mediated)) : null,
      h("section", null, h("h2", null, t("statements_by")),
        a.statements.length ? h("div", { class: "cards" }, a.statements.map(App().quoteCard)) : state("empty", t("empty"))));
  }

  function rolesSection(roles, ctx) {
    const box = h("section", { id: "roles" }, h("h2", null, t("roles")));
    if (!roles.length) return UI.append(box, [state("empty", t("no_roles"))]);
    const sorted = roles.slice().sort((x, y) => String(x.start).localeCompare(String(y.start)));
    box.appendChild(window.MarsadChart.roles(sorted, { width: Math.min(900, ctx.view.clientWidth - 20), t }));
    box.appendChild(UI.table([
      { label: t("office"), cell: (r) => r.office },
      { label: t("code"), cell: (r) => h("code", null, r.code) },
      { label: t("from"), cell: (r) => r.start },
      { label: t("to"), cell: (r) => r.end || t("ongoing") },
    ], sorted));
    return box;
  }

  function counterparts(a, code) {
    if (!a.counterparts.length) return state("empty", t("empty"));
    const mine = (code || "").slice(0, 3);
    return UI.table([
      { label: t("actor"), cell: (c) => h("code", null, c.counterpart) },
      { label: t("events"), cell: (c) => String(c.events) },
      { label: "Goldstein", cell: (c) => String(c.mean_goldstein) },
      { label: t("timeline"), cell: (c) => mine && c.counterpart !== "?" && c.counterpart.slice(0, 3) !== mine
        ? link([], { dyad: `${mine}-${c.counterpart.slice(0, 3)}` }, t("open")) : "—" },
    ], a.counterparts);
  }

  // --- mediators -----------------------------------------------------------------------------------
  async function mediatorsView(ctx) {
    ctx.loading();
    const net = await App().api("mediators", { limit: 200 });
    if (!ctx.live()) return;
    clear(ctx.view).appendChild(h("h1", null, t("mediators")));
    if (!net.edges.length) {
      ctx.view.appendChild(state("empty", t("no_mediators")));
      return;
    }
    const box = h("div", { class: "chart-box", id: "network" });
    const edgesBox = h("section", { id: "mediator-edges" });
    ctx.view.append(box, edgesBox);
    const showEdges = (node) => {
      const rows = node ? net.edges.filter((e) => [e.mediator, e.source, e.target].includes(node)) : net.edges;
      UI.append(clear(edgesBox), [node ? h("p", null, h("code", null, node), " ",
        h("button", { type: "button", onclick: () => showEdges(null) }, t("all"))) : null, edgeTable(rows)]);
    };
    box.appendChild(window.MarsadChart.network(net, { width: Math.min(900, box.clientWidth - 8), t, onSelect: showEdges }));
    showEdges(null);
  }

  function edgeTable(edges) {
    return UI.table([
      { label: t("mediator"), cell: (e) => h("code", null, e.mediator) },
      { label: t("between"), cell: (e) => e.source && e.target
        ? link([], { dyad: `${e.source}-${e.target}` }, `${e.source} – ${e.target}`) : `${e.source || "?"} – ${e.target || "?"}` },
      { label: t("events"), cell: (e) => String(e.events) },
      { label: t("articles"), cell: (e) => String(e.articles) },
      { label: t("date"), cell: (e) => `${e.first || "?"} – ${e.last || "?"}`, cls: "nowrap" },
    ], edges);
  }

  // --- stories -----------------------------------------------------------------------------------------
  async function storiesView(ctx) {
    const min = Math.max(1, parseInt(ctx.params.min_outlets || "1", 10) || 1);
    ctx.loading();
    const page = await App().api("stories", { min_outlets: min, limit: 100 });
    if (!ctx.live()) return;
    const pick = h("select", { "aria-label": t("outlets"), onchange: (e) => App().go(["stories"], { min_outlets: e.target.value }) },
      [1, 2, 3].map((n) => h("option", { value: n, selected: n === min }, `≥ ${n} ${t("outlets")}`)));
    clear(ctx.view).append(h("div", { class: "toolbar" }, h("h1", null, t("stories")), pick),
      page.items.length ? UI.table([
        { label: t("story"), cell: (s) => link(["story", s.id], null, s.label || s.id) },
        { label: t("date"), cell: (s) => `${s.start || "?"} – ${s.end || "?"}`, cls: "nowrap" },
        { label: t("outlets"), cell: (s) => s.outlets.join("، ") },
        { label: t("articles"), cell: (s) => String(s.n_articles) },
      ], page.items) : state("empty", t("empty")));
  }

  async function storyView(ctx, rest) {
    ctx.loading();
    let s;
    try {
      s = await App().api("stories/" + encodeURIComponent(rest[0] || ""));
    } catch (err) {
      if (ctx.live()) clear(ctx.view).appendChild(state(err.status === 404 ? "empty" : "error", err.message));
      return;
    }
    if (!ctx.live()) return;
    clear(ctx.view).append(h("h1", null, s.label || s.id),
      h("p", { class: "doc-meta" }, `${s.start || "?"} – ${s.end || "?"} · ${s.outlets.join("، ")}`),
      h("ul", { class: "plain" }, s.members.map((m) => h("li", null, link(["doc", m.id], null, m.title || m.id),
        h("span", { class: "muted" }, ` · ${m.outlet || "—"} · ${m.published || ""}${m.duplicate_kind ? " · " + m.duplicate_kind : ""}`)))),
      h("h2", null, t("events")),
      s.events.length ? UI.table([
        { label: t("date"), cell: (e) => e.date || "—" },
        { label: t("code"), cell: (e) => e.cameo },
        { label: t("source"), cell: (e) => e.source_code || "?" },
        { label: t("target"), cell: (e) => e.target_code || "?" },
        { label: t("modality"), cell: (e) => t(e.modality) },
        { label: t("outlets"), cell: (e) => String(e.num_sources) },
      ], s.events) : state("empty", t("empty")));
  }

  // --- search ---------------------------------------------------------------------------------------------
  async function searchView(ctx) {
    const q = (ctx.params.q || "").slice(0, 200);
    document.getElementById("search").value = q;
    clear(ctx.view).appendChild(h("h1", null, `${t("search_results")}: «${q}»`));
    if (!q) return;
    const docsBox = h("section", { id: "search-docs" });
    const quotesBox = h("section", { id: "search-quotes" });
    ctx.view.appendChild(h("div", { class: "two-col" }, docsBox, quotesBox));
    ctx.loading(docsBox);
    ctx.loading(quotesBox);
    const [docs, quotes] = await Promise.all([App().api("documents", { q, limit: 30 }), App().api("statements", { q, limit: 30 })]);
    if (!ctx.live()) return;
    clear(docsBox).append(h("h2", null, `${t("documents")} (${docs.total})`),
      docs.items.length ? h("ul", { class: "plain results" }, docs.items.map((d) => h("li", null,
        link(["doc", d.id], null, d.title || d.id), h("span", { class: "muted" }, ` · ${d.outlet || "—"} · ${d.published || ""}`),
        h("p", { class: "snippet" }, d.snippet || "")))) : state("empty", t("empty")));
    clear(quotesBox).append(h("h2", null, `${t("quotes")} (${quotes.total})`),
      quotes.items.length ? h("div", { class: "cards" }, quotes.items.map(App().quoteCard)) : state("empty", t("empty")));
  }

  window.MarsadViews = {
    doc: docView, actor: actorView, mediators: mediatorsView, stories: storiesView,
    story: storyView, search: searchView,
  };
})();
