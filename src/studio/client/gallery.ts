// The studio script, part 5: the gallery of every template × size on a sample story.
import { $, api, catalog, clear, el, input, state } from './core.ts';
import { schedule, swatchValue, writeForm } from './editor.ts';
import { showView } from './views.ts';

interface Tile {
  template: string;
  size: string;
  url: string;
  width: number;
  height: number;
}

/* ---------- Gallery: every template × size for one sample, lazily loaded signed PNGs ---------- */
export async function loadGallery() {
  const sample = $<HTMLSelectElement>('#gallery-sample').value || 'demo';
  const mode = $<HTMLInputElement>('input[name="gallery-mode"]:checked').value;
  const brand = input('brandColor').value.trim();
  const query = new URLSearchParams({ sample, theme: mode });
  if (swatchValue(brand)) query.set('brand', brand);
  const { res } = await api(`/studio/api/gallery?${query}`);
  if (!res.ok) return;
  const body = (await res.json()) as { tiles: Tile[] };
  const out = $('#gallery');
  clear(out);
  for (const t of catalog().templates) {
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
                  'aria-label': `Open ${t.name} at ${tile.size} in the editor`,
                  onclick: () => openFromGallery(sample, mode, t.name, tile.size),
                },
                el('img', {
                  src: tile.url,
                  alt: `${t.name} card, ${tile.size}, sample ${sample}`,
                  loading: 'lazy',
                  width: tile.width,
                  height: tile.height,
                  decoding: 'async',
                }),
              ),
              el('figcaption', null, [el('b', { text: tile.size }), ` ${tile.width}×${tile.height}`]),
            ]),
          ),
        ),
      ]),
    );
  }
}

function openFromGallery(sampleId: string, mode: string, template: string, size: string) {
  const sample = state.catalog?.samples.find((s) => s.id === sampleId);
  if (!sample) return;
  writeForm({
    ...sample.story,
    template,
    size,
    theme: {
      mode: mode === 'dark' ? 'dark' : 'light',
      brandColor: input('brandColor').value,
      logoUrl: input('logoUrl').value,
    },
  });
  $<HTMLSelectElement>('#sample').value = sampleId;
  showView('editor');
  schedule(true);
}
