// The bot's posts for a studio draft: each network's exact text (the bot's own composePost) and the card it sends.

import { composePost } from '../bot/compose.ts';
import { CARD_SIZE, drawnCardSize } from '../bot/outbox.ts';
import { SIZES } from '../render/types.ts';
import type { Story } from '../story/schema.ts';
import { type BotPostPreview, MOCKUP_NETWORKS, type MockupNetwork } from './bot-posts-wire.ts';

export interface BotPostSettings {
  /** POST_LINK_QUERY and INSTAGRAM_LINK_TEXT: the server's own, so the mock-up shows what this deployment sends. */
  linkQuery: string | undefined;
  instagramLinkText: string | undefined;
  /** What each network still lacks on this server (missingCredentials), so a mock-up never implies a post that won't go. */
  missing: (platform: MockupNetwork) => string[];
}

/** One preview per mocked-up network, composed exactly as src/bot/plan.ts composes an outbox row. */
export function botPostPreviews(
  story: Story,
  settings: BotPostSettings,
  templateSizes: readonly string[],
): BotPostPreview[] {
  return MOCKUP_NETWORKS.map((platform) => {
    const post = composePost(story, platform, {
      linkQuery: settings.linkQuery,
      instagramLinkText: settings.instagramLinkText,
    });
    const size = drawnCardSize(CARD_SIZE[platform], templateSizes);
    return {
      platform,
      text: post.text,
      length: post.length,
      limit: post.limit,
      truncated: post.truncated,
      dropped: post.dropped,
      link: post.link,
      missing: settings.missing(platform),
      card: { size, width: SIZES[size].width, height: SIZES[size].height, wanted: CARD_SIZE[platform] },
    };
  });
}
