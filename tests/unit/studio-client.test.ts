// The studio's browser logic that needs no browser: crop notes, link-preview words, colour swatches, views, the
// report's order; and the bundle itself (one script, only our own modules, the schema's limits rather than copies).
import { describe, expect, it } from 'vitest';
import { buildStudioClient } from '../../scripts/build-studio.mjs';
import { SIZES } from '../../src/render/types.ts';
import type { BotPostPreview } from '../../src/studio/bot-posts-wire.ts';
import { botPostNote } from '../../src/studio/client/bot-mockups.ts';
import { PLATFORMS } from '../../src/studio/client/core.ts';
import { issueField, swatchValue } from '../../src/studio/client/editor.ts';
import { reportOrder } from '../../src/studio/client/inspector.ts';
import { cropNote, linkInfo } from '../../src/studio/client/mockups.ts';
import { errorLine, goesWhen } from '../../src/studio/client/outbox.ts';
import { nextView } from '../../src/studio/client/views.ts';

const platform = (id: string) => PLATFORMS.find((p) => p.id === id)!;

describe('studio client', () => {
  it("says when each waiting post goes and why (the desk's schedule)", () => {
    const post = { id: 'p', platform: 'x', account: 'a', state: 'queued', text: 't' };
    const at = '2026-12-07T05:30:00.000Z';
    const f = (iso: string) => iso.slice(11, 16);
    expect(goesWhen({ ...post, notBefore: at, waitingFor: 'quiet-hours' }, f)).toBe('goes 05:30 — quiet hours');
    expect(goesWhen({ ...post, notBefore: at, waitingFor: 'spacing' }, f)).toBe(
      'goes 05:30 — spacing after the previous post',
    );
    expect(goesWhen({ ...post, notBefore: at, waitingFor: 'delay' }, f)).toBe("goes 05:30 — the editor's window");
    expect(goesWhen({ ...post, notBefore: at, waitingFor: 'cap' }, f)).toBe('goes 05:30 — the daily cap');
    expect(goesWhen({ ...post, state: 'review', notBefore: null, waitingFor: 'review' })).toBe(
      "waits for an editor's approval",
    );
    expect(goesWhen({ ...post, notBefore: at, waitingFor: null })).toBe('');
    // The schedule's own reason is not shown again as an error, nor a posted post's old one; a failure is.
    const spaced = 'spacing of 10 minutes between x posts; goes at 2026-12-07T05:30:00.000Z';
    expect(errorLine({ ...post, lastError: spaced, notBefore: at, waitingFor: 'spacing' })).toBe('');
    expect(errorLine({ ...post, state: 'posted', lastError: spaced, notBefore: null, waitingFor: null })).toBe('');
    expect(errorLine({ ...post, state: 'failed', lastError: '503 from X', notBefore: at, waitingFor: 'retry' })).toBe(
      '503 from X',
    );
    expect(errorLine({ ...post, state: 'dead', lastError: '401 from X' })).toBe('401 from X');
  });

  it('says what each platform frame does to each card size', () => {
    expect(cropNote(platform('x'), SIZES.x)).toEqual({ text: 'Fits 2:1 without cropping.', cut: false });
    expect(cropNote(platform('facebook'), SIZES.og)).toEqual({ text: 'Fits 1.91:1 without cropping.', cut: false });
    // og (1.905) in X's 2:1 frame: 5% of the height goes; a square card in a 1.91:1 frame loses 48% of it.
    expect(cropNote(platform('x'), SIZES.og)).toEqual({ text: 'Crops 5% of the height (top and bottom).', cut: true });
    expect(cropNote(platform('facebook'), SIZES.square)).toEqual({
      text: 'Crops 48% of the height (top and bottom).',
      cut: true,
    });
    // A story card (9:16) in a 4:5 frame is too tall: its height is cut, 30% of it.
    const portraitFrame = { ratio: 0.8, ratioLabel: '4:5' };
    expect(cropNote(portraitFrame, SIZES.story).text).toBe('Crops 30% of the height (top and bottom).');
    // Wider than the frame: the sides go.
    expect(cropNote(portraitFrame, SIZES.og)).toEqual({
      text: 'Crops 58% of the width (left and right).',
      cut: true,
    });
    expect(cropNote(platform('slack'), SIZES.story)).toEqual({ text: 'Shown whole, scaled down.', cut: false });
  });

  it("says under each bot post what the network gets: length, what was cut to fit, the card's fallback", () => {
    const post: BotPostPreview = {
      platform: 'telegram',
      text: 't',
      length: 1012,
      limit: 1024,
      truncated: [],
      dropped: [],
      link: { url: 'https://news.example/a', display: 'https://news.example/a' },
      missing: [],
      card: { size: 'og', width: 1200, height: 630, wanted: 'og' },
    };
    expect(botPostNote(post)).toEqual({ text: '1,012 / 1,024 characters.', cut: false });
    expect(botPostNote({ ...post, truncated: ['quote'], dropped: ['hashtags'] })).toEqual({
      text: '1,012 / 1,024 characters. The quote was shortened to fit. The hashtags left out to fit.',
      cut: true,
    });
    // A template without a portrait card: Instagram gets the og card, and the note says so.
    const ig: BotPostPreview = { ...post, platform: 'instagram', link: { ...post.link, display: 'news.example' } };
    expect(botPostNote({ ...ig, card: { ...post.card, wanted: 'portrait' } })).toEqual({
      text: '1,012 / 1,024 characters. No clickable link: the caption says “news.example” (INSTAGRAM_LINK_TEXT). This template draws no portrait card: the post carries its og card.',
      cut: true,
    });
    expect(botPostNote({ ...post, platform: 'instagram-story' }).text).toBe(
      'A Story shows no caption: its text is the outbox record.',
    );
    // A network this server does not post to says so, in the settings' own names.
    expect(botPostNote({ ...post, missing: ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_CHAT_ID'] }).text).toBe(
      '1,012 / 1,024 characters. Not posted from this server: it lacks TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID.',
    );
  });

  it('words a link preview from the form as a share page would', () => {
    expect(
      linkInfo({ headline: 'H', quote: 'Q', quoteAuthor: 'A', url: 'https://www.news.example/a', theme: {} }),
    ).toEqual({
      title: 'H',
      quote: 'Q',
      description: '“Q” — A',
      domain: 'news.example',
      site: 'news.example',
      handle: 'newsexample',
      link: 'https://www.news.example/a',
      brand: '#C8102E',
    });
    const bare = linkInfo({ headline: 'H', siteName: 'Die Zeitung & Co. Verlag', theme: { brandColor: '#123456' } });
    expect(bare).toMatchObject({ domain: 'example.com', site: 'Die Zeitung & Co. Verlag', description: '' });
    expect(bare).toMatchObject({ handle: 'diezeitungcover', link: 'https://example.com/', brand: '#123456' });
    expect(linkInfo({ siteName: '日本経済' }).handle).toBe('newsroom');
  });

  it('keeps the colour picker on typed #rgb and #rrggbb colours only', () => {
    expect(swatchValue('#C8102E')).toBe('#c8102e');
    expect(swatchValue('#fA3')).toBe('#ffaa33');
    for (const bad of ['C8102E', '#C8102', '#GGGGGG', '#c8102e ', 'red']) expect(swatchValue(bad)).toBeNull();
  });

  it('places each field issue beside its field', () => {
    expect(issueField('theme.brandColor')).toBe('brandColor');
    expect(issueField('quote')).toBe('quote');
    expect(issueField('theme.colors.0')).toBe('theme');
  });

  it('moves between the four views with the arrow keys, wrapping round', () => {
    expect(nextView('editor', 'ArrowRight')).toBe('mockups');
    expect(nextView('outbox', 'ArrowRight')).toBe('editor');
    expect(nextView('editor', 'ArrowLeft')).toBe('outbox');
    expect(nextView('gallery', 'ArrowLeft')).toBe('mockups');
  });

  it('lists the story fields first in the layout report, the template’s own after', () => {
    expect(reportOrder(['kicker', 'author', 'headline', 'date', 'quote'])).toEqual([
      'headline',
      'quote',
      'author',
      'kicker',
      'date',
    ]);
  });

  it('bundles into one small script from our own modules, with the schema’s limits', async () => {
    const { bytes, inputs } = await buildStudioClient();
    expect(inputs.every((file) => file.startsWith('src/') && !file.includes('node_modules'))).toBe(true);
    expect(inputs).toContain('src/story/limits.ts');
    // Never the zod schema itself (or anything else the Worker runs): the browser gets constants, not validators.
    expect(inputs).not.toContain('src/story/schema.ts');
    expect(bytes).toBeLessThan(120_000);
    const { default: js } = await import('../../src/studio/built/client.js');
    expect(js).toContain('var HEADLINE_MAX = 300');
  });
});
