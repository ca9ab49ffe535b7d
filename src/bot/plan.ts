// What a new story's posts will be: one outbox row per enabled platform account, its text composed and frozen now.
import type { Config } from '../config.ts';
import type { PostPlanner } from '../publish/index.ts';
import { describeMissing, type GlyphCoverage, storyMissingGlyphs } from '../render/coverage.ts';
import type { NewOutboxRow } from '../storage/outbox.ts';
import { accountsFor, missingCredentials } from './accounts.ts';
import { composePost } from './compose.ts';
import { PLATFORMS, type Platform } from './types.ts';

/** The account of a dry-run row for a platform without credentials. */
export const UNCONFIGURED = 'not-configured';

const listOf = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

const STATE_FOR = { live: 'queued', review: 'review', 'dry-run': 'dry-run' } as const;

/**
 * Why an extracted quote or speaker waits for an editor (issue 20: a wrong name under a quote is worse than no post):
 * extraction marked it `low`. A caller who wrote its own quote and speaker sends no confidence, so is never held.
 */
export function extractionHold(story: { quoteConfidence?: string; speakerConfidence?: string }): string | undefined {
  const unsure = [
    story.quoteConfidence === 'low' ? 'the quote' : '',
    story.speakerConfidence === 'low' ? 'the speaker' : '',
  ].filter(Boolean);
  return unsure.length
    ? `held for an editor: extraction is unsure of ${unsure.join(' and ')}; check them, then approve`
    : undefined;
}

/**
 * The planner publishing calls (src/publish/): BOT_MODE=live makes queued rows, review makes rows that wait for an
 * editor, dry-run makes records that never move; off makes none. Each text carries POST_LINK_QUERY's campaign link.
 */
export function postPlanner(config: Config, glyphs: () => Promise<GlyphCoverage>): PostPlanner {
  return async (story) => {
    if (config.botMode === 'off') return [];
    // A card that would show boxes (characters no bundled face covers) waits for an editor, whatever the mode; so
    // does a low-confidence extracted quote or speaker (issue 20). The row's note says why.
    const boxes = storyMissingGlyphs(story.story, await glyphs());
    const held = [
      boxes.length
        ? `held: the card cannot draw ${boxes.length === 1 ? 'this character' : `${boxes.length} characters`} (no font covers them; they would show as boxes): ${describeMissing(boxes)}`
        : undefined,
      extractionHold(story.story),
    ]
      .filter(Boolean)
      .join('; ');
    const state = held ? 'review' : STATE_FOR[config.botMode];
    const accounts = await accountsFor(config);
    const row = (platform: Platform, account: string, note?: string): NewOutboxRow => {
      const post = composePost(story.story, platform, {
        linkQuery: config.postLinkQuery,
        instagramLinkText: config.instagram.linkText,
      });
      return {
        storyId: story.id,
        platform,
        account,
        text: post.text,
        link: post.link.url,
        cardHash: story.cardHash,
        state,
        ...(note || held ? { note: [held, note].filter(Boolean).join('; ') } : {}),
        // Live posts wait for the editor's window (editable and skippable meanwhile); review posts wait for an editor.
        ...(state === 'queued' && config.schedule.delayMs ? { delayMs: config.schedule.delayMs } : {}),
      };
    };
    const rows = (Object.entries(accounts) as [Platform, string][]).map(([platform, account]) =>
      row(platform, account),
    );
    // A dry run with no platform configured yet (someone trying the bot) shows every platform: what each would get
    // and which settings it lacks, instead of an empty outbox with no hint. Once one is configured, only those.
    // Review mode does the same, so an editor can rehearse approve / edit / skip before any credentials exist:
    // approving such a row records what would have been sent (src/routes/posts.ts), as a dry run does.
    if ((config.botMode === 'dry-run' || config.botMode === 'review') && rows.length === 0) {
      const dry = config.botMode === 'review' ? 'dry run (approving records it, sends nothing): ' : '';
      for (const platform of PLATFORMS) {
        const missing = missingCredentials(config, platform);
        rows.push(row(platform, UNCONFIGURED, `${dry}not configured: set ${listOf(missing)} to post here`));
      }
    }
    return rows;
  };
}
