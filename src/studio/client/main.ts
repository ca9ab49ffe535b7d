// The studio script, part 7: views, keyboard, wiring and start-up.
// biome-ignore lint/complexity/noUselessStringRaw: raw on purpose: a regex added later keeps its backslashes.
export const MAIN = String.raw`
/* ---------- Views (tabs with arrow keys) ---------- */
const VIEWS = ['editor', 'mockups', 'gallery', 'outbox'];
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
  if (name === 'outbox') loadOutbox();
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
    } else if (e.altKey && ['1', '2', '3', '4'].indexOf(e.key) !== -1) {
      e.preventDefault();
      showView(VIEWS[Number(e.key) - 1]);
      document.getElementById('tab-' + document.body.dataset.view).focus();
    }
  });
  $('#action-png').addEventListener('click', () => renderPng());
  // The file buttons say what they make: the live preview stays SVG whatever is chosen here.
  $('#file-format').addEventListener('change', (e) => {
    const label = FORMAT_LABELS[e.currentTarget.value];
    $('#action-png').textContent = 'Render ' + label;
    $('#action-download').textContent = 'Download ' + label;
  });
  $('#zoom').addEventListener('click', (e) => {
    const on = e.currentTarget.getAttribute('aria-pressed') !== 'true';
    e.currentTarget.setAttribute('aria-pressed', String(on));
    e.currentTarget.textContent = on ? 'Fit to window' : 'Actual size';
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
  if (!state.catalog.signing) {
    $('#action-sign').disabled = true;
    $('#action-sign').title = 'Signed URLs are off: SIGNING_SECRET is not set on the server';
  }
  preview();
  loadStories();
}

wire();
takeTokenFromHash();
if (state.token) start();
else askForToken('');
`;
