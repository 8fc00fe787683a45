// The /sparql query page: examples, running a query over the SPARQL protocol, a results table, download links.
// Text from the store is only ever inserted with textContent, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const editor = $("query");
const examples = JSON.parse($("examples").textContent);

function fillExamples() {
  const select = $("example");
  for (const ex of examples) {
    const option = document.createElement("option");
    option.value = ex.name;
    option.textContent = ex.en ? `${ex.zh} / ${ex.en}` : ex.zh;
    select.appendChild(option);
  }
  select.addEventListener("change", () => {
    const chosen = examples.find((ex) => ex.name === select.value);
    if (chosen) { editor.value = chosen.query; updateLinks(); }
  });
}

function updateLinks() {
  for (const link of document.querySelectorAll(".downloads a")) {
    const params = new URLSearchParams({ query: editor.value, format: link.dataset.format });
    link.href = "/sparql?" + params.toString();
    link.setAttribute("download", "results." + link.dataset.format);
  }
}

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") td.className = "iri";
  td.textContent = term.type === "bnode" ? "_:" + term.value : term.value;
  if (term["xml:lang"]) {
    const lang = document.createElement("span");
    lang.className = "lang";
    lang.textContent = "@" + term["xml:lang"];
    td.appendChild(lang);
  }
  return td;
}

function showTable(doc, target) {
  if ("boolean" in doc) {
    const p = document.createElement("p");
    p.textContent = "ASK → " + doc.boolean;
    target.appendChild(p);
    return 1;
  }
  const vars = doc.head.vars;
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const v of vars) { const th = document.createElement("th"); th.textContent = "?" + v; head.appendChild(th); }
  const body = table.createTBody();
  for (const row of doc.results.bindings) {
    const tr = body.insertRow();
    for (const v of vars) tr.appendChild(cell(row[v]));
  }
  target.appendChild(table);
  return doc.results.bindings.length;
}

async function run() {
  const button = $("run"), status = $("status"), results = $("results"), error = $("error");
  button.disabled = true;
  error.hidden = true;
  results.replaceChildren();
  status.textContent = "运行中 / running…";
  const started = performance.now();
  try {
    const response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
      body: new URLSearchParams({ query: editor.value }),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok) {
      let message = await response.text();
      try { message = JSON.parse(message).detail; } catch (_) { /* plain text */ }
      error.textContent = `${response.status}: ${message}`;
      error.hidden = false;
      status.textContent = `${seconds} s`;
      return;
    }
    let rows;
    if (type.includes("json")) {
      rows = showTable(await response.json(), results);
    } else {
      const pre = document.createElement("pre");
      pre.textContent = await response.text();
      results.appendChild(pre);
      rows = response.headers.get("Dangjian-Rows") || "?";
    }
    status.textContent = `${rows} 行 / rows · ${seconds} s`;
    if (response.headers.get("Dangjian-Truncated")) {
      const note = document.createElement("span");
      note.className = "notice";
      note.textContent = ` · 结果已截断为前 ${response.headers.get("Dangjian-Row-Limit")} 行 / truncated at the row limit`;
      status.appendChild(note);
    }
  } catch (failure) {
    error.textContent = String(failure);
    error.hidden = false;
    status.textContent = "";
  } finally {
    button.disabled = false;
  }
}

fillExamples();
updateLinks();
editor.addEventListener("input", updateLinks);
editor.addEventListener("keydown", (event) => { if (event.key === "Enter" && event.ctrlKey) run(); });
$("run").addEventListener("click", run);
if (editor.value.trim()) run();
