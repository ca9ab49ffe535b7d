// The studio script, part 1: constants, state, DOM helpers (text only, never markup), the token and the API call.
export const CORE = String.raw`
'use strict';
const TOKEN_KEY = 'storycard.studio.token';
const DRAFT_KEY = 'storycard.studio.draft';
const DEBOUNCE_MS = 220;
const STORY_FIELDS = ['headline', 'quote', 'quoteAuthor', 'author', 'siteName', 'lang', 'url', 'imageUrl'];
const LIMITS = { headline: 300, quote: 600 };
// card: which of the template's cards the platform is fed (link previews read og:image, X twitter:image;
// the tall frames are for posting the portrait and story cards as images).
const PLATFORMS = [
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
  { id: 'feed', name: 'Instagram', card: 'portrait', ratio: 0.8, ratioLabel: '4:5', note: 'feed post', tall: true },
  { id: 'story', name: 'Story · status', card: 'story', ratio: 0.5625, ratioLabel: '9:16', note: 'Instagram, WhatsApp', tall: true },
];

const $ = (sel) => document.querySelector(sel);
const state = {
  token: '',
  catalog: null,
  seq: 0,
  controller: null,
  timer: 0,
  svgUrl: '',
  pngUrl: '',
  pngFor: '',
  report: null,
  warnings: [],
  template: null,
  stories: [],
};

/* ---------- DOM helpers: elements and text only, never markup from strings ---------- */
function el(tag, props, children) {
  const node = document.createElement(tag);
  if (props) {
    for (const key of Object.keys(props)) {
      const value = props[key];
      if (value === undefined || value === null || value === false) continue;
      if (key === 'className') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of [].concat(children || [])) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const clear = (node) => node.replaceChildren();
const field = (name) => document.getElementById('f-' + name);

function domainOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
function kb(n) {
  if (n >= 1000000) return (n / 1000000).toFixed(2) + ' MB';
  return Math.max(1, Math.round(n / 1000)) + ' KB';
}

/* ---------- The API token: from the link npm start prints (#token=…), else asked once, kept in localStorage ---------- */
function takeTokenFromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (token) {
    localStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  state.token = localStorage.getItem(TOKEN_KEY) || '';
}

function askForToken(message) {
  const dialog = $('#token-dialog');
  $('#token-error').textContent = message || '';
  $('#token-input').value = '';
  if (!dialog.open) dialog.showModal();
  $('#token-input').focus();
}

class AuthError extends Error {}

async function api(path, options) {
  const opts = options || {};
  const headers = Object.assign({ Authorization: 'Bearer ' + state.token }, opts.headers || {});
  if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method: opts.method || (opts.json !== undefined ? 'POST' : 'GET'),
    headers,
    body: opts.json !== undefined ? JSON.stringify(opts.json) : undefined,
    signal: opts.signal,
  });
  if (res.status === 401 || res.status === 403) {
    const body = await res.json().catch(() => ({}));
    if (path.indexOf('/api/') !== -1 && (body.error === 'unauthorized' || /token|Authorization/.test(body.message || ''))) {
      askForToken(body.message || 'That token was not accepted.');
      throw new AuthError(body.message || 'unauthorized');
    }
    return { res, body };
  }
  return { res, body: null };
}
`;
