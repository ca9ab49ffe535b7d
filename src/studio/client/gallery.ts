// The studio script, part 5: the gallery of every template × size on a sample story.
// biome-ignore lint/complexity/noUselessStringRaw: raw on purpose: a regex added later keeps its backslashes.
export const GALLERY = String.raw`
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
`;
