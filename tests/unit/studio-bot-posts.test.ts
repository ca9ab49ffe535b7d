// The studio's bot-post mock-ups get the bot's own text and card: the same composePost with the deployment's
// settings, and the card size the outbox loads for each network (og where a template draws no such size).
import { describe, expect, it } from 'vitest';
import { composePost } from '../../src/bot/compose.ts';
import { CARD_SIZE } from '../../src/bot/outbox.ts';
import { SIZES } from '../../src/render/types.ts';
import { createStory } from '../../src/story/schema.ts';
import { botPostPreviews } from '../../src/studio/bot-posts.ts';
import { MOCKUP_NETWORKS } from '../../src/studio/bot-posts-wire.ts';

const settings = {
  linkQuery: 'utm_source={platform}&utm_medium=social',
  instagramLinkText: 'Link in bio · {domain}',
  missing: () => [],
};
/** 599 characters: more than Threads' 500 leaves room for, well within Telegram's 1,024. */
const LONG_QUOTE = 'We will keep building, and we will keep saying no to offers like this one. '.repeat(8).trim();
const ALL = ['og', 'x', 'square', 'portrait', 'story'];

describe('the studio’s bot posts', () => {
  it('carry exactly the text the outbox would freeze, with POST_LINK_QUERY and INSTAGRAM_LINK_TEXT applied', () => {
    const story = createStory({ quote: LONG_QUOTE });
    const posts = botPostPreviews(story, settings, ALL);
    expect(posts.map((p) => p.platform)).toEqual([...MOCKUP_NETWORKS]);
    for (const p of posts) {
      const composed = composePost(story, p.platform, settings);
      expect(p.text).toBe(composed.text);
      expect(p.truncated).toEqual(composed.truncated);
    }
    const by = Object.fromEntries(posts.map((p) => [p.platform, p]));
    expect(by.telegram?.text).toContain(`${story.url}?utm_source=telegram&utm_medium=social`);
    expect(by.instagram?.text).toContain('Link in bio · example.com');
    expect(by.instagram?.text).not.toContain('https://');
    // Threads' 500 shortened this quote; Telegram's 1,024 did not.
    expect(by.threads?.truncated).toEqual(['quote']);
    expect(by.telegram?.truncated).toEqual([]);
  });

  it('name the card each poster sends, and the og card where the template draws no portrait or story', () => {
    const story = createStory();
    for (const p of botPostPreviews(story, settings, ALL)) {
      expect(p.card).toEqual({
        size: CARD_SIZE[p.platform],
        ...pick(SIZES[CARD_SIZE[p.platform]]),
        wanted: CARD_SIZE[p.platform],
      });
    }
    const landscapeOnly = Object.fromEntries(
      botPostPreviews(story, settings, ['og', 'x']).map((p) => [p.platform, p.card]),
    );
    expect(landscapeOnly.instagram).toEqual({ size: 'og', width: 1200, height: 630, wanted: 'portrait' });
    expect(landscapeOnly['instagram-story']).toEqual({ size: 'og', width: 1200, height: 630, wanted: 'story' });
    expect(landscapeOnly.telegram).toEqual({ size: 'og', width: 1200, height: 630, wanted: 'og' });
  });
});

const pick = ({ width, height }: { width: number; height: number }) => ({ width, height });
