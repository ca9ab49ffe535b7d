// Issue 20: the bot does not publish what extraction is unsure of — a low-confidence quote or speaker waits in
// review with the reason, in every bot mode; a story whose caller wrote its own quote and speaker goes as usual.
import { describe, expect, it } from 'vitest';
import { postPlanner } from '../../src/bot/plan.ts';
import { parseConfig } from '../../src/config.ts';
import { createStory, type Story } from '../../src/story/schema.ts';

// Credentials only: planning composes rows and never calls a platform.
const settings = (mode: string) => ({
  BOT_MODE: mode,
  BLUESKY_IDENTIFIER: 'newsroom.example',
  BLUESKY_APP_PASSWORD: 'app-password',
  MASTODON_BASE_URL: 'https://mastodon.example',
  MASTODON_ACCESS_TOKEN: 'token',
});
const base = {
  headline: 'Council approves the new harbour plan after a long debate',
  quote: 'This harbour will be open to everyone, all year round.',
  quoteAuthor: 'Anna Berg',
  url: 'https://news.example/harbour',
};
// Every character drawable: the boxes hold (issue 19) is not what these tests are about.
const allDrawn = async () => ({ covers: () => true, hasEmoji: () => true });
const plan = (mode: string, story: Story) =>
  postPlanner(parseConfig(settings(mode)), allDrawn)({ id: 'st_1', story, cardHash: 'abc' });

describe('low-confidence extraction is held for an editor', () => {
  for (const mode of ['live', 'review', 'dry-run']) {
    it(`BOT_MODE=${mode}: an unsure speaker waits in review with the reason`, async () => {
      const rows = await plan(mode, createStory({ ...base, quoteConfidence: 'high', speakerConfidence: 'low' }));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.state).toBe('review');
        expect(row.note).toMatch(/held for an editor: extraction is unsure of the speaker/);
      }
    });
  }

  it('an unsure quote is held too, and the note names both when both are unsure', async () => {
    const rows = await plan('live', createStory({ ...base, quoteConfidence: 'low', speakerConfidence: 'low' }));
    for (const row of rows) {
      expect(row.state).toBe('review');
      expect(row.note).toMatch(/unsure of the quote and the speaker/);
    }
  });

  it('a sure extraction, and a quote the caller wrote itself (no confidence), go as the mode says', async () => {
    const sure = await plan('live', createStory({ ...base, quoteConfidence: 'high', speakerConfidence: 'high' }));
    const own = await plan('live', createStory(base));
    for (const row of [...sure, ...own]) {
      expect(row.state).toBe('queued');
      expect(row.note).toBeUndefined();
    }
  });
});
