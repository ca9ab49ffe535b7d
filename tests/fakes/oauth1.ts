// Verifies an OAuth 1.0a (HMAC-SHA1) Authorization header the way X does, so a bad signature fails the test.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface OAuth1Credentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function parseOAuthHeader(header: string | undefined): Record<string, string> | undefined {
  if (!header?.startsWith('OAuth ')) return undefined;
  const out: Record<string, string> = {};
  for (const m of header.slice(6).matchAll(/([\w]+)="([^"]*)"/g)) out[m[1]!] = decodeURIComponent(m[2]!);
  return out;
}

/**
 * Returns undefined when valid, else why not. `formParams` are the url-encoded body's fields (in the signature);
 * JSON and multipart bodies are not signed.
 */
export function verifyOAuth1(
  method: string,
  url: URL,
  header: string | undefined,
  creds: OAuth1Credentials,
  formParams: URLSearchParams = new URLSearchParams(),
): string | undefined {
  const oauth = parseOAuthHeader(header);
  if (!oauth) return 'missing OAuth Authorization header';
  for (const k of [
    'oauth_consumer_key',
    'oauth_nonce',
    'oauth_signature',
    'oauth_signature_method',
    'oauth_timestamp',
    'oauth_token',
    'oauth_version',
  ]) {
    if (!oauth[k]) return `missing ${k}`;
  }
  if (oauth.oauth_consumer_key !== creds.appKey) return 'unknown consumer key';
  if (oauth.oauth_token !== creds.accessToken) return 'unknown access token';
  if (oauth.oauth_signature_method !== 'HMAC-SHA1') return 'unsupported signature method';
  if (Math.abs(Date.now() / 1000 - Number(oauth.oauth_timestamp)) > 300) return 'timestamp out of range';

  const params: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(oauth))
    if (k !== 'oauth_signature' && k.startsWith('oauth_')) params.push([k, v]);
  for (const [k, v] of url.searchParams) params.push([k, v]);
  for (const [k, v] of formParams) params.push([k, v]);
  const paramString = params
    .map(([k, v]) => [enc(k), enc(v)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const baseUrl = `${url.protocol}//${url.host}${url.pathname}`;
  const base = `${method.toUpperCase()}&${enc(baseUrl)}&${enc(paramString)}`;
  const key = `${enc(creds.appSecret)}&${enc(creds.accessSecret)}`;
  const expected = createHmac('sha1', key).update(base).digest();
  const given = Buffer.from(oauth.oauth_signature!, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid signature';
  return undefined;
}
