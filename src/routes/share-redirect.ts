// People at a share URL: who counts as a person, where they are sent (with campaign parameters), and the 302.
import { html } from 'hono/html';
import { isbot } from 'isbot';
import type { ShareVariant } from '../storage/share-cache.ts';

/**
 * A person gets the redirect, anything else the tags. A client without a User-Agent is no browser, so it is
 * treated as a crawler: the tags are the safe answer for a program, the redirect only for a person.
 */
export function variantOf(userAgent: string | undefined): ShareVariant {
  const ua = userAgent?.trim() ?? '';
  return ua && !isbot(ua) ? 'person' : 'crawler';
}

const CAMPAIGN = /^utm_[a-z0-9_]+$/i;

/**
 * The article URL a person is sent to: SHARE_REDIRECT_QUERY's parameters, overridden by utm_* parameters the share
 * link itself carried (a newsroom tagging one link), never overriding a parameter the article URL already has.
 * Only people see this URL: the page crawlers read names the share URL and the article's own canonical URL.
 */
export function campaignUrl(article: string, configured: string | undefined, arrivedWith: URLSearchParams): string {
  const add = new URLSearchParams(configured ?? '');
  for (const [name, value] of arrivedWith) if (CAMPAIGN.test(name)) add.set(name, value);
  if (![...add.keys()].length) return article;
  const url = new URL(article);
  for (const [name, value] of add) if (!url.searchParams.has(name)) url.searchParams.append(name, value);
  return url.href;
}

/** The 302's body, for the rare client that shows it instead of following Location (about 200 bytes). */
export const redirectPage = (to: string) =>
  html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Redirecting to the story</title></head>
<body><p><a href="${to}">Continue to the story →</a></p></body></html>
`;
