"""Node positions for the graph page, computed in Python so the browser only tidies them up."""
from __future__ import annotations

import math

import networkx as nx

Positions = dict[str, tuple[float, float]]

LAYOUT_SEED = 7
# networkx's spring layout needs SciPy from 500 nodes on; larger components are laid out in rings.
SPRING_MAX = 499
SPACING = 70.0  # pixels between neighbouring nodes, roughly
# Past this many nodes on a page, labels are too small to read at the fitted zoom: fewer spring rounds do.
DETAILED_MAX = 600


def spring(H: nx.Graph, seed: int = LAYOUT_SEED, iterations: int = 60) -> Positions:
    """Fruchterman–Reingold positions with a fixed seed, scaled so nodes sit about SPACING apart."""
    if len(H) <= 1:
        return {n: (0.0, 0.0) for n in H}
    pos = nx.spring_layout(H, seed=seed, iterations=iterations, method="force")
    scale = SPACING * math.sqrt(len(H)) / 2
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}


def rings(H: nx.Graph, centre: str) -> Positions:
    """The centre in the middle, the others on rings by their distance from it (H must be connected)."""
    by_depth: dict[int, list[str]] = {}
    for node, depth in nx.single_source_shortest_path_length(H, centre).items():
        by_depth.setdefault(depth, []).append(node)
    pos: Positions = {}
    previous = 0.0
    for depth, ring in sorted(by_depth.items()):
        # Each ring gets enough circumference for its nodes, and lies outside the previous one.
        radius = 0.0 if depth == 0 else max(depth * SPACING * 1.5, len(ring) * SPACING / (2 * math.pi),
                                            previous + SPACING)
        for i, node in enumerate(sorted(ring)):
            angle = 2 * math.pi * i / len(ring) + depth * 0.5
            pos[node] = (radius * math.cos(angle), radius * math.sin(angle))
        previous = radius
    return pos


def _component(H: nx.Graph, centre: str | None, seed: int, iterations: int) -> Positions:
    if centre in H or len(H) > SPRING_MAX:
        return rings(H, centre if centre in H else max(H, key=lambda n: (H.degree(n), n)))
    return spring(H, seed, iterations)


def _pack(layouts: list[Positions]) -> Positions:
    """Components side by side in rows (largest first), so small ones and lone nodes line up below."""
    boxes = []
    for pos in layouts:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        boxes.append((pos, min(xs), min(ys), max(xs) - min(xs) + SPACING, max(ys) - min(ys) + SPACING))
    width = max(max(b[3] for b in boxes), math.sqrt(sum(b[3] * b[4] for b in boxes)) * 1.3)
    out: Positions = {}
    x = y = row = 0.0
    for pos, left, top, w, h in boxes:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for node, (px, py) in pos.items():
            out[node] = (px - left + x, py - top + y)
        x, row = x + w, max(row, h)
    return out


def positions(H: nx.Graph, centre: str | None = None, seed: int = LAYOUT_SEED) -> Positions:
    """Each connected component laid out on its own (rings around `centre`, else a spring layout), then packed."""
    if len(H) == 0:
        return {}
    parts = sorted(nx.connected_components(H), key=lambda p: (-len(p), min(p)))
    iterations = 60 if len(H) <= DETAILED_MAX else 20
    return _pack([_component(H.subgraph(p), centre, seed, iterations) for p in parts])
