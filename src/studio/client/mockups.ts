// The studio script, part 4: platform mock-ups: link previews from the cards a share page names (og, x), and the bot's posts.
import type { RenderReport } from '../../render/types.ts';
import { botGroup, fetchBotPosts } from './bot-mockups.ts';
import {
  $,
  AuthError,
  api,
  type Child,
  clear,
  domainOf,
  el,
  type FormData,
  PLATFORMS,
  type Platform,
  state,
} from './core.ts';
import { readForm, templateMeta } from './editor.ts';
import { markFolds } from './post-text.ts';

/** What a link preview shows besides the card: from the form, as a share page would state it. */
export interface LinkInfo {
  title: string;
  quote: string;
  description: string;
  domain: string;
  site: string;
  handle: string;
  link: string;
  brand: string;
}

/** What a platform's frame does to a card of this shape: shown whole, fits, or crops a share of one side. */
export function cropNote(platform: Pick<Platform, 'ratio' | 'ratioLabel'>, r: Pick<RenderReport, 'width' | 'height'>) {
  if (!platform.ratio) return { text: 'Shown whole, scaled down.', cut: false };
  const card = r.width / r.height;
  if (Math.abs(card - platform.ratio) < 0.02)
    return { text: `Fits ${platform.ratioLabel} without cropping.`, cut: false };
  if (card < platform.ratio) {
    const lost = Math.round((1 - card / platform.ratio) * 100);
    return { text: `Crops ${lost}% of the height (top and bottom).`, cut: true };
  }
  const lost = Math.round((1 - platform.ratio / card) * 100);
  return { text: `Crops ${lost}% of the width (left and right).`, cut: true };
}

/** The link preview's words from the form: domain (or example.com), site name (or domain), a handle made from it. */
export function linkInfo(data: FormData): LinkInfo {
  const domain = domainOf(data.url) || 'example.com';
  const site = data.siteName || domain;
  return {
    title: data.headline || '',
    quote: data.quote || '',
    description: data.quote ? `“${data.quote}”${data.quoteAuthor ? ` — ${data.quoteAuthor}` : ''}` : '',
    domain,
    site,
    handle:
      site
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, '')
        .slice(0, 15) || 'newsroom',
    link: data.url || `https://${domain}/`,
    brand: data.theme?.brandColor || '#C8102E',
  };
}

function cropped(url: string, ratio: number | null, r: RenderReport) {
  // Eager: a dozen small SVGs, and a lazy one below the fold would never finish decoding for a screenshot.
  const box = el('div', { className: 'crop' }, el('img', { src: url, alt: '' }));
  box.style.aspectRatio = String(ratio || r.width / r.height);
  return box;
}

type LinkPart = 'domain' | 'site' | 'title' | 'desc';

/** A link preview's text block: site or domain, title, description (each clamped as the platform does). */
function linkText(info: LinkInfo, parts: LinkPart[]): Child[] {
  return parts.map((p) => {
    if (p === 'domain') return el('div', { className: 'domain', text: info.domain });
    if (p === 'site') return el('div', { className: 'site', text: info.site });
    if (p === 'title') return el('div', { className: 'title clamp2', text: info.title });
    return info.description ? el('div', { className: 'desc clamp2', text: info.description }) : null;
  });
}

function mockup(platform: Platform, url: string, info: LinkInfo, r: RenderReport): HTMLElement {
  const initial = (info.site || '?').trim().charAt(0).toUpperCase();
  const head = (sub: string, handle?: string) =>
    el('div', { className: 'post-head' }, [
      el('div', { className: 'avatar', 'aria-hidden': 'true', text: initial }),
      el('div', { className: 'who' }, [
        el('b', { text: info.site }),
        handle ? el('span', { className: 'handle', text: handle }) : null,
        el('span', { text: sub }),
      ]),
    ]);
  const img = cropped(url, platform.ratio, r);
  if (platform.id === 'x') {
    return el('div', { className: 'x-post' }, [
      head(`@${info.handle} · 2m`),
      el('div', { className: 'text', text: `${info.title} ${info.link}` }),
      el('div', { className: 'card' }, [img, el('span', { className: 'domain-tag', text: info.domain })]),
      el('div', { className: 'from', text: `From ${info.domain}` }),
    ]);
  }
  if (platform.id === 'facebook') {
    return el('div', { className: 'fb-post' }, [
      head('Just now · Public'),
      el('div', { className: 'text', text: info.quote ? `“${info.quote}”` : info.title }),
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
      el('div', { className: 'linkbox' }, [
        el('div', { className: 'title clamp2', text: info.title }),
        el('div', { className: 'domain', text: info.domain }),
      ]),
    ]);
  }
  if (platform.id === 'bluesky') {
    // The bot's post: text with the link, and an external embed (thumb 1.91:1, title, description, domain).
    return el('div', { className: 'bsky-post' }, [
      el('div', { className: 'avatar', 'aria-hidden': 'true', text: initial }),
      el('div', { className: 'body' }, [
        el('div', { className: 'who' }, [
          el('b', { text: info.site }),
          el('span', { text: `@${info.handle}.bsky.social · 3m` }),
        ]),
        el('div', { className: 'text', text: info.title }),
        el('div', { className: 'embed' }, [
          img,
          el(
            'div',
            { className: 'meta' },
            linkText(info, ['title', 'desc']).concat(
              el('div', { className: 'domain' }, [el('i', { className: 'globe', 'aria-hidden': 'true' }), info.domain]),
            ),
          ),
        ]),
      ]),
    ]);
  }
  if (platform.id === 'mastodon') {
    return el('div', { className: 'masto-post' }, [
      head('', `@${info.handle}@${info.domain}`),
      el('div', { className: 'text' }, [`${info.title} `, el('span', { className: 'link', text: info.link })]),
      el('div', { className: 'card' }, [
        img,
        el('div', { className: 'meta' }, linkText(info, ['domain', 'title', 'desc'])),
      ]),
    ]);
  }
  if (platform.id === 'slack') {
    return el('div', { className: 'slack' }, [
      head('APP  10:42'),
      el('div', { className: 'text', text: info.link }),
      el('div', { className: 'unfurl' }, linkText(info, ['site', 'title', 'desc']).concat(img)),
    ]);
  }
  if (platform.id === 'discord') {
    const embed = el('div', { className: 'embed' }, linkText(info, ['site', 'title', 'desc']).concat(img));
    embed.style.setProperty('--embed', info.brand);
    return el('div', { className: 'discord' }, [
      head('Today at 10:42'),
      el('div', { className: 'text', text: info.link }),
      embed,
    ]);
  }
  if (platform.id === 'whatsapp') {
    // An outgoing message: the large preview (image over title, description, domain), then the link itself.
    return el('div', { className: 'wa-chat' }, [
      el('div', { className: 'bubble' }, [
        el('div', { className: 'preview' }, [
          img,
          el('div', { className: 'meta' }, linkText(info, ['title', 'desc', 'domain'])),
        ]),
        el('div', { className: 'link', text: info.link }),
        el('div', { className: 'time', text: '10:42 ✓✓' }),
      ]),
    ]);
  }
  if (platform.id === 'telegram') {
    // Telegram's instant preview: an accent bar, the site in the accent colour, title, description, the image.
    return el('div', { className: 'tg-chat' }, [
      el('div', { className: 'bubble' }, [
        el('div', { className: 'link', text: info.link }),
        el('div', { className: 'preview' }, linkText(info, ['site', 'title', 'desc']).concat(img)),
        el('div', { className: 'time', text: '10:42' }),
      ]),
    ]);
  }
  return el('div', { className: 'imessage' }, [
    el('div', { className: 'bubble' }, [
      img,
      el('div', { className: 'meta' }, [
        el('div', { className: 'title clamp2', text: info.title }),
        el('div', { className: 'domain', text: info.domain }),
      ]),
    ]),
  ]);
}

export interface MockCard {
  url: string;
  report: RenderReport;
}

/** The cards the mock-ups show (og, x, and the portrait and story cards the bot posts), rendered as SVG and kept a while. */
const mockCards = new Map<string, MockCard>();
let mockSeq = 0;

async function mockupCard(payload: FormData, size: string): Promise<MockCard | null> {
  if (state.report && state.report.size === size && state.svgUrl) {
    return { url: state.pngUrl || state.svgUrl, report: state.report };
  }
  const key = JSON.stringify({ ...payload, size });
  const kept = mockCards.get(key);
  if (kept) return kept;
  const { res } = await api('/studio/api/preview', { json: { ...payload, size, format: 'svg' } });
  if (!res.ok) return null;
  const body = (await res.json()) as { svg: string; report: RenderReport };
  const card = { url: URL.createObjectURL(new Blob([body.svg], { type: 'image/svg+xml' })), report: body.report };
  if (mockCards.size >= 12) {
    const [oldest, old] = mockCards.entries().next().value!;
    URL.revokeObjectURL(old.url);
    mockCards.delete(oldest);
  }
  mockCards.set(key, card);
  return card;
}

/** An empty Mock-ups view says why it is empty. */
function noMockups(why: string) {
  clear($('#mockups'));
  $('#mockups-note').textContent = `No mock-ups: ${why}`;
}

export async function renderMockups() {
  if (document.body.dataset.view !== 'mockups') return;
  if (!state.report) return noMockups(state.problem || 'the card has not rendered yet.');
  const seq = ++mockSeq;
  const data = readForm();
  const meta = templateMeta(data.template);
  const has = (size: string) => (meta.sizes as readonly string[]).includes(size);
  const ogSize = has('og') ? 'og' : (data.size ?? 'og');
  const wanted: Record<Platform['card'], string> = { og: ogSize, x: has('x') ? 'x' : ogSize };
  const sizes = [...new Set(PLATFORMS.map((p) => wanted[p.card]))];
  const info = linkInfo(data);
  // The bot posts nothing without the article's link; the mock-ups show the post with the stand-in link instead.
  const botPayload = data.url ? data : { ...data, url: info.link };
  let cards: (MockCard | null)[];
  let bot: Awaited<ReturnType<typeof fetchBotPosts>>;
  let botCards: (MockCard | null)[] = [];
  try {
    [cards, bot] = await Promise.all([
      Promise.all(sizes.map((size) => mockupCard(data, size))),
      fetchBotPosts(botPayload),
    ]);
    // The bot's cards: the sizes its posters send (the server says which; og where the template draws no other).
    if (bot && 'posts' in bot) botCards = await Promise.all(bot.posts.map((p) => mockupCard(data, p.card.size)));
  } catch (e) {
    if (e instanceof AuthError) return;
    throw e;
  }
  if (seq !== mockSeq) return;
  if (cards.some((c) => !c)) return noMockups(state.problem || 'the server could not draw the cards for this draft.');
  const bySize = new Map(sizes.map((size, i) => [size, cards[i]!]));
  const out = $('#mockups');
  clear(out);
  $('#mockups-note').textContent =
    data.size === 'og' || data.size === 'x'
      ? ''
      : `Link previews use the ${wanted.og} and ${wanted.x} cards a share page names; the bot's posts carry the card each network takes.`;
  out.append(el('h3', { className: 'mock-group', text: 'Link previews: the og and x cards a share page names' }));
  const grid = el('div', { className: 'mock-grid' });
  for (const platform of PLATFORMS) {
    const card = bySize.get(wanted[platform.card])!;
    const note = cropNote(platform, card.report);
    grid.append(
      el('figure', { className: 'mock', 'data-platform': platform.id, 'data-card': card.report.size }, [
        el('figcaption', { className: 'mock-label' }, [
          el('strong', { text: `${platform.name} ${platform.note}` }),
          el('span', { text: `${platform.ratioLabel} · ${card.report.size} card` }),
        ]),
        el('div', { className: 'shot' }, mockup(platform, card.url, info, card.report)),
        el('div', { className: note.cut ? 'mock-crop cut' : 'mock-crop', text: note.text }),
      ]),
    );
  }
  out.append(grid);
  out.append(botGroup(bot, botCards, info, Boolean(data.url)));
  // Folds are measured in the networks' faces: once now (which asks for them), again when they have loaded.
  markFolds(out);
  await document.fonts.ready;
  if (seq !== mockSeq) return;
  markFolds(out);
  document.body.dataset.mockups = String(Number(document.body.dataset.mockups || 0) + 1);
}
