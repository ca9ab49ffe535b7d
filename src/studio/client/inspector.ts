// The studio script, part 3: the inspector: layout report, warnings, and the ship-it actions (PNG, signed URL, save).
// biome-ignore lint/complexity/noUselessStringRaw: raw on purpose: a regex added later keeps its backslashes.
export const INSPECTOR = String.raw`
/* ---------- Inspector: report, warnings, actions ---------- */
function renderReport() {
  const r = state.report;
  const out = $('#report');
  clear(out);
  const rows = [];
  // Story fields first, then what the template draws of its own (date, domain, kicker…); each with its lines as drawn.
  const order = ['headline', 'quote', 'quoteAuthor', 'siteName', 'author'];
  const names = Object.keys(r.fields).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  for (const name of names) {
    const f = r.fields[name];
    rows.push(
      el('tr', { 'data-field': name }, [
        el('th', { scope: 'row', text: name }),
        el('td', null, [
          f.fontSize + ' px · ' + f.lines + (f.lines === 1 ? ' line' : ' lines'),
          el('span', { className: f.truncated ? 'fit cut' : 'fit', text: f.truncated ? 'truncated' : 'fits' }),
        ]),
      ]),
      // The lines exactly as drawn, across the whole panel: where each one breaks is what a designer checks.
      el('tr', { className: 'lines-row' }, [
        el('td', { colspan: 2 }, el('ol', { className: 'lines', 'aria-label': name + ', lines as drawn' }, (f.lineTexts || []).map((line) => el('li', { text: line })))),
      ]),
    );
  }
  rows.push(el('tr', null, [el('th', { scope: 'row', text: 'size' }), el('td', { text: r.size + ' · ' + r.width + ' × ' + r.height })]));
  const format = FORMAT_LABELS[r.format] || 'SVG';
  rows.push(el('tr', null, [el('th', { scope: 'row', text: format }), el('td', { className: 'timing', text: kb(r.bytes) + ' · ' + r.ms + ' ms' })]));
  out.append(el('table', null, el('tbody', null, rows)));
  // Only a file has a platform weight: the live preview is SVG, drawn by the browser.
  if (r.format === 'svg') {
    out.append(el('p', { className: 'hint', text: 'Live preview (SVG). Render a file to see its weight against each platform’s limit.' }));
    return;
  }
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
const FIX_TARGET = {
  headline: 'f-headline',
  quote: 'f-quote',
  quoteAuthor: 'f-quoteAuthor',
  siteName: 'f-siteName',
  author: 'f-author',
  brandColor: 'f-brandColor',
  template: 'templates',
  size: 'sizes',
};

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
  const name = r.template + '-' + r.size + '.' + (EXTENSIONS[r.format] || 'png');
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  result([el('span', { className: 'ok', text: 'Downloaded ' }), name + ' (' + kb(r.bytes) + ')']);
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
`;
