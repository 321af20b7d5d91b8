/* zgc-graph explorer: search, filters, neighbourhood highlight and an evidence panel.
 * Every piece of text from the documents goes through textContent or text nodes: never innerHTML. */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('zgc-data').textContent);
  var PANEL_RELATIONS = 60;          // relations shown at once for a hub; the rest behind a button
  var SEARCH_RESULTS = 12;
  var LABEL_CHARS = 14;                // longer names are shortened on the canvas only
  var FONT = 'Arial, "Liberation Sans", "DejaVu Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", ' +
             '"WenQuanYi Micro Hei", sans-serif';
  var big = data.nodes.length > 1500;
  /* Thousands of edge labels cost more to draw than the edges: large graphs label highlighted edges only. */
  var edgeLabels = data.edges.length <= 1500;

  function $(id) { return document.getElementById(id); }

  /* el('li', {class: 'x'}, child, 'text', …): strings become text nodes. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        var value = attrs[key];
        if (value === undefined || value === null) { return; }
        if (key === 'text') { node.textContent = value; }
        else if (key === 'class') { node.className = value; }
        else if (key.slice(0, 2) === 'on') { node.addEventListener(key.slice(2), value); }
        else { node.setAttribute(key, String(value)); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === undefined || child === null) { continue; }
      node.append(child);
    }
    return node;
  }

  function swatch(cls, size) {
    var ns = 'http://www.w3.org/2000/svg';
    var s = size || 14, h = s / 2;
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', s); svg.setAttribute('height', s);
    svg.setAttribute('class', 'swatch'); svg.setAttribute('aria-hidden', 'true');
    var shape;
    if (cls.shape === 'square') {
      shape = document.createElementNS(ns, 'rect');
      shape.setAttribute('x', 1.5); shape.setAttribute('y', 1.5);
      shape.setAttribute('width', s - 3); shape.setAttribute('height', s - 3);
    } else if (cls.shape === 'diamond' || cls.shape === 'triangle') {
      shape = document.createElementNS(ns, 'polygon');
      var pts = cls.shape === 'diamond'
        ? [[h, 0.5], [s - 0.5, h], [h, s - 0.5], [0.5, h]]
        : [[h, 0.5], [s - 0.5, s - 1.5], [0.5, s - 1.5]];
      shape.setAttribute('points', pts.map(function (p) { return p.join(','); }).join(' '));
    } else {
      shape = document.createElementNS(ns, 'circle');
      shape.setAttribute('cx', h); shape.setAttribute('cy', h); shape.setAttribute('r', h - 1);
    }
    shape.setAttribute('fill', cls.color);
    shape.setAttribute('stroke', shade(cls.color));
    svg.appendChild(shape);
    return svg;
  }

  function shade(hex) {
    var n = parseInt(hex.slice(1), 16);
    var r = Math.round(((n >> 16) & 255) * 0.65), g = Math.round(((n >> 8) & 255) * 0.65),
        b = Math.round((n & 255) * 0.65);
    return '#' + ((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1);
  }

  /* Loose comparison: width, case and pinyin tone marks do not matter. */
  function fold(text) {
    return String(text || '').normalize('NFKC').toLowerCase().normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '');
  }

  // ---------------------------------------------------------------- indexes
  var adjacency = data.nodes.map(function () { return []; });
  data.edges.forEach(function (e) {
    adjacency[e.from].push(e.id);
    if (e.to !== e.from) { adjacency[e.to].push(e.id); }
  });
  var names = data.nodes.map(function (n) {
    var list = [{text: n.label, kind: 0}];
    n.aliases.forEach(function (a) { list.push({text: a, kind: 1}); });
    if (n.pinyin) { list.push({text: n.pinyin, kind: 2}); }
    list.forEach(function (item) { item.key = fold(item.text); });
    return list;
  });
  var classOn = data.classes.map(function () { return true; });
  var predicateOn = data.predicates.map(function () { return true; });

  // ---------------------------------------------------------------- title bar
  $('corpus-title').textContent = data.corpus;
  var countText = data.nodes.length + ' 个实体 · ' + data.edges.length + ' 条关系 · ' +
    data.total.documents + ' 篇文档';
  if (data.nodes.length < data.total.nodes) {
    countText += '（显示 ' + data.nodes.length + ' / 共 ' + data.total.nodes + ' 个实体，' +
      data.total.edges + ' 条关系）';
  }
  $('counts').textContent = countText;
  if (data.nodes.length < data.total.nodes) {
    /* Search and filters only know the entities drawn: say how to draw the others. */
    var shownText = data.limit && data.focus === null
      ? '只显示关联最多的 ' + data.nodes.length + ' 个实体（共 ' + data.total.nodes + ' 个），搜索只查这些实体。'
      : '显示 ' + data.nodes.length + ' / 共 ' + data.total.nodes + ' 个实体，搜索只查这些实体。';
    $('view-note').append(shownText + '其他视图：', el('code', {text: 'zgc-graph html --max-nodes N'}),
      '（关联最多的 N 个）或 ', el('code', {text: 'zgc-graph html --focus 实体名 --depth 2'}), '（一个实体的邻域）');
    $('view-note').hidden = false;
  }
  if (!edgeLabels) { $('size-note').append(' 关系较多：连线的关系名称在选中后显示。'); }

  // ---------------------------------------------------------------- network
  function nodeTooltip(n) {
    var cls = data.classes[n.cls];
    var lines = [n.label, n.sub + ' · ' + cls.label];
    if (n.aliases.length) { lines.push('别名：' + n.aliases.join('、')); }
    if (n.pinyin) { lines.push(n.pinyin); }
    lines.push(adjacency[n.id].length + ' 条关系');
    return lines.join('\n');
  }

  function edgeTooltip(e) {
    var p = data.predicates[e.p];
    return data.nodes[e.from].label + (e.sym ? ' ↔ ' : ' → ') + p.label + (e.sym ? ' ↔ ' : ' → ') +
      data.nodes[e.to].label + '\n' + e.ev.length + ' 条证据';
  }

  /* Long policy titles would cover their neighbours: the canvas shows a shortened name, the tooltip
   * and the panel the whole one. */
  function shortLabel(label) {
    var chars = Array.from(label);
    return chars.length > LABEL_CHARS ? chars.slice(0, LABEL_CHARS - 1).join('') + '…' : label;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {id: n.id, label: shortLabel(n.label), x: n.x, y: n.y, size: n.size, group: data.classes[n.cls].id,
            font: {size: n.font}, title: nodeTooltip(n)};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var item = {id: e.id, from: e.from, to: e.to, title: edgeTooltip(e)};
    if (edgeLabels) { item.label = data.predicates[e.p].label; }
    if (e.sym) { item.arrows = {to: {enabled: false}}; }
    if (e.curve) { item.smooth = {enabled: true, type: e.curve > 0 ? 'curvedCW' : 'curvedCCW', roundness: Math.abs(e.curve)}; }
    return item;
  }));
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return classOn[data.nodes[n.id].cls]; }});
  var edgeView = new vis.DataView(edges, {filter: function (e) { return predicateOn[data.edges[e.id].p]; }});

  var groups = {};
  data.classes.forEach(function (cls) {
    groups[cls.id] = {
      shape: cls.shape,
      color: {background: cls.color, border: shade(cls.color),
              highlight: {background: cls.color, border: '#1a202c'},
              hover: {background: cls.color, border: '#1a202c'}},
    };
  });
  var options = {
    autoResize: true,
    physics: {enabled: false},
    layout: {improvedLayout: false, randomSeed: 1},
    // Selection is ours (see highlight): vis would redraw the canvas before the panel could paint.
    interaction: {hover: false, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big, selectable: false,
                  multiselect: false, navigationButtons: false, keyboard: false, zoomSpeed: 0.8},
    nodes: {borderWidth: 1, borderWidthSelected: 3,
            font: {face: FONT, color: '#1a202c', strokeWidth: 3, strokeColor: '#ffffff'},
            scaling: {label: {enabled: false}}},
    edges: {smooth: false, width: 1, selectionWidth: 2,
            arrows: {to: {enabled: true, scaleFactor: 0.5}},
            color: {color: '#b8c4d3', highlight: '#1a202c', opacity: 1},
            font: {face: FONT, size: 12, color: '#4a5568', strokeWidth: 3, strokeColor: '#ffffff', align: 'middle'}},
    groups: groups,
  };
  var network = new vis.Network($('graph'), {nodes: nodeView, edges: edgeView}, options);

  // vis leaves a tooltip on screen when the pointer leaves the canvas over a node.
  $('graph').addEventListener('mouseleave', function () {
    var tip = $('graph').querySelector('div.vis-tooltip');
    if (tip) { tip.style.visibility = 'hidden'; }
  });

  var readyAt = null;
  network.once('afterDrawing', function () {
    readyAt = performance.now();
    document.body.dataset.state = 'ready';
  });

  // ---------------------------------------------------------------- legend and filters
  data.classes.forEach(function (cls, i) {
    if (!cls.count) { return; }
    var box = el('input', {type: 'checkbox', 'data-class': cls.id});
    box.checked = true;
    box.addEventListener('change', function () { classOn[i] = box.checked; nodeView.refresh(); });
    $('legend').append(el('li', null, el('label', null, box, swatch(cls), el('span', {text: cls.label}),
                                         el('span', {class: 'count', text: String(cls.count)}))));
  });
  data.predicates.forEach(function (p, i) {
    var box = el('input', {type: 'checkbox', 'data-predicate': p.id});
    box.checked = true;
    box.addEventListener('change', function () { predicateOn[i] = box.checked; edgeView.refresh(); });
    $('relation-filters').append(el('li', null, el('label', {title: p.en}, box, el('span', {text: p.label}),
                                                   el('span', {class: 'count', text: String(p.count)}))));
  });

  function showClass(cls) {
    if (classOn[cls]) { return; }
    classOn[cls] = true;
    var box = document.querySelector('input[data-class="' + CSS.escape(data.classes[cls].id) + '"]');
    if (box) { box.checked = true; }
    nodeView.refresh();
  }

  // ---------------------------------------------------------------- selection
  var selected = null;

  function visibleNode(id) { return nodeView.get(id) !== null; }

  function neighbourhood(id) {
    var nodeIds = [id], edgeIds = [];
    adjacency[id].forEach(function (eid) {
      var e = data.edges[eid];
      if (!predicateOn[e.p]) { return; }
      var other = e.from === id ? e.to : e.from;
      if (!visibleNode(other)) { return; }
      edgeIds.push(eid);
      if (nodeIds.indexOf(other) < 0) { nodeIds.push(other); }
    });
    return {nodes: nodeIds, edges: edgeIds};
  }

  /* Redrawing thousands of edges takes longer than a frame: the panel is painted first, the canvas
   * highlight right after it. */
  var pendingHighlight = null;
  var labelled = [];

  function afterPaint(fn) {
    requestAnimationFrame(function () { setTimeout(fn, 0); });
  }

  function highlight(items) {
    var first = pendingHighlight === null;
    pendingHighlight = items;
    if (!first) { return; }
    afterPaint(function () {
      var next = pendingHighlight;
      pendingHighlight = null;
      if (!edgeLabels) {
        var changes = labelled.map(function (id) { return {id: id, label: undefined}; });
        next.edges.forEach(function (id) { changes.push({id: id, label: data.predicates[data.edges[id].p].label}); });
        labelled = next.edges.slice();
        edges.update(changes);
      }
      network.setSelection(next, {unselectAll: true, highlightEdges: false});
    });
  }

  function selectNode(id, focus) {
    var n = data.nodes[id];
    showClass(n.cls);
    if (focus) {
      network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: false});
    }
    selected = {node: id};
    renderNode(n);
    highlight(neighbourhood(id));
  }

  function selectEdge(eid) {
    var e = data.edges[eid];
    selected = {edge: eid};
    renderEdge(e);
    highlight({nodes: [e.from, e.to].filter(visibleNode), edges: [eid]});
  }

  function clearSelection() {
    selected = null;
    $('panel').replaceChildren(el('p', {class: 'hint', text: '点击节点或连线，查看类型、名称、提及文档和每条关系的证据原文。'}));
    highlight({nodes: [], edges: []});
  }

  network.on('click', function (params) {
    var node = network.getNodeAt(params.pointer.DOM);
    var edge = node === undefined ? network.getEdgeAt(params.pointer.DOM) : undefined;
    if (node !== undefined) { selectNode(node, false); }
    else if (edge !== undefined) { selectEdge(edge); }
    else { clearSelection(); }
  });

  // ---------------------------------------------------------------- side panel
  function entityLink(id) {
    var n = data.nodes[id];
    return el('button', {class: 'entity-link', type: 'button', text: n.label, title: n.sub,
                         onclick: function () { selectNode(id, true); }});
  }

  /* The sentence, with the names of `ids` marked: text nodes and <mark> elements only. */
  function markedSentence(text, ids) {
    var terms = [];
    ids.forEach(function (id) {
      if (id === null || id === undefined) { return; }
      names[id].forEach(function (item) { if (item.kind < 2 && item.text) { terms.push(item.text); } });
    });
    terms.sort(function (a, b) { return b.length - a.length; });
    var quote = el('blockquote');
    var at = 0;
    while (at < text.length) {
      var best = -1, term = '';
      terms.forEach(function (t) {
        var found = text.indexOf(t, at);
        if (found >= 0 && (best < 0 || found < best || (found === best && t.length > term.length))) {
          best = found; term = t;
        }
      });
      if (best < 0) { break; }
      if (best > at) { quote.append(text.slice(at, best)); }
      quote.append(el('mark', {text: term}));
      at = best + term.length;
    }
    if (at < text.length) { quote.append(text.slice(at)); }
    return quote;
  }

  function evidenceList(items, ids) {
    var list = el('ol', {class: 'evidence'});
    items.forEach(function (ev) {
      var meta = [];
      var doc = data.documents[ev.d];
      meta.push(doc ? '《' + doc.title + '》' : '（文档未知）');
      if (ev.s !== null && ev.e !== null) { meta.push('字符 ' + ev.s + '–' + ev.e); }
      if (ev.r) { meta.push('规则 ' + ev.r); }
      if (ev.c !== null && ev.c !== undefined) { meta.push('置信度 ' + Number(ev.c).toFixed(2)); }
      list.append(el('li', null, markedSentence(ev.t, ids), el('div', {class: 'meta', text: meta.join(' · ')})));
    });
    if (!items.length) { list.append(el('li', {class: 'meta', text: '（没有证据记录）'})); }
    return list;
  }

  function relationItem(e) {
    var p = data.predicates[e.p];
    var arrow = e.sym ? '↔' : '→';
    var head = el('div', {class: 'rel-head'}, entityLink(e.from),
                  el('span', {class: 'pred', title: p.en, text: arrow + ' ' + p.label + ' ' + arrow}),
                  entityLink(e.to));
    return el('li', {class: 'rel', 'data-edge': e.id}, head, evidenceList(e.ev, [e.from, e.to]));
  }

  function section(title, body) {
    return [el('h3', {text: title}), body];
  }

  function renderNode(n) {
    var cls = data.classes[n.cls];
    var parts = [el('h2', {text: n.label}),
                 el('p', {class: 'type'}, swatch(cls, 16), el('span', {text: n.sub + ' · ' + cls.label}))];
    var nameList = el('ul', {class: 'names'}, el('li', null, n.label, el('span', {class: 'tag', text: '标准名'})));
    n.aliases.forEach(function (a) { nameList.append(el('li', null, a, el('span', {class: 'tag', text: '别名'}))); });
    parts.push.apply(parts, section('名称', nameList));
    if (n.pinyin) { parts.push.apply(parts, section('拼音', el('p', {class: 'pinyin', text: n.pinyin}))); }
    if (n.facts.length) {
      var facts = el('ul', {class: 'facts'});
      n.facts.forEach(function (f) {
        facts.append(el('li', null, el('strong', {text: f.label + '：' + f.value}), evidenceList(f.ev, [n.id])));
      });
      parts.push.apply(parts, section('属性', facts));
    }
    if (n.roles.length) {
      var roles = el('ul', {class: 'roles'});
      n.roles.forEach(function (r) {
        var head = el('div', {class: 'rel-head'}, r.title || '（职务未知）');
        if (r.org !== null && r.org !== undefined) { head.append(' @ ', entityLink(r.org)); }
        else if (r.orgLabel) { head.append(' @ ' + r.orgLabel); }
        roles.append(el('li', {class: 'rel'}, head, evidenceList(r.ev, [n.id, r.org])));
      });
      parts.push.apply(parts, section('职务', roles));
    }
    var docs = el('ul', {class: 'documents'});
    n.docs.forEach(function (d) { docs.append(el('li', {text: data.documents[d].title})); });
    if (!n.docs.length) { docs.append(el('li', {text: '（无）'})); }
    parts.push.apply(parts, section('提及文档（' + n.docs.length + '）', docs));
    var rels = adjacency[n.id].map(function (eid) { return data.edges[eid]; });
    var list = el('ul', {class: 'relations'});
    parts.push.apply(parts, section('关系（' + rels.length + '）', list));
    var shown = 0;
    function more() {
      rels.slice(shown, shown + PANEL_RELATIONS).forEach(function (e) { list.append(relationItem(e)); });
      shown = Math.min(rels.length, shown + PANEL_RELATIONS);
      var button = $('panel').querySelector('button.more');
      if (button) { button.remove(); }
      if (shown < rels.length) {
        $('panel').append(el('button', {class: 'more', type: 'button', text: '显示其余 ' + (rels.length - shown) + ' 条关系',
                                        onclick: more}));
      }
    }
    if (!rels.length) { list.append(el('li', {text: '（无）'})); }
    $('panel').replaceChildren.apply($('panel'), parts);
    more();
    $('panel').scrollTop = 0;
  }

  function renderEdge(e) {
    var p = data.predicates[e.p];
    $('panel').replaceChildren(
      el('h2', {text: p.label + (p.en && p.en !== p.label ? '（' + p.en + '）' : '')}),
      el('ul', {class: 'relations'}, relationItem(e)));
    $('panel').scrollTop = 0;
  }

  // ---------------------------------------------------------------- search
  var results = $('search-results');
  var matches = [];
  var active = 0;

  function search(query) {
    var key = fold(query);
    if (!key) { return []; }
    var found = [];
    names.forEach(function (list, id) {
      var best = null;
      list.forEach(function (item) {
        var rank = item.key === key ? item.kind : item.key.indexOf(key) === 0 ? 3 : item.key.indexOf(key) > 0 ? 4 : -1;
        if (rank >= 0 && (best === null || rank < best.rank)) { best = {rank: rank, via: item}; }
      });
      if (best) { found.push({id: id, rank: best.rank, via: best.via}); }
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || data.nodes[b.id].degree - data.nodes[a.id].degree ||
        (data.nodes[a.id].label < data.nodes[b.id].label ? -1 : 1);
    });
    return found.slice(0, SEARCH_RESULTS);
  }

  function choose(match) {
    results.hidden = true;
    selectNode(match.id, true);
  }

  function showResults() {
    results.replaceChildren();
    matches.forEach(function (m, i) {
      var n = data.nodes[m.id];
      var button = el('button', {type: 'button', role: 'option', class: i === active ? 'active' : '',
                                 onclick: function () { choose(m); }},
                      n.label,
                      m.via.kind ? el('span', {class: 'via', text: '（' + m.via.text + '）'}) : null,
                      el('span', {class: 'kind', text: n.sub}));
      results.append(el('li', null, button));
    });
    if (!matches.length) { results.append(el('li', {class: 'empty', text: '没有找到'})); }
    results.hidden = !$('search').value.trim();
  }

  $('search').addEventListener('input', function () {
    matches = search(this.value);
    active = 0;
    showResults();
  });
  $('search').addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (!matches.length) { matches = search(this.value); }
      if (matches.length) { choose(matches[active] || matches[0]); }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (matches.length) {
        active = (active + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
        showResults();
      }
    } else if (event.key === 'Escape') {
      results.hidden = true;
    }
  });
  document.addEventListener('click', function (event) {
    if (!$('search-box').contains(event.target)) { results.hidden = true; }
  });

  if (data.focus !== null && data.focus !== undefined) {
    selectNode(data.focus, false);
  }

  // ---------------------------------------------------------------- hooks for tests and the benchmark
  window.zgcExplorer = {
    network: network,
    nodes: nodes,
    edges: edges,
    get readyAt() { return readyAt; },
    get selected() { return selected; },
    drawnNodeCount: function () { return Object.keys(network.getPositions()).length; },
    drawnEdgeCount: function () { return edgeView.getIds().filter(function (id) {
      var e = data.edges[id]; return visibleNode(e.from) && visibleNode(e.to); }).length; },
    nodeId: function (label) {
      for (var i = 0; i < data.nodes.length; i++) { if (data.nodes[i].label === label) { return i; } }
      return null;
    },
    /* Bring node `id` into view at a readable scale and return its position on the page. */
    pointOf: function (id, scale) {
      if (scale) { network.focus(id, {scale: scale, animation: false}); }
      var p = network.canvasToDOM(network.getPositions([id])[id]);
      var box = $('graph').getBoundingClientRect();
      return {x: box.left + p.x, y: box.top + p.y};
    },
    /* `count` nodes spread over the list, most connected first: targets for timed clicks. */
    sampleNodes: function (count) {
      var order = data.nodes.map(function (n) { return n.id; })
        .sort(function (a, b) { return data.nodes[b].degree - data.nodes[a].degree || a - b; });
      var step = Math.max(1, Math.floor(order.length / count));
      var out = [];
      for (var i = 0; i < order.length && out.length < count; i += step) { out.push(order[i]); }
      return out;
    },
  };
}());
