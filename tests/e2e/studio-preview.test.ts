// End to end: the studio's live preview under fast typing and a slow server, in headless Chromium — the first key
// renders at once, keys typed meanwhile become one render of the newest text, and no late answer paints over a newer.
import type { Page, Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { openStudio, PAGE_WAIT, type Studio } from '../helpers/studio-browser.ts';

let studio: Studio;
let page: Page;

beforeAll(async () => {
  studio = await openStudio({ args: ['--disable-background-networking'] });
  page = studio.page;
  // Every card the page shows, in order, from the preview's alt text; and any swapped in before it could be drawn.
  await page.evaluate(() => {
    const img = document.getElementById('preview') as HTMLImageElement;
    const w = window as unknown as { shown: string[]; undrawn: number };
    w.shown = [];
    w.undrawn = 0;
    new MutationObserver(() => {
      w.shown.push(img.alt);
      // A decoded image is there at once: a swap to one still loading shows a blank or half-drawn card meanwhile.
      if (!img.complete || img.naturalWidth === 0) w.undrawn++;
    }).observe(img, { attributes: true, attributeFilter: ['src'] });
  });
}, 240_000);

afterAll(async () => {
  await studio?.close();
}, 60_000);

/** The live preview's requests from now on (their headline and template); `hold` keeps the first one back. */
async function watchPreviews() {
  const sent: { headline: string; template: string; request: Request }[] = [];
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const handler = async (route: Route) => {
    const body = route.request().postDataJSON() as { headline?: string; template?: string; format?: string };
    if (body.format !== 'svg') return route.continue();
    sent.push({ headline: body.headline ?? '', template: body.template ?? '', request: route.request() });
    // The slow server: the first live preview waits until the test lets it go.
    if (sent.length === 1) await held;
    // The page may have given up on it meanwhile (aborted): then there is nothing left to answer.
    await route.continue().catch(() => {});
  };
  await page.route('**/studio/api/preview', handler);
  return { sent, release, stop: () => page.unroute('**/studio/api/preview', handler) };
}

const shown = () => page.evaluate(() => (window as unknown as { shown: string[] }).shown.splice(0));
const previewHeadline = () => page.locator('#preview').getAttribute('data-headline');
/** Until the preview shows the headline field's text as the server drew it. */
const caughtUp = () =>
  page.waitForFunction(
    () =>
      (document.getElementById('preview') as HTMLImageElement).dataset.headline ===
      (document.getElementById('f-headline') as HTMLInputElement).value.trim(),
    null,
    { timeout: 60_000 },
  );
/** Until a request has been answered in full or given up by the page (null response), and what it brought landed. */
async function finished(request: Request) {
  await (await request.response())?.finished();
  // Not a measurement: room for an answer that did arrive to be read, decoded and (wrongly) shown before we look.
  await page.waitForTimeout(1500);
}

describe('the live preview', () => {
  it('renders the first key at once, and keys typed while it renders as one render of the newest text', async () => {
    const h = DEMO_STORY.headline;
    expect(await previewHeadline()).toBe(h);
    await shown();
    const previews = await watchPreviews();
    try {
      await page.locator('#f-headline').focus();
      await page.keyboard.press('End');
      // Typed without a pause: a debounce would ask once, for the whole word; the studio asks on the first key.
      await page.keyboard.type('Xyz!');
      await expect.poll(() => previews.sent.length, PAGE_WAIT).toBe(1);
      expect(previews.sent[0]!.headline).toBe(`${h}X`);
      // While that render is held back, the three keys after it wait for it instead of piling up requests.
      expect(await page.inputValue('#f-headline')).toBe(`${h}Xyz!`);
      previews.release();
      await caughtUp();
      expect(previews.sent.map((s) => s.headline)).toEqual([`${h}X`, `${h}Xyz!`]);
      // Both were the server's render of text that was typed, in the order typed: the newest is the last one shown.
      expect(await shown()).toEqual([
        `Preview of the quote card at og (1200×630): ${h}X`,
        `Preview of the quote card at og (1200×630): ${h}Xyz!`,
      ]);
      expect(await previewHeadline()).toBe(`${h}Xyz!`);
      // Each card was swapped in whole (decoded first), never as an image still loading.
      expect(await page.evaluate(() => (window as unknown as { undrawn: number }).undrawn)).toBe(0);
      // A trailing space changes nothing drawn (the form trims it): no request for it, and the preview stays current.
      await page.keyboard.type(' ');
      await page.keyboard.press('Backspace');
      expect(previews.sent).toHaveLength(2);
    } finally {
      previews.release();
      await previews.stop();
    }
  });

  it('never paints a slow answer over a newer one: a template chosen while a typed render is stuck wins', async () => {
    const before = (await previewHeadline())!;
    await shown();
    const previews = await watchPreviews();
    try {
      await page.locator('#f-headline').focus();
      await page.keyboard.press('End');
      await page.keyboard.type('Q');
      await expect.poll(() => previews.sent.length, PAGE_WAIT).toBe(1);
      // The typed render is stuck on the server; the designer picks another template meanwhile.
      await page
        .locator('.template-option')
        .filter({ has: page.locator('.name', { hasText: /^headline$/ }) })
        .click();
      await page.waitForFunction(() => document.getElementById('stage-template')?.textContent === 'headline', null, {
        timeout: 60_000,
      });
      expect(previews.sent.map((s) => [s.template, s.headline])).toEqual([
        ['quote', `${before}Q`],
        ['headline', `${before}Q`],
      ]);
      // Now the stuck answer comes (if the page still wants it): it must not replace the newer card.
      previews.release();
      await finished(previews.sent[0]!.request);
      expect(await shown()).toEqual([`Preview of the headline card at og (1200×630): ${before}Q`]);
      expect(await page.locator('#stage-template').textContent()).toBe('headline');
      expect(await previewHeadline()).toBe(`${before}Q`);
    } finally {
      previews.release();
      await previews.stop();
    }
  });
});
