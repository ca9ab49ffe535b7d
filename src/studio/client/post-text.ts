// The studio script, part 4c: a bot post's text as a network draws it: links, hashtags, and the fold behind "more".
import type { MockupNetwork } from '../bot-posts-wire.ts';
import { el } from './core.ts';

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
export function postBody(platform: MockupNetwork, text: string, link: string | null, lead?: Node): HTMLElement {
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
