// SVG charts drawn by hand: the dyad timeline, the mediator network, role timelines.
"use strict";

(function () {
  const { svg } = window.MarsadUI;
  const DAY = 86400000;
  const STEP = { day: 1, week: 7, month: 30.5 };

  function dayNumber(iso) {
    return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
  }

  function fmt(x) {
    return (Math.round(x * 100) / 100).toString();
  }

  /**
   * The dyad timeline. Top panel: cooperation bars above the axis, conflict below.
   * Bottom panel: the escalation index (-1..1) as a line, conflict side up.
   * opts: {width, period, t (i18n), onSelect(point), selected (period string)}.
   */
  function timeline(points, opts) {
    const W = Math.max(480, opts.width || 900);
    const H = 360;
    const m = { l: 48, r: 16 };
    const top = { y0: 22, y1: 206 };
    const esc = { y0: 236, y1: 326 };
    const step = STEP[opts.period] || 1;
    const xs = points.map((p) => dayNumber(p.period));
    const lo = Math.min(...xs) - step / 2;
    const hi = Math.max(...xs) + step / 2;
    const px = (W - m.l - m.r) / Math.max(hi - lo, step);
    const x = (d) => m.l + (d - lo) * px;
    const barW = Math.max(3, Math.min(30, px * step * 0.7));
    const peak = Math.max(1, ...points.map((p) => Math.max(p.cooperation, p.conflict)));
    const mid = (top.y0 + top.y1) / 2;
    const half = (top.y1 - top.y0) / 2 - 4;
    const escMid = (esc.y0 + esc.y1) / 2;
    const escY = (v) => escMid - v * ((esc.y1 - esc.y0) / 2);

    const root = svg("svg", { class: "chart timeline", viewBox: `0 0 ${W} ${H}`, width: W, height: H,
      role: "img", "aria-label": opts.t("timeline") });
    root.appendChild(svg("rect", { class: "band-coop", x: m.l, y: top.y0, width: W - m.l - m.r, height: half + 4 }));
    root.appendChild(svg("rect", { class: "band-conf", x: m.l, y: mid, width: W - m.l - m.r, height: half + 4 }));
    root.appendChild(svg("line", { class: "axis", x1: m.l, x2: W - m.r, y1: mid, y2: mid }));
    root.appendChild(svg("text", { class: "axis-label", x: m.l - 6, y: top.y0 + 12, "text-anchor": "end" }, "+" + fmt(peak)));
    root.appendChild(svg("text", { class: "axis-label", x: m.l - 6, y: top.y1, "text-anchor": "end" }, "−" + fmt(peak)));
    root.appendChild(svg("text", { class: "panel-label coop", x: m.l, y: top.y0 - 7 }, "▲ " + opts.t("cooperation")));
    root.appendChild(svg("text", { class: "panel-label conf", x: m.l, y: top.y1 + 16 }, "▼ " + opts.t("conflict")));
    drawEscalationFrame(root, W, m, esc, escY, opts.t);

    const linePts = [];
    points.forEach((p, i) => {
      const cx = x(xs[i]);
      const hc = (p.cooperation / peak) * half;
      const hk = (p.conflict / peak) * half;
      const g = svg("g", { class: "pt" + (p.period === opts.selected ? " selected" : ""), dataset: { period: p.period } });
      if (hc > 0) g.appendChild(svg("rect", { class: "bar coop", x: cx - barW / 2, y: mid - hc, width: barW, height: hc }));
      if (hk > 0) g.appendChild(svg("rect", { class: "bar conf", x: cx - barW / 2, y: mid, width: barW, height: hk }));
      const y = escY(p.escalation);
      linePts.push(`${cx.toFixed(1)},${y.toFixed(1)}`);
      g.appendChild(svg("circle", { class: "esc-pt " + (p.escalation > 0 ? "up" : "down"), cx, cy: y, r: 4 }));
      const hit = svg("rect", { class: "hit", x: cx - Math.max(barW, 12) / 2, y: top.y0, width: Math.max(barW, 12),
        height: esc.y1 - top.y0, tabindex: 0, role: "button", "aria-label": p.period },
      svg("title", null, summary(p, opts.t)));
      const pick = () => opts.onSelect && opts.onSelect(p);
      hit.addEventListener("click", pick);
      hit.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
      g.appendChild(hit);
      root.appendChild(g);
    });
    root.insertBefore(svg("polyline", { class: "esc-line", points: linePts.join(" ") }), root.querySelector("g.pt"));
    // Date labels need about 80 px each: skip a label that would touch the previous one.
    let lastX = -Infinity;
    points.forEach((p, i) => {
      const tx = x(xs[i]);
      if (tx - lastX < 80) return;
      lastX = tx;
      root.appendChild(svg("text", { class: "tick", x: tx, y: H - 14, "text-anchor": "middle" }, p.period));
    });
    return root;
  }

  function drawEscalationFrame(root, W, m, esc, escY, t) {
    root.appendChild(svg("rect", { class: "band-conf", x: m.l, y: esc.y0, width: W - m.l - m.r, height: escY(0) - esc.y0 }));
    root.appendChild(svg("rect", { class: "band-coop", x: m.l, y: escY(0), width: W - m.l - m.r, height: esc.y1 - escY(0) }));
    root.appendChild(svg("line", { class: "axis", x1: m.l, x2: W - m.r, y1: escY(0), y2: escY(0) }));
    root.appendChild(svg("text", { class: "axis-label", x: m.l - 6, y: esc.y0 + 10, "text-anchor": "end" }, "+1"));
    root.appendChild(svg("text", { class: "axis-label", x: m.l - 6, y: escY(0) + 4, "text-anchor": "end" }, "0"));
    root.appendChild(svg("text", { class: "axis-label", x: m.l - 6, y: esc.y1, "text-anchor": "end" }, "−1"));
    root.appendChild(svg("text", { class: "panel-label esc", x: W - m.r, y: esc.y0 - 14, "text-anchor": "end" }, t("escalation") + " ↑ " + t("escalating")));
  }

  function summary(p, t) {
    return `${p.period} · ${p.events} ${t("events")} · ${t("cooperation")} ${fmt(p.cooperation)} · ` +
      `${t("conflict")} ${fmt(p.conflict)} · ${t("escalation")} ${fmt(p.escalation)}`;
  }

  /** Mediator network: mediators inside, parties on an outer ring, edges weighted by events. */
  function network(data, opts) {
    const W = Math.max(420, opts.width || 700);
    const H = 420;
    const cx = W / 2;
    const cy = H / 2;
    const mediators = [...new Set(data.edges.map((e) => e.mediator))];
    const parties = data.nodes.filter((n) => !mediators.includes(n));
    const pos = {};
    ring(mediators, mediators.length > 1 ? 70 : 0, 70, cx, cy, pos);
    ring(parties, W / 2 - 90, H / 2 - 60, cx, cy, pos);
    const weight = {};
    const root = svg("svg", { class: "chart network", viewBox: `0 0 ${W} ${H}`, width: W, height: H,
      role: "img", "aria-label": opts.t("mediators") });
    const maxN = Math.max(1, ...data.edges.map((e) => e.events));
    for (const e of data.edges) {
      const w = 1.5 + 6 * Math.sqrt(e.events / maxN);
      const title = `${e.mediator} · ${opts.t("between")} ${e.source || "?"} — ${e.target || "?"} · ${e.events} ${opts.t("events")}`;
      for (const end of [e.source, e.target]) {
        if (!end || !pos[end]) continue;
        weight[end] = (weight[end] || 0) + e.events;
        root.appendChild(svg("line", { class: "edge", x1: pos[e.mediator][0], y1: pos[e.mediator][1],
          x2: pos[end][0], y2: pos[end][1], "stroke-width": w.toFixed(1) }, svg("title", null, title)));
      }
      if (e.source && e.target && pos[e.source] && pos[e.target]) {
        root.appendChild(svg("line", { class: "edge-pair", x1: pos[e.source][0], y1: pos[e.source][1],
          x2: pos[e.target][0], y2: pos[e.target][1] }));
      }
      weight[e.mediator] = (weight[e.mediator] || 0) + e.events;
    }
    for (const node of [...parties, ...mediators]) {
      const [nx, ny] = pos[node];
      const r = 9 + 4 * Math.sqrt(weight[node] || 1);
      const g = svg("g", { class: "node " + (mediators.includes(node) ? "mediator" : "party"), tabindex: 0, role: "button" },
        svg("circle", { cx: nx, cy: ny, r }),
        svg("text", { x: nx, y: ny + r + 14, "text-anchor": "middle" }, node),
        svg("title", null, `${node} · ${weight[node] || 0} ${opts.t("mediated_events")}`));
      if (opts.onSelect) g.addEventListener("click", () => opts.onSelect(node));
      root.appendChild(g);
    }
    return root;
  }

  // An ellipse, starting on the left so that two parties face each other across the mediator.
  function ring(names, rx, ry, cx, cy, pos) {
    names.forEach((n, i) => {
      const a = Math.PI + (2 * Math.PI * i) / Math.max(1, names.length);
      pos[n] = [cx + rx * Math.cos(a), cy + (names.length > 1 ? ry : 0) * Math.sin(a)];
    });
  }

  /** Roles over time as horizontal bars (ongoing roles run to today). */
  function roles(list, opts) {
    const W = Math.max(360, opts.width || 600);
    const rowH = 26;
    const H = 30 + rowH * list.length;
    const toDay = (v, end) => dayNumber(v.length === 4 ? v + (end ? "-12-31" : "-01-01")
      : v.length === 7 ? v + (end ? "-28" : "-01") : v);
    const today = Date.now() / DAY;
    const spans = list.map((r) => [toDay(r.start, false), r.end ? toDay(r.end, true) : today]);
    const lo = Math.min(...spans.map((s) => s[0]));
    const hi = Math.max(...spans.map((s) => s[1]), lo + 1);
    const x = (d) => 8 + ((d - lo) / (hi - lo)) * (W - 16);
    const root = svg("svg", { class: "chart roles", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img",
      "aria-label": opts.t("roles") });
    list.forEach((r, i) => {
      const [a, b] = spans[i];
      const y = 6 + i * rowH;
      root.appendChild(svg("rect", { class: "role-bar" + (r.end ? "" : " ongoing"), x: x(a), y, width: Math.max(4, x(b) - x(a)), height: rowH - 8 },
        svg("title", null, `${r.office} · ${r.code} · ${r.start} – ${r.end || "…"}`)));
      root.appendChild(svg("text", { class: "role-label", x: x(a) + 4, y: y + rowH - 13 }, `${r.code} · ${r.office}`));
    });
    root.appendChild(svg("text", { class: "tick", x: 8, y: H - 4 }, new Date(lo * DAY).toISOString().slice(0, 4)));
    root.appendChild(svg("text", { class: "tick", x: W - 8, y: H - 4, "text-anchor": "end" }, new Date(hi * DAY).toISOString().slice(0, 4)));
    return root;
  }

  window.MarsadChart = { timeline, network, roles };
})();
