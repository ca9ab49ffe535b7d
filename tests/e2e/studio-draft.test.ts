// The studio always describes the draft on screen: a refused draft shows what is wrong where the report and the
// warnings were (never the last card's "Ready to ship"), the mock-ups say why they are empty, a reload does not bring
// a refused draft back, and at 390 px the header wraps with every tab on screen. Headless Chromium on `npm start`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { openStudio, PAGE_WAIT, type Studio, studioCounters } from '../helpers/studio-browser.ts';

let studio: Studio;
let page: Page;
let shots: string;
const { renders, nextRender } = studioCounters(() => page);

beforeAll(async () => {
  studio = await openStudio({ args: ['--font-render-hinting=none'] });
  page = studio.page;
  shots = mkdtempSync(join(tmpdir(), 'storycard-studio-draft-'));
}, 240_000);

afterAll(async () => {
  await studio?.close();
  // The screenshots stay in `shots` for a person to look at (printed below).
  console.log(`studio-draft screenshots: ${shots}`);
}, 60_000);

const warningsText = () => page.locator('#warnings').textContent();

describe('the studio describes the current draft', () => {
  it('a blank headline: the report and warnings say what is wrong, never “Ready to ship”', async () => {
    await expect.poll(warningsText, PAGE_WAIT).toMatch(/^Ready to ship/);
    await page.locator('#f-headline').fill('');
    await page.waitForSelector('#warnings li.problem');
    expect(await warningsText()).not.toMatch(/Ready to ship/);
    expect(await warningsText()).toMatch(
      /Not ready: this draft draws no card\s*headline: expected .*, received (""|nothing)/,
    );
    expect(await page.locator('#report').textContent()).toMatch(/^headline: expected .*, received (""|nothing)/);
    expect(await page.locator('#report table').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'blank-headline.png') });
  });

  it('a bad brand colour after a valid draft: the panel follows it too, and recovers when fixed', async () => {
    let before = await renders();
    await page.locator('#f-headline').fill('Harbour budget passes');
    await nextRender(before);
    await expect.poll(warningsText, PAGE_WAIT).toMatch(/^Ready to ship/);
    await page.locator('#f-brandColor').fill('#12');
    await page.waitForSelector('#warnings li.problem');
    expect(await warningsText()).toMatch(/brandColor: expected .*, received "#12"/);
    expect(await warningsText()).not.toMatch(/Ready to ship/);
    before = await renders();
    await page.locator('#f-brandColor').fill('#C8102E');
    await nextRender(before);
    expect(await page.locator('#warnings li.problem').count()).toBe(0);
    expect(await page.locator('#report table').count()).toBe(1);
  });

  it('the mock-ups say why they are empty', async () => {
    await page.locator('#f-headline').fill('');
    await page.waitForSelector('#warnings li.problem');
    await page.locator('#tab-mockups').click();
    await expect
      .poll(() => page.locator('#mockups-note').textContent(), PAGE_WAIT)
      .toMatch(/^No mock-ups: headline: expected /);
    expect(await page.locator('#mockups .mock').count()).toBe(0);
    await page.screenshot({ path: join(shots, 'mockups-invalid.png') });
    await page.locator('#tab-editor').click();
  });

  it('a refused draft does not survive a reload: the last draft that drew a card comes back', async () => {
    expect(await page.inputValue('#f-headline')).toBe('');
    await page.reload();
    await page.waitForFunction(() => Number(document.body.dataset.renders ?? 0) > 0, null, { timeout: 60_000 });
    expect(await page.inputValue('#f-headline')).toBe('Harbour budget passes');
    expect(await page.inputValue('#f-headline')).not.toBe(DEMO_STORY.headline);
    await expect.poll(warningsText, PAGE_WAIT).toMatch(/^Ready to ship/);
  });

  it('at 390 px the header wraps and every tab, the Outbox too, is on screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    for (const tab of ['#tab-editor', '#tab-mockups', '#tab-gallery', '#tab-outbox']) {
      const box = await page.locator(tab).boundingBox();
      expect(box, tab).not.toBeNull();
      expect(box!.x, tab).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, tab).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: join(shots, 'header-390.png') });
    // The bar starts at the top of the screen: nothing of it is cut off above.
    expect((await page.locator('.topbar .brand').boundingBox())!.y).toBeGreaterThanOrEqual(4);
    const brand = await page.locator('.topbar .brand').boundingBox();
    const tabs = await page.locator('.views').boundingBox();
    expect(tabs!.y).toBeGreaterThanOrEqual(brand!.y + brand!.height - 1);
    await page.locator('#tab-outbox').click();
    expect(await page.locator('#view-outbox').isVisible()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'outbox-390.png') });
  });
});
