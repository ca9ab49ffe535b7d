// End to end: the studio from `npm start`, driven in headless Chromium like a designer would use it.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY } from '../../src/story/schema.ts';
import { registry as templates } from '../../templates/index.ts';
import type { Started } from '../helpers/npm-start.ts';
import { openStudio, PAGE_WAIT, QUIET_ARGS, type Studio, studioCounters } from '../helpers/studio-browser.ts';
import { diffRatio, matchesReference } from '../helpers/studio-shots.ts';

let studio: Studio;
let server: Started;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  // The page stays blank: the first test opens the studio from the address `npm start` printed.
  studio = await openStudio({ args: QUIET_ARGS, open: false });
  ({ server, context, page } = studio);
}, 240_000);

afterAll(async () => {
  await studio?.close();
}, 60_000);

/** Finished previews so far (the studio counts them on <body data-renders>), mock-up renders, and waits on them. */
const counters = studioCounters(() => page);
const { renders, nextRender, mockupRenders, settled } = counters;
const nextMockups = (before: number) => counters.nextMockups(before, 30_000);

/** What the designer sees in the preview, as pixels. */
const previewPixels = async () => {
  await page.waitForFunction(() => (document.getElementById('preview') as HTMLImageElement).complete);
  return page.locator('#preview').screenshot({ animations: 'disabled' });
};

interface DomNode {
  nodeId: number;
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * Text on screen drawn with a face the studio did not bring, i.e. one the operating system supplied: what makes the
 * studio (and its screenshots) look different from machine to machine. Asks Chromium which platform fonts drew the
 * text of every element, user-agent shadow roots (input values) included.
 */
async function systemFontsOnScreen(): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found = new Set<string>();
    const visit = async (node: DomNode): Promise<void> => {
      const text = (node.children ?? [])
        .filter((n) => n.nodeType === 3 && n.nodeValue?.trim())
        .map((n) => n.nodeValue!.trim())
        .join(' ');
      if (text) {
        const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: node.nodeId })) as {
          fonts: { familyName: string; isCustomFont: boolean }[];
        };
        const attrs = node.attributes ?? [];
        const id = attrs[attrs.indexOf('id') + 1];
        const where = `<${node.localName}${attrs.includes('id') ? `#${id}` : ''}>`;
        for (const f of fonts) if (!f.isCustomFont) found.add(`${f.familyName} for ${where} "${text.slice(0, 40)}"`);
      }
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) await visit(child);
    };
    await visit(root);
    return [...found];
  } finally {
    await cdp.detach();
  }
}

/**
 * The studio's own pixels. Cards are masked: their pixels belong to the templates (pinned by the golden images,
 * and changed by designers on purpose); here only where and how big they sit matters. Render times are masked too.
 */
const screenshot = () =>
  page.screenshot({
    animations: 'disabled',
    caret: 'hide',
    maskColor: '#d9d5cc',
    mask: [
      page.locator('#render-status'),
      page.locator('#report .timing'),
      page.locator('#preview'),
      page.locator('.crop img'),
      page.locator('#gallery img'),
    ],
  });

describe('the studio', () => {
  it('opens signed in from the link npm start prints, and keeps the token out of the address bar', async () => {
    expect(server.printed.studio).toContain('/studio#token=');
    await page.goto(server.printed.studio!);
    await page.waitForFunction(() => Number(document.body.dataset.renders ?? 0) > 0, null, { timeout: 60_000 });
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('storycard.studio.token'))).toBe(server.printed['API token']);
    await expect.poll(() => page.inputValue('#f-headline'), PAGE_WAIT).toBe(DEMO_STORY.headline);
    expect(await page.locator('#stage-template').textContent()).toBe('quote');
    expect(await page.locator('#warnings li.clear').count()).toBe(1);
    await page.evaluate(() => document.fonts.ready);
    await matchesReference('editor', await screenshot());
  });

  it('follows typing: a new headline re-renders the preview and its layout report', async () => {
    const before = await renders();
    const pixelsBefore = await previewPixels();
    const reportBefore = await page.locator('#report tbody tr').first().textContent();
    await page.locator('#f-headline').fill('');
    await page.locator('#f-headline').pressSequentially('Short and bold', { delay: 15 });
    // Until the card shows the text as typed (the first key renders at once, so earlier renders land on the way).
    await page.waitForFunction(() => document.getElementById('preview')?.dataset.headline === 'Short and bold', null, {
      timeout: 60_000,
    });
    // Keys typed while a render is in flight share the next one (tests/e2e/studio-preview.test.ts pins how).
    expect((await renders()) - before).toBeLessThan('Short and bold'.length);
    expect(diffRatio(await previewPixels(), pixelsBefore).ratio).toBeGreaterThan(0.02);
    const reportAfter = await page.locator('#report tbody tr').first().textContent();
    expect(reportAfter).not.toBe(reportBefore);
    expect(reportAfter).toMatch(/headline\d+ px · 1 line/);
    // The lines exactly as drawn, from the report's lineTexts.
    expect(await page.locator('#report [aria-label="headline, lines as drawn"] li').allTextContents()).toEqual([
      'Short and bold',
    ]);
    expect(await page.locator('#count-headline').textContent()).toBe('14 / 300');
  });

  it('names the characters it cannot draw, and never says "Ready to ship" while any are missing', async () => {
    // After the previous test the card is "Short and bold": nothing to fix.
    expect(await page.locator('#warnings li.clear').textContent()).toMatch(/^Ready to ship/);
    let before = await renders();
    // Cherokee (no bundled face) and U+E000 (private-use): the card would draw boxes for them.
    await page.locator('#f-headline').fill('Short and bold ᏣᎳᎩ \u{E000}');
    await nextRender(before);
    const warning = page.locator('#warnings li[data-code="missing_glyphs"]');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(
      /Missing glyphs.*box for 4 characters.*"Ꮳ" U\+13E3 \(headline\), "Ꮃ" U\+13B3 \(headline\), "Ꭹ" U\+13A9 \(headline\), "\u{E000}" U\+E000 \(headline\)/u,
    );
    expect(await page.locator('#warnings li.clear').count()).toBe(0);
    expect(await page.locator('#warning-count').textContent()).toBe('1');
    await warning.getByRole('button').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-headline');

    before = await renders();
    await page.locator('#f-headline').fill('Short and bold');
    await nextRender(before);
    expect(await page.locator('#warnings li[data-code="missing_glyphs"]').count()).toBe(0);
    expect(await page.locator('#warnings li.clear').count()).toBe(1);
  });

  it('holds its header, stage bar and template buttons at 1400 and 800 px wide', async () => {
    const top = (sel: string) => page.locator(sel).evaluate((e) => Math.round(e.getBoundingClientRect().top));
    try {
      for (const width of [1400, 800]) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate(() => window.scrollTo(0, 0));
        // Nothing runs off the side; the top bar is one row.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${width}px`).toBe(width);
        expect(await page.locator('.topbar').evaluate((e) => e.getBoundingClientRect().height)).toBe(56);
        // The stage bar is one line: every part of it on the same row, none of them wrapped onto two.
        const bar = await page.locator('.stage-bar').evaluate((e) => e.getBoundingClientRect().height);
        expect(bar, `stage bar at ${width}px`).toBeLessThan(36);
        for (const sel of ['#stage-size', '#zoom', '#stage-format']) {
          expect(await page.locator(sel).evaluate((e) => e.getClientRects().length), `${sel} at ${width}px`).toBe(1);
          expect(await page.locator(sel).evaluate((e) => e.getBoundingClientRect().height)).toBeLessThan(32);
        }
        expect(Math.abs((await top('#stage-size')) - (await top('#stage-template')))).toBeLessThanOrEqual(6);
        // Template buttons say their name once, and what they ask of a story ("quote · needs a quote", not "quote quote").
        const names = await page.locator('.template-option .name').allTextContents();
        expect(names).toEqual(templates.list().map((t) => t.name));
        expect(
          await page.locator('.template-option', { hasText: 'quote' }).first().locator('.needs').textContent(),
        ).toBe('needs a quote');
        // The inspector is on screen beside the editor, never under it.
        const [editor, inspector] = await Promise.all(
          ['.sidebar', '.inspector'].map((s) => page.locator(s).evaluate((e) => e.getBoundingClientRect().toJSON())),
        );
        expect(inspector.right, `inspector at ${width}px`).toBeLessThanOrEqual(width);
        expect(inspector.left).toBeGreaterThanOrEqual(editor.right - 1);
        await page.locator('#report').scrollIntoViewIfNeeded();
        const report = await page.locator('#report').evaluate((e) => e.getBoundingClientRect().toJSON());
        expect(report.left).toBeGreaterThanOrEqual(editor.right - 1);
        expect(report.right).toBeLessThanOrEqual(width);
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.evaluate(() => window.scrollTo(0, 0));
    }
  });

  it('switches template and size', async () => {
    let before = await renders();
    await page.locator('.template-option', { hasText: 'breaking' }).click();
    await nextRender(before);
    expect(await page.locator('#stage-template').textContent()).toBe('breaking');
    before = await renders();
    await page.getByRole('radio', { name: /^square/ }).check();
    await nextRender(before);
    await page.waitForFunction(() => (document.getElementById('preview') as HTMLImageElement).naturalWidth === 1080);
    const size = await page.evaluate(() => {
      const img = document.getElementById('preview') as HTMLImageElement;
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([1080, 1080]);
    expect(await page.locator('#stage-size').textContent()).toBe('square · 1080 × 1080');
  });

  it('warns about a low-contrast brand colour as soon as it is typed', async () => {
    const before = await renders();
    await page.locator('#f-brandColor').fill('#FFFF66');
    await nextRender(before);
    const warning = page.locator('#warnings li[data-code="contrast"]').first();
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/Low contrast.*#FFFF66.*below WCAG AA \(4\.5:1\)/);
    // Its button takes the keyboard to the field to fix.
    await warning.getByRole('button').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-brandColor');
  });

  it('shows field issues from the server beside the field', async () => {
    const before = await renders();
    await page.locator('#f-url').fill('ftp://example.com/story');
    await page.waitForFunction(() => document.getElementById('err-url')?.textContent !== '');
    expect(await page.locator('#err-url').textContent()).toMatch(/Expected an absolute http\(s\) URL, received "ftp:/);
    expect(await page.locator('#f-url').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#stage-notice').textContent()).toBe('Fix the marked field to update the preview');
    await page.locator('#f-url').fill('https://news.example.org/studio/e2e');
    await nextRender(before);
    expect(await page.locator('#f-url').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#stage-notice').isHidden()).toBe(true);
  });

  it('shows hostile input as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">"><script>window.__pwned=2</script>';
    const before = await renders();
    await page.locator('#f-headline').fill(hostile);
    await page.locator('#f-siteName').fill('<b>Bold</b> & Co');
    await nextRender(before);
    const mockups = await mockupRenders();
    await page.keyboard.press('Alt+2');
    expect(await page.locator('#tab-mockups').getAttribute('aria-selected')).toBe('true');
    await nextMockups(mockups);
    expect(await page.locator('[data-platform="facebook"] .title').textContent()).toBe(hostile);
    expect(await page.locator('[data-platform="slack"] .site').textContent()).toBe('<b>Bold</b> & Co');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img[src="x"], main script').count()).toBe(0);
    expect(await page.locator('main b', { hasText: /^Bold$/ }).count()).toBe(0);
  });

  it('shows the card in every platform mock-up, cropped to that platform', async () => {
    const before = await renders();
    const mockups = await mockupRenders();
    // Back to the demo story at og, light, with the low-contrast brand colour still set.
    await page.locator('#sample').selectOption('demo');
    await page.locator('.template-option', { hasText: 'quote' }).first().click();
    await page.getByRole('radio', { name: /^og/ }).check();
    await nextRender(before);
    await nextMockups(mockups);
    await expect.poll(() => page.locator('#stage-size').textContent(), PAGE_WAIT).toBe('og · 1200 × 630');
    await expect
      .poll(() => page.locator('[data-platform="facebook"] .title').textContent(), PAGE_WAIT)
      .toBe(DEMO_STORY.headline);
    await settled();
    const platforms = await page
      .locator('.mock[data-platform]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-platform')));
    expect(platforms).toEqual([
      'x',
      'facebook',
      'linkedin',
      'bluesky',
      'mastodon',
      'slack',
      'discord',
      'whatsapp',
      'telegram',
      'imessage',
    ]);
    // X gets the 2:1 x card a share page names as twitter:image; link previews the og card. The bot's posts (below
    // them, tests/e2e/studio-bot-mockups.test.ts) carry the card each network's poster sends.
    const cards = await page
      .locator('.mock[data-platform]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-card')));
    expect(cards).toEqual(['x', ...Array(9).fill('og')]);
    for (const id of ['bluesky', 'mastodon', 'whatsapp', 'telegram']) {
      await expect
        .poll(() => page.locator(`[data-platform="${id}"] .title`).textContent(), PAGE_WAIT)
        .toBe(DEMO_STORY.headline);
    }
    expect(await page.locator('[data-platform="mastodon"] .domain').textContent()).toBe('example.com');
    expect(await page.locator('[data-platform="whatsapp"] .mock-crop').textContent()).toBe(
      'Fits ≈ 1.91:1, ≤ 300 KB without cropping.',
    );
    expect(await page.locator('[data-platform="x"] .mock-crop').textContent()).toBe('Fits 2:1 without cropping.');
    expect(await page.locator('[data-platform="x"] .domain-tag').textContent()).toBe('example.com');
    expect(await page.locator('[data-platform="linkedin"] .domain').textContent()).toBe('example.com');
    const fb = await page
      .locator('[data-platform="facebook"] .crop')
      .evaluate((e) => e.getBoundingClientRect().width / e.getBoundingClientRect().height);
    expect(fb).toBeCloseTo(1.91, 1);
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode().catch(() => undefined))));
    await matchesReference('mockups', await screenshot());
  });

  it("draws every glyph in its own web fonts, never the system's, so it looks the same on every machine", async () => {
    // The mock-ups (on screen now) ask for each platform's look: Arimo for Facebook's Helvetica/Arial, Lato, Noto Sans.
    expect(
      await page.locator('[data-platform="slack"] .title').evaluate((e) => getComputedStyle(e).fontFamily),
    ).toMatch(/^"?Lato"?,/);
    await page.evaluate(() => document.fonts.ready);
    expect(await systemFontsOnScreen()).toEqual([]);
    // The editor, with text in the scripts the cards support typed into its fields.
    const before = await renders();
    await page.keyboard.press('Alt+1');
    await page.locator('#f-headline').fill('Élection: 選挙 선거 选举 انتخابات בחירות — ✓');
    await nextRender(before);
    await page.evaluate(() => document.fonts.ready);
    expect(await systemFontsOnScreen()).toEqual([]);
    await page.locator('#sample').selectOption('demo');
  });

  it('lays out every template × size in the gallery, and opens a tile in the editor', async () => {
    await page.keyboard.press('Alt+3');
    const tiles = page.locator('#gallery .tile img');
    const expected = templates.list().reduce((n, t) => n + t.sizes.length, 0);
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(expected);
    await page.mouse.move(1, 1);
    // Tiles in view load for real (lazily: the ones below the fold wait for a scroll).
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll<HTMLImageElement>('#gallery img')]
          .filter((i) => i.getBoundingClientRect().top < innerHeight)
          .every((i) => i.complete && i.naturalWidth > 0),
      null,
      { timeout: 60_000 },
    );
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode().catch(() => undefined))));
    await matchesReference('gallery', await screenshot());
    const before = await renders();
    await page.getByRole('button', { name: 'Open headline at portrait in the editor' }).click();
    await nextRender(before);
    expect(await page.locator('#tab-editor').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#stage-size').textContent()).toBe('portrait · 1080 × 1350');
    expect(await page.inputValue('#f-headline')).toBe(DEMO_STORY.headline);
  });

  it('is usable from the keyboard: tabs move through labelled fields, focus is visible', async () => {
    await page.locator('#f-headline').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-quote');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).boxShadow);
    expect(outline).not.toBe('none');
    await page.locator('#tab-editor').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('#tab-mockups').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-mockups');
    await page.keyboard.press('ArrowLeft');
  });

  it('renders the PNG on demand and hands out a signed URL that serves it', async () => {
    await page.keyboard.press('Control+Enter');
    await page.locator('#stage-format.png').waitFor();
    expect(await page.locator('#stage-format').textContent()).toMatch(/^PNG · \d+ KB$/);
    const download = page.waitForEvent('download');
    await page.locator('#action-download').click();
    expect((await download).suggestedFilename()).toBe('headline-portrait.png');
    const bytes = readFileSync((await (await download).path())!);
    expect(PNG.sync.read(bytes)).toMatchObject({ width: 1080, height: 1350 });

    // Another file format: the buttons say it, the file is it, and the live preview stays SVG.
    await page.locator('#file-format').selectOption('jpeg');
    expect(await page.locator('#action-download').textContent()).toBe('Download JPEG');
    const jpeg = page.waitForEvent('download');
    await page.locator('#action-download').click();
    expect((await jpeg).suggestedFilename()).toBe('headline-portrait.jpg');
    expect([...readFileSync((await (await jpeg).path())!).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(await page.locator('#stage-format').textContent()).toMatch(/^JPEG · \d+ KB$/);
    await page.locator('#file-format').selectOption('png');
    await page.locator('#action-sign').click();
    const box = page.locator('#action-result input');
    await box.waitFor();
    const url = await box.inputValue();
    expect(url).toMatch(/\/card\.png\?.*&sig=/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new URL(url).searchParams.has('exp')).toBe(false);

    // A lifetime chosen beside the URL signs it again with exp, and the card is cached no longer than that.
    await page.locator('#sign-expiry').selectOption({ label: 'expires in 1 hour' });
    await expect.poll(() => box.inputValue(), PAGE_WAIT).toMatch(/[?&]exp=\d{10}&/);
    const expiring = new URL(await page.locator('#action-result input').inputValue());
    expect(Number(expiring.searchParams.get('exp')) - Date.now() / 1000).toBeGreaterThan(3500);
    expect(await page.locator('#sign-expiry').inputValue()).toBe('3600');
    const card = await fetch(expiring);
    expect(card.status).toBe(200);
    expect(Number(/max-age=(\d+)/.exec(card.headers.get('cache-control') ?? '')?.[1])).toBeLessThanOrEqual(3600);
  });

  it('saves the card as a story and opens its share page', async () => {
    const popup = context.waitForEvent('page');
    await page.locator('#action-save').click();
    const link = page.locator('#action-result a');
    await link.waitFor();
    const shareUrl = (await link.getAttribute('href'))!;
    expect(shareUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[a-z0-9-]+$/);
    expect((await popup).url()).toBe(shareUrl);
    const html = await (await fetch(shareUrl, { headers: { 'User-Agent': 'Twitterbot/1.0' } })).text();
    expect(html).toContain(`<meta property="og:title" content="${DEMO_STORY.headline}"`);
    // The saved story is listed, and its share page is one click away.
    await page.locator('#stories').selectOption({ label: DEMO_STORY.headline });
    expect(await page.locator('#story-open').getAttribute('href')).toBe(shareUrl);
  });
});
