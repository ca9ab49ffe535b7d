// Shared helpers for the worker tests: authenticated API calls against the real Worker entry and a story factory.
import { env, exports } from 'cloudflare:workers';
import { DEMO_STORY, type StoryInput } from '../../src/story/schema.ts';

export const BASE = 'https://cards.example.com';
export const TOKEN = env.API_TOKEN;

export function call(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

export function api(path: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}) {
  return call(`/api/stories${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${TOKEN}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

let n = 0;
/** A valid story with a URL of its own, so POSTs in one file never collide by accident. */
export function storyInput(overrides: Partial<StoryInput> = {}): StoryInput {
  n++;
  return { ...DEMO_STORY, url: `https://news.example.org/a/${Date.now()}-${n}`, ...overrides };
}

export interface StoryBody {
  id: string;
  slug: string;
  shareUrl: string;
  cardUrl: string;
  cardUrls: Record<string, string>;
  story: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export async function createStory(overrides: Partial<StoryInput> = {}): Promise<StoryBody> {
  const res = await api('', 'POST', storyInput(overrides));
  if (res.status !== 201) throw new Error(`POST /api/stories: ${res.status} ${await res.text()}`);
  return (await res.json()) as StoryBody;
}
