// The page's own script, inlined into report.html and compare.html. It draws the charts with the
// inlined chart.js and runs the per-sample browser. Rules it keeps:
// - Data comes only from the `application/json` blocks, read with textContent + JSON.parse.
// - Record text reaches the page only through textContent (never innerHTML), so a model output
//   like `<img onerror=...>` is shown as text and runs nothing.
// - Only the rows in view exist in the DOM (virtual scrolling), so 100,000 samples stay fast.
// Kept as a string (String.raw: backslashes stay as written; no template placeholders inside)
// so the build needs no asset copying.
export const BROWSER_SCRIPT = String.raw`(function () {
  'use strict';
  var ROW_HEIGHT = 30;
  var OVERSCAN = 8;

  function readJson(id) {
    var el = document.getElementById(id);
    return el === null ? null : JSON.parse(el.textContent);
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Charts: the same chart.js configurations as the PNGs, made responsive for the page.
  var charts = readJson('chart-data') || [];
  charts.forEach(function (spec) {
    var canvas = document.getElementById('chart-' + spec.name);
    if (canvas === null) return;
    if (typeof Chart === 'undefined') {
      canvas.replaceWith(el('p', 'note', 'chart.js did not load; see the PNG charts beside this file.'));
      return;
    }
    spec.config.options = spec.config.options || {};
    spec.config.options.responsive = true;
    spec.config.options.maintainAspectRatio = false;
    new Chart(canvas, spec.config);
  });

  var data = readJson('sample-data');
  if (data === null) return;
  var L = data.layout;
  var rows = data.rows;
  var search = document.getElementById('sb-search');
  var taskSelect = document.getElementById('sb-task');
  var statusBar = document.getElementById('sb-status');
  var count = document.getElementById('sb-count');
  var viewport = document.getElementById('sb-viewport');
  var spacer = document.getElementById('sb-spacer');
  var detail = document.getElementById('sb-detail');
  var status = -1;
  var visible = new Int32Array(0);
  var selected = -1;

  // Counts per status, for the filter buttons.
  var perStatus = L.statuses.map(function () { return 0; });
  for (var i = 0; i < rows.length; i++) perStatus[rows[i][L.status]]++;
  function addStatusButton(code, label) {
    var b = el('button', 'sb-filter', label);
    b.type = 'button';
    b.setAttribute('data-status', String(code));
    b.setAttribute('aria-pressed', code === status ? 'true' : 'false');
    b.addEventListener('click', function () {
      status = code;
      statusBar.querySelectorAll('button').forEach(function (x) {
        x.setAttribute('aria-pressed', x === b ? 'true' : 'false');
      });
      applyFilter();
    });
    statusBar.appendChild(b);
  }
  addStatusButton(-1, 'all (' + rows.length + ')');
  L.statuses.forEach(function (name, code) { addStatusButton(code, name + ' (' + perStatus[code] + ')'); });
  data.tasks.forEach(function (task, t) {
    var option = el('option', '', task);
    option.value = String(t);
    taskSelect.appendChild(option);
  });

  function escapeRegExp(text) { return text.replace(/[.*+?^$(){}|[\]\\]/g, '\\$&'); }

  function applyFilter() {
    var q = search.value.trim();
    var re = q === '' ? null : new RegExp(escapeRegExp(q), 'i');
    var task = taskSelect.value === '' ? -1 : Number(taskSelect.value);
    var out = new Int32Array(rows.length);
    var n = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (status >= 0 && r[L.status] !== status) continue;
      if (task >= 0 && r[L.task] !== task) continue;
      if (re !== null) {
        var hit = false;
        for (var j = 0; j < L.search.length && !hit; j++) {
          var v = r[L.search[j]];
          hit = typeof v === 'string' && v !== '' && re.test(v);
        }
        if (!hit) continue;
      }
      out[n++] = i;
    }
    visible = out.subarray(0, n);
    count.textContent = 'showing ' + n + ' of ' + rows.length + ' samples';
    spacer.style.height = n * ROW_HEIGHT + 'px';
    viewport.scrollTop = 0;
    render();
  }

  function render() {
    var first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    var last = Math.min(visible.length, Math.ceil((viewport.scrollTop + viewport.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    spacer.textContent = '';
    for (var k = first; k < last; k++) spacer.appendChild(rowElement(visible[k], k));
  }

  function rowElement(index, position) {
    var r = rows[index];
    var row = el('div', 'sb-row' + (index === selected ? ' sb-selected' : ''));
    row.style.top = position * ROW_HEIGHT + 'px';
    row.tabIndex = 0;
    row.setAttribute('role', 'button');
    row.setAttribute('data-row', String(index));
    var name = L.statuses[r[L.status]];
    row.appendChild(el('span', 'sb-badge sb-' + name, name));
    row.appendChild(el('span', 'sb-cell sb-task', data.tasks[r[L.task]]));
    row.appendChild(el('span', 'sb-cell sb-id', r[L.id]));
    L.list.forEach(function (f) {
      var text = String(r[f.index] || '');
      row.appendChild(el('span', 'sb-cell', text.length > 300 ? text.slice(0, 300) + '…' : text));
    });
    function open() { showDetail(index); }
    row.addEventListener('click', open);
    row.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
    return row;
  }

  function showDetail(index) {
    selected = index;
    var r = rows[index];
    detail.textContent = '';
    detail.appendChild(el('h3', '', data.tasks[r[L.task]] + ' / ' + r[L.id] + ': ' + L.statuses[r[L.status]]));
    L.detail.forEach(function (f) {
      var text = String(r[f.index] || '');
      var prefix = f.prefixIndex === undefined ? '' : data.prefixes[r[f.prefixIndex]] || '';
      var section = el('section', 'sb-field');
      section.appendChild(el('h4', '', f.label));
      if (prefix !== '') {
        var shots = el('details', 'sb-prefix');
        shots.appendChild(el('summary', '', 'shared prefix (few-shot examples, ' + prefix.length + ' characters)'));
        shots.appendChild(el('pre', '', prefix));
        section.appendChild(shots);
      }
      section.appendChild(el('pre', text === '' ? 'sb-empty' : '', text === '' ? '(none)' : text));
      detail.appendChild(section);
    });
    render();
  }

  var timer = 0;
  search.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(applyFilter, 120);
  });
  taskSelect.addEventListener('change', applyFilter);
  var scheduled = false;
  viewport.addEventListener('scroll', function () {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(function () { scheduled = false; render(); });
  });
  applyFilter();
  if (visible.length > 0) showDetail(visible[0]);
})();
`;
