// DOM building blocks. Data only ever reaches the page through textContent and
// setAttribute; nothing here parses HTML, so article text cannot inject markup.
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";

  function append(el, kids) {
    for (const kid of kids.flat(Infinity)) {
      if (kid === null || kid === undefined || kid === false) continue;
      el.appendChild(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return el;
  }

  function setProps(el, props) {
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") el.setAttribute("class", value);
      else if (key === "text") el.textContent = String(value);
      else if (key === "dataset") Object.assign(el.dataset, value);
      else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? "" : String(value));
    }
  }

  /** An HTML element: h("a", {href: "#/", class: "x"}, "child", otherNode). */
  function h(tag, props, ...kids) {
    const el = document.createElement(tag);
    setProps(el, props);
    return append(el, kids);
  }

  /** An SVG element with attributes. */
  function svg(tag, attrs, ...kids) {
    const el = document.createElementNS(SVG_NS, tag);
    setProps(el, attrs);
    return append(el, kids);
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  /** Only http(s) links from data become clickable (no javascript: or data: URLs). */
  function safeUrl(url) {
    if (typeof url !== "string") return null;
    try {
      const u = new URL(url, window.location.href);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** A hash route link such as #/doc/<id>?e=3, with every part URL-encoded. */
  function route(parts, params) {
    const path = "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== null && v !== undefined && v !== "") qs.set(k, String(v));
    }
    const s = qs.toString();
    return s ? path + "?" + s : path;
  }

  function link(parts, params, ...kids) {
    return h("a", { href: route(parts, params) }, ...kids);
  }

  function table(columns, rows, opts) {
    const head = h("tr", null, columns.map((c) => h("th", { scope: "col", class: c.cls }, c.label)));
    const body = rows.map((row) =>
      h("tr", opts && opts.rowClass ? { class: opts.rowClass(row) } : null,
        columns.map((c) => h("td", { class: c.cls }, c.cell(row)))));
    return h("div", { class: "table-wrap" },
      h("table", { class: "data" }, h("thead", null, head), h("tbody", null, body)));
  }

  function state(kind, text) {
    return h("div", { class: "state state-" + kind, role: kind === "error" ? "alert" : "status" }, text);
  }

  // --- in-place highlighting -------------------------------------------------------
  const LAYER_RANK = { ev: 0, quote: 1, ent: 2 };

  function byPosition(a, b) {
    return a.start - b.start || b.end - a.end || LAYER_RANK[a.layer] - LAYER_RANK[b.layer];
  }

  /**
   * Render text[lo, hi) into parent, wrapping annotations in nested spans. An annotation
   * that crosses the end of an enclosing one is split in two, so nesting stays valid and
   * every character keeps every annotation that covers it.
   */
  function paint(parent, text, lo, hi, anns, make) {
    let pos = lo;
    let queue = anns.slice().sort(byPosition);
    while (queue.length) {
      const a = queue.shift();
      const start = Math.max(a.start, pos);
      if (start >= a.end) continue;
      if (start > pos) parent.appendChild(document.createTextNode(text.slice(pos, start)));
      const inner = [];
      const rest = [];
      for (const b of queue) {
        if (b.start >= a.end) rest.push(b);
        else if (b.end <= a.end) inner.push(b);
        else {
          inner.push(Object.assign({}, b, { end: a.end }));
          rest.push(Object.assign({}, b, { start: a.end, piece: (b.piece || 0) + 1 }));
        }
      }
      const el = make(a);
      paint(el, text, start, a.end, inner, make);
      parent.appendChild(el);
      pos = a.end;
      queue = rest.sort(byPosition);
    }
    if (pos < hi) parent.appendChild(document.createTextNode(text.slice(pos, hi)));
  }

  /** Annotations of a record, clipped to its text: {layer, start, end, idx, title, data}. */
  function annotations(rec, titles) {
    const n = (rec.text || "").length;
    const out = [];
    const add = (layer, span, idx, data) => {
      if (!span || typeof span.start !== "number" || typeof span.end !== "number") return;
      const start = Math.max(0, Math.min(n, span.start));
      const end = Math.max(start, Math.min(n, span.end));
      if (end > start) out.push({ layer, start, end, idx, data, title: titles[layer](data) });
    };
    (rec.events || []).forEach((ev, i) => add("ev", ev.evidence, i, ev));
    (rec.quotes || []).forEach((q, i) => add("quote", q.content, i, q));
    (rec.entities || []).forEach((e, i) => (e.mentions || []).forEach((m) => add("ent", m, i, e)));
    return out;
  }

  window.MarsadUI = { h, svg, clear, append, safeUrl, route, link, table, state, paint, annotations };
})();
