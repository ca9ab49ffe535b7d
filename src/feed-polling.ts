// Feed polling in the Worker (the cron trigger): the settings (FEEDS, BOT_MODE), D1's stores and the bot's planner
// handed to the pure poll in src/intake/feed-poll.ts, so each item enters like a POSTed story.
import { postPlanner } from './bot/plan.ts';
import { configOf } from './config.ts';
import { type FeedDeps, type FeedPollResult, pollFeedList } from './intake/feed-poll.ts';
import { D1PublishStore } from './publish/d1.ts';
import { publishStory } from './publish/index.ts';
import { loadGlyphCoverage } from './render/coverage.ts';
import { fontAssets } from './runtime/font-assets.ts';
import { fetchPolicyFor } from './safe-fetch.ts';
import { FeedStore } from './storage/feeds.ts';

export type { FeedDeps, FeedPollResult } from './intake/feed-poll.ts';

/** Poll every feed in FEEDS once (see pollFeedList: never throws for a feed's sake). */
export async function pollFeeds(env: Env, now: number, deps: FeedDeps): Promise<FeedPollResult[]> {
  const config = configOf(env);
  if (!config.feeds.length) return [];
  // Each item enters like a POSTed story: story, card address and outbox rows in one D1 batch (src/publish/).
  // Polling never renders: the Worker entry pre-renders new stories.
  const store = new D1PublishStore(env.DB);
  return pollFeedList(config.feeds, {
    feeds: new FeedStore(env.DB),
    // Feed URLs (and where they redirect) are checked like any URL handed to us: FEEDS is a setting, but a feed
    // host can redirect anywhere.
    deps: { ...deps, policy: deps.policy ?? fetchPolicyFor(config) },
    now,
    saveStory: (story) =>
      publishStory(
        store,
        { story: { ...story, url: story.url! } },
        {
          botMode: config.botMode,
          plan: postPlanner(config, () => loadGlyphCoverage(fontAssets(env.ASSETS))),
          templates: deps.templates,
        },
      ),
  });
}
