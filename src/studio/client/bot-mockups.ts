// The studio script, part 4b: the bot's own posts (Telegram, Threads, Facebook, Instagram, LinkedIn) as each network shows them.
import type { BotPostPreview, MockupNetwork } from '../bot-posts-wire.ts';
import { api, el, errorBody, type FormData } from './core.ts';
import type { LinkInfo } from './mockups.ts';

/** The network's name for the kind of post the bot makes there. */
export const NETWORK_LABELS: Record<MockupNetwork, string> = {
  telegram: 'Telegram channel',
  threads: 'Threads',
  facebook: 'Facebook Page',
  instagram: 'Instagram feed',
  'instagram-story': 'Instagram Story',
  linkedin: 'LinkedIn page',
};

/**
 * Where each network folds a long post behind a "more" link. LinkedIn: 3 lines for organic posts (desktop and mobile
 * since 2024). Instagram: the first 3 lines of a caption (help.instagram.com). Facebook: about 477 characters on
 * desktop. Telegram and Threads show the whole text (their limits, 1,024 and 500, keep it short); Stories show none.
 */
const FOLDS: Partial<Record<MockupNetwork, { lines: number; more: string } | { chars: number; more: string }>> = {
  linkedin: { lines: 3, more: '…more' },
  instagram: { lines: 3, more: '… more' },
  facebook: { chars: 477, more: '… See more' },
};

/** The server's compose of this draft for each network: the bot's own function, with this deployment's settings. */
export async function fetchBotPosts(
  payload: FormData,
): Promise<{ posts: BotPostPreview[] } | { problem: string } | null> {
  const { res } = await api('/studio/api/posts', { json: payload });
  if (!res.ok) return { problem: (await errorBody(res)).message || `the server answered ${res.status}` };
  return (await res.json()) as { posts: BotPostPreview[] };
}

const HASHTAG = /(#[\p{L}\p{N}_]+)/u;

/**
 * The post's text as the network draws it: the link (where the network makes it one) and hashtags in the link colour,
 * line breaks kept. Its textContent is exactly the text the bot sends.
 */
function richText(text: string, link: string | null): (Node | string)[] {
  const out: (Node | string)[] = [];
  const parts = link ? text.split(link) : [text];
  parts.forEach((part, i) => {
    // dir=ltr isolates the link: in a right-to-left post its ? and & stay where the URL has them.
    if (i > 0 && link) out.push(el('span', { className: 'link', dir: 'ltr', text: link }));
    for (const piece of part.split(HASHTAG)) {
      if (!piece) continue;
      out.push(HASHTAG.test(piece) ? el('span', { className: 'tag', text: piece }) : piece);
    }
  });
  return out;
}

/** Where the text is cut: the last word boundary at or before `at`, with the spaces and line breaks before it. */
function cutAt(text: string, at: number): number {
  const space = text.slice(0, at + 1).search(/\s+\S*$/);
  return space > 0 ? space : at;
}

/** Fill the text element: the shown part, then the rest hidden until "more" (textContent stays the whole text). */
function fillText(textEl: HTMLElement, text: string, link: string | null, cut: number) {
  textEl.replaceChildren(...richText(text.slice(0, cut), link));
  if (cut < text.length) textEl.append(el('span', { className: 'folded' }, richText(text.slice(cut), link)));
}

/** What each line-folded text needs to be re-cut once it is laid out (markFolds). */
const lineFolds = new WeakMap<HTMLElement, { text: string; link: string | null; lines: number }>();

/** The text block with the network's fold, and its "more" right after the last word shown, as the networks draw it. */
function postBody(platform: MockupNetwork, text: string, link: string | null, lead?: Node): HTMLElement {
  const fold = FOLDS[platform];
  // dir=auto: an Arabic or Hebrew post runs right to left, as every network sets it.
  const body = el('div', { className: 'post-body', dir: 'auto' });
  const textEl = el('span', { className: 'post-text' });
  const more = el('button', { type: 'button', className: 'more', dir: 'ltr', text: fold?.more ?? '', hidden: true });
  body.append(lead ?? '', textEl, more);
  fillText(textEl, text, link, text.length);
  if (fold && 'chars' in fold && text.length > fold.chars) {
    // Facebook cuts by characters, between words; the rest stays in the page, hidden until "See more".
    fillText(textEl, text, link, cutAt(text, fold.chars));
    more.hidden = false;
  } else if (fold && 'lines' in fold) {
    // LinkedIn and Instagram cut by lines on screen: markFolds measures once the mock-up is in the page.
    lineFolds.set(body, { text, link, lines: fold.lines });
  }
  more.addEventListener('click', () => {
    body.classList.add('open');
    more.hidden = true;
  });
  return body;
}

/**
 * Cut each line-folded text where its network would: the most words that, with "…more" after them, fit in the
 * network's lines (found by halving over the word boundaries). Untouched when the whole text fits. Measured again
 * when the page's width changes (the grid's columns, so the lines, change with it).
 */
export function markFolds(root: Element) {
  if (!refoldOnResize) {
    refoldOnResize = true;
    addEventListener('resize', () => markFolds(root));
  }
  for (const body of root.querySelectorAll<HTMLElement>('.post-body:not(.open)')) {
    const fold = lineFolds.get(body);
    const textEl = body.querySelector<HTMLElement>('.post-text');
    const more = body.querySelector<HTMLElement>('.more');
    if (!fold || !textEl || !more) continue;
    fillText(textEl, fold.text, fold.link, fold.text.length);
    more.hidden = true;
    // Counted in whole lines: an inline "more" can make its line a pixel or two taller than the others.
    const lineHeight = Number.parseFloat(getComputedStyle(body).lineHeight);
    const fits = () => Math.round(body.offsetHeight / lineHeight) <= fold.lines;
    if (fits()) continue;
    more.hidden = false;
    const ends = [...fold.text.matchAll(/\S(?=\s)/g)].map((m) => m.index + 1);
    let lo = 0;
    let hi = ends.length - 1;
    let best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      fillText(textEl, fold.text, fold.link, ends[mid]!);
      if (fits()) {
        best = ends[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    fillText(textEl, fold.text, fold.link, best);
  }
}
let refoldOnResize = false;

/** The card as the network shows it: whole, at its own shape (all six show a single image uncropped). */
function cardImage(url: string, post: BotPostPreview, frame?: number): HTMLElement {
  const box = el('div', { className: 'crop' }, el('img', { src: url, alt: '' }));
  box.style.aspectRatio = String(frame ?? post.card.width / post.card.height);
  if (frame) box.classList.add('letterbox');
  return box;
}

const icons = (names: string[], className: string) =>
  el(
    'div',
    { className, 'aria-hidden': 'true' },
    names.map((n) => el('i', { className: n })),
  );

/** One network's post, drawn after that network's own feed. */
export function botMockup(post: BotPostPreview, cardUrl: string, info: LinkInfo): HTMLElement {
  const initial = (info.site || '?').trim().charAt(0).toUpperCase();
  const avatar = (className = 'avatar') => el('div', { className, 'aria-hidden': 'true', text: initial });
  const { platform, text } = post;
  if (platform === 'telegram') {
    // A channel: its name and subscribers in the chat's header; each post a bubble, the photo over its caption,
    // views and time at the foot. The caption is plain text; Telegram makes the link a link.
    return el('div', { className: 'tgc' }, [
      el('div', { className: 'tgc-bar' }, [
        avatar(),
        el('div', { className: 'who' }, [el('b', { text: info.site }), el('span', { text: '12,480 subscribers' })]),
      ]),
      el('div', { className: 'tgc-chat' }, [
        el('div', { className: 'bubble' }, [
          cardImage(cardUrl, post),
          postBody(platform, text, post.link.display),
          el('div', { className: 'tgc-meta' }, [el('i', { className: 'eye', 'aria-hidden': 'true' }), '1.2K  10:42']),
        ]),
      ]),
    ]);
  }
  if (platform === 'threads') {
    return el('div', { className: 'th-post' }, [
      avatar(),
      el('div', { className: 'body' }, [
        el('div', { className: 'who' }, [el('b', { text: info.handle }), el('span', { text: '2m' })]),
        postBody(platform, text, post.link.display),
        cardImage(cardUrl, post),
        icons(['heart', 'reply', 'repost', 'send'], 'th-actions'),
      ]),
    ]);
  }
  if (platform === 'facebook') {
    // A photo post on the Page (/photos): the caption above the photo, the link in it made clickable.
    return el('div', { className: 'fbp-post' }, [
      el('div', { className: 'post-head' }, [
        avatar(),
        el('div', { className: 'who' }, [
          el('b', { text: info.site }),
          el('span', {}, ['Just now · ', el('i', { className: 'globe', 'aria-hidden': 'true' })]),
        ]),
        el('span', { className: 'dots', 'aria-hidden': 'true', text: '•••' }),
      ]),
      postBody(platform, text, post.link.display),
      cardImage(cardUrl, post),
      el('div', { className: 'fbp-actions', 'aria-hidden': 'true' }, [
        el('span', { text: 'Like' }),
        el('span', { text: 'Comment' }),
        el('span', { text: 'Share' }),
      ]),
    ]);
  }
  if (platform === 'instagram') {
    // The caption follows the handle on its first line; no link in it is clickable (the bot writes the domain or
    // "link in bio", INSTAGRAM_LINK_TEXT); hashtags are links. Instagram shows up to 1.91:1 to 4:5 uncropped.
    const ratio = post.card.width / post.card.height;
    return el('div', { className: 'ig-post' }, [
      el('div', { className: 'ig-head' }, [avatar(), el('b', { text: info.handle }), el('span', { text: '•••' })]),
      cardImage(cardUrl, post, ratio < 0.8 ? 0.8 : undefined),
      icons(['heart', 'bubble-icon', 'plane'], 'ig-actions'),
      el('div', { className: 'ig-caption' }, postBody(platform, text, null, el('b', { text: `${info.handle} ` }))),
    ]);
  }
  if (platform === 'instagram-story') {
    // Full-bleed 9:16 under the progress bar and account line; a Story shows no caption (the row's text is a
    // record). The shaded strips are where those bars sit over the card: keep text clear of them.
    const ratio = post.card.width / post.card.height;
    return el('div', { className: 'phone' }, [
      el('div', { className: 'screen' }, [
        cardImage(cardUrl, post, Math.abs(ratio - 9 / 16) > 0.01 ? 9 / 16 : undefined),
        el('div', { className: 'safe top', 'aria-hidden': 'true' }),
        el('div', { className: 'safe bottom', 'aria-hidden': 'true' }),
        el('div', { className: 'story-top' }, [
          el('div', { className: 'progress' }, [el('i', { className: 'now' })]),
          el('div', { className: 'story-who' }, [avatar(), el('b', { text: info.handle }), el('span', { text: '1m' })]),
        ]),
        el('div', { className: 'story-bottom' }, [
          el('div', { className: 'reply', text: 'Send message' }),
          el('i', { className: 'heart' }),
        ]),
      ]),
    ]);
  }
  // LinkedIn: an image post on the company page, the commentary folded at 3 lines.
  return el('div', { className: 'lip-post' }, [
    el('div', { className: 'post-head' }, [
      avatar(),
      el('div', { className: 'who' }, [
        el('b', { text: info.site }),
        el('span', { text: '8,214 followers' }),
        el('span', {}, ['1h · ', el('i', { className: 'globe', 'aria-hidden': 'true' })]),
      ]),
    ]),
    postBody(platform, text, post.link.display),
    cardImage(cardUrl, post),
    el('div', { className: 'lip-actions', 'aria-hidden': 'true' }, [
      el('span', { text: 'Like' }),
      el('span', { text: 'Comment' }),
      el('span', { text: 'Repost' }),
      el('span', { text: 'Send' }),
    ]),
  ]);
}

const n = (v: number) => v.toLocaleString('en-US');
const listOf = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** Under the mock-up: the length against the limit, what compose gave up to fit, and what the network does. */
export function botPostNote(post: BotPostPreview): { text: string; cut: boolean } {
  const notes: string[] = [];
  const story = post.platform === 'instagram-story';
  notes.push(
    story
      ? 'A Story shows no caption: its text is the outbox record.'
      : `${n(post.length)} / ${n(post.limit)} characters.`,
  );
  for (const f of post.truncated) notes.push(`The ${f} was shortened to fit.`);
  for (const f of post.dropped) notes.push(`${f === 'siteName' ? 'The site name' : `The ${f}`} left out to fit.`);
  if (post.platform === 'instagram')
    notes.push(`No clickable link: the caption says “${post.link.display}” (INSTAGRAM_LINK_TEXT).`);
  if (post.missing.length) notes.push(`Not posted from this server: it lacks ${listOf(post.missing)}.`);
  const fallback = post.card.size !== post.card.wanted;
  if (fallback)
    notes.push(`This template draws no ${post.card.wanted} card: the post carries its ${post.card.size} card.`);
  return { text: notes.join(' '), cut: fallback || post.truncated.length > 0 || post.dropped.length > 0 };
}
