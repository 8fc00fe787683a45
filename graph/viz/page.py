"""The interactive graph page: vis-network data from a projection, pyvis options, and the offline HTML."""
from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.network import Network

from dangjian.graph.viz.layout import positions
from dangjian.graph.network.projection import PLACE_CLASSES, simple
from dangjian.graph.viz.page_text import page_lang, text
from dangjian.graph.store import Store
from dangjian.graph.network.style import CLASS_STYLES, style_of
from dangjian.graph.viz.fold import Folding, is_group
from dangjian.graph.viz.select import DEFAULT_CAP, Filters, Selection, focus, overview
from dangjian.graph.viz.timeline import UNIT_CLASSES, timeline

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
# Files the page needs, by the name it asks for: vis-network from pyvis's package, the rest ours.
ASSETS = {
    "vis-network.min.js": VIS_DIR / "vis-network.min.js",
    "vis-network.css": VIS_DIR / "vis-network.css",
    "spread.js": Path(str(resources.files("dangjian.graph.viz"))) / "templates" / "spread.js",
    "graph.js": Path(str(resources.files("dangjian.graph.viz"))) / "templates" / "graph.js",
    "graph.css": Path(str(resources.files("dangjian.graph.viz"))) / "templates" / "graph.css",
}
FILTER_PLACES = ("District", "Zone", "Street")
STABILIZATION_ITERATIONS = 80


def _layout_graph(G: nx.MultiDiGraph, nodes: list[str]) -> nx.Graph:
    """The simple graph to lay out: the drawn entities and their links, group nodes standing alone."""
    H = simple(G.subgraph([n for n in nodes if not is_group(n)]))
    H.add_nodes_from(n for n in nodes if is_group(n))
    return H


def counts_text(counts: dict[str, int], lang: str) -> str:
    """Folded counts as a label line: "12 活动 · 3 品牌机制" ("12 events · 3 programs")."""
    def one(cls: str, n: int) -> str:
        name = style_of(cls).name(lang)
        return f"{n} {name}s" if lang == "en" and n != 1 else f"{n} {name}"
    return " · ".join(one(cls, n) for cls, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def entity_node(G: nx.MultiDiGraph, n: str, lang: str, folded: dict[str, int] | None = None) -> dict:
    """One entity as a vis-network node: class colour and shape, plain-text tooltip, folded counts on a second line."""
    data = G.nodes[n]
    style = style_of(data["type"])
    tip = f"{data['label']}\n{style.name(lang)}" + (f" · {data['date']}" if data.get("date") else "")
    label = data["label"] + (f"\n{counts_text(folded, lang)}" if folded else "")
    return {
        "id": n, "label": label, "name": data["label"], "title": tip, "cls": data["type"],
        "color": style.color, "shape": style.shape,
        "size": round(10 + min(20.0, 3 * math.sqrt(G.degree(n))), 1),
        **_places(data), "date": data.get("date"), "fold": folded or None,
    }


# A node that works in more places than this (a program run all over a city) is kept by every place filter of
# the page rather than carrying the list: its IRIs would outweigh the rest of the page.
PLACES_CAP = 20


def _places(data: dict) -> dict:
    streets, districts = data.get("streets", ()), data.get("districts", ())
    if len(streets) > PLACES_CAP or len(districts) > PLACES_CAP:
        return {}
    return {"streets": sorted(streets), "districts": sorted(districts)}


def group_node(G: nx.MultiDiGraph, group: str, folding: Folding, lang: str) -> dict:
    """A group node: the unlinked entities of one class, labelled with what they are and how many; it has the
    streets and districts of its members, so the place filter keeps it when it keeps them."""
    words, cls = text(lang), folding.groups[group]
    count = sum(folding.counts[group].values())
    name = words.get(f"group_{cls}") or words["group"].format(cls=style_of(cls).name(lang))
    members = folding.members[group]
    return {"id": group, "label": f"{name}\n{count}", "name": name, "title": f"{name}: {count}\n{words['unfold']}",
            "cls": "Group", "groupOf": cls, "color": style_of(cls).color, "shape": "box", "size": 14,
            "fold": {cls: count}, "date": None,
            "streets": sorted(set().union(*(G.nodes[m].get("streets", ()) for m in members))),
            "districts": sorted(set().union(*(G.nodes[m].get("districts", ()) for m in members)))}


def vis_nodes(G: nx.MultiDiGraph, nodes: list[str], lang: str, centre: str | None = None,
              folding: Folding | None = None) -> list[dict]:
    """vis-network node dicts with positions, class colour and shape, and plain-text tooltips."""
    pos = positions(_layout_graph(G, nodes), centre)
    folding = folding or Folding()
    out = []
    for n in nodes:
        counts = folding.counts.get(n)
        node = group_node(G, n, folding, lang) if is_group(n) else entity_node(G, n, lang, counts)
        x, y = pos.get(n, (0.0, 0.0))
        node.update(x=round(x, 1), y=round(y, 1))
        out.append(node)
    return out


def vis_edges(G: nx.MultiDiGraph, nodes: list[str], among: Collection[str] | None = None) -> list[dict]:
    """vis-network edge dicts from `nodes` to any of `among` (default: to each other). The predicate's label
    shows on hover; a post's title (书记, 主任…) is written on the link itself."""
    shown = set(among if among is not None else nodes)
    # No "id": the page makes one from the two ends and the predicate, as it does for links it is sent later.
    return [{"from": u, "to": v, "title": d.get("label", k), "pred": d.get("predicate", k),
             **({"label": d["label"]} if d.get("predicate") == "post" else {})}
            for u in nodes if u in G for v, keyed in G.succ[u].items() if v in shown for k, d in keyed.items()]


def hidden_part(G: nx.MultiDiGraph, drawn: list[str], folding: Folding, lang: str) -> dict:
    """What a click unfolds: the folded nodes (without positions), their links, and each host's members."""
    hidden = folding.hidden()
    universe = set(drawn) | set(hidden)
    drawn_entities = [n for n in drawn if not is_group(n)]
    nodes = [entity_node(G, n, lang) for n in hidden]
    edges = vis_edges(G, hidden, universe) + vis_edges(G, drawn_entities, hidden)
    return {"nodes": nodes, "edges": edges, "members": folding.members}


def legend(G: nx.MultiDiGraph, lang: str) -> list[dict]:
    """One legend entry per class in the graph: name, colour, shape and how many there are."""
    counts = Counter(t for _, t in G.nodes(data="type"))
    return [{"cls": cls, "name": s.name(lang), "color": s.color, "shape": s.shape, "count": counts.get(cls, 0)}
            for cls, s in CLASS_STYLES.items() if counts.get(cls)]


def filter_places(G: nx.MultiDiGraph) -> list[dict]:
    """Streets, districts and zones for the place filter, districts first, by name."""
    rank = {cls: i for i, cls in enumerate(FILTER_PLACES)}
    found = [(rank[t], G.nodes[n]["label"], n, t) for n, t in G.nodes(data="type") if t in rank]
    return [{"iri": n, "label": label, "cls": t} for _, label, n, t in sorted(found)]


def note(selection: Selection, edges: int, lang: str, centre_label: str | None = None) -> str:
    """What is on screen and, when the cap cut, what was left out and how to see it."""
    words = text(lang)
    out = words["focus"].format(label=centre_label, hops=selection.hops) + " " if centre_label else ""
    out += words["shown"].format(shown=len(selection.nodes), total=selection.candidates, edges=edges)
    if selection.truncated:
        sep = ", " if lang == "en" else "、"
        classes = sep.join(f"{style_of(c).name(lang)} {n}" for c, n in
                           sorted(selection.left_out.items(), key=lambda kv: -kv[1]))
        out += " " + words["left_out"].format(cap=selection.cap, classes=classes) + " " + words["see_more"]
    return out


def payload(G: nx.MultiDiGraph, selection: Selection, lang: str = "zh") -> dict:
    """The JSON the page draws: nodes, edges, what a click unfolds, and the note about the cap."""
    lang = page_lang(lang)
    folding = selection.folding or Folding()
    nodes = vis_nodes(G, selection.nodes, lang, selection.centre, folding)
    edges = vis_edges(G, selection.nodes)
    words = note(selection, len(edges), lang, G.nodes[selection.centre]["label"] if selection.centre else None)
    if folding.members:
        words += " " + text(lang)["folded"]
    return {"nodes": nodes, "edges": edges, "hidden": hidden_part(G, selection.nodes, folding, lang),
            "centre": selection.centre, "truncated": selection.truncated,
            "left_out": selection.left_out, "total": selection.candidates, "note": words}


def select(G: nx.MultiDiGraph, *, centre: str | None = None, hops: int = 1, cap: int = DEFAULT_CAP,
           filters: Filters = Filters()) -> Selection:
    """The overview, or the neighbourhood of `centre` when given."""
    if centre is not None:
        return focus(G, centre, hops=hops, cap=cap, filters=filters)
    return overview(G, cap=cap, filters=filters)


def network_options(physics: bool = True) -> dict:
    """vis-network options from pyvis: Barnes–Hut physics that stabilizes briefly, straight edges, hover tooltips."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.barnes_hut(gravity=-1200, central_gravity=0.3, spring_length=50, spring_strength=0.04,
                   damping=0.4, overlap=0.1)
    net.toggle_stabilization(True)
    options = json.loads(net.options.to_json())
    options["physics"]["enabled"] = physics
    options["physics"]["stabilization"].update(iterations=STABILIZATION_ITERATIONS, updateInterval=20, fit=True)
    options["edges"] = {"smooth": False, "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                        "color": {"color": "#a8a8a8", "highlight": "#444444", "hover": "#444444"},
                        "width": 1, "hoverWidth": 1.5, "selectionWidth": 2}
    # Labels stay legible when a few hundred nodes are fitted on screen.
    options["nodes"] = {"font": {"size": 18, "face": "sans-serif"}, "borderWidth": 1,
                        "scaling": {"label": {"drawThreshold": 3}}}
    options["interaction"].update(hover=True, tooltipDelay=120, hideEdgesOnDrag=False, multiselect=False)
    return options


def script_json(value: object) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survive unescaped."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        raw = raw.replace(ch, esc)
    return Markup(raw)


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    folder = Path(str(resources.files("dangjian.graph.viz"))) / "templates"
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True)


def asset_text(name: str) -> str:
    """The text of one page asset (vis-network or our own script and style)."""
    return ASSETS[name].read_text(encoding="utf-8")


@dataclass(frozen=True)
class PageLinks:
    """Where a served page finds its assets and the JSON API; None for a standalone file."""

    static: str = "/graph/static/"
    api: str = "/api"
    page: str = "/graph"


def render_page(data: dict, *, lang: str = "zh", links: PageLinks | None = PageLinks(),
                places: list[dict] | None = None, legend_rows: list[dict] | None = None,
                cards: dict[str, dict] | None = None, hops: int = 1,
                timelines: dict[str, dict] | None = None) -> str:
    """The HTML page around `data` (from `payload`): served with linked assets, or standalone with all inlined."""
    lang = page_lang(lang)
    words = text(lang)
    config = {
        "lang": lang, "text": words, "api": links.api if links else None, "hops": hops,
        "styles": {c: {"color": s.color, "shape": s.shape, "name": s.name(lang)} for c, s in CLASS_STYLES.items()},
        "options": network_options(physics=False), "data": data, "places": places or [], "legend": legend_rows or [],
        "cards": cards, "placeClasses": sorted(PLACE_CLASSES), "timelines": timelines,
    }
    inline = None if links else {name: Markup(asset_text(name)) for name in ASSETS}
    return _templates().get_template("graph.html").render(
        lang=lang, t=words, config=script_json(config), links=links, inline=inline,
        other_lang="en" if lang == "zh" else "zh")


def offline_cards(store: Store, iris: list[str], lang: str = "zh") -> dict[str, dict]:
    """Entity cards (as `/api/entities/{id}` gives them) for a standalone page that has no API to ask."""
    from dangjian.graph.lookup.card import entity_card

    cards = {}
    for iri in iris:
        card = entity_card(store, iri, lang=page_lang(lang))
        if card is not None:
            cards[iri] = card
    return cards


def build_page(G: nx.MultiDiGraph, *, lang: str = "zh", centre: str | None = None, hops: int = 1,
               cap: int = DEFAULT_CAP, filters: Filters = Filters(), links: PageLinks | None = PageLinks(),
               cards: dict[str, dict] | None = None, selection: Selection | None = None) -> str:
    """The graph page for a projection: the overview, or the neighbourhood of `centre` (or `selection`).

    Not run as a docstring example: it needs a projection of loaded articles (tests/graph/viz does).

    >>> html = build_page(project(store), links=None)  # doctest: +SKIP
    """
    chosen = selection or select(G, centre=centre, hops=hops, cap=cap, filters=filters)
    data = payload(G, chosen, lang)
    # A standalone file has no API to ask, so it carries the timelines of the units it can show.
    timelines = None if links else offline_timelines(G, chosen.entities(), lang)
    return render_page(data, lang=lang, links=links, places=filter_places(G), legend_rows=legend(G, lang),
                       cards=cards, hops=hops, timelines=timelines)


def offline_timelines(G: nx.MultiDiGraph, nodes: list[str], lang: str = "zh") -> dict[str, dict]:
    """The timelines of the units among `nodes` that have events, for a standalone page."""
    found = {}
    for n in nodes:
        if G.nodes[n]["type"] in UNIT_CLASSES:
            line = timeline(G, n, page_lang(lang))
            if line["events"]:
                found[n] = line
    return found
