// The studio's mock-ups of the bot's posts (issue 21): on each network the exact text `storycard post` sends (the
// bot's composePost with this server's POST_LINK_QUERY and INSTAGRAM_LINK_TEXT), the card size its poster sends, and
// the network's fold. Headless Chromium on `npm start`; the section's screenshot is a reviewed reference.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePost } from '../../src/bot/compose.ts';
import { CARD_SIZE } from '../../src/bot/outbox.ts';
import { SIZES } from '../../src/render/types.ts';
import { DEMO_STORY, parseStory } from '../../src/story/schema.ts';
import { MOCKUP_NETWORKS } from '../../src/studio/bot-posts-wire.ts';
import { openStudio, PAGE_WAIT, type Studio, studioCounters } from '../helpers/studio-browser.ts';
import { matchesReference } from '../helpers/studio-shots.ts';

const SETTINGS = { linkQuery: 'utm_source={platform}&utm_medium=social', instagramLinkText: 'Link in bio · {domain}' };

let studio: Studio;
let page: Page;
let looks: string;
const { mockupRenders, nextMockups, settled } = studioCounters(() => page);

beforeAll(async () => {
  studio = await openStudio({
    env: { POST_LINK_QUERY: SETTINGS.linkQuery, INSTAGRAM_LINK_TEXT: SETTINGS.instagramLinkText },
    args: ['--font-render-hinting=none'],
  });
  page = studio.page;
  looks = mkdtempSync(join(tmpdir(), 'storycard-bot-mockups-'));
}, 240_000);

afterAll(async () => {
  await studio?.close();
  console.log(`bot mock-ups with their cards: ${looks}`);
}, 60_000);

/** The story the studio's form holds (it has no tags field), as the bot would read it. */
const draft = (overrides: Record<string, string> = {}) => {
  const { tags: _tags, ...fields } = DEMO_STORY;
  return parseStory({ ...fields, ...overrides });
};
/** The part of a post's text on screen before its network's "more" (the rest is in the page, hidden). */
const shownBeforeFold = (network: string) =>
  post(network)
    .locator('.post-text')
    .evaluate((e) =>
      [...e.childNodes]
        .filter((n) => !(n instanceof Element && n.classList.contains('folded')))
        .map((n) => n.textContent)
        .join(''),
    );
const post = (network: string) => page.locator(`[data-post="${network}"]`);
const shownText = (network: string) => post(network).locator('.post-text').textContent();

describe("the studio's mock-ups of the bot's posts", () => {
  it('show on each network the exact text the bot sends and the card its poster sends', async () => {
    const before = await mockupRenders();
    await page.keyboard.press('Alt+2');
    await nextMockups(before);
    const networks = await page
      .locator('[data-post]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-post')));
    expect(networks).toEqual([...MOCKUP_NETWORKS]);
    const story = draft();
    for (const network of MOCKUP_NETWORKS) {
      // Stories show no caption: the Story mock-up has no text to compare.
      if (network !== 'instagram-story') {
        expect(await shownText(network), network).toBe(composePost(story, network, SETTINGS).text);
      }
      const { width, height } = SIZES[CARD_SIZE[network]];
      expect(await post(network).getAttribute('data-card')).toBe(CARD_SIZE[network]);
      await post(network)
        .locator('.crop img')
        .evaluate((img: HTMLImageElement) => img.decode());
      const natural = await post(network)
        .locator('.crop img')
        .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
      expect(natural, network).toEqual([width, height]);
      // Shown whole, at the card's own shape.
      const shown = await post(network)
        .locator('.crop')
        .evaluate((e) => e.getBoundingClientRect().width / e.getBoundingClientRect().height);
      expect(shown, network).toBeCloseTo(width / height, 2);
      expect(await post(network).locator('.mock-label span').textContent()).toBe(
        `${CARD_SIZE[network]} card · ${width} × ${height}`,
      );
    }
    // Where the network makes the link a link, the campaign link is one; Instagram's caption has none to click.
    expect(await post('telegram').locator('.post-text .link').textContent()).toBe(
      `${DEMO_STORY.url}?utm_source=telegram&utm_medium=social`,
    );
    expect(await post('instagram').locator('.post-text .link').count()).toBe(0);
    expect(await shownText('instagram')).toContain('Link in bio · example.com');
    expect(await post('instagram').locator('.mock-crop').textContent()).toContain(
      'No clickable link: the caption says “Link in bio · example.com”',
    );
    expect(await post('instagram-story').locator('.story-bottom .reply').textContent()).toBe('Send message');
    // npm start here has no network's credentials: the notes say so rather than imply a post that won't go.
    expect(await post('telegram').locator('.mock-crop').textContent()).toBe(
      `${composePost(story, 'telegram', SETTINGS).length} / 1,024 characters. Not posted from this server: it lacks TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID.`,
    );
  });

  it("folds LinkedIn's commentary at 3 lines, “…more” right after the last word shown, and opens it on a click", async () => {
    const body = post('linkedin').locator('.post-body');
    const lines = () =>
      body.evaluate((e: HTMLElement) => e.offsetHeight / Number.parseFloat(getComputedStyle(e).lineHeight));
    expect(Math.round(await lines())).toBe(3);
    const more = body.locator('.more');
    expect(await more.isVisible()).toBe(true);
    expect(await more.textContent()).toBe('…more');
    // The words before the fold are the post's own first words, cut after a whole word.
    const full = composePost(draft(), 'linkedin', SETTINGS).text;
    const visible = await shownBeforeFold('linkedin');
    expect(visible.length).toBeGreaterThan(60);
    expect(full.startsWith(visible)).toBe(true);
    expect(full.charAt(visible.length)).toMatch(/\s/);
    // Instagram folds its caption at 3 lines too, the handle on the first.
    const caption = post('instagram').locator('.post-body');
    expect(
      Math.round(
        await caption.evaluate((e: HTMLElement) => e.offsetHeight / Number.parseFloat(getComputedStyle(e).lineHeight)),
      ),
    ).toBe(3);
    expect(await caption.locator('.more').textContent()).toBe('… more');
    expect(await caption.locator('.more').isVisible()).toBe(true);
    // Telegram and Threads show the whole post: nothing there folds.
    expect(await post('telegram').locator('.more').isVisible()).toBe(false);
    expect(await post('threads').locator('.more').isVisible()).toBe(false);
    await more.click();
    expect(await more.isVisible()).toBe(false);
    expect(await lines()).toBeGreaterThan(3.5);
  });

  it('shows a long quote shortened for Threads’ 500 and folded by Facebook at about 477 characters', async () => {
    const quote = 'We will keep building, and we will keep saying no to offers like this one. '.repeat(8).trim();
    const before = await mockupRenders();
    await page.keyboard.press('Alt+1');
    await page.locator('#f-quote').fill(quote);
    await page.keyboard.press('Alt+2');
    await nextMockups(before);
    await expect
      .poll(() => shownText('facebook'), PAGE_WAIT)
      .toBe(composePost(draft({ quote }), 'facebook', SETTINGS).text);
    const story = draft({ quote });
    for (const network of ['telegram', 'threads', 'facebook', 'instagram', 'linkedin'] as const) {
      expect(await shownText(network), network).toBe(composePost(story, network, SETTINGS).text);
    }
    expect(composePost(story, 'threads', SETTINGS).truncated).toEqual(['quote']);
    expect(await post('threads').locator('.mock-crop').textContent()).toContain('The quote was shortened to fit.');
    const fbMore = post('facebook').locator('.more');
    expect(await fbMore.isVisible()).toBe(true);
    expect(await fbMore.textContent()).toBe('… See more');
    // What shows before "See more" is the text up to the fold, cut between words.
    const visible = await shownBeforeFold('facebook');
    expect(visible.length).toBeLessThanOrEqual(477);
    expect(composePost(story, 'facebook', SETTINGS).text.startsWith(visible)).toBe(true);
    await page.keyboard.press('Alt+1');
    await page.locator('#f-quote').fill(DEMO_STORY.quote);
    await settled();
  });

  it('runs an Arabic post right to left, with the text the bot sends and the stand-in link it says it uses', async () => {
    const before = await mockupRenders();
    await page.keyboard.press('Alt+1');
    await page.locator('#sample').selectOption('arabic');
    await page.keyboard.press('Alt+2');
    await nextMockups(before);
    await settled();
    const form = await page.evaluate(() =>
      Object.fromEntries(
        ['headline', 'quote', 'quoteAuthor', 'siteName', 'lang', 'url'].map((f) => [
          f,
          (document.getElementById(`f-${f}`) as HTMLInputElement).value,
        ]),
      ),
    );
    // The sample has no article URL: the mock-ups say so and show the bot's text with the stand-in link.
    expect(form.url).toBe('');
    expect(await page.locator('#bot-mockups > .view-note').textContent()).toBe(
      'No article URL yet: the bot posts nothing without one. Shown with https://example.com/ in its place.',
    );
    const story = parseStory({ ...form, url: 'https://example.com/' });
    expect(await shownText('telegram')).toBe(composePost(story, 'telegram', SETTINGS).text);
    expect(
      await post('telegram')
        .locator('.post-body')
        .evaluate((e) => getComputedStyle(e).direction),
    ).toBe('rtl');
    await post('telegram').screenshot({ path: join(looks, 'telegram-arabic.png') });
    await post('linkedin').screenshot({ path: join(looks, 'linkedin-arabic.png') });
    await page.keyboard.press('Alt+1');
    await page.locator('#sample').selectOption('demo');
    await settled();
  });

  it('looks as reviewed (screenshot reference, cards masked: their pixels are the goldens’ business)', async () => {
    const before = await mockupRenders();
    await page.keyboard.press('Alt+2');
    await nextMockups(before);
    await settled();
    expect(await shownText('linkedin')).toBe(composePost(draft(), 'linkedin', SETTINGS).text);
    // Tall enough for the whole section without scrolling, so the sticky top bar never sits over it.
    await page.setViewportSize({ width: 1440, height: 4000 });
    const section = page.locator('#bot-mockups');
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode().catch(() => undefined))));
    await page.evaluate(() => document.fonts.ready);
    await page.mouse.move(1, 1);
    const shot = await section.screenshot({
      animations: 'disabled',
      caret: 'hide',
      maskColor: '#d9d5cc',
      mask: [section.locator('.crop img')],
    });
    // And with the cards, for a person to look at (printed after the run).
    await section.screenshot({ path: join(looks, 'bot-posts-with-cards.png'), animations: 'disabled', caret: 'hide' });
    await page.setViewportSize({ width: 1440, height: 900 });
    await matchesReference('bot-posts', shot);
  });
});
