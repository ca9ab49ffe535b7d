// The studio script, part 3: the inspector: layout report, warnings, and the ship-it actions (PNG, signed URL, save).
import type { FieldReport } from '../../render/types.ts';
import { PLATFORM_LIMITS } from '../platform-limits.ts';
import type { StudioWarning } from '../warnings.ts';
import {
  $,
  api,
  clear,
  EXTENSIONS,
  el,
  errorBody,
  FORMAT_LABELS,
  kb,
  STORY_FIELDS,
  type StoryItem,
  state,
} from './core.ts';
import { readForm, renderPng, schedule, showIssues, writeForm } from './editor.ts';

// Story fields first, then what the template draws of its own (date, domain, kicker…).
const FIELD_ORDER = ['headline', 'quote', 'quoteAuthor', 'siteName', 'author'];

/** The report's fields in the order the inspector lists them: story fields first, the template's own after. */
export function reportOrder(names: string[]): string[] {
  const rank = (name: string) => FIELD_ORDER.indexOf(name) + 1 || 99;
  return [...names].sort((a, b) => rank(a) - rank(b));
}

/* ---------- Inspector: report, warnings, actions ---------- */
export function renderReport() {
  const r = state.report;
  const out = $('#report');
  clear(out);
  // A draft the server refused has no layout: say what is wrong here, never the previous draft's report.
  if (!r) {
    out.append(el('p', { className: 'problem', text: state.problem || 'Nothing rendered yet.' }));
    return;
  }
  const rows: HTMLElement[] = [];
  // Each field with its lines as drawn.
  for (const name of reportOrder(Object.keys(r.fields))) {
    const f = r.fields[name] as FieldReport;
    rows.push(
      el('tr', { 'data-field': name }, [
        el('th', { scope: 'row', text: name }),
        el('td', null, [
          `${f.fontSize} px · ${f.lines}${f.lines === 1 ? ' line' : ' lines'}`,
          el('span', { className: f.truncated ? 'fit cut' : 'fit', text: f.truncated ? 'truncated' : 'fits' }),
        ]),
      ]),
      // The lines exactly as drawn, across the whole panel: where each one breaks is what a designer checks.
      el('tr', { className: 'lines-row' }, [
        el(
          'td',
          { colspan: 2 },
          el(
            'ol',
            { className: 'lines', 'aria-label': `${name}, lines as drawn` },
            (f.lineTexts || []).map((line) => el('li', { text: line })),
          ),
        ),
      ]),
    );
  }
  rows.push(
    el('tr', null, [
      el('th', { scope: 'row', text: 'size' }),
      el('td', { text: `${r.size} · ${r.width} × ${r.height}` }),
    ]),
  );
  const format = r.format === 'svg' ? 'SVG' : FORMAT_LABELS[r.format];
  rows.push(
    el('tr', null, [
      el('th', { scope: 'row', text: format }),
      el('td', { className: 'timing', text: `${kb(r.bytes)} · ${r.ms} ms` }),
    ]),
  );
  out.append(el('table', null, el('tbody', null, rows)));
  // Only a file has a platform weight: the live preview is SVG, drawn by the browser.
  if (r.format === 'svg') {
    out.append(
      el('p', {
        className: 'hint',
        text: 'Live preview (SVG). Render a file to see its weight against each platform’s limit.',
      }),
    );
    return;
  }
  for (const limit of PLATFORM_LIMITS) {
    const share = Math.min(1, r.bytes / limit.bytes);
    const bar = el('i');
    bar.style.width = `${Math.max(2, share * 100).toFixed(1)}%`;
    out.append(
      el('div', { className: 'budget' }, [
        el('span', { text: limit.platform }),
        el(
          'div',
          {
            className: r.bytes > limit.bytes ? 'meter over' : 'meter',
            role: 'img',
            'aria-label': `${limit.platform} budget: ${Math.round((r.bytes / limit.bytes) * 100)}% used`,
          },
          bar,
        ),
        el('span', { text: kb(limit.bytes) }),
      ]),
    );
  }
}

const WARNING_TITLES: Record<StudioWarning['code'], string> = {
  truncated: 'Text truncated',
  contrast: 'Low contrast',
  too_large: 'File too large',
  missing_quote: 'Missing quote',
  quote_unused: 'Quote not shown',
  missing_glyphs: 'Missing glyphs',
};
const FIX_TARGET: Record<StudioWarning['field'], string> = {
  headline: 'f-headline',
  quote: 'f-quote',
  quoteAuthor: 'f-quoteAuthor',
  siteName: 'f-siteName',
  author: 'f-author',
  brandColor: 'f-brandColor',
  template: 'templates',
  size: 'sizes',
};

export function renderWarnings() {
  const list = $('#warnings');
  clear(list);
  const count = $('#warning-count');
  if (state.problem) {
    count.textContent = '!';
    count.classList.add('has');
    list.append(
      el('li', { className: 'problem', 'data-code': 'invalid' }, [
        el('span', { className: 'kind', text: 'Not ready: this draft draws no card' }),
        state.problem,
      ]),
    );
    return;
  }
  count.textContent = String(state.warnings.length);
  count.classList.toggle('has', state.warnings.length > 0);
  if (!state.warnings.length) {
    list.append(
      el('li', {
        className: 'clear',
        text: 'Ready to ship: nothing truncated, contrast passes WCAG AA, size within every limit.',
      }),
    );
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
          text: `Go to ${w.field === 'brandColor' ? 'brand colour' : w.field}`,
          onclick: () => {
            const target = document.getElementById(FIX_TARGET[w.field]);
            const focusable = target?.matches('input, textarea')
              ? target
              : target?.querySelector<HTMLElement>('input:checked, input');
            focusable?.focus();
          },
        }),
      ]),
    );
  }
}

function result(children: (Node | string)[]) {
  $('#action-result').replaceChildren(...children);
}

export async function download() {
  const url = await renderPng();
  if (!url) return;
  const r = state.report!;
  const name = `${r.template}-${r.size}.${r.format === 'svg' ? 'png' : EXTENSIONS[r.format] || 'png'}`;
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  result([el('span', { className: 'ok', text: 'Downloaded ' }), `${name} (${kb(r.bytes)})`]);
}

// How long a signed URL lives: never (the default, as before), or a lifetime the server signs into it as `exp`.
const LIFETIMES: [string, number | null][] = [
  ['never expires', null],
  ['expires in 1 hour', 3600],
  ['expires in 1 day', 86_400],
  ['expires in 7 days', 604_800],
  ['expires in 30 days', 2_592_000],
];

export async function copySigned(expiresIn: number | null = null) {
  const { res } = await api('/studio/api/sign', { json: { ...readForm(), expiresIn } });
  const body: { url?: string; dropped?: string[] } & Awaited<ReturnType<typeof errorBody>> = await errorBody(res);
  if (!res.ok || !body.url) {
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
  // Shown with the URL rather than in the panel: choosing a lifetime signs again, and copies the new URL.
  const lifetime = el(
    'select',
    { id: 'sign-expiry', 'aria-label': 'Signed URL lifetime', onchange: () => copySigned(lifetimeOf(lifetime)) },
    LIFETIMES.map(([label, seconds]) =>
      el('option', { value: seconds === null ? '' : String(seconds), selected: seconds === expiresIn, text: label }),
    ),
  );
  const parts: (Node | string)[] = [
    el('span', { className: 'ok', text: copied ? 'Copied the signed URL.' : 'Signed URL (copy it):' }),
    box,
    lifetime,
  ];
  if (body.dropped?.length) parts.push(el('div', { text: `Signed URLs carry no ${body.dropped.join(', ')}.` }));
  result(parts);
  if (!copied) box.select();
}

const lifetimeOf = (select: HTMLSelectElement) => (select.value === '' ? null : Number(select.value));

export async function saveStory() {
  const data = readForm();
  const story: Record<string, unknown> = {};
  for (const name of STORY_FIELDS) if (data[name]) story[name] = data[name];
  story.template = data.template;
  story.theme = data.theme;
  let { res } = await api('/api/stories', { json: story });
  let body: { id?: string; shareUrl?: string } & Awaited<ReturnType<typeof errorBody>> = await errorBody(res);
  if (res.status === 200 && body.id) {
    // A story with this article URL exists: POST is idempotent, so update it in place (its slug stays).
    ({ res } = await api(`/api/stories/${encodeURIComponent(body.id)}`, { method: 'PUT', json: story }));
    body = await errorBody(res);
  }
  if (!res.ok || !body.shareUrl) {
    if (body.issues) showIssues(body);
    result([el('span', { className: 'bad', text: 'Not saved: ' }), body.message || String(res.status)]);
    return;
  }
  const link = el('a', { href: body.shareUrl, target: '_blank', rel: 'noopener noreferrer', text: body.shareUrl });
  result([el('span', { className: 'ok', text: 'Saved. ' }), 'Share page: ', link]);
  window.open(body.shareUrl, '_blank', 'noopener');
  loadStories();
}

export async function loadStories() {
  const { res } = await api('/api/stories?limit=50');
  if (!res.ok) return;
  const body = (await res.json()) as { items: StoryItem[] };
  state.stories = body.items;
  const select = $<HTMLSelectElement>('#stories');
  const keep = select.value;
  clear(select);
  select.append(el('option', { value: '', text: body.items.length ? 'Choose a story…' : 'No stories yet' }));
  for (const s of body.items) select.append(el('option', { value: s.id, text: s.story.headline }));
  select.value = keep;
  syncStoryLink();
}

const chosenStory = () => state.stories.find((s) => s.id === $<HTMLSelectElement>('#stories').value);

export function syncStoryLink() {
  const story = chosenStory();
  const link = $<HTMLAnchorElement>('#story-open');
  link.hidden = !story;
  if (story) link.href = story.shareUrl;
}

export function editStory() {
  const story = chosenStory();
  if (!story) return;
  writeForm({ ...story.story, theme: story.theme || {}, ...(story.template ? { template: story.template } : {}) });
  $<HTMLSelectElement>('#sample').value = '';
  schedule(true);
}
