/* nnsweep report.html: sortable and filterable tables, the explore view (parallel coordinates of the cells,
   brushing, colour by a score, a selected cell's numbers and curves), parameter importance bars, chart tooltips.
   Plain JavaScript, no library, no request to the network. Everything from the study (names, values) reaches the
   page through textContent and setAttribute only, never as markup. Without JavaScript the page is complete. */
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); });
  var SVGNS = ['http:', '', 'www.w3.org', '2000', 'svg'].join('/');

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    setAll(e, attrs);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    setAll(e, attrs);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function setAll(e, attrs) {
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, String(attrs[k])); });
  }
  function title(parent, text) { parent.appendChild(svg('title', null, text)); }

  /** A number for people: 4 significant digits, exponent form for very small or large values. */
  function fmt(v) {
    if (v === null || v === undefined) return '\u2013';
    if (typeof v !== 'number') return String(v);
    if (v === 0) return '0';
    var a = Math.abs(v);
    if (a >= 1e5 || a < 1e-3) return v.toExponential(2);
    return String(parseFloat(v.toPrecision(4)));
  }

  // ------------------------------------------------------------------------------------------ tables

  /** Leaf header cells of a table with their column index (colspan and rowspan of grouped headers resolved). */
  function leafHeaders(table) {
    var rows = table.tHead ? table.tHead.rows : [];
    var taken = [];
    var leaves = [];
    for (var r = 0; r < rows.length; r++) {
      var col = 0;
      taken[r] = taken[r] || [];
      for (var c = 0; c < rows[r].cells.length; c++) {
        var th = rows[r].cells[c];
        while (taken[r][col]) col++;
        var cs = th.colSpan || 1;
        var rs = th.rowSpan || 1;
        for (var i = 0; i < rs; i++) {
          taken[r + i] = taken[r + i] || [];
          for (var j = 0; j < cs; j++) taken[r + i][col + j] = true;
        }
        if (cs === 1) leaves.push({ th: th, col: col });
        col += cs;
      }
    }
    return leaves;
  }

  /** A cell's sort key: its leading number when it has one (87% [82%, 91%] -> 87, 1,200 -> 1200), else its text. */
  function sortKey(text) {
    var t = text.trim().replace(/\u2212/g, '-');
    var m = /^-?\d[\d,]*(\.\d+)?(e[-+]?\d+)?/i.exec(t);
    if (m) return { num: parseFloat(m[0].replace(/,/g, '')) };
    if (t === '\u2013' || t === '') return { none: true };
    if (t === '\u221e') return { num: Infinity };
    return { text: t.toLowerCase() };
  }

  function compareKeys(a, b) {
    if (a.none || b.none) return (a.none ? 1 : 0) - (b.none ? 1 : 0);
    if (a.num !== undefined && b.num !== undefined) return a.num - b.num;
    if (a.num !== undefined) return -1;
    if (b.num !== undefined) return 1;
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  }

  function enhanceTable(table, n) {
    var body = table.tBodies[0];
    if (!body) return;
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (r, i) { r.dataset.order = i; r.dataset.first = r.classList.contains('first') ? '1' : ''; });
    var leaves = leafHeaders(table);
    var caption = table.getAttribute('data-name') || 'table';
    leaves.forEach(function (leaf) {
      var th = leaf.th;
      th.setAttribute('aria-sort', 'none');
      th.setAttribute('tabindex', '0');
      th.classList.add('sortable');
      th.title = 'Sort by this column (click again: descending, a third time: original order)';
      var go = function () { sortBy(table, leaves, leaf); };
      th.addEventListener('click', go);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); }
      });
    });
    var bar = el('div', { 'class': 'tablebar' });
    var id = 'filter-' + n;
    var label = el('label', { 'for': id }, 'Filter rows: ');
    var input = el('input', { type: 'search', id: id, placeholder: 'text in any cell', 'aria-label': 'Filter the rows of the ' + caption });
    var count = el('span', { 'class': 'count', 'aria-live': 'polite' });
    bar.appendChild(label);
    bar.appendChild(input);
    bar.appendChild(count);
    var holder = table.parentNode.classList.contains('scroll') ? table.parentNode : table;
    holder.parentNode.insertBefore(bar, holder);
    var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    function filter() {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (r, i) {
        var on = q === '' || texts[i].indexOf(q) >= 0;
        r.hidden = !on;
        if (on) shown++;
      });
      count.textContent = q === '' ? rows.length + ' rows' : shown + ' of ' + rows.length + ' rows';
    }
    input.addEventListener('input', filter);
    table.nnsweepFilter = function (q) { input.value = q; filter(); };
    filter();
  }

  function sortBy(table, leaves, leaf) {
    var state = leaf.th.getAttribute('aria-sort');
    var next = state === 'ascending' ? 'descending' : state === 'descending' ? 'none' : 'ascending';
    leaves.forEach(function (l) { l.th.setAttribute('aria-sort', 'none'); });
    leaf.th.setAttribute('aria-sort', next);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (r) {
      var cell = r.cells[leaf.col];
      return { row: r, key: sortKey(cell ? cell.textContent : ''), order: +r.dataset.order };
    });
    keyed.sort(function (a, b) {
      if (next === 'none') return a.order - b.order;
      var c = compareKeys(a.key, b.key);
      if (next === 'descending' && !(a.key.none || b.key.none)) c = -c;
      return c || a.order - b.order;
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (k) {
      k.row.classList.toggle('first', next === 'none' && k.row.dataset.first === '1');
      frag.appendChild(k.row);
    });
    body.appendChild(frag);
  }

  // ------------------------------------------------------------------------------------------ explore

  var PALETTE = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  function colour(t) {
    if (t === null || isNaN(t)) return '#b9c0c8';
    t = Math.max(0, Math.min(1, t)) * (PALETTE.length - 1);
    var i = Math.min(PALETTE.length - 2, Math.floor(t));
    var f = t - i;
    var c = PALETTE[i].map(function (v, k) { return Math.round(v + f * (PALETTE[i + 1][k] - v)); });
    return 'rgb(' + c.join(',') + ')';
  }

  function distinct(values) {
    var seen = new Map();
    values.forEach(function (v) { if (v !== null) seen.set(v, true); });
    return Array.from(seen.keys());
  }

  /** An axis's scale: value -> 0 (bottom) .. 1 (top); null values map to null (drawn below the axis). */
  function scaleOf(column, values) {
    var levels = distinct(values);
    var numeric = column.type === 'num';
    if (!numeric || levels.length <= 12) {
      levels.sort(numeric ? function (a, b) { return a - b; } : function (a, b) { return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0; });
      var pos = new Map();
      levels.forEach(function (v, i) { pos.set(v, levels.length === 1 ? 0.5 : i / (levels.length - 1)); });
      return {
        kind: 'ordinal', levels: levels,
        at: function (v) { return v === null ? null : pos.has(v) ? pos.get(v) : null; },
        ticks: levels.map(function (v) { return { v: v, t: pos.get(v) }; })
      };
    }
    var min = Math.min.apply(null, levels);
    var max = Math.max.apply(null, levels);
    var log = min > 0 && max / min > 50;
    var f = log ? Math.log10 : function (x) { return x; };
    var lo = f(min);
    var hi = f(max);
    var at = function (v) { return v === null ? null : hi === lo ? 0.5 : (f(v) - lo) / (hi - lo); };
    var ticks = [];
    for (var i = 0; i <= 4; i++) {
      var x = lo + (hi - lo) * i / 4;
      ticks.push({ v: log ? Math.pow(10, x) : x, t: i / 4 });
    }
    return { kind: log ? 'log' : 'linear', at: at, ticks: ticks, min: min, max: max };
  }

  function explore(data, root) {
    var cols = data.columns;
    var rows = data.rows;
    var index = {};
    cols.forEach(function (c, i) { index[c.name] = i; });
    var curvesByRow = {};
    (data.curves || []).forEach(function (c) { (curvesByRow[c.row] = curvesByRow[c.row] || []).push(c); });
    var candidates = cols.filter(function (c) {
      if (c.role === 'detail') return false;
      var d = distinct(rows.map(function (r) { return r[index[c.name]]; }));
      return c.role === 'score' ? d.length >= 1 : d.length > 1;
    });
    // the sweep's axes first, then the scores
    candidates = candidates.filter(function (c) { return c.role === 'axis'; })
      .concat(candidates.filter(function (c) { return c.role === 'score'; }));
    var scores = cols.filter(function (c) { return c.role === 'score'; });
    var shown = {};
    // a mean_X score starts hidden when median_X is there too (fewer, more robust axes); any can be shown
    candidates.forEach(function (c) {
      shown[c.name] = !(/^mean_/.test(c.name) && index['median_' + c.name.slice(5)] !== undefined);
    });
    var brushes = {};
    var selected = -1;
    var medians = scores.filter(function (c) { return /^median_/.test(c.name); });
    var colourBy = medians.length ? medians[0].name : scores.length ? scores[0].name : null;

    var controls = el('div', { 'class': 'controls' });
    var colourLabel = el('label', null, 'Colour by ');
    var colourSelect = el('select', { 'aria-label': 'Colour the lines by a score' });
    scores.forEach(function (s) { colourSelect.appendChild(el('option', { value: s.name }, s.name)); });
    if (colourBy !== null) colourSelect.value = colourBy;
    colourLabel.appendChild(colourSelect);
    controls.appendChild(colourLabel);
    var reset = el('button', { type: 'button' }, 'Clear brushes');
    controls.appendChild(reset);
    var count = el('span', { 'class': 'count', 'aria-live': 'polite' });
    controls.appendChild(count);
    var axisBoxes = el('details', { 'class': 'axes' });
    axisBoxes.appendChild(el('summary', null, 'Axes shown'));
    candidates.forEach(function (c) {
      var l = el('label');
      var box = el('input', { type: 'checkbox' });
      box.checked = shown[c.name];
      box.addEventListener('change', function () { shown[c.name] = box.checked; delete brushes[c.name]; draw(); });
      l.appendChild(box);
      l.appendChild(document.createTextNode(' ' + c.name + ' '));
      axisBoxes.appendChild(l);
    });
    root.appendChild(controls);
    root.appendChild(axisBoxes);
    var chartBox = el('div', { 'class': 'pc', id: 'explore-chart' });
    root.appendChild(chartBox);
    var legend = el('div', { 'class': 'legend' });
    root.appendChild(legend);
    var detail = el('div', { 'class': 'detail', id: 'explore-detail' });
    detail.appendChild(el('p', { 'class': 'note' }, 'Click a line to see its cell\u2019s numbers and training curves.'));
    root.appendChild(detail);

    var paths = [];
    var scales = {};
    // measured once (and on resize): reading a width lays out the whole page, slow beside a table of many rows
    var width = 0;
    var axes = [];
    var H = 300;
    var top = 58;
    var left = 70;
    var step = 0;

    function visibleRow(i) {
      for (var name in brushes) {
        var b = brushes[name];
        var t = scales[name].at(rows[i][index[name]]);
        if (t === null || t < b[0] || t > b[1]) return false;
      }
      return true;
    }

    function restyle() {
      var cIdx = colourBy === null ? -1 : index[colourBy];
      var cScale = cIdx < 0 ? null : scaleOf(cols[cIdx], rows.map(function (r) { return r[cIdx]; }));
      var n = 0;
      for (var i = 0; i < rows.length; i++) {
        var on = visibleRow(i);
        if (on) n++;
        var p = paths[i];
        if (!p) continue;
        p.setAttribute('stroke', on ? colour(cScale ? cScale.at(rows[i][cIdx]) : 0.5) : '#d5dae0');
        p.setAttribute('stroke-opacity', on ? (rows.length > 2000 ? 0.35 : 0.8) : 0.25);
        p.setAttribute('stroke-width', i === selected ? 3.5 : 1.4);
        p.classList.toggle('off', !on);
        p.classList.toggle('selected', i === selected);
      }
      if (selected >= 0 && paths[selected]) paths[selected].parentNode.appendChild(paths[selected]);
      count.textContent = n + ' of ' + rows.length + ' cells within the brushes';
      legend.textContent = '';
      if (cScale) {
        var lsvg = svg('svg', { width: 320, height: 34, role: 'img', 'aria-label': 'colour scale of ' + colourBy });
        for (var k = 0; k < 40; k++) lsvg.appendChild(svg('rect', { x: 10 + k * 6, y: 4, width: 6.5, height: 12, fill: colour(k / 39) }));
        var lowLabel = cScale.kind === 'ordinal' ? cScale.levels[0] : cScale.min;
        var highLabel = cScale.kind === 'ordinal' ? cScale.levels[cScale.levels.length - 1] : cScale.max;
        lsvg.appendChild(svg('text', { x: 10, y: 30, 'font-size': 11 }, fmt(lowLabel)));
        lsvg.appendChild(svg('text', { x: 250, y: 30, 'font-size': 11, 'text-anchor': 'end' }, fmt(highLabel)));
        lsvg.appendChild(svg('text', { x: 258, y: 14, 'font-size': 11 }, colourBy + (cScale.kind === 'log' ? ' (log)' : '')));
        legend.appendChild(lsvg);
      }
      root.setAttribute('data-visible', n);
    }

    function draw() {
      axes = candidates.filter(function (c) { return shown[c.name]; });
      chartBox.textContent = '';
      paths = [];
      if (!width) width = Math.max(640, chartBox.clientWidth || root.clientWidth || 1000);
      step = axes.length > 1 ? (width - left - 60) / (axes.length - 1) : 0;
      var s = svg('svg', { width: width, height: H + top + 40, role: 'img', 'class': 'pcsvg',
        'aria-label': 'Parallel coordinates: one line per cell over ' + axes.map(function (a) { return a.name; }).join(', ') });
      scales = {};
      axes.forEach(function (c) { scales[c.name] = scaleOf(c, rows.map(function (r) { return r[index[c.name]]; })); });
      var y = function (t) { return t === null ? top + H + 16 : top + H * (1 - t); };
      var lines = svg('g', { 'class': 'lines', fill: 'none' });
      var frag = document.createDocumentFragment();
      var many = rows.length > 3000;
      rows.forEach(function (r, i) {
        var d = '';
        axes.forEach(function (c, k) {
          d += (k ? 'L' : 'M') + (left + k * step).toFixed(1) + ',' + y(scales[c.name].at(r[index[c.name]])).toFixed(1);
        });
        var p = svg('path', { d: d, 'data-row': i });
        if (!many) title(p, describe(i));
        p.addEventListener('click', function () { select(i); });
        paths.push(p);
        frag.appendChild(p);
      });
      lines.appendChild(frag);
      s.appendChild(lines);
      axes.forEach(function (c, k) {
        var x = left + k * step;
        var g = svg('g', { 'class': 'axis', 'data-axis': c.name });
        g.appendChild(svg('line', { x1: x, x2: x, y1: top, y2: top + H, stroke: '#33414f' }));
        var sc = scales[c.name];
        var stagger = step < 130 && k % 2 ? 14 : 0;
        var name = svg('text', { x: x, y: top - 40 + stagger, 'text-anchor': 'middle', 'font-size': 12, 'font-weight': 600 }, c.name);
        g.appendChild(name);
        g.appendChild(svg('text', { x: x, y: top - 8, 'text-anchor': 'middle', 'font-size': 10, fill: '#66717c' },
          c.role === 'score' ? 'score' + (sc.kind === 'log' ? ', log' : '') : sc.kind === 'log' ? 'log' : ''));
        var ticks = sc.ticks;
        var every = Math.max(1, Math.ceil(ticks.length / 12));
        ticks.forEach(function (tk, j) {
          if (j % every) return;
          g.appendChild(svg('line', { x1: x - 4, x2: x, y1: y(tk.t), y2: y(tk.t), stroke: '#33414f' }));
          var label = svg('text', { x: x - 7, y: y(tk.t) + 4, 'text-anchor': 'end', 'font-size': 10 }, fmt(tk.v));
          g.appendChild(label);
        });
        var brush = brushes[c.name];
        if (brush) {
          g.appendChild(svg('rect', { x: x - 9, y: y(brush[1]), width: 18, height: Math.max(2, y(brush[0]) - y(brush[1])),
            'class': 'brush', fill: '#3b5f80', 'fill-opacity': 0.25, stroke: '#3b5f80' }));
        }
        var hit = svg('rect', { x: x - 12, y: top - 4, width: 24, height: H + 8, fill: 'transparent', 'class': 'hit',
          'data-axis': c.name });
        title(hit, 'Drag along the axis to keep only the cells in a range; click to clear');
        brushable(hit, c.name);
        g.appendChild(hit);
        s.appendChild(g);
      });
      chartBox.appendChild(s);
      restyle();
    }

    function brushable(hit, name) {
      var start = null;
      var toT = function (evt) {
        var box = hit.ownerSVGElement.getBoundingClientRect();
        var py = evt.clientY - box.top;
        return Math.max(0, Math.min(1, 1 - (py - top) / H));
      };
      hit.addEventListener('pointerdown', function (evt) {
        start = toT(evt);
        if (hit.setPointerCapture) hit.setPointerCapture(evt.pointerId);
        evt.preventDefault();
      });
      hit.addEventListener('pointerup', function (evt) {
        if (start === null) return;
        var end = toT(evt);
        if (Math.abs(end - start) < 0.01) delete brushes[name];
        else brushes[name] = [Math.min(start, end), Math.max(start, end)];
        start = null;
        draw();
      });
    }

    function describe(i) {
      var r = rows[i];
      return axes.concat(scores.filter(function (s) { return !shown[s.name]; })).map(function (c) {
        return c.name + ' = ' + fmt(r[index[c.name]]);
      }).join(', ');
    }

    function select(i) {
      selected = i;
      restyle();
      detail.textContent = '';
      var r = rows[i];
      detail.appendChild(el('h3', null, 'Selected cell'));
      var t = el('table', { 'class': 'kv' });
      cols.forEach(function (c, k) {
        if (r[k] === null) return;
        var tr = el('tr');
        tr.appendChild(el('th', null, c.name));
        tr.appendChild(el('td', { 'class': 'num' }, typeof r[k] === 'number' ? fmt(r[k]) : r[k]));
        t.appendChild(tr);
      });
      detail.appendChild(t);
      var curves = curvesByRow[i] || [];
      if (curves.length) {
        detail.appendChild(curveChart(curves));
      } else {
        detail.appendChild(el('p', { 'class': 'note' }, 'No training curves on the page for this cell: the page '
          + 'keeps the curves of the networks the charts draw (best, median and worst of the best hidden size and of '
          + 'no hidden layer); curves.csv holds every recorded curve.'));
      }
    }

    colourSelect.addEventListener('change', function () { colourBy = colourSelect.value; restyle(); });
    reset.addEventListener('click', function () { brushes = {}; draw(); });
    draw();
    var resizeTimer = null;
    window.addEventListener('resize', function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { width = 0; draw(); }, 200);
    });
    return {
      brush: function (name, lo, hi) { brushes[name] = [lo, hi]; draw(); },
      clear: function () { brushes = {}; draw(); },
      select: select,
      axes: function () { return axes.map(function (a) { return a.name; }); }
    };
  }

  /** A small log-log chart of training curves: error against updates + 1, a dot with a tooltip at each point. */
  function curveChart(curves) {
    var W = 520;
    var H = 260;
    var L = 64;
    var T = 14;
    var w = W - L - 14;
    var h = H - T - 40;
    var xs = [];
    var ys = [];
    curves.forEach(function (c) { c.points.forEach(function (p) { xs.push(p[0]); ys.push(p[1]); }); });
    var lx0 = Math.log10(Math.min.apply(null, xs));
    var lx1 = Math.log10(Math.max.apply(null, xs));
    var ly0 = Math.log10(Math.min.apply(null, ys));
    var ly1 = Math.log10(Math.max.apply(null, ys));
    if (lx1 === lx0) lx1 = lx0 + 1;
    if (ly1 === ly0) { ly0 -= 0.5; ly1 += 0.5; }
    var X = function (v) { return L + w * (Math.log10(v) - lx0) / (lx1 - lx0); };
    var Y = function (v) { return T + h * (1 - (Math.log10(v) - ly0) / (ly1 - ly0)); };
    var s = svg('svg', { width: W, height: H, role: 'img', 'class': 'curves', 'aria-label': 'training curves of the selected cell' });
    s.appendChild(svg('rect', { x: L, y: T, width: w, height: h, fill: 'none', stroke: '#c5ced8' }));
    for (var e = Math.ceil(lx0); e <= Math.floor(lx1); e++) {
      s.appendChild(svg('text', { x: X(Math.pow(10, e)), y: T + h + 14, 'text-anchor': 'middle', 'font-size': 10 }, fmt(Math.pow(10, e))));
    }
    for (var f = Math.ceil(ly0); f <= Math.floor(ly1); f++) {
      s.appendChild(svg('text', { x: L - 5, y: Y(Math.pow(10, f)) + 4, 'text-anchor': 'end', 'font-size': 10 }, fmt(Math.pow(10, f))));
    }
    s.appendChild(svg('text', { x: L + w / 2, y: H - 8, 'text-anchor': 'middle', 'font-size': 11 }, 'updates k + 1 (log)'));
    s.appendChild(svg('text', { x: 12, y: T + h / 2, 'font-size': 11, transform: 'rotate(-90 12 ' + (T + h / 2) + ')', 'text-anchor': 'middle' }, 'error E (log)'));
    var colours = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9'];
    curves.forEach(function (c, i) {
      var d = c.points.map(function (p, k) { return (k ? 'L' : 'M') + X(p[0]).toFixed(1) + ',' + Y(p[1]).toFixed(1); }).join('');
      var path = svg('path', { d: d, fill: 'none', stroke: colours[i % colours.length], 'stroke-width': 2 });
      title(path, c.label);
      s.appendChild(path);
      c.points.forEach(function (p) {
        var dot = svg('circle', { cx: X(p[0]), cy: Y(p[1]), r: 3, fill: colours[i % colours.length] });
        title(dot, c.label + ': after ' + (p[0] - 1) + ' updates E = ' + fmt(p[1]));
        s.appendChild(dot);
      });
      s.appendChild(svg('text', { x: L + 8, y: T + 14 + 13 * i, 'font-size': 10, fill: colours[i % colours.length] }, c.label));
    });
    return s;
  }

  // ------------------------------------------------------------------------------------------ importance

  function importance(data, root) {
    var imp = data.importance;
    if (!imp || !imp.entries.length) {
      root.appendChild(el('p', { 'class': 'note' }, 'No importance to show: no score varies across the cells of a dataset.'));
      return;
    }
    var datasets = distinct(imp.entries.map(function (e) { return e.dataset; }));
    var scoreNames = distinct(imp.entries.map(function (e) { return e.score; }));
    var controls = el('div', { 'class': 'controls' });
    var dl = el('label', null, 'Dataset ');
    var ds = el('select', { 'aria-label': 'Dataset of the importance bars' });
    datasets.forEach(function (d) { ds.appendChild(el('option', { value: d }, d)); });
    dl.appendChild(ds);
    var sl = el('label', null, ' Score ');
    var ss = el('select', { 'aria-label': 'Score of the importance bars' });
    scoreNames.forEach(function (d) { ss.appendChild(el('option', { value: d }, d)); });
    var firstMedian = scoreNames.filter(function (n) { return /^median_/.test(n); })[0];
    if (firstMedian) ss.value = firstMedian;
    sl.appendChild(ss);
    controls.appendChild(dl);
    controls.appendChild(sl);
    root.appendChild(controls);
    var box = el('div', { id: 'importance-chart' });
    root.appendChild(box);
    function draw() {
      box.textContent = '';
      var e = imp.entries.filter(function (x) { return x.dataset === ds.value && x.score === ss.value; })[0];
      if (!e) {
        box.appendChild(el('p', { 'class': 'note' }, 'This score has no values on this dataset.'));
        return;
      }
      var bars = imp.axes.map(function (a, i) { return { axis: a, v: e.shares[i] }; })
        .filter(function (b) { return b.v !== null; });
      bars.sort(function (a, b) { return b.v - a.v; });
      var W = 560;
      var rowH = 24;
      var L = 120;
      var s = svg('svg', { width: W, height: 24 + rowH * Math.max(1, bars.length), role: 'img',
        'aria-label': 'importance of each axis for ' + e.score + ' on ' + e.dataset });
      if (!bars.length) {
        s.appendChild(svg('text', { x: 4, y: 16, 'font-size': 12 }, 'No axis varies across this dataset\u2019s cells.'));
      }
      bars.forEach(function (b, i) {
        var y0 = 6 + i * rowH;
        s.appendChild(svg('text', { x: L - 8, y: y0 + 14, 'text-anchor': 'end', 'font-size': 12 }, b.axis));
        var bar = svg('rect', { x: L, y: y0 + 2, width: Math.max(1, (W - L - 70) * b.v), height: rowH - 8, fill: '#3b5f80' });
        title(bar, b.axis + ': ' + (100 * b.v).toFixed(1) + '% of the variance of ' + e.score
          + (e.transform === 'log10' ? ' (log10)' : '') + ' across ' + e.cells + ' cells');
        s.appendChild(bar);
        s.appendChild(svg('text', { x: L + (W - L - 70) * b.v + 6, y: y0 + 14, 'font-size': 11 }, (100 * b.v).toFixed(1) + '%'));
      });
      box.appendChild(s);
      box.appendChild(el('p', { 'class': 'note' }, 'Share of the variance of ' + (e.transform === 'log10' ? 'log10 ' : '')
        + e.score + ' across the ' + e.cells + ' cells of ' + e.dataset + ' explained by each axis alone (eta squared).'));
    }
    ds.addEventListener('change', draw);
    ss.addEventListener('change', draw);
    draw();
  }

  // ------------------------------------------------------------------------------------------ chart tooltips

  /** Image maps of the PNG charts: scale their areas to the image's drawn size. */
  function scaleMaps() {
    Array.prototype.forEach.call(document.querySelectorAll('img[usemap]'), function (img) {
      var map = document.querySelector('map[name="' + img.getAttribute('usemap').slice(1) + '"]');
      if (!map || !img.naturalWidth) return;
      var k = img.clientWidth / img.naturalWidth;
      Array.prototype.forEach.call(map.areas, function (a) {
        if (!a.dataset.coords) a.dataset.coords = a.getAttribute('coords');
        a.setAttribute('coords', a.dataset.coords.split(',').map(function (v) { return Math.round(v * k); }).join(','));
      });
    });
  }

  // ------------------------------------------------------------------------------------------ start

  var api = null;
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (t, n) { enhanceTable(t, n); });
  var dataNode = document.getElementById('explore-data');
  var view = document.getElementById('explore-view');
  if (dataNode && view) {
    var data = JSON.parse(dataNode.textContent);
    view.textContent = '';
    api = explore(data, view);
    var impView = document.getElementById('importance-view');
    if (impView) { impView.textContent = ''; importance(data, impView); }
  }
  scaleMaps();
  window.addEventListener('resize', scaleMaps);
  window.addEventListener('load', scaleMaps);
  document.documentElement.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  window.addEventListener('load', function () {
    document.documentElement.setAttribute('data-page-height', String(document.documentElement.scrollHeight));
  });

  // A self-check a browser test runs (report.html#selftest): sort a table, brush an axis, report as JSON.
  if (location.hash === '#selftest') {
    var result = { errors: errors };
    var section = document.getElementById('explore');
    result.exploreSvgs = section ? section.querySelectorAll('svg').length : 0;
    result.explorePaths = section ? section.querySelectorAll('svg.pcsvg path').length : 0;
    var table = document.querySelector('#summary table.sortable');
    if (table) {
      var leaves = leafHeaders(table);
      var firstColumn = function (col) {
        return Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.cells[col].textContent; });
      };
      var target = leaves.filter(function (l) { return l.th.textContent === 'median E'; })[0] || leaves[0];
      result.sortColumn = target.th.textContent;
      result.ariaBefore = target.th.getAttribute('aria-sort');
      var before = firstColumn(target.col);
      var rowsBefore = Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.textContent; });
      target.th.click();
      result.ariaAfterOne = target.th.getAttribute('aria-sort');
      var asc = firstColumn(target.col);
      var rowsAsc = Array.prototype.map.call(table.tBodies[0].rows, function (r) { return r.textContent; });
      target.th.click();
      result.ariaAfterTwo = target.th.getAttribute('aria-sort');
      var desc = firstColumn(target.col);
      result.ascending = asc;
      result.descending = desc;
      result.original = before;
      result.rowOrderChanged = rowsAsc.join('\n') !== rowsBefore.join('\n') || desc.join('\n') !== before.join('\n');
      target.th.click();
      result.ariaAfterThree = target.th.getAttribute('aria-sort');
      result.headersWithAriaSort = table.querySelectorAll('th[aria-sort]').length;
      table.nnsweepFilter(String(before.length ? table.tBodies[0].rows[0].cells[0].textContent : ''));
      result.filterShown = Array.prototype.filter.call(table.tBodies[0].rows, function (r) { return !r.hidden; }).length;
      result.rows = table.tBodies[0].rows.length;
      table.nnsweepFilter('');
    }
    if (api) {
      var all = +document.getElementById('explore-view').getAttribute('data-visible');
      var axisNames = api.axes();
      result.brushAxis = axisNames.indexOf('median_error') >= 0 ? 'median_error' : axisNames[axisNames.length - 1];
      api.brush(result.brushAxis, 0, 0.45);
      result.brushedVisible = +document.getElementById('explore-view').getAttribute('data-visible');
      result.allVisible = all;
      api.clear();
      api.select(0);
      result.detailRows = document.querySelectorAll('#explore-detail table tr').length;
    }
    result.scriptDoneMs = Math.round(performance.now());
    result.resources = performance.getEntriesByType('resource').map(function (e) { return e.name; });
    result.title = document.title;
    var out = el('pre', { id: 'selftest-result' }, JSON.stringify(result));
    document.body.appendChild(out);
  }
})();
