// newsflow dashboard. Polls the query API of the instance that served the page and renders
// with DOM nodes and textContent only: text from scraped pages is never parsed as HTML.
'use strict';

const POLL_MS = 2000;
const HISTORY = 90;
const SERIES = [
  { key: 'in', label: 'pages in', color: '#4f7cff' },
  { key: 'articles', label: 'articles', color: '#1f9d55' },
  { key: 'duplicates', label: 'duplicates', color: '#e3a008' },
  { key: 'deadLetters', label: 'dead letters', color: '#d64545' },
];
const history = [];
let previous = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function setText(id, text) {
  document.getElementById(id).textContent = text;
}

function replaceChildren(id, nodes, emptyText) {
  const parent = document.getElementById(id);
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  if (nodes.length === 0 && emptyText) parent.appendChild(el('li', 'empty', emptyText));
  nodes.forEach((n) => parent.appendChild(n));
}

function safeHref(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

function fmt(n) {
  return typeof n === 'number' && n >= 0 ? n.toLocaleString('en') : '–';
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
  return body;
}

function renderStats(s) {
  setText('stat-in', fmt(s.in));
  setText('stat-articles', fmt(s.articles));
  setText('stat-duplicates', fmt(s.duplicates));
  const kept = s.articles + s.duplicates;
  setText('stat-dup-rate', kept > 0 ? (100 * s.duplicates / kept).toFixed(1) + ' %' : '–');
  setText('stat-deadletters', fmt(s.deadLetters));
  setText('stat-pending', fmt(s.pending));
  setText('stat-lag', fmt(s.lag));
  setText('stat-instances', fmt(s.instances));
  const reasons = Object.entries(s.deadLettersByReason || {}).sort((a, b) => b[1] - a[1]);
  replaceChildren('deadletters', reasons.map(([reason, n]) => {
    const li = el('li');
    li.appendChild(el('span', null, reason));
    li.appendChild(el('span', 'count', fmt(n)));
    return li;
  }), 'none');
  const kinds = Object.entries(s.duplicatesByKind || {});
  replaceChildren('dupkinds', kinds.map(([kind, n]) => {
    const li = el('li');
    li.appendChild(el('span', null, kind));
    li.appendChild(el('span', 'count', fmt(n)));
    return li;
  }), 'none');

  const now = Date.now();
  if (previous) {
    const seconds = Math.max(0.001, (now - previous.time) / 1000);
    const point = { time: now };
    SERIES.forEach((serie) => {
      point[serie.key] = Math.max(0, (s[serie.key] - previous.stats[serie.key]) / seconds);
    });
    history.push(point);
    while (history.length > HISTORY) history.shift();
  }
  previous = { time: now, stats: s };
  drawThroughput();
}

function drawThroughput() {
  const canvas = document.getElementById('throughput');
  const ctx = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  const pad = 30;
  ctx.clearRect(0, 0, w, h);
  canvas.dataset.points = String(history.length);
  let max = 1;
  history.forEach((p) => SERIES.forEach((serie) => { max = Math.max(max, p[serie.key]); }));
  ctx.strokeStyle = '#e1e4ea';
  ctx.fillStyle = '#687287';
  ctx.font = '11px sans-serif';
  for (let i = 0; i <= 4; i++) {
    const y = h - pad + (-(h - 2 * pad) * i) / 4;
    ctx.beginPath();
    ctx.moveTo(pad, y);
    ctx.lineTo(w - 5, y);
    ctx.stroke();
    ctx.fillText((max * i / 4).toFixed(max < 8 ? 1 : 0), 2, y + 4);
  }
  if (history.length < 2) {
    ctx.fillText('collecting…', w / 2 - 30, h / 2);
    return;
  }
  const step = (w - pad - 5) / (HISTORY - 1);
  const x0 = w - 5 - step * (history.length - 1);
  SERIES.forEach((serie) => {
    ctx.strokeStyle = serie.color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    history.forEach((p, i) => {
      const x = x0 + i * step;
      const y = h - pad - (h - 2 * pad) * (p[serie.key] / max);
      if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    });
    ctx.stroke();
  });
}

function renderLegend() {
  replaceChildren('legend', SERIES.map((serie) => {
    const li = el('li');
    const swatch = el('span', 'swatch');
    swatch.style.background = serie.color;
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(serie.label));
    return li;
  }));
}

function renderTrending(body) {
  const entities = body.entities || [];
  const top = entities.length > 0 ? entities[0].articles : 1;
  replaceChildren('trending', entities.map((e) => {
    const li = el('li');
    li.appendChild(el('span', 'name', e.name));
    li.appendChild(el('span', 'count', e.articles + (e.articles === 1 ? ' article' : ' articles') + ' · ' + e.type));
    const bar = el('span', 'bar');
    bar.style.width = Math.max(2, Math.round(100 * e.articles / top)) + '%';
    li.appendChild(bar);
    return li;
  }), 'no entities in the last 24 hours yet');
}

function titleNode(text, url) {
  const href = safeHref(url);
  const node = el(href ? 'a' : 'span', 'title', text || '(untitled)');
  if (href) {
    node.href = href;
    node.rel = 'noopener noreferrer';
    node.target = '_blank';
  }
  return node;
}

function renderLatest(body) {
  replaceChildren('latest', (body.articles || []).map((view) => {
    const a = view.article;
    const li = el('li', 'article');
    li.appendChild(titleNode(a.title, a.url));
    const meta = [a.source, a.publishedAt].filter(Boolean).join(' · ');
    if (meta) li.appendChild(el('span', 'meta', meta));
    if (view.duplicates > 0) {
      li.appendChild(el('span', 'dupbadge', view.duplicates + (view.duplicates === 1 ? ' duplicate' : ' duplicates')));
    }
    const chips = el('div', 'chips');
    (a.entities || []).slice(0, 12).forEach((e) => chips.appendChild(el('span', 'chip ' + String(e.type).replace(/[^A-Z_]/g, ''), e.name)));
    li.appendChild(chips);
    return li;
  }), 'no articles yet');
}

function renderDuplicates(body) {
  replaceChildren('duplicates', (body.duplicates || []).map((d) => {
    const li = el('li', 'duplicate');
    li.appendChild(titleNode(d.title, d.url));
    li.appendChild(el('span', 'meta', d.kind + ' duplicate of ' + d.duplicateOf.substring(0, 12) + '… (similarity '
      + Number(d.similarity).toFixed(2) + ')'));
    return li;
  }), 'no duplicates yet');
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const [stats, trending, latest, duplicates] = await Promise.all([
      getJson('/api/stats'),
      getJson('/api/entities/trending?hours=24&limit=10'),
      getJson('/api/articles?limit=10'),
      getJson('/api/duplicates/recent?limit=10'),
    ]);
    renderStats(stats);
    renderTrending(trending);
    renderLatest(latest);
    renderDuplicates(duplicates);
    status.textContent = 'live · updated ' + new Date().toLocaleTimeString('en-GB');
    status.className = 'status ok';
  } catch (e) {
    status.textContent = 'waiting for newsflow: ' + e.message;
    status.className = 'status error';
  } finally {
    setTimeout(refresh, POLL_MS);
  }
}

renderLegend();
drawThroughput();
refresh();
