// Ownerscape live dashboard. Talks to the JSON API under /api and draws with ECharts.
'use strict';

const CLASS_LABELS = {
  large_owner: 'large owner', small_owner: 'small owner', self_employed: 'self-employed', manager: 'manager',
  professional: 'professional', worker: 'worker', precarious: 'precarious', unemployed: 'unemployed'
};
const COLORS = ['#2f6db5', '#d9822b', '#3a9a5b', '#b33a3a', '#7a5cb8', '#8c6d46', '#c75c9c', '#6b7380'];

const state = {
  options: null,
  runId: null,
  events: null,
  frames: [],
  ccdf: [],
  status: null,
  elections: [],
  dirty: false,
  sequence: -Infinity,
};
let policyQueue = Promise.resolve();
const charts = {};

// ---------------------------------------------------------------- helpers

function $(id) { return document.getElementById(id); }

function say(text, isError) {
  const m = $('message');
  m.textContent = text || '';
  m.className = isError ? 'error' : '';
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (method !== 'GET') {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body === undefined ? {} : body);
  }
  const response = await fetch('/api' + path, init);
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
  if (!response.ok) {
    throw new Error((data && data.error) || (response.status + ' ' + response.statusText));
  }
  return data;
}

function label(key) { return CLASS_LABELS[key] || key; }
function pct(v) {
  if (v == null || Number.isNaN(v)) return '–';
  const p = 100 * v;
  return (p === 0 ? '0' : Math.abs(p) < 1 ? p.toFixed(2) : p.toFixed(1)) + '%';
}
function fmt(v, digits) {
  if (v == null || Number.isNaN(v)) return '–';
  if (typeof v !== 'number') return String(v);
  return Math.abs(v) >= 1000 ? v.toLocaleString('en-US', { maximumFractionDigits: 0 }) : v.toFixed(digits == null ? 3 : digits);
}

// ---------------------------------------------------------------- charts

function chart(id) {
  if (!charts[id]) {
    charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
  }
  return charts[id];
}

function timeAxisOption(series, yAxis, extra) {
  return Object.assign({
    animation: false,
    grid: { left: 52, right: yAxis.length > 1 ? 52 : 16, top: 30, bottom: 38 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll', textStyle: { fontSize: 11 } },
    xAxis: { type: 'value', name: 'month', nameLocation: 'middle', nameGap: 22, min: 0, minInterval: 1 },
    yAxis,
    series,
  }, extra || {});
}

function changeMarks() {
  const changes = (state.status && state.status.policy_changes) || [];
  return {
    silent: true, symbol: 'none', lineStyle: { color: '#b33a3a', type: 'dashed' },
    label: { formatter: '{b}', fontSize: 9, position: 'insideEndTop' },
    data: changes.map(c => ({ xAxis: c.effective_from, name: Object.keys(c.changes).join(', ') })),
  };
}

function series(field, name, extra) {
  const data = [];
  for (const f of state.frames) data.push([f.month, f[field]]);
  return Object.assign({ name, type: 'line', showSymbol: false, data, connectNulls: false }, extra || {});
}

function drawLive() {
  state.dirty = false;
  const frames = state.frames;
  const classes = state.options ? state.options.classes : [];

  chart('chart-ccdf').setOption({
    animation: false,
    grid: { left: 56, right: 16, top: 28, bottom: 38 },
    tooltip: { trigger: 'item', formatter: p => 'size ≥ ' + p.value[0] + ': ' + p.value[1].toExponential(2) },
    xAxis: { type: 'log', name: 'firm size (members)', nameLocation: 'middle', nameGap: 22, min: 1 },
    yAxis: { type: 'log', name: 'P(S ≥ s)', minorSplitLine: { show: false } },
    series: [{ name: 'CCDF', type: 'line', data: state.ccdf, symbolSize: 4, lineStyle: { width: 1 } }],
  }, true);

  chart('chart-classes').setOption(classOption(frames.filter(f => f.class_shares).map(f => [f.month, f.class_shares])), true);

  chart('chart-managerial').setOption(timeAxisOption([
    series('managerial_share', 'managerial share', { markLine: changeMarks() }),
    series('small_owners_per_1000', 'small owners per 1,000', { yAxisIndex: 1 }),
  ], [{ type: 'value', axisLabel: { formatter: pct } }, { type: 'value', splitLine: { show: false } }]), true);

  const autonomySeries = classes.map((c, k) => ({
    name: label(c), type: 'line', showSymbol: false, color: COLORS[k % COLORS.length],
    data: frames.filter(f => f.autonomy_by_class).map(f => [f.month, f.autonomy_by_class[k]]),
  })).filter(s => s.name !== 'unemployed');
  if (autonomySeries.length) autonomySeries[0].markLine = changeMarks();
  chart('chart-autonomy').setOption(timeAxisOption(autonomySeries, [{ type: 'value', scale: true }]), true);

  chart('chart-ubi').setOption(timeAxisOption([
    series('ubi_promised', 'promised', { markLine: changeMarks() }),
    series('ubi_paid', 'paid', { lineStyle: { type: 'solid', width: 2 } }),
  ], [{ type: 'value' }]), true);

  chart('chart-state').setOption(timeAxisOption([
    series('state_employment_share', "state's share of employment", { markLine: changeMarks() }),
    series('countervailing_power', 'countervailing power', { yAxisIndex: 1 }),
  ], [{ type: 'value', axisLabel: { formatter: pct } }, { type: 'value', min: 0, max: 1, splitLine: { show: false } }]), true);

  chart('chart-concentration').setOption(timeAxisOption([
    series('unemployment_rate', 'unemployment rate', { markLine: changeMarks() }),
    series('top1_employment_share', 'top 1% of firms', { yAxisIndex: 1 }),
  ], [{ type: 'value', axisLabel: { formatter: pct } }, { type: 'value', axisLabel: { formatter: pct }, splitLine: { show: false } }]), true);

  drawVotes();
}

function drawVotes() {
  const picker = $('election-picker');
  const held = state.elections.filter(e => e.held);
  const chosen = Number(picker.value);
  const existing = Array.from(picker.options).map(o => Number(o.value));
  const signature = state.elections.map(e => e.month + ':' + e.winner + ':' + e.held).join(',');
  if (picker.dataset.signature !== signature) {
    picker.dataset.signature = signature;
    const keep = picker.value;
    picker.innerHTML = '';
    for (const e of state.elections) {
      const o = document.createElement('option');
      o.value = e.month;
      o.textContent = 'month ' + e.month + (e.held ? ' · ' + e.winner + ' won' : ' · suspended');
      picker.appendChild(o);
    }
    picker.value = keep && existing.includes(Number(keep)) && keep !== String(existing[existing.length - 1])
      ? keep : (state.elections.length ? String(state.elections[state.elections.length - 1].month) : '');
  }
  const e = state.elections.find(x => x.month === Number(picker.value)) || held[held.length - 1];
  const classes = state.options ? state.options.classes : [];
  const option = {
    animation: false,
    grid: { left: 52, right: 16, top: 30, bottom: 56 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: classes.map(label), axisLabel: { rotate: 30, fontSize: 10 } },
    yAxis: { type: 'value', max: 1, axisLabel: { formatter: pct } },
    series: [],
    title: undefined,
  };
  if (!e || !e.held) {
    option.title = { text: e ? 'election suspended (lock-in)' : 'no election yet', left: 'center', top: 'middle',
      textStyle: { fontSize: 13, color: '#5b6475', fontWeight: 'normal' } };
  } else {
    option.series = e.platforms.map((p, j) => ({
      name: p, type: 'bar', stack: 'votes', color: COLORS[j % COLORS.length],
      data: e.shares_by_class.map(row => row[j]),
    }));
  }
  chart('chart-votes').setOption(option, true);
  void chosen;
}

function scheduleDraw() {
  if (state.dirty) return;
  state.dirty = true;
  setTimeout(() => requestAnimationFrame(drawLive), 200);
}

// ---------------------------------------------------------------- live runs

function clearLive() {
  state.frames = [];
  state.ccdf = [];
  state.elections = [];
  $('election-picker').value = '';
  scheduleDraw();
}

function watch(id) {
  if (state.events) state.events.close();
  state.runId = id;
  state.sequence = -Infinity;
  clearLive();
  showStatus(null);
  if (!id) return;
  const source = new EventSource('/api/runs/' + encodeURIComponent(id) + '/events');
  state.events = source;
  source.addEventListener('frames', ev => {
    if (state.events !== source) return;
    for (const f of JSON.parse(ev.data)) {
      state.frames.push(f);
      if (f.election) state.elections.push(f.election);
    }
    scheduleDraw();
  });
  source.addEventListener('ccdf', ev => { if (state.events === source) { state.ccdf = JSON.parse(ev.data); scheduleDraw(); } });
  source.addEventListener('status', ev => { if (state.events === source) showStatus(JSON.parse(ev.data)); });
  source.addEventListener('reset', () => { if (state.events === source) clearLive(); });
  source.addEventListener('failure', ev => say(JSON.parse(ev.data).error, true));
}

function showStatus(s) {
  if (s) {
    // Replies and events may cross: a status older than the one shown, or of another run, is dropped.
    if (s.id !== state.runId || s.sequence <= state.sequence) return;
    state.sequence = s.sequence;
  }
  state.status = s;
  const line = $('status-line');
  if (!s) { line.textContent = 'no run selected'; renderLevers(null); renderChanges(null); return; }
  line.textContent = 'Month ' + s.month + ' / ' + s.months + ' · ' + s.status + ' · platform: ' + s.platform
    + ' · ' + s.persons.toLocaleString('en-US') + ' persons, seed ' + s.seed;
  line.dataset.month = s.month;
  line.dataset.status = s.status;
  if (s.error) say(s.error, true);
  $('lever-hint').textContent = 'A change now applies from month ' + s.next_change_month
    + ', exactly as the same change in a scenario\'s schedule would.';
  $('scenario-link').href = '/api/runs/' + encodeURIComponent(s.id) + '/scenario.yaml';
  $('csv-link').href = '/api/runs/' + encodeURIComponent(s.id) + '/monthly.csv';
  $('speed').value = String(s.months_per_second);
  renderLevers(s);
  renderChanges(s);
  const picker = $('run-picker');
  const option = Array.from(picker.options).find(o => o.value === s.id);
  if (option) option.textContent = runTitle(s);
  scheduleDraw();
}

function runTitle(s) { return s.name + ' · ' + s.id + ' (' + s.status + ', month ' + s.month + ')'; }

function renderChanges(s) {
  const list = $('changes');
  list.innerHTML = '';
  for (const c of (s && s.policy_changes) || []) {
    const li = document.createElement('li');
    li.textContent = Object.entries(c.changes).map(([k, v]) => k + ' = ' + v).join(', ')
      + ' · from month ' + c.effective_from + ' (asked at month ' + c.requested_at + ')';
    list.appendChild(li);
  }
}

/** Shows the levers of status {@code s}; a slider the user is on is left alone unless {@code force}. */
function renderLevers(s, force) {
  const box = $('levers');
  if (!state.options) return;
  if (!box.dataset.built) {
    for (const l of state.options.levers) {
      const div = document.createElement('div');
      div.className = 'lever';
      div.title = l.help;
      const row = document.createElement('div');
      row.className = 'row';
      const name = document.createElement('span');
      name.textContent = l.label;
      const out = document.createElement('output');
      out.id = 'lever-value-' + l.key;
      row.append(name, out);
      const input = document.createElement('input');
      input.id = 'lever-' + l.key;
      input.dataset.key = l.key;
      if (l.kind === 'boolean') {
        input.type = 'checkbox';
      } else {
        input.type = 'range';
        input.min = l.min; input.max = l.max; input.step = l.step;
        input.addEventListener('input', () => { out.textContent = input.value; });
      }
      input.addEventListener('change', () => changePolicy(l, input));
      div.append(row, input);
      box.appendChild(div);
    }
    box.dataset.built = 'yes';
  }
  for (const l of state.options.levers) {
    const input = $('lever-' + l.key);
    const out = $('lever-value-' + l.key);
    input.disabled = !s || s.status === 'building' || s.status === 'finished' || s.status === 'failed';
    if (!s) continue;
    const now = s.policy_in_force[l.key];
    // A change asked for applies from a later month: the lever shows it, and what is in force till then.
    const next = (s.policy_scheduled || []).find(c => l.key in c.changes);
    const v = next ? next.changes[l.key] : now;
    const show = x => l.kind === 'boolean' ? (x ? 'on' : 'off') : String(x);
    out.textContent = next ? show(now) + ' → ' + show(v) + ' from month ' + next.effective_from : show(v);
    if (!force && l.kind !== 'boolean' && document.activeElement === input) continue;
    if (l.kind === 'boolean') input.checked = !!v;
    else input.value = v;
  }
}

/** Sends lever changes one at a time, in the order they were made. */
function changePolicy(lever, input) {
  if (!state.runId) return;
  const runId = state.runId;
  const value = lever.kind === 'boolean' ? input.checked : Number(input.value);
  policyQueue = policyQueue.then(async () => {
    try {
      const c = await api('POST', '/runs/' + runId + '/policy', { [lever.key]: value });
      say(lever.key + ' = ' + value + ' from month ' + c.effective_from + ' (recorded in the run\'s history)');
    } catch (e) {
      say(e.message, true);
      renderLevers(state.status, true);
    }
  });
}

async function command(name, body) {
  if (!state.runId) { say('create or pick a run first', true); return; }
  try {
    const s = await api('POST', '/runs/' + state.runId + '/' + name, body);
    showStatus(s);
    say('');
  } catch (e) { say(e.message, true); }
}

async function refreshRuns(select) {
  const runs = await api('GET', '/runs');
  const picker = $('run-picker');
  const ids = runs.map(r => r.id).join(',');
  if (picker.dataset.ids !== ids) {
    // Rebuilt only when runs came or went (here or in another tab), not under the user's hand.
    picker.innerHTML = '';
    for (const r of runs) {
      const o = document.createElement('option');
      o.value = r.id;
      o.textContent = runTitle(r);
      picker.appendChild(o);
    }
    picker.dataset.ids = ids;
  }
  let chosen = select || state.runId;
  if (!chosen || !runs.some(r => r.id === chosen)) chosen = runs.length ? runs[runs.length - 1].id : null;
  if (chosen) {
    picker.value = chosen;
    if (chosen !== state.runId) watch(chosen);
  } else if (state.runId) {
    watch(null);
  }
  return runs;
}

async function createRun(event) {
  event.preventDefault();
  const body = {};
  const file = $('scenario').files[0];
  if (file) {
    body.scenario = await file.text();
    body.scenario_name = file.name;
  } else {
    body.preset = $('preset').value;
  }
  for (const key of ['persons', 'seed', 'months']) {
    const v = $(key).value.trim();
    if (v !== '') body[key] = Number(v);
  }
  const labelText = $('label').value.trim();
  if (labelText) body.label = labelText;
  try {
    $('create').disabled = true;
    const s = await api('POST', '/runs', body);
    say('run ' + s.id + ' created: ' + s.persons.toLocaleString('en-US') + ' persons, being built');
    await refreshRuns(s.id);
  } catch (e) {
    say(e.message, true);
  } finally {
    $('create').disabled = false;
  }
}

// ---------------------------------------------------------------- compare and stored runs

const COMPARED = [
  ['managerial_share', 'Managerial share of employment', pct],
  ['small_owners_per_1000', 'Small owners per 1,000 persons', v => fmt(v, 1)],
  ['autonomy_index', 'Worker autonomy index', v => fmt(v, 3)],
  ['unemployment_rate', 'Unemployment rate', pct],
  ['state_employment_share', "State's share of employment", pct],
  ['ubi_paid', 'Basic income paid', v => fmt(v, 3)],
  ['top1_employment_share', 'Employment share of the largest 1% of firms', pct],
  ['mean_employer_firm_size', 'Mean employer firm size', v => fmt(v, 1)],
];

async function candidates() {
  const out = [];
  for (const r of await api('GET', '/runs')) out.push({ value: 'live:' + r.id, text: 'live · ' + r.name + ' · ' + r.id + ' (month ' + r.month + ')' });
  for (const s of await api('GET', '/stored')) {
    for (const r of s.runs) out.push({ value: 'stored:' + s.store + ':' + r.run_id, text: s.store + ' · ' + r.scenario + ' · seed ' + r.seed + ' · ' + r.run_id.slice(0, 16) });
  }
  return out;
}

async function loadSeries(value) {
  const [kind, a, b] = value.split(':');
  const classes = state.options.classes;
  if (kind === 'live') {
    const d = await api('GET', '/runs/' + a + '/frames');
    const cols = { month: d.frames.map(f => f.month) };
    for (const [k] of COMPARED) cols[k] = d.frames.map(f => f[k]);
    const shares = d.frames.filter(f => f.class_shares).map(f => [f.month, f.class_shares]);
    return { name: d.status.name + ' · ' + a, cols, shares };
  }
  const d = await api('GET', '/stored/' + a + '/' + b);
  // The store keeps one row per month and class: gather each month's shares in class order.
  const byMonth = new Map();
  const c = d.classes;
  for (let i = 0; i < (c.month || []).length; i++) {
    if (!byMonth.has(c.month[i])) byMonth.set(c.month[i], new Array(classes.length).fill(0));
    byMonth.get(c.month[i])[classes.indexOf(c.class[i])] = c.share[i];
  }
  return { name: d.run.scenario + ' · ' + b.slice(0, 16), cols: d.monthly, shares: Array.from(byMonth.entries()) };
}

/**
 * Class shares stacked by hand: each class's band runs from the classes before it to itself, the
 * first classes drawn on top (a value x axis would make ECharts stack the months). The third
 * value is the class's own share, for the tooltip. {@code shares} is a list of [month, shares].
 */
function classOption(shares) {
  const classes = state.options ? state.options.classes : [];
  return timeAxisOption(classes.map((c, k) => ({
    name: label(c), type: 'line', areaStyle: { opacity: 0.85 }, showSymbol: false, lineStyle: { width: 0 },
    color: COLORS[k % COLORS.length], z: 100 - k,
    data: shares.map(([m, s]) => [m, s.slice(0, k + 1).reduce((x, y) => x + y, 0), s[k]]),
  })), [{ type: 'value', max: 1, axisLabel: { formatter: pct } }], {
    tooltip: { trigger: 'axis', formatter: ps => 'month ' + ps[0].value[0] + '<br>'
      + ps.map(p => p.marker + p.seriesName + ': ' + pct(p.value[2])).join('<br>') },
  });
}

function classChart(div, shares) {
  echarts.init(div).setOption(classOption(shares));
}

async function fillCompare() {
  const list = await candidates();
  for (const id of ['compare-a', 'compare-b']) {
    const sel = $(id);
    const keep = sel.value;
    sel.innerHTML = '';
    for (const c of list) {
      const o = document.createElement('option');
      o.value = c.value; o.textContent = c.text;
      sel.appendChild(o);
    }
    if (keep && list.some(c => c.value === keep)) sel.value = keep;
  }
  if (list.length > 1 && $('compare-a').value === $('compare-b').value) $('compare-b').selectedIndex = 1;
}

async function compare() {
  try {
    const [A, B] = await Promise.all([loadSeries($('compare-a').value), loadSeries($('compare-b').value)]);
    const table = $('compare-table');
    table.innerHTML = '';
    const head = table.insertRow();
    for (const h of ['at the last month', 'A: ' + A.name, 'B: ' + B.name, 'B − A']) {
      const th = document.createElement('th'); th.textContent = h; head.appendChild(th);
    }
    const last = (cols, k) => { const a = cols[k] || []; for (let i = a.length - 1; i >= 0; i--) if (a[i] != null) return a[i]; return null; };
    const months = table.insertRow();
    months.insertCell().textContent = 'months';
    for (const v of [last(A.cols, 'month'), last(B.cols, 'month')]) { const c = months.insertCell(); c.className = 'num'; c.textContent = v; }
    months.insertCell();
    for (const [k, title, f] of COMPARED) {
      const row = table.insertRow();
      row.insertCell().textContent = title;
      const a = last(A.cols, k), b = last(B.cols, k);
      for (const v of [a, b, a == null || b == null ? null : b - a]) { const c = row.insertCell(); c.className = 'num'; c.textContent = f(v); }
    }
    const box = $('compare-charts');
    box.innerHTML = '';
    for (const [run, side] of [[A, 'A'], [B, 'B']]) {
      const fig = document.createElement('figure');
      const cap = document.createElement('figcaption'); cap.textContent = 'Class composition · ' + side + ': ' + run.name;
      const div = document.createElement('div'); div.className = 'chart'; div.id = 'compare-classes-' + side;
      fig.append(cap, div); box.appendChild(fig);
      classChart(div, run.shares);
    }
    for (const [k, title, f] of COMPARED) {
      const fig = document.createElement('figure');
      const cap = document.createElement('figcaption'); cap.textContent = title;
      const div = document.createElement('div'); div.className = 'chart'; div.id = 'compare-' + k;
      fig.append(cap, div); box.appendChild(fig);
      const zip = cols => (cols.month || []).map((m, i) => [m, (cols[k] || [])[i]]);
      echarts.init(div).setOption(timeAxisOption([
        { name: 'A', type: 'line', showSymbol: false, data: zip(A.cols), color: COLORS[0] },
        { name: 'B', type: 'line', showSymbol: false, data: zip(B.cols), color: COLORS[1] },
      ], [{ type: 'value', scale: true, axisLabel: f === pct ? { formatter: pct } : {} }]));
    }
    say('');
  } catch (e) { say(e.message, true); }
}

async function fillStored() {
  const table = $('stored-table');
  const tables = state.options.tables;
  const pick = $('download-table');
  if (!pick.options.length) for (const t of tables) { const o = document.createElement('option'); o.value = t; o.textContent = t; pick.appendChild(o); }
  table.innerHTML = '';
  const head = table.insertRow();
  for (const h of ['store', 'run', 'scenario', 'design', 'seed', 'persons', 'months', 'regime', 'download']) {
    const th = document.createElement('th'); th.textContent = h; head.appendChild(th);
  }
  for (const s of await api('GET', '/stored')) {
    if (s.error) { const r = table.insertRow(); r.insertCell().textContent = s.store; const c = r.insertCell(); c.colSpan = 8; c.textContent = s.error; }
    for (const run of s.runs) {
      const r = table.insertRow();
      for (const v of [s.store, run.run_id, run.scenario, run.design, run.seed, run.persons, run.months, run.regime]) {
        r.insertCell().textContent = v;
      }
      const cell = r.insertCell();
      for (const format of ['csv', 'parquet']) {
        const a = document.createElement('a');
        a.textContent = format.toUpperCase();
        a.href = '#';
        a.className = 'download-' + format;
        a.addEventListener('click', ev => {
          ev.preventDefault();
          const url = '/api/stored/' + encodeURIComponent(s.store) + '/' + encodeURIComponent(run.run_id) + '/' + pick.value + '.' + format;
          const link = document.createElement('a'); link.href = url; link.download = ''; link.click();
        });
        cell.appendChild(a);
      }
    }
  }
}

// ---------------------------------------------------------------- start-up

function showTab(name) {
  for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t.dataset.tab === name);
  for (const p of document.querySelectorAll('.panel')) p.hidden = p.id !== name;
  if (name === 'compare') fillCompare().catch(e => say(e.message, true));
  if (name === 'stored') fillStored().catch(e => say(e.message, true));
  if (name === 'live') Object.values(charts).forEach(c => c.resize());
}

async function init() {
  state.options = await api('GET', '/options');
  const preset = $('preset');
  for (const p of state.options.presets) {
    const o = document.createElement('option');
    o.value = p.key; o.textContent = p.key; o.title = p.description;
    preset.appendChild(o);
  }
  preset.value = 'market';
  $('persons').value = state.options.limits.persons_default;
  $('persons').max = state.options.limits.persons_max;
  $('persons').min = state.options.limits.persons_min;
  $('months').value = state.options.limits.months_default;
  $('months').max = state.options.limits.months_max;
  renderLevers(null);
  const otherKey = $('other-key');
  const levers = new Set(state.options.levers.map(l => l.key));
  for (const k of state.options.policy_keys) {
    if (levers.has(k)) continue;
    const o = document.createElement('option');
    o.value = k; o.textContent = k;
    otherKey.appendChild(o);
  }
  $('other-policy').addEventListener('submit', ev => {
    ev.preventDefault();
    const text = $('other-value').value.trim();
    const value = text === 'true' ? true : text === 'false' ? false : Number(text);
    if (text === '' || (typeof value === 'number' && Number.isNaN(value))) {
      say(otherKey.value + ' = \'' + text + '\': expected a number, true or false', true);
      return;
    }
    changePolicy({ key: otherKey.value, kind: typeof value === 'boolean' ? 'boolean' : 'number' },
      { checked: value, value: String(value) });
  });

  $('new-run').addEventListener('submit', createRun);
  $('run-picker').addEventListener('change', ev => watch(ev.target.value));
  $('start').addEventListener('click', () => command('start'));
  $('pause').addEventListener('click', () => command('pause'));
  $('step').addEventListener('click', () => command('step', { months: 1 }));
  $('reset').addEventListener('click', () => command('reset'));
  $('speed').addEventListener('change', ev => command('speed', { months_per_second: Number(ev.target.value) }));
  $('save').addEventListener('click', async () => {
    if (!state.runId) return;
    try {
      const r = await api('POST', '/runs/' + state.runId + '/save');
      say('saved as ' + r.run_id + ' in the ' + r.store + ' store (Stored runs tab)');
    } catch (e) { say(e.message, true); }
  });
  $('close-run').addEventListener('click', async () => {
    if (!state.runId) return;
    try {
      await fetch('/api/runs/' + state.runId, { method: 'DELETE' });
      state.runId = null;
      await refreshRuns();
    } catch (e) { say(e.message, true); }
  });
  $('election-picker').addEventListener('change', drawVotes);
  for (const t of document.querySelectorAll('.tab')) t.addEventListener('click', () => showTab(t.dataset.tab));
  $('compare-go').addEventListener('click', compare);
  $('stored-refresh').addEventListener('click', () => fillStored().catch(e => say(e.message, true)));
  window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
  await refreshRuns();
  drawLive();
  // Runs opened or closed in other tabs appear here too.
  setInterval(() => refreshRuns().catch(() => {}), 5000);
}

// What tests and curious users can inspect from the console.
window.ownerscape = {
  state,
  charts,
  /** Data points drawn in the chart of element {@code id}. */
  points(id) {
    const el = document.getElementById(id);
    const c = charts[id] || (el && echarts.getInstanceByDom(el));
    if (!c) return 0;
    return (c.getOption().series || []).reduce((n, s) => n + ((s.data && s.data.length) || 0), 0);
  },
};

init().catch(e => say('cannot load the dashboard: ' + e.message, true));
