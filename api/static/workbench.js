// The /sparql workbench: YASGUI (served from this server) pointed at this server's endpoint, nothing else.
// Autocompleters that would ask Linked Open Vocabularies for terms are removed; prefix autocompletion offers
// the project's prefixes (dj:, oa:, schema: …) from the page itself (a data: URL, not prefix.cc); a shared
// link's endpoint is ignored, so the page never queries another host.
"use strict";

const endpoint = new URL("/sparql", window.location.href).href;
const examples = JSON.parse(document.getElementById("examples").textContent);
const initial = JSON.parse(document.getElementById("initial").textContent);
const PREFIXES = [
  "PREFIX dj: <https://w3id.org/dangjian/ontology#>",
  "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>",
  "PREFIX oa: <http://www.w3.org/ns/oa#>",
].join("\n");
const STARTER = `${PREFIXES}\n\nSELECT ?community ?name WHERE {\n  ?community a dj:Community ; rdfs:label ?name .\n} LIMIT 20\n`;

function offline(Yasgui) {
  const completers = Yasgui.Yasqe.defaults.autocompleters;
  for (const remote of ["property", "class"]) {
    const at = completers.indexOf(remote);
    if (at >= 0) completers.splice(at, 1);
  }
  Yasgui.Yasqe.defaults.prefixCcApi = "data:application/json," + encodeURIComponent(
    document.getElementById("prefixes").textContent);
}

function start() {
  offline(Yasgui);
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint, method: "POST" },
    endpointCatalogueOptions: { getData: () => [{ endpoint }] },
    copyEndpointOnNewTab: false,
    populateFromUrl: false,  // the server puts a shared link's query= into the page; its endpoint= is not used
    persistenceId: () => "dangjian-sparql-" + window.location.host,
    tabName: "查询 / query",
    yasqe: { value: STARTER },
  });
  for (const id of yasgui.persistentConfig.getTabs()) {  // tabs kept from a server on another address
    const tab = yasgui.getTab(id);
    if (tab && tab.getEndpoint() !== endpoint) tab.setEndpoint(endpoint);
  }
  fillQuestions(yasgui);
  if (initial.trim()) {
    yasgui.addTab(true, { name: "查询 / query", yasqe: { value: initial }, requestConfig: { endpoint } },
                  { avoidDuplicateTabs: true });
    yasgui.getTab().query();
  }
  window.workbench = yasgui;
}

function openQuestion(yasgui, question) {
  const kept = yasgui.persistentConfig.getTabs().find((id) => yasgui.getTab(id)?.getName() === question.zh);
  const tab = kept ? yasgui.getTab(kept)
    : yasgui.addTab(true, { name: question.zh, yasqe: { value: question.query }, requestConfig: { endpoint } });
  yasgui.selectTabId(tab.getId());
  tab.setQuery(question.query);
  tab.query();
}

function fillQuestions(yasgui) {
  const list = document.getElementById("questions");
  for (const question of examples) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.name = question.name;
    button.textContent = question.zh;
    button.addEventListener("click", () => openQuestion(yasgui, question));
    item.appendChild(button);
    if (question.en) {
      const english = document.createElement("small");
      english.textContent = question.en;
      item.appendChild(english);
    }
    list.appendChild(item);
  }
}

start();
