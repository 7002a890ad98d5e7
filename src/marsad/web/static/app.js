// The dashboard: language, API access, hash router, and the overview/events/statements views.
"use strict";

(function () {
  const UI = window.MarsadUI;
  const { h, clear, link, state } = UI;
  const LANG_KEY = "marsad.lang";
  const PAGE = 50;

  function currentLang() {
    try {
      return window.localStorage.getItem(LANG_KEY) === "en" ? "en" : "ar";
    } catch (e) {
      return "ar";
    }
  }

  let lang = currentLang();
  let renderToken = 0;

  function t(key) {
    const table = window.MARSAD_I18N[lang] || {};
    return key in table ? table[key] : (window.MARSAD_I18N.ar[key] || key);
  }

  function applyLang() {
    const root = document.documentElement;
    root.lang = lang;
    root.dir = lang === "ar" ? "rtl" : "ltr";
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
      el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder));
    });
    document.getElementById("lang").textContent = t("lang_button");
  }

  function toggleLang() {
    lang = lang === "ar" ? "en" : "ar";
    try { window.localStorage.setItem(LANG_KEY, lang); } catch (e) { /* private mode: keep in memory */ }
    applyLang();
    render();
  }

  /** GET an API route; rejects with the API's error message. */
  async function api(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") qs.set(k, String(v));
    }
    const url = "/api/" + path + (qs.toString() ? "?" + qs : "");
    const resp = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await resp.json().catch(() => null);
    if (!resp.ok) {
      const err = new Error((body && body.error && body.error.message) || resp.statusText);
      err.status = resp.status;
      throw err;
    }
    return body;
  }

  function parseHash() {
    const raw = window.location.hash.replace(/^#\/?/, "");
    const [path, query] = raw.split("?");
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    return { parts, params: Object.fromEntries(new URLSearchParams(query || "")) };
  }

  function go(parts, params) {
    window.location.hash = UI.route(parts, params).slice(1);
  }

  /** Update the address without re-rendering (for in-view selections). */
  function remember(parts, params) {
    window.history.replaceState(null, "", UI.route(parts, params));
  }

  /** The view's context: a container, and a guard so stale responses are dropped. */
  function context(params) {
    const token = ++renderToken;
    const view = clear(document.getElementById("view"));
    view.dataset.render = String(token); // lets tests tell a fresh view from the last one
    return {
      view, params, t, api, go, remember,
      live: () => token === renderToken,
      loading: (el) => clear(el || view).appendChild(state("loading", t("loading"))),
      fail: (el, err) => clear(el).appendChild(state("error", t("error") + ": " + err.message)),
    };
  }

  function setActiveNav(name) {
    document.querySelectorAll("header nav a").forEach((a) => {
      a.classList.toggle("active", a.getAttribute("href") === "#/" + name);
    });
  }

  const ROUTES = {
    "": (c) => overview(c),
    events: (c) => eventsView(c),
    quotes: (c) => quotesView(c),
  };

  function render() {
    const { parts, params } = parseHash();
    const name = parts[0] || "";
    const views = window.MarsadViews || {};
    const ctx = context(params);
    setActiveNav(name);
    const fn = ROUTES[name] || views[name];
    if (!fn) {
      ctx.view.appendChild(state("empty", t("not_found")));
      return;
    }
    Promise.resolve(fn(ctx, parts.slice(1))).catch((err) => {
      if (ctx.live()) ctx.fail(ctx.view, err);
    });
  }

  // --- shared pieces --------------------------------------------------------------------
  function dyadLabel(a, b) {
    return `${a} – ${b}`;
  }

  function pager(ctx, page, onPage) {
    const from = page.total ? page.offset + 1 : 0;
    const to = page.offset + page.items.length;
    return h("div", { class: "pager" },
      h("button", { type: "button", disabled: page.offset <= 0,
        onclick: () => onPage(Math.max(0, page.offset - page.limit)) }, t("prev")),
      h("span", { class: "count" }, `${from}–${to} / ${page.total}`),
      h("button", { type: "button", disabled: to >= page.total,
        onclick: () => onPage(page.offset + page.limit) }, t("next")));
  }

  function actorCell(code, text) {
    if (!code && !text) return h("span", { class: "muted" }, "—");
    return h("span", { class: "actor", title: text || "" }, h("code", null, code || "?"), text ? " " + text : "");
  }

  function eventTable(items) {
    return UI.table([
      { label: t("date"), cell: (e) => e.date || "—", cls: "nowrap" },
      { label: t("source"), cell: (e) => actorCell(e.source_code, e.source_text) },
      { label: t("code"), cell: (e) => h("span", { class: "cameo q" + (e.quad_class || 0), title: cameoTitle(e) },
        e.cameo, e.type ? " · " + e.type : "") },
      { label: t("target"), cell: (e) => actorCell(e.target_code, e.target_text) },
      { label: t("modality"), cell: (e) => h("span", { class: "mod mod-" + e.modality }, t(e.modality)) },
      { label: t("outlet"), cell: (e) => e.outlet || "—" },
      { label: t("evidence"), cell: (e) => link(["doc", e.doc_id], { e: e.idx }, e.evidence_text || t("open")), cls: "evidence" },
    ], items);
  }

  function cameoTitle(e) {
    const root = (t("cameo_roots") || {})[String(e.cameo || "").slice(0, 2)] || "";
    return `CAMEO ${e.cameo} ${root} · ${e.type || "—"}${e.mode ? " (" + e.mode + ")" : ""} · Goldstein ${e.goldstein}`;
  }

  // --- overview: dyad timeline with drill-down ---------------------------------------------
  async function overview(ctx) {
    ctx.loading();
    const dyads = (await api("dyads", { limit: 30 })).items;
    if (!ctx.live()) return;
    clear(ctx.view);
    if (!dyads.length) {
      ctx.view.appendChild(state("empty", t("no_dyads")));
      return;
    }
    const p = ctx.params;
    const [a, b] = (p.dyad || `${dyads[0].a}-${dyads[0].b}`).toUpperCase().split("-");
    const period = ["day", "week", "month"].includes(p.period) ? p.period : "day";
    const pick = h("select", { id: "dyad-select", "aria-label": t("dyad"),
      onchange: (e) => go([], { dyad: e.target.value, period }) },
    dyads.map((d) => h("option", { value: `${d.a}-${d.b}`, selected: sameDyad(d, a, b) },
      `${dyadLabel(d.a, d.b)} (${d.events})`)));
    if (!dyads.some((d) => sameDyad(d, a, b))) pick.appendChild(h("option", { value: `${a}-${b}`, selected: true }, dyadLabel(a, b)));
    const per = h("select", { id: "period-select", "aria-label": t("period"),
      onchange: (e) => go([], { dyad: `${a}-${b}`, period: e.target.value }) },
    ["day", "week", "month"].map((v) => h("option", { value: v, selected: v === period }, t(v))));
    const chartBox = h("div", { class: "chart-box", id: "timeline" });
    const drill = h("section", { class: "drill", id: "drill" }, h("p", { class: "hint" }, t("click_point")));
    ctx.view.append(
      h("div", { class: "toolbar" }, h("h1", null, t("timeline")),
        h("label", null, t("dyad"), " ", pick), h("label", null, t("period"), " ", per),
        link(["events"], { dyad: `${a}-${b}` }, t("all_events"))),
      chartBox, legend(), drill);
    ctx.loading(chartBox);
    const data = await api("series", { a, b, period });
    if (!ctx.live()) return;
    clear(chartBox);
    if (!data.points.length) {
      chartBox.appendChild(state("empty", t("no_series")));
      return;
    }
    chartBox.appendChild(h("p", { class: "summary" }, seriesSummary(data.points)));
    const select = (pt) => {
      chartBox.querySelectorAll("g.pt").forEach((g) => g.classList.toggle("selected", g.dataset.period === pt.period));
      ctx.remember([], { dyad: `${a}-${b}`, period, at: pt.period });
      drillDown(ctx, drill, pt);
    };
    chartBox.appendChild(window.MarsadChart.timeline(data.points, {
      width: chartBox.clientWidth - 8, period, t, onSelect: select, selected: p.at }));
    const chosen = data.points.find((pt) => pt.period === p.at);
    if (chosen) drillDown(ctx, drill, chosen);
  }

  function sameDyad(d, a, b) {
    return (d.a === a && d.b === b) || (d.a === b && d.b === a);
  }

  function seriesSummary(points) {
    const sum = (k) => points.reduce((s, p) => s + p[k], 0);
    const peak = points.reduce((best, p) => (p.escalation > best.escalation ? p : best), points[0]);
    const low = points.reduce((best, p) => (p.escalation < best.escalation ? p : best), points[0]);
    // Numbers and dates are isolated so that they read correctly inside Arabic text.
    const num = (v) => h("bdi", null, String(v));
    return [num(sum("events")), ` ${t("events")} · ${t("cooperation")} `, num(sum("cooperation").toFixed(1)),
      ` · ${t("conflict")} `, num(sum("conflict").toFixed(1)), ` · ${t("peak_escalation")} `,
      num(`${peak.period} (${peak.escalation})`), ` · ${t("peak_calm")} `, num(`${low.period} (${low.escalation})`)];
  }

  function legend() {
    const item = (cls, key) => h("span", { class: "legend-item" }, h("span", { class: "swatch " + cls }), t(key));
    return h("div", { class: "legend", "aria-label": t("legend") },
      item("coop", "cooperation"), item("conf", "conflict"), item("esc", "escalation"));
  }

  async function drillDown(ctx, box, pt) {
    ctx.loading(box);
    try {
      const page = await api("events", { event_ids: pt.event_ids.slice(0, 200).join(","), limit: 500 });
      if (!ctx.live()) return;
      clear(box).append(h("h2", null, `${t("events_of")} ${pt.period} (${pt.events})`),
        page.items.length ? eventTable(page.items) : state("empty", t("empty")));
    } catch (err) {
      if (ctx.live()) ctx.fail(box, err);
    }
  }

  // --- events table with filters ---------------------------------------------------------------
  const FILTERS = ["actor", "dyad", "root", "plover", "modality", "outlet", "date_from", "date_to", "q"];
  const PLOVER = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
    "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"];

  function field(name, label, input) {
    input.name = name;
    input.id = "f-" + name;
    return h("label", { class: "field", for: "f-" + name }, h("span", null, label), input);
  }

  function options(values, current, labelOf) {
    return [h("option", { value: "" }, t("all")),
      ...values.map((v) => h("option", { value: v, selected: v === current }, labelOf ? labelOf(v) : v))];
  }

  function filterForm(ctx, route, fields) {
    const form = h("form", { class: "filters", id: route + "-filters" }, fields,
      h("button", { type: "submit" }, t("filter")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const data = Object.fromEntries(new FormData(form).entries());
      go([route], data);
    });
    return form;
  }

  async function eventsView(ctx) {
    const p = ctx.params;
    const dyads = (await api("dyads", { limit: 50 })).items;
    if (!ctx.live()) return;
    const roots = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, "0"));
    const form = filterForm(ctx, "events", [
      field("actor", t("actor"), h("input", { type: "text", value: p.actor || "", maxlength: 64, size: 8 })),
      field("dyad", t("dyad"), h("select", null, options(dyads.map((d) => `${d.a}-${d.b}`), p.dyad))),
      field("root", t("root"), h("select", null, options(roots, p.root, (r) => `${r} ${(t("cameo_roots") || {})[r] || ""}`))),
      field("plover", "PLOVER", h("select", null, options(PLOVER, p.plover))),
      field("modality", t("modality"), h("select", null,
        options(["asserted", "negated", "future", "hypothetical"], p.modality, t))),
      field("outlet", t("outlet"), h("input", { type: "text", value: p.outlet || "", maxlength: 200 })),
      field("date_from", t("from"), h("input", { type: "date", value: p.date_from || "" })),
      field("date_to", t("to"), h("input", { type: "date", value: p.date_to || "" })),
      field("q", t("text"), h("input", { type: "search", value: p.q || "", maxlength: 200 })),
    ]);
    const results = h("section", { id: "events-results" });
    ctx.view.append(h("h1", null, t("nav_events")), form, results);
    const query = Object.fromEntries(FILTERS.map((k) => [k, p[k]]));
    const show = async (offset) => {
      ctx.loading(results);
      try {
        const page = await api("events", Object.assign({}, query, { limit: PAGE, offset }));
        if (!ctx.live()) return;
        clear(results).append(pager(ctx, page, show),
          page.items.length ? eventTable(page.items) : state("empty", t("empty")));
      } catch (err) {
        if (ctx.live()) ctx.fail(results, err);
      }
    };
    await show(Math.max(0, parseInt(p.offset || "0", 10) || 0));
  }

  // --- statements ----------------------------------------------------------------------------------
  function quoteCard(q) {
    const speaker = q.speaker_entity_id
      ? link(["actor", q.speaker_entity_id], null, q.speaker_text || q.speaker_entity_id)
      : h("span", null, q.speaker_text || t("unresolved"));
    return h("article", { class: "quote-card" },
      h("div", { class: "quote-meta" }, h("strong", { class: "speaker" }, speaker),
        q.speaker_code ? h("code", null, q.speaker_code) : null,
        h("span", { class: "muted" }, ` ${q.verb || ""} · ${t(q.kind || "direct")}`),
        q.via && q.via.length ? h("span", { class: "via" }, ` · ${t("via")} ${q.via.join("، ")}`) : null),
      h("blockquote", { class: "quote-text" }, q.content || ""),
      h("div", { class: "quote-foot" }, h("span", null, `${q.outlet || "—"} · ${q.published || "—"}`), " ",
        link(["doc", q.doc_id], { q: q.idx }, q.title || t("open"))));
  }

  async function quotesView(ctx) {
    const p = ctx.params;
    const speakers = (await api("speakers", { limit: 100 })).items;
    if (!ctx.live()) return;
    const list = h("datalist", { id: "speaker-list" },
      speakers.map((s) => h("option", { value: s.entity_id || s.text }, `${s.text} (${s.statements})`)));
    const form = filterForm(ctx, "quotes", [
      field("speaker", t("speaker"), h("input", { type: "search", list: "speaker-list", value: p.speaker || "", maxlength: 200 })),
      field("outlet", t("outlet"), h("input", { type: "text", value: p.outlet || "", maxlength: 200 })),
      field("date_from", t("from"), h("input", { type: "date", value: p.date_from || "" })),
      field("date_to", t("to"), h("input", { type: "date", value: p.date_to || "" })),
      field("q", t("text"), h("input", { type: "search", value: p.q || "", maxlength: 200 })),
    ]);
    const chips = h("div", { class: "chips" }, speakers.slice(0, 8).map((s) =>
      link(["quotes"], { speaker: s.entity_id || s.text }, `${s.text} (${s.statements})`)));
    const results = h("section", { id: "quotes-results" });
    ctx.view.append(h("h1", null, t("nav_quotes")), form, list, chips, results);
    const query = { speaker: p.speaker, outlet: p.outlet, date_from: p.date_from, date_to: p.date_to, q: p.q };
    const show = async (offset) => {
      ctx.loading(results);
      try {
        const page = await api("statements", Object.assign({}, query, { limit: PAGE, offset }));
        if (!ctx.live()) return;
        clear(results).append(pager(ctx, page, show),
          page.items.length ? h("div", { class: "cards" }, page.items.map(quoteCard)) : state("empty", t("empty")));
      } catch (err) {
        if (ctx.live()) ctx.fail(results, err);
      }
    };
    await show(0);
  }

  function start() {
    applyLang();
    document.getElementById("lang").addEventListener("click", toggleLang);
    document.getElementById("search-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const q = document.getElementById("search").value.trim();
      if (q) go(["search"], { q });
    });
    window.addEventListener("hashchange", render);
    render();
  }

  window.MarsadApp = { t, api, go, eventTable, quoteCard, pager, actorCell, cameoTitle, state };
  document.addEventListener("DOMContentLoaded", start);
})();
