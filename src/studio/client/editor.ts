// The studio script, part 2: the form, template and size pickers, field issues, and the debounced live preview.
// biome-ignore lint/complexity/noUselessStringRaw: raw on purpose: a regex added later keeps its backslashes.
export const EDITOR = String.raw`
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
    // What the template asks of a story, in words (a tag saying "quote" under the quote template read "quote quote").
    const needs = t.wantsQuote ? 'needs a quote' : t.usesImage ? 'uses the photo' : 'any story';
    list.append(
      el('label', { className: 'template-option' }, [
        el('input', { type: 'radio', name: 'template', value: t.name }),
        el('span', { className: 'box' }, [
          el('span', { className: 'name', text: t.name }),
          el('span', { className: 'needs', text: needs }),
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
  badge.textContent = isPng ? FORMAT_LABELS[r.format] + ' · ' + kb(r.bytes) : 'SVG · live';
  badge.classList.toggle('png', isPng);
}

const FORMAT_LABELS = { png: 'PNG', auto: 'auto', jpeg: 'JPEG', webp: 'WebP' };
const EXTENSIONS = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/** The chosen file format (png, auto, jpeg or webp) made on the server; the live preview is always SVG. */
async function renderPng() {
  const payload = readForm();
  const format = $('#file-format').value || 'png';
  const key = JSON.stringify(payload) + ' ' + format;
  if (state.pngUrl && state.pngFor === key) return state.pngUrl;
  setStatus('Rendering ' + FORMAT_LABELS[format] + '…', true);
  const { res } = await api('/studio/api/preview', { json: Object.assign({}, payload, { format }) });
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
  setStatus(FORMAT_LABELS[(report && report.format) || format] + ' · ' + kb(blob.size));
  return state.pngUrl;
}
`;
