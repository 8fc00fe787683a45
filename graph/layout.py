"""Node positions for the graph page, computed in Python so the browser only tidies them up."""
from __future__ import annotations

import math

import networkx as nx

LAYOUT_SEED = 7
# networkx's spring layout needs SciPy from 500 nodes on; above that a radial layout is used.
SPRING_MAX = 499
SPACING = 70.0  # pixels between neighbouring nodes, roughly


def spring(H: nx.Graph, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Fruchterman–Reingold positions with a fixed seed, scaled so nodes sit about SPACING apart."""
    if len(H) == 0:
        return {}
    pos = nx.spring_layout(H, seed=seed, iterations=60, method="force")
    scale = SPACING * math.sqrt(len(H)) / 2
    return {n: (float(x) * scale, float(y) * scale) for n, (x, y) in pos.items()}


def radial(H: nx.Graph, centre: str | None = None) -> dict[str, tuple[float, float]]:
    """Rings by distance from `centre` (else each component's best-connected node); components side by side."""
    pos: dict[str, tuple[float, float]] = {}
    offset = 0.0
    parts = sorted(nx.connected_components(H), key=len, reverse=True)
    for part in parts:
        root = centre if centre in part else max(part, key=lambda n: (H.degree(n), n))
        rings: dict[int, list[str]] = {}
        for node, depth in nx.single_source_shortest_path_length(H, root).items():
            rings.setdefault(depth, []).append(node)
        radius_max = 0.0
        for depth, ring in sorted(rings.items()):
            # Each ring gets enough circumference for its nodes, and is outside the previous one.
            radius = max(depth * SPACING * 1.5, len(ring) * SPACING / (2 * math.pi)) if depth else 0.0
            radius = max(radius, radius_max + SPACING) if depth else 0.0
            for i, node in enumerate(sorted(ring)):
                angle = 2 * math.pi * i / len(ring) + depth * 0.5
                pos[node] = (offset + radius * math.cos(angle), radius * math.sin(angle))
            radius_max = radius
        offset += 2 * radius_max + SPACING * 2
    return pos


def positions(H: nx.Graph, centre: str | None = None, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Spring layout when it is cheap (under 500 nodes, no centre), else rings around the centre."""
    if centre is None and len(H) <= SPRING_MAX:
        return spring(H, seed)
    return radial(H, centre)
