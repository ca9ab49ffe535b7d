// The studio script, part 6: the outbox view — posts waiting, posted and failed, with approve, skip, edit and retry,
// when each waiting post will go and why (the desk's schedule), and each platform's posts today against its cap (X
// with its estimated spend).
import { $, api, clear, type ErrorBody, el, errorBody } from './core.ts';

/** One outbox row as GET /api/posts answers it (the parts the view shows). */
export interface Post {
  id: string;
  platform: string;
  account: string;
  state: string;
  text: string;
  attempts?: number;
  nextAttemptAt?: string | null;
  /** When a waiting post goes, and why not sooner (GET /api/posts: the desk's schedule and the cap). */
  notBefore?: string | null;
  waitingFor?: string | null;
  pendingCheck?: boolean;
  postedAt?: string | null;
  lastError?: string | null;
  url?: string | null;
}

/** GET /api/posts/today: each platform's posts today against its cap. */
export interface Today {
  botMode: string;
  resetsAt: string;
  platforms: { platform: string; postedToday: number; cap: number; postingNow: number; estimatedSpendUsd?: number }[];
}

const PLATFORM_NAMES: Record<string, string> = { x: 'X', bluesky: 'Bluesky', mastodon: 'Mastodon' };
/** The view's sections, and which outbox states each one holds. */
export const GROUPS = [
  { id: 'waiting', title: 'Waiting', states: ['review', 'queued', 'posting', 'failed'], empty: 'Nothing is waiting.' },
  { id: 'posted', title: 'Posted', states: ['posted'], empty: 'Nothing posted yet.' },
  { id: 'failed', title: 'Failed', states: ['dead'], empty: 'Nothing has failed.' },
  { id: 'other', title: 'Not sent', states: ['skipped', 'dry-run'], empty: 'No skipped posts or dry-run records.' },
] as const;
const STATE_LABELS: Record<string, string> = {
  review: 'waiting for review',
  queued: 'queued',
  posting: 'posting now',
  failed: 'will retry',
  posted: 'posted',
  dead: 'failed',
  skipped: 'skipped',
  'dry-run': 'dry run',
};

/** Why a post waits, in an editor's words (GET /api/posts' waitingFor). */
const WAITING_WORDS: Record<string, string> = {
  delay: "the editor's window",
  retry: 'a retry',
  spacing: 'spacing after the previous post',
  cap: 'the daily cap',
  'quiet-hours': 'quiet hours',
  review: "an editor's approval",
};

/** When a waiting post goes and why: "goes 06:30 — quiet hours"; '' when it goes now or is settled. */
export function goesWhen(p: Post, format = (iso: string) => new Date(iso).toLocaleString()): string {
  if (p.waitingFor === 'review') return `waits for ${WAITING_WORDS.review}`;
  if (!p.notBefore || !p.waitingFor) return '';
  return `goes ${format(p.notBefore)} — ${WAITING_WORDS[p.waitingFor] ?? p.waitingFor}`;
}

/**
 * The row's last error, when it is one: a posted post's old failure is history, and a wait the schedule set (spacing,
 * quiet hours, cap, the editor's window) is already said by goesWhen.
 */
export function errorLine(p: Post): string {
  if (!p.lastError || p.state === 'posted' || p.state === 'skipped') return '';
  return p.waitingFor && p.waitingFor !== 'retry' ? '' : p.lastError;
}

export async function loadOutbox() {
  const status = $('#outbox-status');
  const [posts, today] = await Promise.all([api('/api/posts?limit=100'), api('/api/posts/today')]);
  if (!posts.res.ok || !today.res.ok) {
    const failed = posts.res.ok ? today.res : posts.res;
    const body = await errorBody(failed);
    status.textContent = `Could not load the outbox: ${body.message || failed.status}`;
    return;
  }
  const list = ((await posts.res.json()) as { items: Post[] }).items;
  renderToday((await today.res.json()) as Today);
  renderOutbox(list);
  status.textContent = list.length
    ? ''
    : 'The outbox is empty: new stories get posts when BOT_MODE is live, review or dry-run.';
}

function renderToday(today: Today) {
  const box = $('#outbox-today');
  clear(box);
  box.append(el('span', { className: 'badge', text: `BOT_MODE ${today.botMode}` }));
  for (const p of today.platforms) {
    const spend = typeof p.estimatedSpendUsd === 'number' ? ` · est. $${p.estimatedSpendUsd.toFixed(2)}` : '';
    const over = p.postedToday >= p.cap;
    box.append(
      el('span', { className: `today${over ? ' over' : ''}`, 'data-platform': p.platform }, [
        el('b', { text: PLATFORM_NAMES[p.platform] || p.platform }),
        ` ${p.postedToday} / ${p.cap} today${p.postingNow ? ` (+${p.postingNow} now)` : ''}${spend}`,
      ]),
    );
  }
  box.append(
    el('span', {
      className: 'today-reset',
      text: `caps reset ${new Date(today.resetsAt).toUTCString().slice(17, 22)} UTC`,
    }),
  );
}

function renderOutbox(list: Post[]) {
  const root = $('#outbox');
  clear(root);
  for (const g of GROUPS) {
    const items = list.filter((p) => (g.states as readonly string[]).includes(p.state));
    const section = el('section', { className: 'outbox-group', 'data-group': g.id, 'aria-label': g.title }, [
      el('h3', {}, [
        `${g.title} `,
        el('span', { className: `count-badge${items.length ? ' has' : ''}`, text: String(items.length) }),
      ]),
    ]);
    if (!items.length) section.append(el('p', { className: 'outbox-empty', text: g.empty }));
    for (const p of items) section.append(postCard(p));
    root.append(section);
  }
}

function postCard(p: Post) {
  const meta: string[] = [];
  if (p.attempts) meta.push(`${p.attempts}${p.attempts === 1 ? ' attempt' : ' attempts'}`);
  const goes = goesWhen(p);
  if (goes) meta.push(goes);
  else if (p.nextAttemptAt && p.state === 'failed') meta.push(`next ${new Date(p.nextAttemptAt).toLocaleString()}`);
  if (p.pendingCheck) meta.push('checks the platform first');
  if (p.postedAt) meta.push(`posted ${new Date(p.postedAt).toLocaleString()}`);
  const card = el('article', { className: 'post', 'data-id': p.id, 'data-state': p.state }, [
    el('header', {}, [
      el('span', { className: 'platform', text: PLATFORM_NAMES[p.platform] || p.platform }),
      el('span', { className: `state state-${p.state}`, text: STATE_LABELS[p.state] || p.state }),
      el('span', { className: 'account', text: p.account }),
    ]),
    el('p', { className: 'post-text', text: p.text }),
    meta.length ? el('p', { className: 'post-meta', text: meta.join(' · ') }) : null,
    errorLine(p) ? el('p', { className: 'post-error', text: errorLine(p) }) : null,
    p.url ? el('a', { href: p.url, target: '_blank', rel: 'noopener noreferrer', text: 'Open the post ↗' }) : null,
  ]);
  const actions = el('div', { className: 'post-actions' });
  const button = (label: string, onclick: () => void, primary?: boolean) =>
    el('button', { type: 'button', className: `small${primary ? ' primary' : ''}`, text: label, onclick });
  if (p.state === 'review') {
    actions.append(
      button('Approve', () => act(p, 'approve'), true),
      button('Edit', () => editPost(card, p)),
      button('Skip', () => act(p, 'skip')),
    );
  }
  // In the editor's window (POST_DELAY_MINUTES) a queued post no attempt was made on can still be edited.
  if (p.state === 'queued' && !p.attempts && p.waitingFor === 'delay')
    actions.append(button('Edit', () => editPost(card, p)));
  if (p.state === 'failed' || p.state === 'dead') actions.append(button('Retry', () => act(p, 'retry'), true));
  if (p.state === 'queued' || p.state === 'failed' || p.state === 'dead')
    actions.append(button('Skip', () => act(p, 'skip')));
  if (actions.childElementCount) card.append(actions);
  card.append(el('p', { className: 'post-problem', role: 'alert' }));
  return card;
}

async function act(p: Post, action: 'approve' | 'skip' | 'retry') {
  const { res } = await api(`/api/posts/${encodeURIComponent(p.id)}/${action}`, { method: 'POST' });
  if (!res.ok) return problem(p.id, await errorBody(res), res.status);
  loadOutbox();
}

function problem(id: string, body: ErrorBody, status: number) {
  const card = document.querySelector(`.post[data-id="${CSS.escape(id)}"]`);
  const line = card?.querySelector('.post-problem');
  if (line) line.textContent = body.message || `The server answered ${status}`;
}

function editPost(card: HTMLElement, p: Post) {
  const box = el('textarea', { className: 'post-edit', rows: 6, 'aria-label': 'Post text' });
  box.value = p.text;
  const save = el('button', { type: 'button', className: 'small primary', text: 'Save text' });
  const cancel = el('button', { type: 'button', className: 'small', text: 'Cancel', onclick: () => loadOutbox() });
  save.addEventListener('click', async () => {
    const { res } = await api(`/api/posts/${encodeURIComponent(p.id)}`, { method: 'PATCH', json: { text: box.value } });
    if (!res.ok) return problem(p.id, await errorBody(res), res.status);
    loadOutbox();
  });
  card.querySelector('.post-text')?.replaceWith(box);
  const actions = card.querySelector('.post-actions');
  if (actions) clear(actions);
  actions?.append(save, cancel);
  box.focus();
}
