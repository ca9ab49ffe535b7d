// The studio script, part 1: constants, state, DOM helpers (text only, never markup), the token and the API call.
import type { TemplateMeta } from '../../render/template.ts';
import { EXTENSION, type ImageFormat, type RenderReport, type SizeName, type Theme } from '../../render/types.ts';
import { HEADLINE_MAX, QUOTE_MAX } from '../../story/limits.ts';
import type { StudioWarning } from '../warnings.ts';

export const TOKEN_KEY = 'storycard.studio.token';
export const DRAFT_KEY = 'storycard.studio.draft';
/** A preview still behind the form after this long is dimmed; one that keeps up with typing is never dimmed. */
export const STALE_AFTER_MS = 300;
export const STORY_FIELDS = [
  'headline',
  'quote',
  'quoteAuthor',
  'author',
  'siteName',
  'lang',
  'url',
  'imageUrl',
] as const;
export type StoryField = (typeof STORY_FIELDS)[number];
/** The counted fields, with the schema's own limits (src/story/limits.ts). */
export const LIMITS = { headline: HEADLINE_MAX, quote: QUOTE_MAX } as const;

/** The file formats the studio offers (the live preview is always SVG), and what each is called on a button. */
export type FileFormat = ImageFormat | 'auto';
export const FORMAT_LABELS: Record<FileFormat, string> = { png: 'PNG', auto: 'auto', jpeg: 'JPEG', webp: 'WebP' };
/** The downloaded file's extension per format written: the server's own table. */
export const EXTENSIONS: Record<ImageFormat, string> = {
  png: EXTENSION.png,
  jpeg: EXTENSION.jpeg,
  webp: EXTENSION.webp,
};

export interface Platform {
  id: string;
  name: string;
  /** Which of the template's cards the platform is fed. */
  card: 'og' | 'x';
  /** The frame's width / height, or null when the card is shown whole. */
  ratio: number | null;
  ratioLabel: string;
  note: string;
}
// card: which of the template's cards the platform is fed (link previews read og:image, X twitter:image). The bot's
// posts, the portrait and story cards among them, are mocked up from the server's compose (client/bot-mockups.ts).
export const PLATFORMS: readonly Platform[] = [
  { id: 'x', name: 'X', card: 'x', ratio: 2, ratioLabel: '2:1', note: 'summary_large_image' },
  { id: 'facebook', name: 'Facebook', card: 'og', ratio: 1.91, ratioLabel: '1.91:1', note: 'link share' },
  { id: 'linkedin', name: 'LinkedIn', card: 'og', ratio: 1.91, ratioLabel: '1.91:1', note: 'link post' },
  { id: 'bluesky', name: 'Bluesky', card: 'og', ratio: 1.91, ratioLabel: '1.91:1', note: 'link card' },
  { id: 'mastodon', name: 'Mastodon', card: 'og', ratio: null, ratioLabel: 'as drawn', note: 'preview card' },
  { id: 'slack', name: 'Slack', card: 'og', ratio: null, ratioLabel: 'as drawn, ≤ 360 px wide', note: 'unfurl' },
  { id: 'discord', name: 'Discord', card: 'og', ratio: null, ratioLabel: 'as drawn', note: 'embed' },
  { id: 'whatsapp', name: 'WhatsApp', card: 'og', ratio: 1.91, ratioLabel: '≈ 1.91:1, ≤ 300 KB', note: 'link preview' },
  { id: 'telegram', name: 'Telegram', card: 'og', ratio: null, ratioLabel: 'as drawn', note: 'link preview' },
  { id: 'imessage', name: 'iMessage', card: 'og', ratio: 1.91, ratioLabel: '≈ 1.91:1', note: 'rich link' },
];

/* ---------- What the studio API answers (the parts the page reads) ---------- */
export interface CatalogSize {
  name: SizeName;
  width: number;
  height: number;
  label: string;
}
export interface Sample {
  id: string;
  description: string;
  story: Partial<Record<StoryField, string>>;
}
export interface Catalog {
  templates: TemplateMeta[];
  sizes: CatalogSize[];
  samples: Sample[];
  signing: boolean;
}
/** A field-level problem from a 400 (src/errors.ts FieldIssue). */
export interface Issue {
  path: string;
  expected: string;
  received: string;
  message: string;
}
/** Every error answer: {error, message, issues?}; an empty object when the body was not JSON. */
export interface ErrorBody {
  error?: string;
  message?: string;
  issues?: Issue[];
}
export interface StoryItem {
  id: string;
  shareUrl: string;
  template?: string;
  theme?: Partial<Theme>;
  story: Partial<Record<StoryField, string>> & { headline: string };
}

/** What the form holds: the story fields, template, size and theme, as the preview API takes them. */
export type FormData = Partial<Record<StoryField, string>> & {
  template?: string | undefined;
  size?: string;
  theme?: Partial<Theme>;
  /** Only in a saved draft: the sample the form was filled from. */
  sample?: string;
};

/** The first element matching `sel`; the page is static markup (src/studio/page.ts), so a miss is a bug. */
export function $<T extends Element = HTMLElement>(sel: string): T {
  const node = document.querySelector<T>(sel);
  if (!node) throw new Error(`the studio page has no ${sel}`);
  return node;
}

export const state = {
  token: '',
  catalog: null as Catalog | null,
  /** The live preview: the last request sent, the one shown, and whether the form changed since the last was sent. */
  seq: 0,
  shown: 0,
  inFlight: false,
  pending: false,
  /** The last form sent (JSON): a change that leaves the form as it was needs no new render. */
  sentFor: '',
  controller: null as AbortController | null,
  staleTimer: 0,
  svgUrl: '',
  pngUrl: '',
  pngFor: '',
  report: null as RenderReport | null,
  warnings: [] as StudioWarning[],
  /** Why the current draft has no card ('' when it has one): the panel, warnings and mock-ups say it, never stale. */
  problem: '',
  template: null as TemplateMeta | null,
  stories: [] as StoryItem[],
};

/** The catalog: loaded before anything that needs it can run (start() loads it first). */
export function catalog(): Catalog {
  if (!state.catalog) throw new Error('the studio catalog is not loaded yet');
  return state.catalog;
}

/* ---------- DOM helpers: elements and text only, never markup from strings ---------- */
type PropValue = string | number | boolean | null | undefined | ((event: Event) => void);
export type Props = Record<string, PropValue>;
export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  children?: Child | Child[],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props) {
    for (const key of Object.keys(props)) {
      const value = props[key];
      if (value === undefined || value === null || value === false) continue;
      if (typeof value === 'function') node.addEventListener(key.slice(2), value);
      else if (key === 'className') node.className = String(value);
      else if (key === 'text') node.textContent = String(value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of ([] as Child[]).concat(children ?? [])) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
export const clear = (node: Element) => node.replaceChildren();
export const field = (name: string) =>
  document.getElementById(`f-${name}`) as HTMLInputElement | HTMLTextAreaElement | null;
/** A form field the page always has (every STORY_FIELDS name, brandColor, logoUrl). */
export const input = (name: string) => {
  const node = field(name);
  if (!node) throw new Error(`the studio page has no field f-${name}`);
  return node;
};

export function domainOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
export function kb(n: number): string {
  if (n >= 1000000) return `${(n / 1000000).toFixed(2)} MB`;
  return `${Math.max(1, Math.round(n / 1000))} KB`;
}

/* ---------- The API token: from the link npm start prints (#token=…), else asked once, kept in localStorage ---------- */
export function takeTokenFromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (token) {
    localStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  state.token = localStorage.getItem(TOKEN_KEY) || '';
}

export function askForToken(message: string) {
  const dialog = $<HTMLDialogElement>('#token-dialog');
  $('#token-error').textContent = message || '';
  $<HTMLInputElement>('#token-input').value = '';
  if (!dialog.open) dialog.showModal();
  $('#token-input').focus();
}

export class AuthError extends Error {}

export interface ApiOptions {
  method?: string;
  json?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * One call to our own API with the token. A 401/403 whose body is about the token opens the token dialog and
 * throws AuthError; `body` is the parsed error body of any other 401/403 (null otherwise: the caller reads it).
 */
export async function api(path: string, options?: ApiOptions): Promise<{ res: Response; body: ErrorBody | null }> {
  const opts = options || {};
  const headers: Record<string, string> = { Authorization: `Bearer ${state.token}`, ...opts.headers };
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method: opts.method || (opts.json !== undefined ? 'POST' : 'GET'),
    headers,
    body: opts.json !== undefined ? JSON.stringify(opts.json) : null,
    signal: opts.signal ?? null,
  });
  if (res.status === 401 || res.status === 403) {
    const body: ErrorBody = await res.json().catch(() => ({}));
    if (path.includes('/api/') && (body.error === 'unauthorized' || /token|Authorization/.test(body.message || ''))) {
      askForToken(body.message || 'That token was not accepted.');
      throw new AuthError(body.message || 'unauthorized');
    }
    return { res, body };
  }
  return { res, body: null };
}

/** The JSON error body of a refused answer, or {} when it is not JSON. */
export const errorBody = (res: Response): Promise<ErrorBody> => res.json().catch(() => ({}));
