// The studio script, part 2: the form, template and size pickers, field issues, and the live preview (latest wins).
import { HEX_COLOUR } from '../../card-terms.ts';
import type { TemplateMeta } from '../../render/template.ts';
import type { RenderReport } from '../../render/types.ts';
import {
  $,
  AuthError,
  api,
  catalog,
  clear,
  DRAFT_KEY,
  type ErrorBody,
  el,
  errorBody,
  type FileFormat,
  FORMAT_LABELS,
  type FormData,
  field,
  input,
  kb,
  LIMITS,
  STALE_AFTER_MS,
  STORY_FIELDS,
  state,
} from './core.ts';
import { renderReport, renderWarnings } from './inspector.ts';
import { renderMockups } from './mockups.ts';

const checked = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);

/* ---------- Form state ---------- */
export function readForm(): FormData {
  const data: FormData = {};
  for (const name of STORY_FIELDS) {
    const value = input(name).value.trim();
    if (value) data[name] = value;
  }
  const template = checked('template');
  const size = checked('size');
  const mode = checked('mode');
  data.template = template ? template.value : undefined;
  data.size = size ? size.value : 'og';
  data.theme = { mode: mode?.value === 'dark' ? 'dark' : 'light' };
  const brand = input('brandColor').value.trim();
  if (brand) data.theme.brandColor = brand;
  const logo = input('logoUrl').value.trim();
  if (logo) data.theme.logoUrl = logo;
  return data;
}

export function writeForm(data: FormData) {
  for (const name of STORY_FIELDS) input(name).value = data[name] || '';
  const theme = data.theme || {};
  setBrand(theme.brandColor || '#C8102E');
  input('logoUrl').value = theme.logoUrl || '';
  const mode = document.querySelector<HTMLInputElement>(
    `input[name="mode"][value="${theme.mode === 'dark' ? 'dark' : 'light'}"]`,
  );
  if (mode) mode.checked = true;
  if (data.template) selectTemplate(data.template);
  if (data.size) selectSize(data.size);
  updateCounts();
}

export function setBrand(hex: string) {
  input('brandColor').value = hex.toUpperCase();
  syncSwatch(hex);
}

/** The colour picker's value (#rrggbb, lower case) for a brand colour the API takes (#rgb or #rrggbb); else null. */
export function swatchValue(hex: string): string | null {
  if (!HEX_COLOUR.test(hex)) return null;
  const digits = hex.slice(1).toLowerCase();
  return `#${digits.length === 3 ? [...digits].map((c) => c + c).join('') : digits}`;
}

export function syncSwatch(hex: string) {
  const value = swatchValue(hex);
  if (value) $<HTMLInputElement>('#f-brandSwatch').value = value;
}

/** Characters as the schema counts them: graphemes (an emoji or an accented letter is one). */
export const graphemes = (text: string) => Array.from(new Intl.Segmenter().segment(text)).length;

export function updateCounts() {
  for (const name of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
    const n = graphemes(input(name).value.trim());
    const out = $(`#count-${name}`);
    out.textContent = `${n} / ${LIMITS[name]}`;
    out.classList.toggle('over', n > LIMITS[name]);
  }
}

/** Kept for the next visit: only a draft the server drew, so a reload never brings back a refused one. */
function saveDraft(data: FormData) {
  localStorage.setItem(DRAFT_KEY, JSON.stringify({ ...data, sample: $<HTMLSelectElement>('#sample').value }));
}

/** What is wrong with a refused draft, in one line: each field with what was expected and received. */
function problemOf(body: ErrorBody): string {
  const issues = (body.issues || []).map(
    (i) => `${issueField(i.path)}: expected ${i.expected}, received ${i.received}`,
  );
  return issues.length ? `${issues.join('; ')}.` : body.message || 'The server refused this card.';
}

/* ---------- Template and size pickers, built from the catalog ---------- */
export function buildPickers() {
  const list = $('#templates');
  clear(list);
  for (const t of catalog().templates) {
    // What the template asks of a story, in words (a tag saying "quote" under the quote template read "quote quote").
    const needs = t.wantsQuote ? 'needs a quote' : t.usesImage ? 'uses the photo' : 'any story';
    list.append(
      el('label', { className: 'template-option' }, [
        el('input', { type: 'radio', name: 'template', value: t.name }),
        el('span', { className: 'box' }, [
          el('span', { className: 'name', text: t.name }),
          el('span', { className: 'needs', text: needs }),
          el('span', { className: 'sr-only', text: ` — ${t.description}` }),
        ]),
      ]),
    );
  }
  const sizes = $('#sizes');
  clear(sizes);
  for (const s of catalog().sizes) {
    sizes.append(
      el('label', { title: s.label }, [
        el('input', {
          type: 'radio',
          name: 'size',
          value: s.name,
          'aria-label': `${s.name}, ${s.width} by ${s.height}`,
        }),
        el('span', null, [s.name, el('small', { text: `${s.width}×${s.height}` })]),
      ]),
    );
  }
  for (const sample of catalog().samples) {
    $('#sample').append(el('option', { value: sample.id, title: sample.description, text: sample.id }));
    $('#gallery-sample').append(el('option', { value: sample.id, text: `${sample.id} — ${sample.description}` }));
  }
  $<HTMLSelectElement>('#gallery-sample').value = 'demo';
}

export function templateMeta(name: string | undefined): TemplateMeta {
  const templates = catalog().templates;
  return templates.find((t) => t.name === name) || templates[0]!;
}

function showTemplateDescription() {
  const template = checked('template');
  $('#template-desc').textContent = template ? templateMeta(template.value).description : '';
}

export function selectTemplate(name: string) {
  const radio = document.querySelector<HTMLInputElement>(`input[name="template"][value="${CSS.escape(name)}"]`);
  if (radio) radio.checked = true;
  syncSizes();
}

function selectSize(name: string) {
  const radio = document.querySelector<HTMLInputElement>(`input[name="size"][value="${CSS.escape(name)}"]`);
  if (radio && !radio.disabled) radio.checked = true;
}

/** Sizes the chosen template does not draw are disabled; the selection moves to one it does. */
export function syncSizes() {
  const template = checked('template');
  const meta = templateMeta(template ? template.value : '');
  showTemplateDescription();
  let current = checked('size');
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="size"]')) {
    radio.disabled = !(meta.sizes as readonly string[]).includes(radio.value);
  }
  if (!current || current.disabled) {
    current = document.querySelector<HTMLInputElement>(`input[name="size"][value="${meta.sizes[0]}"]`);
    if (current) current.checked = true;
  }
}

/* ---------- Field issues from a 400: shown beside each field ---------- */
const ISSUE_FIELDS: Record<string, string> = {
  'theme.brandColor': 'brandColor',
  'theme.logoUrl': 'logoUrl',
  'theme.mode': 'mode',
  'theme.siteName': 'siteName',
};

/** The form field an issue's path belongs to ("theme.brandColor" → brandColor, "quote" → quote). */
export const issueField = (path: string) => ISSUE_FIELDS[path] || path.split('.')[0] || path;

function clearIssues() {
  $('#stage').classList.remove('invalid');
  $('#stage-notice').hidden = true;
  for (const node of document.querySelectorAll('.sidebar .error')) node.textContent = '';
  for (const node of document.querySelectorAll('[aria-invalid="true"]')) node.removeAttribute('aria-invalid');
  $('#form-error').hidden = true;
}

export function showIssues(body: ErrorBody) {
  clearIssues();
  const unplaced: string[] = [];
  for (const issue of body.issues || []) {
    const name = issueField(issue.path);
    const out = document.getElementById(`err-${name}`);
    if (!out) {
      unplaced.push(issue.message);
      continue;
    }
    const text = `Expected ${issue.expected}, received ${issue.received}.`;
    out.textContent = out.textContent ? `${out.textContent} ${text}` : text;
    field(name)?.setAttribute('aria-invalid', 'true');
  }
  const count = (body.issues || []).length;
  $('#stage').classList.add('invalid');
  $('#stage-notice').textContent =
    count > 1 ? `Fix the ${count} marked fields to update the preview` : 'Fix the marked field to update the preview';
  $('#stage-notice').hidden = false;
  if (unplaced.length || !count) {
    $('#form-error').textContent = unplaced.length
      ? unplaced.join(' ')
      : body.message || 'The server refused this card.';
    $('#form-error').hidden = false;
  }
}

/* ---------- Live preview: the first keystroke renders at once; one request in flight; the newest text wins ---------- */
// A debounce made every keystroke wait before anything was asked. Instead: a change with no render in flight is sent
// at once; changes typed while one is in flight are coalesced into one follow-up render of the form as it is when
// that one lands. Typing never aborts the render in flight (during steady typing it is the only one that can land);
// a discrete choice (template, size, mode, sample, a loaded story) makes it obsolete, so `now` aborts it and sends.
export function schedule(now = false) {
  updateCounts();
  // Nothing new to draw: the form is as last sent (a trailing space, which readForm trims, or an edit undone).
  if (!now && JSON.stringify(readForm()) === state.sentFor) {
    state.pending = false;
    caughtUp(state.seq);
    return;
  }
  clearTimeout(state.staleTimer);
  // Dimmed only when the preview falls behind: a dim-undim on every keystroke would flicker while it keeps up.
  state.staleTimer = window.setTimeout(() => $('#stage').classList.add('stale'), STALE_AFTER_MS);
  if (state.inFlight && !now) {
    state.pending = true;
    return;
  }
  void preview();
}

export function setStatus(text: string, busy?: boolean) {
  const out = $('#render-status');
  out.textContent = text;
  out.classList.toggle('busy', Boolean(busy));
}

interface PreviewAnswer extends ErrorBody {
  svg: string;
  report: RenderReport;
  warnings: typeof state.warnings;
  template: TemplateMeta;
}

/** The request in flight has answered (or failed): the coalesced follow-up, if the form changed meanwhile, goes now. */
function landed(controller: AbortController) {
  if (state.controller !== controller) return;
  state.controller = null;
  state.inFlight = false;
  if (state.pending && JSON.stringify(readForm()) !== state.sentFor) void preview();
  state.pending = false;
}

/** The form as the server drew it is on the page, and nothing newer is asked: the preview is current. */
function caughtUp(seq: number) {
  if (seq !== state.seq || state.inFlight || state.pending) return;
  clearTimeout(state.staleTimer);
  $('#stage').classList.remove('stale');
}

export async function preview() {
  if (!state.catalog) return;
  const seq = ++state.seq;
  // Only ever a render this one makes obsolete: there is never more than one in flight.
  state.controller?.abort();
  const controller = new AbortController();
  state.controller = controller;
  state.inFlight = true;
  state.pending = false;
  const payload = readForm();
  state.sentFor = JSON.stringify(payload);
  setStatus('Rendering…', true);
  let result: Awaited<ReturnType<typeof api>> | undefined;
  let body: PreviewAnswer | undefined;
  let answered = 0;
  for (let attempt = 1; !body; attempt++) {
    try {
      result = await api('/studio/api/preview', { json: { format: 'svg', ...payload }, signal: controller.signal });
      answered = performance.now();
      const res = result.res;
      body = (result.body ||
        (await res.json().catch((e: Error) => {
          if (e.name === 'AbortError') throw e;
          return { message: `The server answered ${res.status}` };
        }))) as PreviewAnswer;
    } catch (e) {
      if ((e as Error).name === 'AbortError') return; // the render that aborted it is in flight now
      if (e instanceof AuthError) {
        // The token dialog is open; once a token is given the studio starts over and renders the form.
        state.pending = false;
        state.sentFor = '';
        landed(controller);
        return;
      }
      // The dev server restarts its Worker when a template changes: one retry rides that out.
      if (attempt < 2) {
        await new Promise((r) => setTimeout(r, 600));
        if (controller.signal.aborted) return;
        continue;
      }
      setStatus(`Render failed: ${(e as Error).message}`);
      state.sentFor = ''; // not drawn: the next change asks again, even back to this form
      landed(controller);
      return;
    }
  }
  const res = result!.res;
  landed(controller);
  if (!res.ok) {
    // A server fault may pass: the next change asks again even if it brings the form back to this one.
    if (res.status >= 500) state.sentFor = '';
    // Never over a newer answer: one that landed after this was sent is already on the page.
    if (seq < state.shown) return;
    state.shown = seq;
    showIssues(body);
    setStatus(`${res.status} · ${body.error || 'error'}`);
    // The panel, warnings and mock-ups describe this draft: it has no card, and they say why.
    state.report = null;
    state.warnings = [];
    state.problem = problemOf(body);
    renderReport();
    renderWarnings();
    renderMockups();
    caughtUp(seq);
    return;
  }
  const read = performance.now();
  const url = URL.createObjectURL(new Blob([body.svg], { type: 'image/svg+xml' }));
  // Swapped in only once decoded: the old card stays on screen until the new one can be drawn whole.
  const decoded = new Image();
  decoded.src = url;
  await decoded.decode().catch(() => {}); // an SVG the browser cannot draw shows as a broken image, as before
  const ready = performance.now();
  // Latest wins: a render sent before the one on the page (or aborted by a newer choice) is never painted over it.
  if (seq < state.shown || controller.signal.aborted) {
    URL.revokeObjectURL(url);
    return;
  }
  state.shown = seq;
  clearIssues();
  state.problem = '';
  saveDraft(payload);
  if (state.svgUrl) URL.revokeObjectURL(state.svgUrl);
  state.svgUrl = url;
  if (state.pngUrl) URL.revokeObjectURL(state.pngUrl);
  state.pngUrl = '';
  state.report = body.report;
  state.warnings = body.warnings;
  state.template = body.template;
  showCard(url, false, payload.headline ?? '');
  renderReport();
  renderWarnings();
  renderMockups();
  setStatus(`${body.report.width}×${body.report.height} · ${body.report.ms} ms`);
  caughtUp(seq);
  // The client's share of a preview, in the browser's performance timeline (devtools; npm run bench:studio).
  performance.measure('preview: read answer', { start: answered, end: read });
  performance.measure('preview: decode', { start: read, end: ready });
  performance.measure('preview: show', { start: ready, end: performance.now() });
  // A counter of finished previews: lets tests (and curious designers) see that a render landed.
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
}

/** Show a card the server drew; `headline` is the one it drew (the form may have moved on since it was asked). */
function showCard(url: string, isPng: boolean, headline: string) {
  const img = $<HTMLImageElement>('#preview');
  const r = state.report!;
  img.width = r.width;
  img.height = r.height;
  img.src = url;
  img.dataset.headline = headline;
  img.alt = `Preview of the ${r.template} card at ${r.size} (${r.width}×${r.height}): ${headline}`;
  img.hidden = false;
  $('#stage-empty').hidden = true;
  $('#stage-template').textContent = r.template;
  $('#stage-size').textContent = `${r.size} · ${r.width} × ${r.height}`;
  const size = catalog().sizes.find((s) => s.name === r.size);
  $('#stage-label').textContent = size ? size.label : '';
  const badge = $('#stage-format');
  badge.textContent = isPng && r.format !== 'svg' ? `${FORMAT_LABELS[r.format]} · ${kb(r.bytes)}` : 'SVG · live';
  badge.classList.toggle('png', isPng);
}

/** The file format chosen for files (png, auto, jpeg or webp); the live preview is always SVG. */
export const fileFormat = () => ($<HTMLSelectElement>('#file-format').value || 'png') as FileFormat;

/** The chosen file format (png, auto, jpeg or webp) made on the server; the live preview is always SVG. */
export async function renderPng(): Promise<string> {
  const payload = readForm();
  const format = fileFormat();
  const key = `${JSON.stringify(payload)} ${format}`;
  if (state.pngUrl && state.pngFor === key) return state.pngUrl;
  setStatus(`Rendering ${FORMAT_LABELS[format]}…`, true);
  const { res } = await api('/studio/api/preview', { json: { ...payload, format } });
  if (!res.ok) {
    const body = await errorBody(res);
    showIssues(body);
    setStatus(`${res.status} · ${body.error || 'error'}`);
    return '';
  }
  const blob = await res.blob();
  const report = JSON.parse(res.headers.get('X-Storycard-Report') || 'null') as RenderReport | null;
  if (state.pngUrl) URL.revokeObjectURL(state.pngUrl);
  state.pngUrl = URL.createObjectURL(blob);
  state.pngFor = key;
  if (report) state.report = report;
  showCard(state.pngUrl, true, payload.headline ?? '');
  renderReport();
  const written = report && report.format !== 'svg' ? report.format : format;
  setStatus(`${FORMAT_LABELS[written]} · ${kb(blob.size)}`);
  return state.pngUrl;
}
