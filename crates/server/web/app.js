// sitrep workbench page. Plain script, no framework, no network beyond this
// server. All document text is put into the page with textContent (never as
// HTML). Offsets from the API are UTF-8 byte offsets: text is sliced on its
// UTF-8 encoding, not on JavaScript (UTF-16) indices.
"use strict";

(function () {
  const COLORS = {
    "Battles": "#d32f2f",
    "Explosions/Remote violence": "#f57c00",
    "Violence against civilians": "#7b1fa2",
    "Protests": "#1976d2",
    "Riots": "#0097a7",
    "Strategic developments": "#388e3c",
  };
  const colorOf = (type) => COLORS[type] || "#616161";
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, cls) => {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };

  let map = null;
  let pins = null;
  let days = [];
  let activeItem = null;

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function filterParams(withDates) {
    const p = new URLSearchParams();
    const put = (key, value) => { if (value && value.trim()) p.set(key, value.trim()); };
    put("q", $("q").value);
    put("type", $("type").value);
    put("actor", $("actor").value);
    put("country", $("country").value);
    if (withDates && days.length) {
      const a = Number($("from").value), b = Number($("to").value);
      const lo = Math.min(a, b), hi = Math.max(a, b);
      if (lo > 0) put("from", days[lo].day);
      if (hi < days.length - 1) put("to", days[hi].day);
    }
    return p;
  }

  function initMap(config) {
    map = L.map("map", { worldCopyJump: true, preferCanvas: false }).setView([25, 20], 3);
    if (config.tiles) {
      L.tileLayer(config.tiles, { maxZoom: 18, attribution: "Tiles: " + new URL(config.tiles.replace(/[{}]/g, "")).host }).addTo(map);
    }
    getJSON("/vendor/countries.geojson").then((world) => {
      const layer = L.geoJSON(world, {
        interactive: false,
        style: { color: "#9e9e9e", weight: 0.7, fillColor: "#f2efe9", fillOpacity: config.tiles ? 0 : 1, className: "country" },
      }).addTo(map);
      layer.bringToBack();
    }).catch(() => {});
    pins = L.layerGroup().addTo(map);
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const box = el("div", null, "legend");
      for (const [type, color] of Object.entries(COLORS)) {
        const row = el("div");
        const swatch = el("span", null, "swatch");
        swatch.style.background = color;
        row.append(swatch, type);
        box.appendChild(row);
      }
      return box;
    };
    legend.addTo(map);
  }

  async function loadDays() {
    days = await getJSON("/api/days?" + filterParams(false));
    const from = $("from"), to = $("to");
    from.max = to.max = String(Math.max(days.length - 1, 0));
    from.value = "0";
    to.value = to.max;
    drawHistogram();
  }

  function drawHistogram() {
    const hist = $("hist");
    hist.replaceChildren();
    const max = days.reduce((m, d) => Math.max(m, d.count), 1);
    const a = Number($("from").value), b = Number($("to").value);
    const lo = Math.min(a, b), hi = Math.max(a, b);
    days.forEach((d, i) => {
      const bar = el("div", null, i >= lo && i <= hi ? "in" : "");
      bar.style.height = Math.max(4, Math.round((100 * d.count) / max)) + "%";
      bar.title = d.day + ": " + d.count;
      hist.appendChild(bar);
    });
    $("range-label").textContent = days.length
      ? "From " + days[lo].day + " to " + days[hi].day
      : "No dated events";
  }

  // When there are more events than one page, only the map's view is loaded.
  let partial = false;

  function viewBox() {
    const b = map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    const west = b.getEast() - b.getWest() >= 360 ? -180 : clamp(b.getWest(), -180, 180);
    const east = b.getEast() - b.getWest() >= 360 ? 180 : clamp(b.getEast(), -180, 180);
    return [west, clamp(b.getSouth(), -90, 90), east, clamp(b.getNorth(), -90, 90)]
      .map((v) => v.toFixed(4)).join(",");
  }

  async function loadEvents() {
    const params = filterParams(true);
    params.set("limit", "2000");
    if (partial) params.set("bbox", viewBox());
    const page = await getJSON("/api/events?" + params);
    pins.clearLayers();
    const list = $("list");
    list.replaceChildren();
    let placed = 0;
    for (const ev of page.items) {
      const item = el("li");
      item.dataset.id = ev.id;
      const swatch = el("span", null, "swatch");
      swatch.style.background = colorOf(ev.event_type);
      item.append(swatch, el("span", ev.sub_event_type || ev.kind, "type"), " ",
        el("span", [ev.date, ev.location, ev.country].filter(Boolean).join(" · "), "when"));
      const who = [ev.actor, ev.target].filter(Boolean).join(" → ");
      if (who) item.append(el("div", who));
      item.addEventListener("click", () => showDetail(ev.id, item));
      list.appendChild(item);
      if (typeof ev.lat === "number" && typeof ev.lon === "number") {
        const radius = 5 + Math.min(8, Math.log2(1 + (ev.fatalities || 0)) * 2);
        const marker = L.circleMarker([ev.lat, ev.lon], {
          radius, color: "#ffffff", weight: 1, fillColor: colorOf(ev.event_type), fillOpacity: 0.85,
          className: "pin",
        });
        marker.bindTooltip((ev.sub_event_type || ev.kind) + (ev.location ? " — " + ev.location : ""));
        marker.on("click", () => showDetail(ev.id, item));
        marker.addTo(pins);
        placed += 1;
      }
    }
    if (!partial && (page.total_capped || page.total > page.items.length)) {
      partial = true;
      map.on("moveend", () => loadEvents().catch(report));
    }
    $("count").textContent = page.total + (page.total_capped ? "+" : "") + " events" +
      (partial ? " in view" : "") +
      (page.total > page.items.length ? " (first " + page.items.length + " shown)" : "") +
      ", " + placed + " on the map";
    document.body.dataset.ready = "1";
  }

  // Document text with the evidence spans wrapped in <mark class="evidence">,
  // and quotes and claims that do not overlap them in <mark class="quote|claim">.
  function renderText(container, text, evidence, others) {
    const bytes = new TextEncoder().encode(text);
    const decode = (a, b) => new TextDecoder().decode(bytes.subarray(a, b));
    const valid = (s) => s.start < s.end && s.end <= bytes.length;
    const overlaps = (a, b) => a.start < b.end && b.start < a.end;
    const marks = evidence.filter(valid).map((s) => ({ start: s.start, end: s.end, cls: "evidence" }));
    for (const o of others.filter(valid)) {
      if (!marks.some((m) => overlaps(m, o))) marks.push(o);
    }
    marks.sort((x, y) => x.start - y.start);
    container.replaceChildren();
    let at = 0;
    for (const m of marks) {
      if (m.start < at) continue;
      container.append(document.createTextNode(decode(at, m.start)));
      const mark = el("mark", decode(m.start, m.end), m.cls);
      if (m.title) mark.title = m.title;
      container.append(mark);
      at = m.end;
    }
    container.append(document.createTextNode(decode(at, bytes.length)));
  }

  function fact(dl, name, value) {
    if (value === null || value === undefined || value === "") return;
    dl.append(el("dt", name), el("dd", value));
  }

  async function showDetail(id, item) {
    const d = await getJSON("/api/events/" + encodeURIComponent(id));
    if (activeItem) activeItem.classList.remove("active");
    activeItem = item || null;
    if (activeItem) activeItem.classList.add("active");
    const doc = d.document;
    $("d-title").textContent = doc.title || doc.id;
    const meta = [doc.source, doc.published, doc.language].filter(Boolean).join(" · ");
    const metaNode = $("d-meta");
    metaNode.replaceChildren(document.createTextNode(meta));
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
      const link = el("a", "source", "");
      link.href = doc.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      metaNode.append(" · ", link);
    }
    const facts = $("d-facts");
    facts.replaceChildren();
    const ev = d.event;
    fact(facts, "Event", ev.acled.event_type + " / " + ev.acled.sub_event_type + " (" + ev.kind + ")");
    fact(facts, "Actor", d.actor);
    fact(facts, "Target", d.target);
    fact(facts, "Where", [d.location, d.admin1, d.country].filter(Boolean).join(", "));
    fact(facts, "When", d.date_end && d.date_end !== d.date ? d.date + " – " + d.date_end : d.date);
    fact(facts, "Fatalities", ev.fatalities);
    fact(facts, "Injured", ev.injured);
    fact(facts, "Weapons", (ev.weapons || []).join(", "));
    fact(facts, "Modality", ev.modality + (ev.attributed_to ? " (" + ev.attributed_to + ")" : ""));
    fact(facts, "Framing", (ev.framing || []).join(", "));
    const others = [
      ...doc.report.quotes.map((q) => ({ start: q.start, end: q.end, cls: "quote", title: "Quote: " + (q.speaker.canonical || q.speaker.text) })),
      ...doc.report.claims.map((c) => ({ start: c.start, end: c.end, cls: "claim", title: "Claim: " + (c.source.canonical || c.source.text) })),
    ];
    renderText($("d-text"), doc.text, d.evidence, others);
    const quotes = $("d-quotes");
    quotes.replaceChildren();
    for (const q of doc.report.quotes) {
      const li = el("li");
      li.append(el("span", q.speaker.canonical || q.speaker.text, "speaker"), ": ",
        el("q", q.text), q.verb ? " (" + q.verb + ")" : "");
      quotes.appendChild(li);
    }
    if (!doc.report.quotes.length) quotes.appendChild(el("li", "none"));
    const claims = $("d-claims");
    claims.replaceChildren();
    for (const c of doc.report.claims) {
      const li = el("li");
      li.append(el("span", c.source.canonical || c.source.text, "speaker"),
        c.marker ? " (" + c.marker + ")" : "", ": ", el("span", c.text));
      claims.appendChild(li);
    }
    if (!doc.report.claims.length) claims.appendChild(el("li", "none"));
    $("detail").hidden = false;
    $("side").scrollTop = 0;
    const mark = $("d-text").querySelector("mark");
    if (mark) $("d-text").scrollTop = Math.max(0, mark.offsetTop - $("d-text").offsetTop - 20);
  }

  function report(error) {
    $("count").textContent = "Error: " + error.message;
  }

  async function start() {
    const config = await getJSON("/api/config");
    initMap(config);
    await loadDays();
    await loadEvents();
    $("filters").addEventListener("submit", (e) => {
      e.preventDefault();
      loadDays().then(loadEvents).catch(report);
    });
    for (const id of ["from", "to"]) {
      $(id).addEventListener("input", drawHistogram);
      $(id).addEventListener("change", () => loadEvents().catch(report));
    }
    $("close").addEventListener("click", () => { $("detail").hidden = true; });
  }

  document.addEventListener("DOMContentLoaded", () => start().catch(report));
})();
