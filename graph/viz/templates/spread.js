/* Labels apart: moves nodes until no two labels (node labels, and the titles written on links) overlap.
   vis-network draws labels on the canvas in network coordinates, so boxes that do not meet there do not
   meet at any zoom where they are drawn. Exposes window.spreadLabels(network, options). */
(function () {
  "use strict";
  // Shapes that draw their label inside themselves; the others draw it underneath.
  var INSIDE = { box: true, ellipse: true, circle: true, database: true, text: true };
  var PAD = 8;          // space kept between two boxes, in network units
  var ROUNDS = 400;

  function nodeBox(node, ctx) {
    node.shape.resize(ctx, false, false);
    var w = node.shape.width, h = node.shape.height;
    if (INSIDE[node.options.shape]) return { l: -w / 2, r: w / 2, t: -h / 2, b: h / 2 };
    // vis-network hangs an outside label half a font size and 4 units below the shape.
    var text = node.labelModule.getTextSize(ctx, false, false), font = node.labelModule.fontOptions.size;
    var half = Math.max(w, h) / 2, wide = Math.max(half, text.width / 2);
    return { l: -wide, r: wide, t: -half, b: half + font / 2 + 4 + text.height };
  }

  function items(network) {
    var body = network.body, ctx = network.canvas.getContext(), byId = {};
    var nodes = body.nodeIndices.map(function (id) {
      var node = body.nodes[id];
      byId[id] = { node: node, box: nodeBox(node, ctx), degree: node.edges.length };
      return byId[id];
    });
    var labels = body.edgeIndices.map(function (id) { return body.edges[id]; }).filter(function (e) {
      return e.options.label && byId[e.fromId] && byId[e.toId] && e.fromId !== e.toId;
    }).map(function (e) {
      var size = e.labelModule.getTextSize(ctx, false, false), a = byId[e.fromId], b = byId[e.toId];
      // The end that moves when this label needs room: the less connected one (a person, not its organization).
      return { edge: true, a: a, b: b, leaf: a.degree <= b.degree ? a : b, w: size.width, h: size.height };
    });
    return { nodes: nodes, labels: labels };
  }

  function boxesOf(found) {
    var out = [];
    found.nodes.forEach(function (it) {
      var x = it.node.x, y = it.node.y, b = it.box;
      out.push({ it: it, l: x + b.l, r: x + b.r, t: y + b.t, b: y + b.b });
    });
    found.labels.forEach(function (it) {
      var x = (it.a.node.x + it.b.node.x) / 2, y = (it.a.node.y + it.b.node.y) / 2;
      out.push({ it: it, l: x - it.w / 2, r: x + it.w / 2, t: y - it.h / 2, b: y + it.h / 2 });
    });
    return out;
  }

  function mover(it) { return it.edge ? it.leaf : it; }

  function shift(it, dx, dy) { it.node.x += dx; it.node.y += dy; }

  // A link's title overlaps one of its own ends: lengthen the link by moving its leaf outwards.
  function lengthen(label, by) {
    var leaf = label.leaf, other = leaf === label.a ? label.b : label.a;
    var dx = leaf.node.x - other.node.x, dy = leaf.node.y - other.node.y, d = Math.hypot(dx, dy) || 1;
    shift(leaf, (dx / d) * by * 2, (dy / d) * by * 2);
  }

  function resolve(p, q, turn) {
    var ox = Math.min(p.r, q.r) - Math.max(p.l, q.l) + PAD + 1, oy = Math.min(p.b, q.b) - Math.max(p.t, q.t) + PAD + 1;
    var a = p.it, b = q.it;
    if (a.edge && !b.edge && (b === a.a || b === a.b)) { lengthen(a, Math.min(ox, oy)); return; }
    if (b.edge && !a.edge && (a === b.a || a === b.b)) { lengthen(b, Math.min(ox, oy)); return; }
    var ma = mover(a), mb = mover(b);
    if (ma === mb) { lengthen(a.edge ? a : b, Math.min(ox, oy)); return; }
    var cxa = (p.l + p.r) / 2, cxb = (q.l + q.r) / 2, cya = (p.t + p.b) / 2, cyb = (q.t + q.b) / 2;
    if (ox < oy) {
      var sx = cxa < cxb || (cxa === cxb && turn % 2) ? -1 : 1;
      shift(ma, sx * ox / 2, 0);
      shift(mb, -sx * ox / 2, 0);
    } else {
      var sy = cya < cyb || (cya === cyb && turn % 2) ? -1 : 1;
      shift(ma, 0, sy * oy / 2);
      shift(mb, 0, -sy * oy / 2);
    }
  }

  function meet(p, q) {
    return p.l < q.r + PAD && q.l < p.r + PAD && p.t < q.b + PAD && q.t < p.b + PAD;
  }

  // One sweep along x: every pair whose boxes meet is pushed apart once. Returns how many met.
  function sweep(found, turn) {
    var boxes = boxesOf(found).sort(function (p, q) { return p.l - q.l; });
    var met = 0, active = [];
    boxes.forEach(function (box) {
      active = active.filter(function (other) { return other.r + PAD > box.l; });
      active.forEach(function (other) {
        if (meet(other, box)) { resolve(other, box, turn + met); met += 1; }
      });
      active.push(box);
    });
    return met;
  }

  /* Spread the nodes the network shows until no labels overlap; at most `max` nodes (larger pictures are
     drawn too small for labels anyway). Returns the number of rounds it took, or -1 when skipped. */
  window.spreadLabels = function (network, options) {
    var max = (options && options.max) || 600;
    if (network.body.nodeIndices.length > max) return -1;
    var found = items(network);
    for (var round = 0; round < ROUNDS; round++) {
      if (!sweep(found, round)) break;
    }
    network.storePositions();
    return round;
  };
})();
