// The studio script's entry (bundled into /studio/studio.js): keyboard, wiring and start-up.
import {
  $,
  AuthError,
  api,
  askForToken,
  type Catalog,
  DRAFT_KEY,
  type FileFormat,
  FORMAT_LABELS,
  type FormData,
  state,
  TOKEN_KEY,
  takeTokenFromHash,
} from './core.ts';
import {
  buildPickers,
  preview,
  readForm,
  renderPng,
  schedule,
  selectTemplate,
  setBrand,
  setStatus,
  syncSizes,
  syncSwatch,
  writeForm,
} from './editor.ts';
import { loadGallery } from './gallery.ts';
import { copySigned, download, editStory, loadStories, saveStory, syncStoryLink } from './inspector.ts';
import { loadOutbox } from './outbox.ts';
import { nextView, showView, VIEWS } from './views.ts';

/* ---------- Wiring ---------- */
function wire() {
  const form = $<HTMLFormElement>('#editor');
  form.addEventListener('input', (e) => {
    const target = e.target as HTMLInputElement;
    if (target.id === 'f-brandSwatch') setBrand(target.value);
    if (target.id === 'f-brandColor') syncSwatch(target.value.trim());
    if (target.name === 'template') syncSizes();
    if (target.id !== 'sample') $<HTMLSelectElement>('#sample').value = '';
    if (target.id === 'sample') return;
    // Typing is coalesced behind the render in flight; a choice (radio, colour picker) replaces it at once.
    schedule(target.type === 'radio' || target.type === 'color');
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('#sample').addEventListener('change', (e) => {
    const sample = state.catalog?.samples.find((s) => s.id === (e.target as HTMLSelectElement).value);
    if (!sample) return;
    const keep = readForm();
    writeForm({ ...sample.story, template: keep.template, size: keep.size, theme: keep.theme });
    schedule(true);
  });
  for (const v of VIEWS) $(`#tab-${v}`).addEventListener('click', () => showView(v));
  $('.views').addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = nextView(document.body.dataset.view, e.key);
    showView(next);
    $(`#tab-${next}`).focus();
  });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      renderPng();
    } else if (e.altKey && ['1', '2', '3', '4'].includes(e.key)) {
      e.preventDefault();
      showView(VIEWS[Number(e.key) - 1]!);
      $(`#tab-${document.body.dataset.view}`).focus();
    }
  });
  $('#action-png').addEventListener('click', () => renderPng());
  // The file buttons say what they make: the live preview stays SVG whatever is chosen here.
  $('#file-format').addEventListener('change', (e) => {
    const label = FORMAT_LABELS[(e.currentTarget as HTMLSelectElement).value as FileFormat];
    $('#action-png').textContent = `Render ${label}`;
    $('#action-download').textContent = `Download ${label}`;
  });
  $('#zoom').addEventListener('click', (e) => {
    const button = e.currentTarget as HTMLButtonElement;
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Fit to window' : 'Actual size';
    $('#stage').classList.toggle('actual', on);
  });
  $('#action-download').addEventListener('click', () => download());
  $('#action-sign').addEventListener('click', () => copySigned());
  $('#action-save').addEventListener('click', () => saveStory());
  $('#stories').addEventListener('change', syncStoryLink);
  $('#story-load').addEventListener('click', editStory);
  $('#gallery-sample').addEventListener('change', loadGallery);
  for (const r of document.querySelectorAll('input[name="gallery-mode"]')) r.addEventListener('change', loadGallery);
  $('#outbox-refresh').addEventListener('click', () => loadOutbox());
  $('#token-button').addEventListener('click', () => askForToken(''));
  $('#token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const token = $<HTMLInputElement>('#token-input').value.trim();
    if (!token) return;
    state.token = token;
    localStorage.setItem(TOKEN_KEY, token);
    $<HTMLDialogElement>('#token-dialog').close();
    start();
  });
}

/** A draft saved by an earlier visit, or null when there is none or it is not JSON. */
function savedDraft(): FormData | null {
  try {
    return JSON.parse(localStorage.getItem(DRAFT_KEY) || 'null') as FormData | null;
  } catch {
    return null;
  }
}

async function start() {
  let res: Response;
  try {
    ({ res } = await api('/studio/api/catalog'));
  } catch (e) {
    if (!(e instanceof AuthError)) setStatus(`Could not reach the server: ${(e as Error).message}`);
    return;
  }
  if (!res.ok) return;
  const firstStart = !state.catalog;
  const catalog = (await res.json()) as Catalog;
  state.catalog = catalog;
  if (firstStart) {
    buildPickers();
    const draft = savedDraft();
    const demo = catalog.samples[0]!;
    const first = catalog.templates[0]!.name;
    writeForm(draft || { ...demo.story, template: first, size: 'og', theme: { mode: 'light' } });
    $<HTMLSelectElement>('#sample').value = draft ? draft.sample || '' : demo.id;
    if (!document.querySelector('input[name="template"]:checked')) selectTemplate(first);
  }
  if (!catalog.signing) {
    const sign = $<HTMLButtonElement>('#action-sign');
    sign.disabled = true;
    sign.title = 'Signed URLs are off: SIGNING_SECRET is not set on the server';
  }
  preview();
  loadStories();
}

wire();
takeTokenFromHash();
if (state.token) start();
else askForToken('');
