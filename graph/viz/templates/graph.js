/* The graph page: draws the network, searches, focuses on neighbourhoods, expands nodes, filters, shows cards.
   Text from the graph only ever reaches the page through textContent, never as HTML. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("graph-config").textContent);
  var T = config.text;
  var API = config.api;            // null in a standalone file: everything comes from config
  var CAP = 300;
  var ID_BASES = ["https://w3id.org/dangjian/id/", "https://w3id.org/dangjian/article/"];
  var $ = function (id) { return document.getElementById(id); };

  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var hiddenClasses = new Set();
  var filter = { place: "", from: "", to: "" };
  var mode = { focus: null };
  var folds = { members: {}, nodes: {}, edges: [], open: {} };  // what a click unfolds, and what is unfolded

  function fmt(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  }

  function dateStart(value) {
    if (!value) return "";
    var parts = String(value).slice(0, 10).split("-");
    return parts[0] + "-" + (parts[1] || "01") + "-" + (parts[2] || "01");
  }

  function keep(node) {
    if (hiddenClasses.has(node.cls) || hiddenClasses.has(node.groupOf)) return false;
    if (filter.place && node.id !== filter.place && node.streets &&
        node.streets.indexOf(filter.place) < 0 && (node.districts || []).indexOf(filter.place) < 0) return false;
    if (node.cls === "Event" && (filter.from || filter.to)) {
      var day = dateStart(node.date);
      if (!day || (filter.from && day < filter.from) || (filter.to && day > filter.to)) return false;
    }
    return true;
  }

  var view = new vis.DataView(nodes, { filter: keep });
  var network = new vis.Network($("network"), { nodes: view, edges: edges }, config.options);

  // ---- state signals (the browser test and people both read them) ----
  function setState(state) {
    document.body.dataset.state = state;
    $("network").dataset.nodes = String(view.length);
  }
  // After a short physics pass, up to this many nodes are pulled apart until no labels overlap; larger
  // pictures are drawn too small for their labels at the fitted zoom anyway.
  var SPREAD_MAX = 600;
  var wantFit = false;

  // Physics leaves a round picture; the canvas is wide. Stretching it sideways before the labels are pulled apart
  // lets the fitted picture use the width, so the labels are drawn larger.
  function widen() {
    var pos = network.getPositions(), ids = Object.keys(pos);
    if (ids.length < 3) return;
    var xs = ids.map(function (id) { return pos[id].x; }), ys = ids.map(function (id) { return pos[id].y; });
    var w = Math.max.apply(null, xs) - Math.min.apply(null, xs) || 1, h = Math.max.apply(null, ys) - Math.min.apply(null, ys) || 1;
    var box = $("network").getBoundingClientRect();
    var k = Math.min(2, (box.width / Math.max(1, box.height)) / (w / h));
    if (k <= 1.05) return;
    var cx = (Math.max.apply(null, xs) + Math.min.apply(null, xs)) / 2;
    // Straight on the body: moveNode would schedule a redraw per node.
    ids.forEach(function (id) { network.body.nodes[id].x = cx + (pos[id].x - cx) * k; });
  }

  function done() {
    network.setOptions({ physics: { enabled: false } });
    if (view.length <= SPREAD_MAX && wantFit) widen();
    window.graphSpreadRounds = window.spreadLabels(network, { max: SPREAD_MAX });
    if (wantFit) network.fit();
    wantFit = false;
    window.graphStableAt = performance.now();  // ms since the page was requested (bench/bench_viz.py reads it)
    setState("stable");
  }
  network.on("stabilizationIterationsDone", done);

  // Positions arrive laid out, so physics only tidies up: fewer rounds for bigger graphs keeps it quick.
  function rounds() {
    var most = config.options.physics.stabilization.iterations;
    return Math.max(15, Math.min(most, Math.round(20000 / Math.max(1, nodes.length))));
  }

  function settle(fit) {
    setState("settling");
    wantFit = fit;
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(rounds());
  }

  // ---- turning data into vis nodes and edges ----
  function styled(raw) {
    var cls = raw.cls || raw.type || "Other";
    var style = config.styles[cls] || { color: "#bbbbbb", shape: "dot", name: cls };
    var label = raw.label || raw.id || raw.iri;
    var node = {
      id: raw.id && raw.id.indexOf("://") > 0 ? raw.id : (raw.iri || raw.id), label: label, cls: cls,
      name: raw.name || label, color: raw.color || style.color, shape: raw.shape || style.shape, size: raw.size || 14,
      title: raw.title || label + "\n" + style.name + (raw.date ? " · " + raw.date : ""),
      streets: raw.streets, districts: raw.districts, date: raw.date || null,
      fold: raw.fold || null, groupOf: raw.groupOf || null
    };
    if (cls === "Group") {
      node.color = { background: "#ffffff", border: raw.color, highlight: { background: "#f4f4f4", border: raw.color } };
      node.shapeProperties = { borderDashes: [5, 4] };
      node.borderWidth = 2;
    }
    if (typeof raw.x === "number") { node.x = raw.x; node.y = raw.y; }
    return node;
  }

  function edgeOf(link) {
    var from = link.from || link.source, to = link.to || link.target;
    var pred = link.pred || link.predicate || "";
    var edge = { id: link.id || from + "|" + pred + "|" + to, from: from, to: to, title: link.title || link.label || pred };
    if (pred === "post" && (link.label || link.title)) edge.label = link.label || link.title;  // 书记, 主任… on the link
    if (link.dashes) edge.dashes = true;
    return edge;
  }

  function show(data) {
    nodes.clear();
    edges.clear();
    var hidden = data.hidden || { nodes: [], edges: [], members: {} };
    folds = { members: hidden.members || {}, nodes: {}, edges: hidden.edges || [], open: {} };
    hidden.nodes.forEach(function (n) { folds.nodes[n.id] = n; });
    nodes.add(data.nodes.map(styled));
    edges.add(data.edges.map(edgeOf));
    $("note").textContent = data.note || "";
    settle(true);
  }

  // ---- folding: a click on a unit shows its events and programs around it, a second click folds them ----
  function heldOpen(member, except) {
    return Object.keys(folds.open).some(function (host) {
      return host !== except && folds.members[host].indexOf(member) >= 0;
    });
  }

  function unfold(host) {
    var origin = network.getPosition(host);
    var fresh = folds.members[host].filter(function (id) { return !nodes.get(id) && folds.nodes[id]; });
    // Outwards from the middle of the picture, so the members land beside their unit, not on the crowd.
    var centre = network.getViewPosition(), away = Math.atan2(origin.y - centre.y, origin.x - centre.x);
    var radius = 110 + fresh.length * 8;
    nodes.add(fresh.map(function (id, i) {
      var angle = away + (fresh.length > 1 ? (i / (fresh.length - 1) - 0.5) * Math.min(Math.PI * 1.6, fresh.length * 0.5) : 0);
      return styled(Object.assign({}, folds.nodes[id], { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) }));
    }));
    var present = function (id) { return nodes.get(id) !== null; };
    edges.update(folds.edges.filter(function (e) { return present(e.from) && present(e.to); }).map(edgeOf));
    if (host.indexOf("group:") === 0) {
      edges.update(folds.members[host].map(function (id) {
        return { id: host + "|member|" + id, from: host, to: id, dashes: true, title: T.members };
      }).map(edgeOf));
    }
    folds.open[host] = true;
  }

  function foldBack(host) {
    var gone = folds.members[host].filter(function (id) { return !heldOpen(id, host); });
    delete folds.open[host];
    nodes.remove(gone);
    edges.remove(edges.getIds({ filter: function (e) { return !nodes.get(e.from) || !nodes.get(e.to); } }));
  }

  function toggleFold(host) {
    if (!folds.members[host] || !folds.members[host].length) return false;
    if (folds.open[host]) foldBack(host); else unfold(host);
    window.spreadLabels(network);
    setState("stable");
    return true;
  }

  // Rings around the centre by hop, so the browser starts from a readable picture.
  function ringPositions(list, centre, origin) {
    var rings = {};
    list.forEach(function (n) { (rings[n.hop || 0] = rings[n.hop || 0] || []).push(n); });
    Object.keys(rings).forEach(function (hop) {
      var ring = rings[hop], h = Number(hop);
      var radius = h === 0 ? 0 : Math.max(h * 160, ring.length * 70 / (2 * Math.PI));
      ring.forEach(function (n, i) {
        var angle = 2 * Math.PI * i / ring.length + h * 0.5;
        n.x = origin.x + radius * Math.cos(angle);
        n.y = origin.y + radius * Math.sin(angle);
      });
    });
    return list;
  }

  // ---- talking to the API (or to the data embedded in a standalone file) ----
  function localId(iri) {
    for (var i = 0; i < ID_BASES.length; i++) {
      if (iri.indexOf(ID_BASES[i]) === 0) return iri.slice(ID_BASES[i].length);
    }
    return iri;
  }

  function entityPath(iri) {
    return API + "/entities/" + localId(iri).split("/").map(encodeURIComponent).join("/");
  }

  function getJSON(url, body) {
    var init = body ? { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) } : {};
    return fetch(url, init).then(function (r) {
      if (!r.ok) return r.text().then(function (t) { throw new Error(r.status + " " + t.slice(0, 200)); });
      return r.json();
    });
  }

  function fail(err) {
    $("note").textContent = T.error + err.message;
    setState("stable");
  }

  function localNeighbourhood(centre, hops) {
    var all = config.data, hop = {}, frontier = [centre];
    hop[centre] = 0;
    for (var h = 1; h <= hops; h++) {
      var next = [];
      all.edges.forEach(function (e) {
        [[e.from, e.to], [e.to, e.from]].forEach(function (pair) {
          if (frontier.indexOf(pair[0]) >= 0 && !(pair[1] in hop)) { hop[pair[1]] = h; next.push(pair[1]); }
        });
      });
      frontier = next;
    }
    return {
      nodes: all.nodes.filter(function (n) { return n.id in hop; }).map(function (n) {
        return Object.assign({}, n, { hop: hop[n.id] });
      }),
      links: all.edges.filter(function (e) { return e.from in hop && e.to in hop; }),
      graph: { truncated: false }
    };
  }

  function neighbourhood(iri, hops) {
    if (!API) return Promise.resolve(localNeighbourhood(iri, hops));
    return getJSON(entityPath(iri) + "/neighbourhood?hops=" + hops + "&limit=" + CAP);
  }

  // Streets, districts and dates of nodes that came from the neighbourhood route, for the filters.
  function withContext(list) {
    if (!API || !list.length) return Promise.resolve(list);
    return getJSON(API + "/graph/nodes", { ids: list.map(function (n) { return n.iri || n.id; }) })
      .then(function (ctx) {
        return list.map(function (n) { return Object.assign({}, n, ctx[n.iri || n.id] || { streets: [], districts: [] }); });
      });
  }

  function focusOn(iri) {
    var hops = Number($("hops").value);
    setState("loading");
    hideSuggestions();
    return neighbourhood(iri, hops).then(function (nb) {
      var list = ringPositions(nb.nodes.map(function (n) { return Object.assign({}, n); }), iri, { x: 0, y: 0 });
      return withContext(list).then(function (full) {
        var centre = full.filter(function (n) { return (n.iri || n.id) === iri; })[0];
        var label = centre ? centre.label : iri;
        var note = fmt(T.focus, { label: label, hops: hops });
        if (nb.graph && nb.graph.truncated) note += " " + fmt(T.truncated, { n: full.length });
        mode.focus = iri;
        show({ nodes: full, edges: nb.links, note: note });
        network.selectNodes([iri]);
        openCard(iri);
      });
    }).catch(fail);
  }

  function expand(iri) {
    setState("loading");
    neighbourhood(iri, 1).then(function (nb) {
      var fresh = nb.nodes.filter(function (n) { return !nodes.get(n.iri || n.id); });
      var origin = network.getPosition(iri);
      fresh.forEach(function (n, i) {
        var angle = 2 * Math.PI * i / Math.max(1, fresh.length);
        var radius = 120 + fresh.length * 6;
        n.x = origin.x + radius * Math.cos(angle);
        n.y = origin.y + radius * Math.sin(angle);
      });
      return withContext(fresh).then(function (full) {
        nodes.add(full.map(styled));
        edges.update(nb.links.map(edgeOf));
        settle(false);
      });
    }).catch(fail);
  }

  function overviewQuery() {
    var q = ["lang=" + config.lang];
    if (filter.place) q.push("place=" + encodeURIComponent(filter.place));
    if (filter.from) q.push("from=" + filter.from);
    if (filter.to) q.push("to=" + filter.to);
    var shown = config.legend.map(function (l) { return l.cls; }).filter(function (c) { return !hiddenClasses.has(c); });
    if (hiddenClasses.size) q.push("types=" + shown.join(","));
    return q.join("&");
  }

  function loadOverview() {
    mode.focus = null;
    if (!API) { show(config.data); return; }
    setState("loading");
    getJSON(API + "/graph/overview?" + overviewQuery()).then(show).catch(fail);
  }

  // ---- the side panel ----
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function entityLink(term) {
    if (!term.iri) return el("span", term.value !== undefined ? term.value : "");
    var a = el("a", term.label || term.id || term.iri, "entity");
    a.href = "#";
    a.title = term.iri;
    a.addEventListener("click", function (ev) { ev.preventDefault(); focusOn(term.iri); });
    return a;
  }

  function safeHref(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function renderCard(card) {
    var box = $("card");
    box.textContent = "";
    var style = config.styles[card.type] || { name: card.type || "" };
    box.appendChild(el("h2", card.label || card.iri));
    box.appendChild(el("div", style.name, "cls"));
    var facts = el("dl");
    if (card.alt_labels && card.alt_labels.length) {
      facts.appendChild(el("dt", T.alt_labels));
      facts.appendChild(el("dd", card.alt_labels.join("、")));
    }
    if (card.codes && card.codes.length) {
      facts.appendChild(el("dt", T.codes));
      facts.appendChild(el("dd", card.codes.join("、")));
    }
    (card.properties || []).forEach(function (p) {
      facts.appendChild(el("dt", (p.predicate && p.predicate.label) || ""));
      var dd = el("dd");
      (p.values || []).forEach(function (v, i) {
        if (i) dd.appendChild(document.createTextNode("、"));
        dd.appendChild(entityLink(v));
      });
      facts.appendChild(dd);
    });
    if (facts.childNodes.length) { box.appendChild(el("h3", T.properties)); box.appendChild(facts); }
    if (card.incoming && card.incoming.length) {
      box.appendChild(el("h3", T.incoming));
      var inc = el("dl");
      card.incoming.forEach(function (p) {
        inc.appendChild(el("dt", ((p.predicate && p.predicate.label) || "") + " (" + p.count + ")"));
        var dd = el("dd");
        (p.subjects || []).slice(0, 30).forEach(function (s, i) {
          if (i) dd.appendChild(document.createTextNode("、"));
          dd.appendChild(entityLink(s));
        });
        inc.appendChild(dd);
      });
      box.appendChild(inc);
    }
    box.appendChild(el("h3", T.sources));
    if (!card.sources || !card.sources.length) box.appendChild(el("p", T.no_sources));
    (card.sources || []).forEach(function (s) {
      var item = el("div", null, "source");
      var title = el(API ? "a" : "strong", s.title || s.id || s.article);
      if (API) title.href = API + "/articles/" + (s.id || localId(s.article)).split("/").map(encodeURIComponent).join("/");
      item.appendChild(title);
      var meta = el("div", [s.date, s.source].filter(Boolean).join(" · "), "meta");
      var href = safeHref(s.url);
      if (href) {
        var link = el("a", T.open_article);
        link.href = href;
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        meta.appendChild(document.createTextNode(" "));
        meta.appendChild(link);
      }
      item.appendChild(meta);
      (s.evidence || []).forEach(function (sentence) { item.appendChild(el("blockquote", sentence)); });
      box.appendChild(item);
    });
    if (!API) box.appendChild(el("p", T.offline_card, "meta"));
  }

  function groupCard(id) {
    var box = $("card"), node = nodes.get(id) || {};
    box.textContent = "";
    box.appendChild(el("h2", node.name || id));
    box.appendChild(el("div", (config.styles[node.groupOf] || {}).name || "", "cls"));
    box.appendChild(el("h3", T.members));
    var list = el("ul", null, "members");
    (folds.members[id] || []).forEach(function (member) {
      var raw = folds.nodes[member] || {};
      var li = el("li");
      li.appendChild(entityLink({ iri: member, label: raw.name || raw.label }));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function openCard(iri) {
    $("panel").hidden = false;
    if (iri.indexOf("group:") === 0) { groupCard(iri); return; }
    showTimeline(iri);
    if (!API) {
      var card = (config.cards || {})[iri];
      var node = nodes.get(iri) || {};
      renderCard(card || { iri: iri, label: node.label, type: node.cls, sources: [] });
      return;
    }
    $("card").textContent = T.loading;
    getJSON(entityPath(iri) + "?lang=" + config.lang).then(renderCard).catch(function (err) {
      $("card").textContent = T.error + err.message;
    });
  }

  // ---- the timeline strip: the focused unit's events along their dates ----
  function timelineOf(iri) {
    if (!API) return Promise.resolve((config.timelines || {})[iri] || null);
    return getJSON(API + "/graph/timeline?lang=" + config.lang + "&focus=" + encodeURIComponent(iri));
  }

  function renderTimeline(tl) {
    var list = $("timeline");
    list.textContent = "";
    $("timeline-title").textContent = fmt(tl.events.length ? T.timeline : T.timeline_empty,
                                          { label: tl.label, n: tl.events.length + (tl.more || 0) }) +
      (tl.more ? " " + fmt(T.timeline_more, { n: tl.events.length }) : "");
    var year = null;
    tl.events.forEach(function (ev) {
      var shown = ev.day ? ev.day.slice(0, 4) : T.no_date;
      if (shown !== year) { year = shown; list.appendChild(el("li", year, "year")); }
      var li = el("li", null, "event");
      li.dataset.iri = ev.id;
      li.dataset.date = ev.day || "";
      li.appendChild(el("time", ev.date ? ev.date : T.no_date));
      var a = el("a", ev.label);
      a.href = "#";
      a.title = [ev.label, ev.role].filter(Boolean).join(" · ");
      a.addEventListener("click", function (e) {
        e.preventDefault();
        if (nodes.get(ev.id)) network.selectNodes([ev.id]);
        openCard(ev.id);
      });
      li.appendChild(a);
      list.appendChild(li);
    });
    $("timeline-strip").dataset.unit = tl.id;
  }

  function showTimeline(iri) {
    timelineOf(iri).then(function (tl) {
      if (tl && tl.cls !== "Event") renderTimeline(tl);
    }).catch(function (err) { $("timeline-title").textContent = T.error + err.message; });
  }

  // ---- search with suggestions ----
  var suggestions = [], active = -1, timer = null;

  function hideSuggestions() {
    $("suggestions").hidden = true;
    suggestions = [];
    active = -1;
  }

  function hitsFrom(result) {
    return Array.isArray(result) ? result : (result.results || result.items || result.hits || []);
  }

  function search(q) {
    if (!API) {
      var low = q.toLowerCase();
      return Promise.resolve(config.data.nodes.filter(function (n) {
        return n.label.toLowerCase().indexOf(low) >= 0;
      }).slice(0, 10).map(function (n) {
        return { iri: n.id, label: n.label, description: (config.styles[n.cls] || {}).name };
      }));
    }
    return getJSON(API + "/entities?q=" + encodeURIComponent(q) + "&limit=10").then(hitsFrom);
  }

  function showSuggestions(hits) {
    var list = $("suggestions");
    list.textContent = "";
    suggestions = hits;
    active = hits.length ? 0 : -1;
    if (!hits.length) list.appendChild(el("li", T.no_results));
    hits.forEach(function (hit, i) {
      var li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === active ? "true" : "false");
      li.dataset.iri = hit.iri;
      li.appendChild(el("span", hit.label, "label"));
      if (hit.description) li.appendChild(el("span", hit.description, "desc"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      list.appendChild(li);
    });
    list.hidden = false;
  }

  function choose(i) {
    var hit = suggestions[i];
    if (!hit) return;
    $("search").value = hit.label;
    focusOn(hit.iri);
  }

  $("search").addEventListener("input", function () {
    var q = this.value.trim();
    clearTimeout(timer);
    if (!q) { hideSuggestions(); return; }
    timer = setTimeout(function () { search(q).then(showSuggestions).catch(fail); }, 150);
  });
  $("search").addEventListener("keydown", function (ev) {
    var items = $("suggestions").querySelectorAll("li[role=option]");
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!items.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === active ? "true" : "false"); });
    } else if (ev.key === "Escape") {
      hideSuggestions();
    }
  });
  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (active >= 0) choose(active);
  });
  $("search").addEventListener("blur", function () { setTimeout(hideSuggestions, 150); });

  // ---- legend and filters ----
  function buildLegend() {
    var list = $("legend");
    config.legend.forEach(function (row) {
      var li = el("li");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.id = "class-" + row.cls;
      box.dataset.cls = row.cls;
      box.addEventListener("change", function () {
        if (box.checked) hiddenClasses.delete(row.cls); else hiddenClasses.add(row.cls);
        applyFilters();
      });
      var swatch = el("span", null, "swatch " + row.shape);
      swatch.style.background = row.color;
      var label = el("label", row.name);
      label.htmlFor = box.id;
      li.appendChild(box);
      li.appendChild(swatch);
      li.appendChild(label);
      li.appendChild(el("span", row.count, "count"));
      list.appendChild(li);
    });
    config.places.forEach(function (p) {
      var option = el("option", p.label + " · " + ((config.styles[p.cls] || {}).name || p.cls));
      option.value = p.iri;
      $("place").appendChild(option);
    });
  }

  // A date as yyyy-mm-dd whatever way it was typed (2023-7-1, 2023/07/01, 2023年7月1日, 20230701);
  // "" when empty, null when it is no date.
  function isoDate(text) {
    var t = String(text || "").trim();
    if (!t) return "";
    var m = t.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/) || t.match(/^(\d{4})(\d{2})(\d{2})$/);
    if (!m) return null;
    var iso = m[1] + "-" + ("0" + m[2]).slice(-2) + "-" + ("0" + m[3]).slice(-2);
    var d = new Date(iso + "T00:00:00Z");
    return !isNaN(d) && d.toISOString().slice(0, 10) === iso ? iso : null;
  }

  function readDate(id) {
    var box = $(id), iso = isoDate(box.value);
    box.setAttribute("aria-invalid", iso === null ? "true" : "false");
    if (iso !== null) box.value = iso;
    return iso;
  }

  function applyFilters() {
    var from = readDate("date-from"), to = readDate("date-to");
    $("date-error").hidden = from !== null && to !== null;
    if (from === null || to === null) return;
    filter.place = $("place").value;
    filter.from = from;
    filter.to = to;
    if (API && !mode.focus) { loadOverview(); return; }
    view.refresh();
    setState("stable");
  }

  ["place", "date-from", "date-to"].forEach(function (id) { $(id).addEventListener("change", applyFilters); });
  $("reset").addEventListener("click", function () {
    hiddenClasses.clear();
    document.querySelectorAll("#legend input").forEach(function (b) { b.checked = true; });
    $("place").value = "";
    $("date-from").value = "";
    $("date-to").value = "";
    $("date-error").hidden = true;
    applyFilters();
  });
  $("overview").addEventListener("click", loadOverview);
  $("panel-close").addEventListener("click", function () { $("panel").hidden = true; });
  network.on("click", function (p) {
    if (p.nodes.length !== 1) return;
    toggleFold(p.nodes[0]);
    openCard(p.nodes[0]);
  });
  network.on("doubleClick", function (p) { if (p.nodes.length === 1) expand(p.nodes[0]); });

  // ---- start ----
  $("hops").value = String(config.hops || 1);
  buildLegend();
  mode.focus = config.data.centre || null;
  show(config.data);
  if (mode.focus) { network.selectNodes([mode.focus]); openCard(mode.focus); }
  window.graphPage = { network: network, nodes: nodes, edges: edges, view: view, focusOn: focusOn, expand: expand,
                       folds: function () { return folds; }, isoDate: isoDate };
})();
