// The language's own words on the card: the breaking kicker as that language's newsrooms print it, and quotation
// marks per language, the same in the card and in the bot's post text (one table, src/render/marks.ts).
import { describe, expect, it } from 'vitest';
import { altText, composePost } from '../../src/bot/compose.ts';
import { renderSvg } from '../../src/render/index.ts';
import { createNodeRuntime } from '../../src/runtime/node.ts';
import { createStory } from '../../src/story/schema.ts';
import { wordFor } from '../../templates/_kit.tsx';
import { KICKER } from '../../templates/breaking.tsx';
import { registry as templates } from '../../templates/index.ts';

const runtime = createNodeRuntime();

describe('the breaking kicker', () => {
  const cases: [lang: string, drawn: string][] = [
    ['en', 'BREAKING'],
    ['bn', 'ব্রেকিং নিউজ'],
    ['th', 'ข่าวด่วน'],
    ['am', 'ሰበር ዜና'],
    // Greek capitals drop the accent: Έκτακτο is set ΕΚΤΑΚΤΟ.
    ['el', 'ΕΚΤΑΚΤΟ'],
    ['ru', 'СРОЧНО'],
    ['tr', 'SON DAKİKA'],
    ['ar', 'عاجل'],
    ['ja', '速報'],
    ['zh-CN', '突发'],
    ['zh-TW', '快訊'],
    ['zh-Hant-TW', '快訊'],
    ['zh-HK', '突發'],
    // A language with no entry gets the English word, never nothing.
    ['sw', 'BREAKING'],
  ];
  it.each(cases)('%s: the card says %s', async (lang, drawn) => {
    const story = createStory({ headline: 'Headline', lang });
    const { report } = await renderSvg({ story, template: 'breaking', size: 'og' }, runtime, templates);
    expect(report.fields.kicker?.text).toBe(drawn);
  });

  it('Hindi newsrooms print ब्रेकिंग न्यूज़; Traditional Chinese tags find theirs however they are spelt', () => {
    // (Drawn-text checks for Devanagari wait for its faces: without them the boxes do not fit the kicker's slot.)
    expect(wordFor(KICKER, 'hi')).toBe('ब्रेकिंग न्यूज़');
    expect(wordFor(KICKER, 'hi-IN')).toBe('ब्रेकिंग न्यूज़');
    expect(wordFor(KICKER, 'zh_Hant')).toBe('突發');
    expect(wordFor(KICKER, undefined)).toBe('Breaking');
  });

  it('has a word for every language of the scripts the fonts cover', () => {
    for (const lang of [
      'hi',
      'mr',
      'ne',
      'bn',
      'pa',
      'gu',
      'or',
      'ta',
      'te',
      'kn',
      'ml',
      'si',
      'th',
      'lo',
      'km',
      'my',
      'am',
      'ka',
      'hy',
      'bo',
      'el',
      'ru',
      'uk',
      'fa',
      'ur',
      'vi',
    ]) {
      expect(KICKER[lang], lang).toBeTruthy();
      expect(KICKER[lang]).not.toBe(KICKER.en);
    }
  });
});

describe('quotation marks: the language’s, the same on the card and in the post', () => {
  const cases: [lang: string, open: string, close: string][] = [
    ['en', '“', '”'],
    ['hi', '“', '”'],
    ['bn', '“', '”'],
    ['th', '“', '”'],
    ['am', '«', '»'],
    ['ka', '„', '“'],
    ['hy', '«', '»'],
    ['km', '«', '»'],
    ['ja', '「', '」'],
    ['zh-TW', '「', '」'],
    ['de', '„', '“'],
    ['fr', '«\u00a0', '\u00a0»'],
    ['ru', '«', '»'],
  ];
  it.each(cases)('%s: %s…%s', async (lang, open, close) => {
    const story = createStory({ quote: 'Words of the speaker', quoteAuthor: 'A. Speaker', lang });
    const { report } = await renderSvg({ story, template: 'quote', size: 'og' }, runtime, templates);
    const drawn = report.fields.quote?.text;
    expect(drawn).toBe(`${open}Words of the speaker${close}`);
    for (const platform of ['x', 'bluesky', 'mastodon'] as const) {
      expect(composePost(story, platform).text).toContain(`${drawn} — A. Speaker`);
    }
    expect(altText(story)).toContain(`${drawn} — A. Speaker`);
  });

  it('a quote that brings its own marks keeps them, in the post as on the card', async () => {
    const story = createStory({ quote: '«Мы выстояли»', lang: 'uk' });
    const { report } = await renderSvg({ story, template: 'quote', size: 'og' }, runtime, templates);
    expect(report.fields.quote?.text).toBe('«Мы выстояли»');
    expect(composePost(story, 'x').text).toContain('«Мы выстояли»');
  });
});
