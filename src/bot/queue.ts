// The bot in the Worker: the hook that queues a new story's posts, the queue consumer, and the cron sweep of due rows.
import { type Config, configOf } from '../config.ts';
import type { TemplateRegistry } from '../render/registry.ts';
import type { RenderRequest, RenderResult } from '../render/types.ts';
import { CardStore, cardPath } from '../storage/cards.ts';
import { type OutboxRow, OutboxStore } from '../storage/outbox.ts';
import { StoryStore } from '../storage/stories.ts';
import { drawnCardSize, type OutboxDeps, type Outcome, processRow } from './outbox.ts';
import { createPosters } from './posters.ts';
import type { RetryPolicy } from './retry.ts';
import type { Platform, Poster } from './types.ts';

/** What travels on POST_QUEUE: only the row id. The row holds everything else, so a stale message is harmless. */
export interface PostMessage {
  outboxId: string;
}

/** Cloudflare Queues delay a message by at most 12 hours; a longer wait is re-enqueued when the message comes back. */
export const MAX_DELAY_SECONDS = 43_200;

export interface BotDeps {
  renderCard(req: RenderRequest): Promise<RenderResult>;
  /** The card templates (which sizes a card exists at). */
  templates: TemplateRegistry;
  /** Tests drive time; Date.now otherwise. */
  now?: () => number;
  policy?: Partial<RetryPolicy>;
  /** Tests pass posters aimed at fakes; otherwise from the env's credentials, kept for the isolate's life. */
  posters?: Partial<Record<Platform, Poster>>;
  /** The runtime's plain-http Agent (src/runtime/http-agent.ts), for an http X_API_BASE_URL (a local fake). */
  httpAgent?: object;
}

const posterSets = new WeakMap<Config, Partial<Record<Platform, Poster>>>();

function postersOf(config: Config, httpAgent: object | undefined): Partial<Record<Platform, Poster>> {
  let posters = posterSets.get(config);
  if (!posters) {
    posters = createPosters(config, httpAgent ? { httpAgent } : {});
    posterSets.set(config, posters);
  }
  return posters;
}

export function outboxDeps(env: Env, deps: BotDeps): OutboxDeps {
  const config = configOf(env);
  const cards = new CardStore(env.DB, env.CARDS, deps.renderCard, deps.templates);
  const stories = new StoryStore(env.DB);
  return {
    store: new OutboxStore(env.DB),
    posters: deps.posters ?? postersOf(config, deps.httpAgent),
    caps: config.dailyCaps,
    schedule: config.schedule,
    loadStory: async (id) => (await stories.get(id))?.story ?? null,
    async loadCard(hash, size) {
      const spec = await cards.spec(hash);
      if (!spec) return null;
      // A template that does not draw the size asked for (2:1, portrait, story) gets its og card there.
      const drawn = drawnCardSize(size, cards.templates.sizesOf(spec.template));
      const file = await cards.file(hash, drawn, 'auto', async () => spec);
      // auto writes PNG or JPEG, never WebP.
      if (!file) return null;
      return {
        bytes: file.bytes,
        type: file.format === 'png' ? 'image/png' : 'image/jpeg',
        complete: file.complete,
        // The same bytes at their content address, for platforms that fetch the card (Threads).
        ...(config.publicBaseUrl
          ? {
              url: `${config.publicBaseUrl}${cardPath(hash, drawn, file.format)}`,
              jpegUrl: `${config.publicBaseUrl}${cardPath(hash, drawn, 'jpeg')}`,
            }
          : {}),
      };
    },
    now: deps.now ?? Date.now,
    ...(deps.policy ? { policy: deps.policy } : {}),
  };
}

const delaySeconds = (at: number, now: number) =>
  Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((at - now) / 1000)));

async function enqueue(queue: Queue, ids: string[], delay = 0): Promise<void> {
  for (let i = 0; i < ids.length; i += 100) {
    await queue.sendBatch(
      ids.slice(i, i + 100).map((outboxId) => ({ body: { outboxId } satisfies PostMessage, delaySeconds: delay })),
    );
  }
}

/** Is the consumer sending posts? live, and review (where only approved posts are queued). */
export const botSends = (config: Config) => config.botMode === 'live' || config.botMode === 'review';

/**
 * After publishing (src/publish/) wrote a story's rows: enqueue the queued ones it wrote (review rows wait for an
 * editor; dry-run rows are records). Never throws: a failed enqueue is logged, and the cron sweep sends the rows.
 */
export async function enqueuePosts(env: Env, rows: readonly OutboxRow[], now = Date.now()): Promise<void> {
  const fresh = rows.filter((r) => r.state === 'queued' && r.attempts === 0);
  const queued = fresh.map((r) => r.id);
  if (!queued.length) return;
  try {
    // A story's posts share one time (the editor's window, POST_DELAY_MINUTES): delivered then, not at once.
    const byDelay = new Map<number, string[]>();
    for (const r of fresh) {
      const delay = delaySeconds(r.nextAttemptAt ?? now, now);
      byDelay.set(delay, [...(byDelay.get(delay) ?? []), r.id]);
    }
    for (const [delay, ids] of byDelay) await enqueue(env.POST_QUEUE, ids, delay);
  } catch (error) {
    console.error(`outbox: enqueueing ${queued.join(', ')} failed; the cron sweep will send them:`, error);
  }
}

/**
 * The queue consumer. One message = one row attempt; a row that must wait is re-enqueued (delayed) by the call that
 * set its time, and acked. While BOT_MODE is neither live nor review, messages are acked and rows left alone (the
 * bot is paused).
 */
export async function handlePostBatch(batch: MessageBatch<PostMessage>, env: Env, deps: BotDeps): Promise<void> {
  if (!botSends(configOf(env))) {
    batch.ackAll();
    return;
  }
  const od = outboxDeps(env, deps);
  // One at a time: posts to one account in parallel would only meet its rate limit sooner.
  for (const message of batch.messages) {
    const id = (message.body as Partial<PostMessage> | undefined)?.outboxId;
    if (typeof id !== 'string') {
      console.error('outbox: dropping a message without an outboxId:', JSON.stringify(message.body));
      message.ack();
      continue;
    }
    try {
      const outcome = await processRow(id, od);
      await followUp(env, id, outcome, od.now());
      message.ack();
    } catch (error) {
      // processRow records its own failures; this is D1 or the queue itself failing. Let the queue redeliver.
      console.error(`outbox ${id}: consumer failed:`, error);
      message.retry({ delaySeconds: 30 });
    }
  }
}

async function followUp(env: Env, id: string, outcome: Outcome, now: number): Promise<void> {
  if (outcome.kind === 'wait' && outcome.requeue) await enqueue(env.POST_QUEUE, [id], delaySeconds(outcome.at, now));
  if (outcome.kind === 'dead') console.warn(`outbox ${id}: dead: ${outcome.reason}`);
  if (outcome.kind === 'held') console.warn(`outbox ${id}: held for an editor: ${outcome.reason}`);
}

/** The cron trigger: re-send every due row (a lost message, an expired lease). Duplicates are harmless: claims decide. */
export async function sweepOutbox(env: Env, now = Date.now()): Promise<string[]> {
  if (!botSends(configOf(env))) return [];
  const ids = await new OutboxStore(env.DB).due(now, 500);
  if (ids.length) await enqueue(env.POST_QUEUE, ids);
  return ids;
}

export type { OutboxRow };
