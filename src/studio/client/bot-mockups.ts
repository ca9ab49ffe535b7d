// The studio script, part 4b: the bot's own posts (Telegram, Threads, Facebook, Instagram, LinkedIn) as each network shows them.
import type { BotPostPreview, MockupNetwork } from '../bot-posts-wire.ts';
import { api, el, errorBody, type FormData } from './core.ts';
import type { LinkInfo, MockCard } from './mockups.ts';
import { postBody } from './post-text.ts';

/** The network's name for the kind of post the bot makes there. */
export const NETWORK_LABELS: Record<MockupNetwork, string> = {
  telegram: 'Telegram channel',
  threads: 'Threads',
  facebook: 'Facebook Page',
  instagram: 'Instagram feed',
  'instagram-story': 'Instagram Story',
  linkedin: 'LinkedIn page',
};

/** The server's compose of this draft for each network: the bot's own function, with this deployment's settings. */
export async function fetchBotPosts(
  payload: FormData,
): Promise<{ posts: BotPostPreview[] } | { problem: string } | null> {
  const { res } = await api('/studio/api/posts', { json: payload });
  if (!res.ok) return { problem: (await errorBody(res)).message || `the server answered ${res.status}` };
  return (await res.json()) as { posts: BotPostPreview[] };
}

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

/** The bot's posts, each with the exact text and the card its poster sends, or why there are none. */
export function botGroup(
  bot: Awaited<ReturnType<typeof fetchBotPosts>>,
  cards: (MockCard | null)[],
  info: LinkInfo,
  hasLink: boolean,
): HTMLElement {
  const section = el('section', { id: 'bot-mockups', className: 'bot-mockups' }, [
    el('h3', { className: 'mock-group', text: 'Posted by the bot: the exact text and card each network gets' }),
  ]);
  if (!bot || !('posts' in bot) || cards.some((c) => !c)) {
    const why = bot && 'problem' in bot ? bot.problem : 'the server could not draw the cards for this draft.';
    section.append(el('p', { className: 'view-note', text: `No post mock-ups: ${why}` }));
    return section;
  }
  if (!hasLink) {
    section.append(
      el('p', {
        className: 'view-note',
        text: `No article URL yet: the bot posts nothing without one. Shown with ${info.link} in its place.`,
      }),
    );
  }
  const grid = el('div', { className: 'mock-grid posts' });
  bot.posts.forEach((post, i) => {
    const card = cards[i]!;
    const note = botPostNote(post);
    grid.append(
      el('figure', { className: 'mock', 'data-post': post.platform, 'data-card': post.card.size }, [
        el('figcaption', { className: 'mock-label' }, [
          el('strong', { text: NETWORK_LABELS[post.platform] }),
          el('span', { text: `${post.card.size} card · ${post.card.width} × ${post.card.height}` }),
        ]),
        el(
          'div',
          { className: post.platform === 'instagram-story' ? 'shot bare' : 'shot' },
          botMockup(post, card.url, info),
        ),
        el('div', { className: note.cut ? 'mock-crop cut' : 'mock-crop', text: note.text }),
      ]),
    );
  });
  section.append(grid);
  return section;
}
