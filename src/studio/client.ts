// The studio's browser script (plain modern JS, no build step). Every user string reaches the page via textContent.
// Kept free of template literals so it can live in this String.raw module.
export const CLIENT_JS = String.raw`
'use strict';
const TOKEN_KEY = 'storycard.studio.token';
const DRAFT_KEY = 'storycard.studio.draft';
const DEBOUNCE_MS = 220;
const STORY_FIELDS = ['headline', 'quote', 'quoteAuthor', 'author', 'siteName', 'lang', 'url', 'imageUrl'];
const LIMITS = { headline: 300, quote: 600 };
const PLATFORMS = [
  { id: 'x', name: 'X', ratio: 2, ratioLabel: '2:1', note: 'summary_large_image' },
  { id: 'facebook', name: 'Facebook', ratio: 1.91, ratioLabel: '1.91:1', note: 'link share' },
  { id: 'linkedin', name: 'LinkedIn', ratio: 1.91, ratioLabel: '1.91:1', note: 'link post' },
  { id: 'slack', name: 'Slack', ratio: null, ratioLabel: 'as drawn, ≤ 360 px wide', note: 'unfurl' },
  { id: 'discord', name: 'Discord', ratio: null, ratioLabel: 'as drawn', note: 'embed' },
  { id: 'imessage', name: 'iMessage', ratio: 1.91, ratioLabel: '≈ 1.91:1', note: 'rich link' },
];

const $ = (sel) => document.querySelector(sel);
const state = {
  token: '',
  catalog: null,
  seq: 0,
  controller: null,
  timer: 0,
  svgUrl: '',
  pngUrl: '',
  pngFor: '',
  report: null,
  warnings: [],
  template: null,
  stories: [],
};

/* ---------- DOM helpers: elements and text only, never markup from strings ---------- */
function el(tag, props, children) {
  const node = document.createElement(tag);
  if (props) {
    for (const key of Object.keys(props)) {
      const value = props[key];
      if (value === undefined || value === null || value === false) continue;
      if (key === 'className') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of [].concat(children || [])) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const clear = (node) => node.replaceChildren();
const field = (name) => document.getElementById('f-' + name);

function domainOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
function kb(n) {
  if (n >= 1000000) return (n / 1000000).toFixed(2) + ' MB';
  return Math.max(1, Math.round(n / 1000)) + ' KB';
}

/* ---------- The API token: from the link npm start prints (#token=…), else asked once, kept in localStorage ---------- */
function takeTokenFromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (token) {
    localStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  state.token = localStorage.getItem(TOKEN_KEY) || '';
}

function askForToken(message) {
  const dialog = $('#token-dialog');
  $('#token-error').textContent = message || '';
  $('#token-input').value = '';
  if (!dialog.open) dialog.showModal();
  $('#token-input').focus();
}

class AuthError extends Error {}

async function api(path, options) {
  const opts = options || {};
  const headers = Object.assign({ Authorization: 'Bearer ' + state.token }, opts.headers || {});
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method: opts.method || (opts.json !== undefined ? 'POST' : 'GET'),
    headers,
    body: opts.json !== undefined ? JSON.stringify(opts.json) : undefined,
    signal: opts.signal,
  });
  if (res.status === 401 || res.status === 403) {
    const body = await res.json().catch(() => ({}));
    if (path.indexOf('/api/') !== -1 && (body.error === 'unauthorized' || /token|Authorization/.test(body.message || ''))) {
      askForToken(body.message || 'That token was not accepted.');
      throw new AuthError(body.message || 'unauthorized');
    }
    return { res, body };
  }
  return { res, body: null };
}

/* ---------- Form state ---------- */
function readForm() {
  const data = {};
  for (const name of STORY_FIELDS) {
    const value = field(name).value.trim();
    if (value) data[name] = value;
  }
  const template = document.querySelector('input[name="template"]:checked');
  const size = document.querySelector('input[name="size"]:checked');
  const mode = document.querySelector('input[name="mode"]:checked');
  data.template = template ? template.value : undefined;
  data.size = size ? size.value : 'og';
  data.theme = { mode: mode ? mode.value : 'light' };
  const brand = field('brandColor').value.trim();
  if (brand) data.theme.brandColor = brand;
  const logo = field('logoUrl').value.trim();
  if (logo) data.theme.logoUrl = logo;
  return data;
}

function writeForm(data) {
  for (const name of STORY_FIELDS) field(name).value = data[name] || '';
  const theme = data.theme || {};
  setBrand(theme.brandColor || '#C8102E');
  field('logoUrl').value = theme.logoUrl || '';
  const mode = document.querySelector('input[name="mode"][value="' + (theme.mode === 'dark' ? 'dark' : 'light') + '"]');
  if (mode) mode.checked = true;
  if (data.template) selectTemplate(data.template);
  if (data.size) selectSize(data.size);
  updateCounts();
}

function setBrand(hex) {
  field('brandColor').value = hex.toUpperCase();
  syncSwatch(hex);
}

function syncSwatch(hex) {
  if (/^#[0-9a-f]{6}$/i.test(hex)) $('#f-brandSwatch').value = hex.toLowerCase();
  else if (/^#[0-9a-f]{3}$/i.test(hex)) $('#f-brandSwatch').value = '#' + hex.slice(1).split('').map((c) => c + c).join('').toLowerCase();
}

function updateCounts() {
  for (const name of Object.keys(LIMITS)) {
    const n = Array.from(new Intl.Segmenter().segment(field(name).value.trim())).length;
    const out = document.getElementById('count-' + name);
    out.textContent = n + ' / ' + LIMITS[name];
    out.classList.toggle('over', n > LIMITS[name]);
  }
}

function saveDraft() {
  const data = readForm();
  data.sample = $('#sample').value;
  localStorage.setItem(DRAFT_KEY, JSON.stringify(data));
}

/* ---------- Template and size pickers, built from the catalog ---------- */
function buildPickers() {
  const list = $('#templates');
  clear(list);
  for (const t of state.catalog.templates) {
    const tags = [];
    if (t.wantsQuote) tags.push(el('span', { className: 'tag', text: 'quote' }));
    if (t.usesImage) tags.push(el('span', { className: 'tag', text: 'photo' }));
    list.append(
      el('label', { className: 'template-option' }, [
        el('input', { type: 'radio', name: 'template', value: t.name }),
        el('span', { className: 'box' }, [
          el('span', { className: 'name' }, [t.name].concat(tags)),
          el('span', { className: 'sr-only', text: ' — ' + t.description }),
        ]),
      ]),
    );
  }
  const sizes = $('#sizes');
  clear(sizes);
  for (const s of state.catalog.sizes) {
    sizes.append(
      el('label', { title: s.label }, [
        el('input', { type: 'radio', name: 'size', value: s.name, 'aria-label': s.name + ', ' + s.width + ' by ' + s.height }),
        el('span', null, [s.name, el('small', { text: s.width + '×' + s.height })]),
      ]),
    );
  }
  for (const sample of state.catalog.samples) {
    $('#sample').append(el('option', { value: sample.id, title: sample.description, text: sample.id }));
    $('#gallery-sample').append(el('option', { value: sample.id, text: sample.id + ' — ' + sample.description }));
  }
  $('#gallery-sample').value = 'demo';
}

function templateMeta(name) {
  return state.catalog.templates.find((t) => t.name === name) || state.catalog.templates[0];
}

function showTemplateDescription() {
  const checked = document.querySelector('input[name="template"]:checked');
  $('#template-desc').textContent = checked ? templateMeta(checked.value).description : '';
}

function selectTemplate(name) {
  const input = document.querySelector('input[name="template"][value="' + CSS.escape(name) + '"]');
  if (input) input.checked = true;
  syncSizes();
}

function selectSize(name) {
  const input = document.querySelector('input[name="size"][value="' + CSS.escape(name) + '"]');
  if (input && !input.disabled) input.checked = true;
}

/** Sizes the chosen template does not draw are disabled; the selection moves to one it does. */
function syncSizes() {
  const checked = document.querySelector('input[name="template"]:checked');
  const meta = templateMeta(checked ? checked.value : '');
  showTemplateDescription();
  let current = document.querySelector('input[name="size"]:checked');
  for (const input of document.querySelectorAll('input[name="size"]')) {
    input.disabled = meta.sizes.indexOf(input.value) === -1;
  }
  if (!current || current.disabled) {
    current = document.querySelector('input[name="size"][value="' + meta.sizes[0] + '"]');
    if (current) current.checked = true;
  }
}

/* ---------- Field issues from a 400: shown beside each field ---------- */
const ISSUE_FIELDS = { 'theme.brandColor': 'brandColor', 'theme.logoUrl': 'logoUrl', 'theme.mode': 'mode', 'theme.siteName': 'siteName' };

function clearIssues() {
  $('#stage').classList.remove('invalid');
  $('#stage-notice').hidden = true;
  for (const node of document.querySelectorAll('.sidebar .error')) node.textContent = '';
  for (const node of document.querySelectorAll('[aria-invalid="true"]')) node.removeAttribute('aria-invalid');
  $('#form-error').hidden = true;
}

function showIssues(body) {
  clearIssues();
  const unplaced = [];
  for (const issue of body.issues || []) {
    const name = ISSUE_FIELDS[issue.path] || issue.path.split('.')[0];
    const out = document.getElementById('err-' + name);
    if (!out) {
      unplaced.push(issue.message);
      continue;
    }
    const text = 'Expected ' + issue.expected + ', received ' + issue.received + '.';
    out.textContent = out.textContent ? out.textContent + ' ' + text : text;
    const input = field(name);
    if (input) input.setAttribute('aria-invalid', 'true');
  }
  const count = (body.issues || []).length;
  $('#stage').classList.add('invalid');
  $('#stage-notice').textContent =
    count > 1 ? 'Fix the ' + count + ' marked fields to update the preview' : 'Fix the marked field to update the preview';
  $('#stage-notice').hidden = false;
  if (unplaced.length || !count) {
    $('#form-error').textContent = unplaced.length ? unplaced.join(' ') : body.message || 'The server refused this card.';
    $('#form-error').hidden = false;
  }
}

/* ---------- Live preview: debounced SVG renders; the newest request wins ---------- */
function schedule() {
  updateCounts();
  saveDraft();
  clearTimeout(state.timer);
  $('#stage').classList.add('stale');
  state.timer = setTimeout(preview, DEBOUNCE_MS);
}

function setStatus(text, busy) {
  const out = $('#render-status');
  out.textContent = text;
  out.classList.toggle('busy', Boolean(busy));
}

async function preview() {
  if (!state.catalog) return;
  const seq = ++state.seq;
  if (state.controller) state.controller.abort();
  state.controller = new AbortController();
  const payload = readForm();
  setStatus('Rendering…', true);
  let result;
  for (let attempt = 1; !result; attempt++) {
    try {
      result = await api('/studio/api/preview', { json: Object.assign({ format: 'svg' }, payload), signal: state.controller.signal });
    } catch (e) {
      if (e.name === 'AbortError' || e instanceof AuthError) return;
      // The dev server restarts its Worker when a template changes: one retry rides that out.
      if (attempt < 2) {
        await new Promise((r) => setTimeout(r, 600));
        if (seq !== state.seq) return;
        continue;
      }
      setStatus('Render failed: ' + e.message);
      return;
    }
  }
  if (seq !== state.seq) return;
  const res = result.res;
  const body = result.body || (await res.json().catch(() => ({ message: 'The server answered ' + res.status })));
  if (seq !== state.seq) return;
  $('#stage').classList.remove('stale');
  if (!res.ok) {
    showIssues(body);
    setStatus(res.status + ' · ' + (body.error || 'error'));
    return;
  }
  clearIssues();
  const url = URL.createObjectURL(new Blob([body.svg], { type: 'image/svg+xml' }));
  if (state.svgUrl) URL.revokeObjectURL(state.svgUrl);
  state.svgUrl = url;
  if (state.pngUrl) URL.revokeObjectURL(state.pngUrl);
  state.pngUrl = '';
  state.report = body.report;
  state.warnings = body.warnings;
  state.template = body.template;
  showCard(url, false);
  renderReport();
  renderWarnings();
  renderMockups();
  setStatus(body.report.width + '×' + body.report.height + ' · ' + body.report.ms + ' ms');
  // A counter of finished previews: lets tests (and curious designers) see that a render landed.
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
}

function showCard(url, isPng) {
  const img = $('#preview');
  const r = state.report;
  img.width = r.width;
  img.height = r.height;
  img.src = url;
  img.alt = 'Preview of the ' + r.template + ' card at ' + r.size + ' (' + r.width + '×' + r.height + '): ' + field('headline').value.trim();
  img.hidden = false;
  $('#stage-empty').hidden = true;
  $('#stage-template').textContent = r.template;
  $('#stage-size').textContent = r.size + ' · ' + r.width + ' × ' + r.height;
  const size = state.catalog.sizes.find((s) => s.name === r.size);
  $('#stage-label').textContent = size ? size.label : '';
  const badge = $('#stage-format');
  badge.textContent = isPng ? 'PNG · ' + kb(r.bytes) : 'SVG · live';
  badge.classList.toggle('png', isPng);
}

async function renderPng() {
  const payload = readForm();
  const key = JSON.stringify(payload);
  if (state.pngUrl && state.pngFor === key) return state.pngUrl;
  setStatus('Rendering PNG…', true);
  const { res } = await api('/studio/api/preview', { json: Object.assign({}, payload, { format: 'png' }) });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    showIssues(body);
    setStatus(res.status + ' · ' + (body.error || 'error'));
    return '';
  }
  const blob = await res.blob();
  const report = JSON.parse(res.headers.get('X-Storycard-Report') || 'null');
  if (state.pngUrl) URL.revokeObjectURL(state.pngUrl);
  state.pngUrl = URL.createObjectURL(blob);
  state.pngFor = key;
  if (report) state.report = report;
  showCard(state.pngUrl, true);
  renderReport();
  setStatus('PNG · ' + kb(blob.size));
  return state.pngUrl;
}

/* ---------- Inspector: report, warnings, actions ---------- */
function renderReport() {
  const r = state.report;
  const out = $('#report');
  clear(out);
  const rows = [];
  for (const name of ['headline', 'quote']) {
    const f = r.fields[name];
    if (!f) continue;
    rows.push(
      el('tr', null, [
        el('th', { scope: 'row', text: name }),
        el('td', null, [
          f.fontSize + ' px · ' + f.lines + (f.lines === 1 ? ' line' : ' lines'),
          el('span', { className: f.truncated ? 'fit cut' : 'fit', text: f.truncated ? 'truncated' : 'fits' }),
        ]),
      ]),
    );
  }
  rows.push(el('tr', null, [el('th', { scope: 'row', text: 'size' }), el('td', { text: r.size + ' · ' + r.width + ' × ' + r.height })]));
  rows.push(el('tr', null, [el('th', { scope: 'row', text: 'PNG' }), el('td', { text: kb(r.bytes) + ' · ' + r.ms + ' ms' })]));
  out.append(el('table', null, el('tbody', null, rows)));
  for (const limit of [
    { name: 'X', bytes: 5000000 },
    { name: 'Bluesky', bytes: 1000000 },
  ]) {
    const share = Math.min(1, r.bytes / limit.bytes);
    const bar = el('i');
    bar.style.width = Math.max(2, share * 100).toFixed(1) + '%';
    out.append(
      el('div', { className: 'budget' }, [
        el('span', { text: limit.name }),
        el('div', { className: r.bytes > limit.bytes ? 'meter over' : 'meter', role: 'img', 'aria-label': limit.name + ' budget: ' + Math.round((r.bytes / limit.bytes) * 100) + '% used' }, bar),
        el('span', { text: kb(limit.bytes) }),
      ]),
    );
  }
}

const WARNING_TITLES = {
  truncated: 'Text truncated',
  contrast: 'Low contrast',
  too_large: 'File too large',
  missing_quote: 'Missing quote',
  quote_unused: 'Quote not shown',
};
const FIX_TARGET = { headline: 'f-headline', quote: 'f-quote', brandColor: 'f-brandColor', template: 'templates', size: 'sizes' };

function renderWarnings() {
  const list = $('#warnings');
  clear(list);
  const count = $('#warning-count');
  count.textContent = String(state.warnings.length);
  count.classList.toggle('has', state.warnings.length > 0);
  if (!state.warnings.length) {
    list.append(el('li', { className: 'clear', text: 'Ready to ship: nothing truncated, contrast passes WCAG AA, size within every limit.' }));
    return;
  }
  for (const w of state.warnings) {
    list.append(
      el('li', { 'data-code': w.code }, [
        el('span', { className: 'kind', text: WARNING_TITLES[w.code] || w.code }),
        w.message,
        el('br'),
        el('button', {
          type: 'button',
          text: 'Go to ' + (w.field === 'brandColor' ? 'brand colour' : w.field),
          onclick: () => {
            const target = document.getElementById(FIX_TARGET[w.field]);
            const focusable = target && (target.matches('input, textarea') ? target : target.querySelector('input:checked, input'));
            if (focusable) focusable.focus();
          },
        }),
      ]),
    );
  }
}

function result(children) {
  const out = $('#action-result');
  clear(out);
  out.append.apply(out, [].concat(children));
}

async function download() {
  const url = await renderPng();
  if (!url) return;
  const r = state.report;
  const a = el('a', { href: url, download: r.template + '-' + r.size + '.png' });
  document.body.append(a);
  a.click();
  a.remove();
  result([el('span', { className: 'ok', text: 'Downloaded ' }), r.template + '-' + r.size + '.png (' + kb(r.bytes) + ')']);
}

async function copySigned() {
  const { res } = await api('/studio/api/sign', { json: readForm() });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    if (body.issues) showIssues(body);
    result([el('span', { className: 'bad', text: 'Could not sign: ' }), body.message || String(res.status)]);
    return;
  }
  let copied = false;
  try {
    await navigator.clipboard.writeText(body.url);
    copied = true;
  } catch {
    copied = false;
  }
  const box = el('input', { type: 'text', readonly: true, value: body.url, 'aria-label': 'Signed card URL' });
  const parts = [el('span', { className: 'ok', text: copied ? 'Copied the signed URL.' : 'Signed URL (copy it):' }), box];
  if (body.dropped && body.dropped.length) parts.push(el('div', { text: 'Signed URLs carry no ' + body.dropped.join(', ') + '.' }));
  result(parts);
  if (!copied) box.select();
}

async function saveStory() {
  const data = readForm();
  const story = {};
  for (const name of STORY_FIELDS) if (data[name]) story[name] = data[name];
  story.template = data.template;
  story.theme = data.theme;
  let { res } = await api('/api/stories', { json: story });
  let body = await res.json().catch(() => ({}));
  if (res.status === 200 && body.id) {
    // A story with this article URL exists: POST is idempotent, so update it in place (its slug stays).
    ({ res } = await api('/api/stories/' + encodeURIComponent(body.id), { method: 'PUT', json: story }));
    body = await res.json().catch(() => ({}));
  }
  if (!res.ok) {
    if (body.issues) showIssues(body);
    result([el('span', { className: 'bad', text: 'Not saved: ' }), body.message || String(res.status)]);
    return;
  }
  const link = el('a', { href: body.shareUrl, target: '_blank', rel: 'noopener noreferrer', text: body.shareUrl });
  result([el('span', { className: 'ok', text: 'Saved. ' }), 'Share page: ', link]);
  window.open(body.shareUrl, '_blank', 'noopener');
  loadStories();
}

async function loadStories() {
  const { res } = await api('/api/stories?limit=50');
  if (!res.ok) return;
  const body = await res.json();
  state.stories = body.items;
  const select = $('#stories');
  const keep = select.value;
  clear(select);
  select.append(el('option', { value: '', text: body.items.length ? 'Choose a story…' : 'No stories yet' }));
  for (const s of body.items) select.append(el('option', { value: s.id, text: s.story.headline }));
  select.value = keep;
  syncStoryLink();
}

function syncStoryLink() {
  const story = state.stories.find((s) => s.id === $('#stories').value);
  const link = $('#story-open');
  link.hidden = !story;
  if (story) link.href = story.shareUrl;
}

function editStory() {
  const story = state.stories.find((s) => s.id === $('#stories').value);
  if (!story) return;
  writeForm(Object.assign({}, story.story, { template: story.template, theme: story.theme || {} }));
  $('#sample').value = '';
  schedule();
}

/* ---------- Platform mock-ups ---------- */
function cropNote(platform, r) {
  if (!platform.ratio) return { text: 'Shown whole, scaled down.', cut: false };
  const card = r.width / r.height;
  if (Math.abs(card - platform.ratio) < 0.02) return { text: 'Fits ' + platform.ratioLabel + ' without cropping.', cut: false };
  if (card < platform.ratio) {
    const lost = Math.round((1 - card / platform.ratio) * 100);
    return { text: 'Crops ' + lost + '% of the height (top and bottom).', cut: true };
  }
  const lost = Math.round((1 - platform.ratio / card) * 100);
  return { text: 'Crops ' + lost + '% of the width (left and right).', cut: true };
}

function cropped(url, ratio, r) {
  const box = el('div', { className: 'crop' }, el('img', { src: url, alt: '', loading: 'lazy' }));
  box.style.aspectRatio = String(ratio || r.width / r.height);
  return box;
}

function mockup(platform, url, info, r) {
  const initial = (info.site || '?').trim().charAt(0).toUpperCase();
  const head = (sub) => el('div', { className: 'post-head' }, [el('div', { className: 'avatar', 'aria-hidden': 'true', text: initial }), el('div', { className: 'who' }, [el('b', { text: info.site }), el('span', { text: sub })])]);
  const img = cropped(url, platform.ratio, r);
  if (platform.id === 'x') {
    return el('div', { className: 'x-post' }, [
      head('@' + info.handle + ' · 2m'),
      el('div', { className: 'text', text: info.title + ' ' + info.link }),
      el('div', { className: 'card' }, [img, el('span', { className: 'domain-tag', text: info.domain })]),
      el('div', { className: 'from', text: 'From ' + info.domain }),
    ]);
  }
  if (platform.id === 'facebook') {
    return el('div', { className: 'fb-post' }, [
      head('Just now · Public'),
      el('div', { className: 'text', text: info.quote ? '“' + info.quote + '”' : info.title }),
      img,
      el('div', { className: 'linkbox' }, [
        el('div', { className: 'domain', text: info.domain }),
        el('div', { className: 'title clamp2', text: info.title }),
        info.description ? el('div', { className: 'desc clamp1', text: info.description }) : null,
      ]),
    ]);
  }
  if (platform.id === 'linkedin') {
    return el('div', { className: 'li-post' }, [
      head('1h · Edited'),
      el('div', { className: 'text', text: info.quote || info.title }),
      img,
      el('div', { className: 'linkbox' }, [el('div', { className: 'title clamp2', text: info.title }), el('div', { className: 'domain', text: info.domain })]),
    ]);
  }
  if (platform.id === 'slack') {
    return el('div', { className: 'slack' }, [
      head('APP  10:42'),
      el('div', { className: 'text', text: info.link }),
      el('div', { className: 'unfurl' }, [
        el('div', { className: 'site', text: info.site }),
        el('div', { className: 'title', text: info.title }),
        info.description ? el('div', { className: 'desc clamp2', text: info.description }) : null,
        img,
      ]),
    ]);
  }
  if (platform.id === 'discord') {
    const embed = el('div', { className: 'embed' }, [
      el('div', { className: 'site', text: info.site }),
      el('div', { className: 'title', text: info.title }),
      info.description ? el('div', { className: 'desc clamp2', text: info.description }) : null,
      img,
    ]);
    embed.style.setProperty('--embed', info.brand);
    return el('div', { className: 'discord' }, [head('Today at 10:42'), el('div', { className: 'text', text: info.link }), embed]);
  }
  return el('div', { className: 'imessage' }, [
    el('div', { className: 'bubble' }, [img, el('div', { className: 'meta' }, [el('div', { className: 'title clamp2', text: info.title }), el('div', { className: 'domain', text: info.domain })])]),
  ]);
}

/** The og and x cards a share page names (og:image, twitter:image), rendered for the mock-ups and kept a while. */
const mockCards = new Map();
let mockSeq = 0;

async function mockupCard(payload, size) {
  if (state.report && state.report.size === size && state.svgUrl) {
    return { url: state.pngUrl || state.svgUrl, report: state.report };
  }
  const key = JSON.stringify(Object.assign({}, payload, { size }));
  if (mockCards.has(key)) return mockCards.get(key);
  const { res } = await api('/studio/api/preview', { json: Object.assign({}, payload, { size, format: 'svg' }) });
  if (!res.ok) return null;
  const body = await res.json();
  const card = { url: URL.createObjectURL(new Blob([body.svg], { type: 'image/svg+xml' })), report: body.report };
  if (mockCards.size >= 6) {
    const [oldest, old] = mockCards.entries().next().value;
    URL.revokeObjectURL(old.url);
    mockCards.delete(oldest);
  }
  mockCards.set(key, card);
  return card;
}

async function renderMockups() {
  if (document.body.dataset.view !== 'mockups' || !state.report) return;
  const seq = ++mockSeq;
  const data = readForm();
  const meta = templateMeta(data.template);
  const ogSize = meta.sizes.indexOf('og') !== -1 ? 'og' : data.size;
  const xSize = meta.sizes.indexOf('x') !== -1 ? 'x' : ogSize;
  let cards;
  try {
    cards = await Promise.all([mockupCard(data, ogSize), mockupCard(data, xSize)]);
  } catch (e) {
    if (e instanceof AuthError) return;
    throw e;
  }
  if (seq !== mockSeq || !cards[0] || !cards[1]) return;
  const out = $('#mockups');
  clear(out);
  const domain = domainOf(data.url) || 'example.com';
  const site = data.siteName || domain;
  const info = {
    title: data.headline || '',
    quote: data.quote || '',
    description: data.quote ? '“' + data.quote + '”' + (data.quoteAuthor ? ' — ' + data.quoteAuthor : '') : '',
    domain,
    site,
    handle: site.toLowerCase().replace(/[^a-z0-9_]/g, '').slice(0, 15) || 'newsroom',
    link: data.url || 'https://' + domain + '/',
    brand: (data.theme && data.theme.brandColor) || '#C8102E',
  };
  const sizeNote = $('#mockups-note');
  sizeNote.textContent =
    data.size === ogSize || data.size === xSize
      ? ''
      : 'Link previews use the ' + ogSize + ' and ' + xSize + ' cards a share page names; the ' + data.size + ' card you are editing is for posting as an image.';
  for (const platform of PLATFORMS) {
    const card = platform.id === 'x' ? cards[1] : cards[0];
    const note = cropNote(platform, card.report);
    out.append(
      el('figure', { className: 'mock', 'data-platform': platform.id, 'data-card': card.report.size }, [
        el('figcaption', { className: 'mock-label' }, [
          el('strong', { text: platform.name + ' ' + platform.note }),
          el('span', { text: platform.ratioLabel + ' · ' + card.report.size + ' card' }),
        ]),
        el('div', { className: 'shot' }, mockup(platform, card.url, info, card.report)),
        el('div', { className: note.cut ? 'mock-crop cut' : 'mock-crop', text: note.text }),
      ]),
    );
  }
  document.body.dataset.mockups = String(Number(document.body.dataset.mockups || 0) + 1);
}

/* ---------- Gallery: every template × size for one sample, lazily loaded signed PNGs ---------- */
async function loadGallery() {
  const sample = $('#gallery-sample').value || 'demo';
  const mode = document.querySelector('input[name="gallery-mode"]:checked').value;
  const brand = field('brandColor').value.trim();
  const query = new URLSearchParams({ sample, theme: mode });
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(brand)) query.set('brand', brand);
  const { res } = await api('/studio/api/gallery?' + query);
  if (!res.ok) return;
  const body = await res.json();
  const out = $('#gallery');
  clear(out);
  for (const t of state.catalog.templates) {
    const tiles = body.tiles.filter((tile) => tile.template === t.name);
    out.append(
      el('section', { className: 'gallery-row', 'aria-label': t.name }, [
        el('h3', { text: t.name }),
        el('p', { text: t.description }),
        el(
          'div',
          { className: 'tiles' },
          tiles.map((tile) =>
            el('figure', { className: 'tile' }, [
              el(
                'button',
                {
                  type: 'button',
                  'aria-label': 'Open ' + t.name + ' at ' + tile.size + ' in the editor',
                  onclick: () => openFromGallery(sample, mode, t.name, tile.size),
                },
                el('img', { src: tile.url, alt: t.name + ' card, ' + tile.size + ', sample ' + sample, loading: 'lazy', width: tile.width, height: tile.height, decoding: 'async' }),
              ),
              el('figcaption', null, [el('b', { text: tile.size }), ' ' + tile.width + '×' + tile.height]),
            ]),
          ),
        ),
      ]),
    );
  }
}

function openFromGallery(sampleId, mode, template, size) {
  const sample = state.catalog.samples.find((s) => s.id === sampleId);
  writeForm(Object.assign({}, sample.story, { template, size, theme: { mode, brandColor: field('brandColor').value, logoUrl: field('logoUrl').value } }));
  $('#sample').value = sampleId;
  showView('editor');
  schedule();
}

/* ---------- Views (tabs with arrow keys) ---------- */
const VIEWS = ['editor', 'mockups', 'gallery'];
function showView(name) {
  document.body.dataset.view = name;
  for (const v of VIEWS) {
    const tab = document.getElementById('tab-' + v);
    const selected = v === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    document.getElementById('view-' + v).hidden = !selected;
  }
  if (name === 'gallery' && !$('#gallery').childElementCount) loadGallery();
  if (name === 'mockups') renderMockups();
}

/* ---------- Wiring ---------- */
function wire() {
  const form = $('#editor');
  form.addEventListener('input', (e) => {
    if (e.target.id === 'f-brandSwatch') setBrand(e.target.value);
    if (e.target.id === 'f-brandColor') syncSwatch(e.target.value.trim());
    if (e.target.name === 'template') syncSizes();
    if (e.target.id !== 'sample') $('#sample').value = '';
    if (e.target.id === 'sample') return;
    schedule();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('#sample').addEventListener('change', (e) => {
    const sample = state.catalog.samples.find((s) => s.id === e.target.value);
    if (!sample) return;
    const keep = readForm();
    writeForm(Object.assign({}, sample.story, { template: keep.template, size: keep.size, theme: keep.theme }));
    schedule();
  });
  for (const v of VIEWS) document.getElementById('tab-' + v).addEventListener('click', () => showView(v));
  $('.views').addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = VIEWS.indexOf(document.body.dataset.view);
    const next = VIEWS[(i + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
    showView(next);
    document.getElementById('tab-' + next).focus();
  });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      renderPng();
    } else if (e.altKey && ['1', '2', '3'].indexOf(e.key) !== -1) {
      e.preventDefault();
      showView(VIEWS[Number(e.key) - 1]);
      document.getElementById('tab-' + document.body.dataset.view).focus();
    }
  });
  $('#action-png').addEventListener('click', () => renderPng());
  $('#action-download').addEventListener('click', () => download());
  $('#action-sign').addEventListener('click', () => copySigned());
  $('#action-save').addEventListener('click', () => saveStory());
  $('#stories').addEventListener('change', syncStoryLink);
  $('#story-load').addEventListener('click', editStory);
  $('#gallery-sample').addEventListener('change', loadGallery);
  for (const r of document.querySelectorAll('input[name="gallery-mode"]')) r.addEventListener('change', loadGallery);
  $('#token-button').addEventListener('click', () => askForToken(''));
  $('#token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $('#token-input').value.trim();
    if (!token) return;
    state.token = token;
    localStorage.setItem(TOKEN_KEY, token);
    $('#token-dialog').close();
    start();
  });
}

async function start() {
  let res;
  try {
    ({ res } = await api('/studio/api/catalog'));
  } catch (e) {
    if (!(e instanceof AuthError)) setStatus('Could not reach the server: ' + e.message);
    return;
  }
  if (!res.ok) return;
  const firstStart = !state.catalog;
  state.catalog = await res.json();
  if (firstStart) {
    buildPickers();
    let draft = null;
    try {
      draft = JSON.parse(localStorage.getItem(DRAFT_KEY) || 'null');
    } catch {
      draft = null;
    }
    const demo = state.catalog.samples[0];
    writeForm(draft || Object.assign({}, demo.story, { template: state.catalog.templates[0].name, size: 'og', theme: { mode: 'light' } }));
    $('#sample').value = draft ? draft.sample || '' : demo.id;
    if (!document.querySelector('input[name="template"]:checked')) selectTemplate(state.catalog.templates[0].name);
  }
  if (!state.catalog.signing) $('#action-sign').disabled = true;
  preview();
  loadStories();
}

wire();
takeTokenFromHash();
if (state.token) start();
else askForToken('');
`;
