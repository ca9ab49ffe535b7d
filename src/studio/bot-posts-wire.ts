// What the studio's /studio/api/posts answers: each network's post as the bot would send it (no imports: the browser script reads it too).

/** The networks the studio mocks up from the bot's own posts (src/bot/types.ts names). */
export const MOCKUP_NETWORKS = ['telegram', 'threads', 'facebook', 'instagram', 'instagram-story', 'linkedin'] as const;
export type MockupNetwork = (typeof MOCKUP_NETWORKS)[number];

export interface BotPostPreview {
  platform: MockupNetwork;
  /** Exactly the text the outbox would freeze and post (src/bot/compose.ts composePost). */
  text: string;
  /** Length as the platform counts it, and its limit. */
  length: number;
  limit: number;
  truncated: Array<'headline' | 'quote'>;
  dropped: Array<'hashtags' | 'quote' | 'siteName'>;
  /** The link the post carries (campaign parameters included) and how the text shows it. */
  link: { url: string; display: string };
  /** The settings this server still lacks to post there ([] when it posts there): src/bot/accounts.ts's words. */
  missing: string[];
  /** The card the poster sends: the platform's size, or og when the template draws no such size. */
  card: { size: 'og' | 'x' | 'portrait' | 'story'; width: number; height: number; wanted: string };
}
