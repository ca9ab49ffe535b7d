// The studio script, part 4: platform mock-ups built from the og and x cards a share page names.
// biome-ignore lint/complexity/noUselessStringRaw: raw on purpose: a regex added later keeps its backslashes.
export const MOCKUPS = String.raw`
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
`;
