// A card that would show boxes is never silent: POST and PUT answer `warnings` naming each character no bundled font
// can draw, and the bot holds the story's posts for an editor (state review, the reason in lastError) in every mode.
import { describe, expect, inject, it } from 'vitest';
import { processRow } from '../../src/bot/outbox.ts';
import { api, call, storyInput } from './helpers.ts';
import { botEnv, depsFor, postStory, postsOf } from './outbox-harness.ts';

// Private-use (Inter maps a glyph of its own there: still not the newsroom's character) and Cherokee, a script no
// bundled face covers, in the headline; Ol Chiki in the quote.
const HEADLINE = 'Council vote \u{E000} in Ꮳ';
const QUOTE = 'ᱚ said';

interface Written {
  id: string;
  warnings: { code: string; field: string; char: string; codePoint: string; message: string }[];
}

describe('POST and PUT /api/stories answer warnings', () => {
  it('names every character the card cannot draw, field by field; none for a story it draws whole', async () => {
    const res = await api('', 'POST', storyInput({ headline: HEADLINE, quote: QUOTE }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Written;
    expect(body.warnings.map(({ message: _, ...w }) => w)).toEqual([
      { code: 'missing_glyph', field: 'headline', char: '\u{E000}', codePoint: 'U+E000' },
      { code: 'missing_glyph', field: 'headline', char: 'Ꮳ', codePoint: 'U+13E3' },
      { code: 'missing_glyph', field: 'quote', char: 'ᱚ', codePoint: 'U+1C5A' },
    ]);
    expect(body.warnings[1]?.message).toBe(
      'headline: no bundled font can draw "Ꮳ" (U+13E3); the card shows a box for it',
    );

    const fine = await api('', 'POST', storyInput({ headline: 'Ελλάδα, 日本, مصر 🇪🇬' }));
    expect(fine.status).toBe(201);
    expect(((await fine.json()) as Written).warnings).toEqual([]);

    const put = await api(`/${body.id}`, 'PUT', storyInput({ headline: 'Now in ᱚᱞ' }));
    expect(put.status).toBe(200);
    expect(((await put.json()) as Written).warnings.map((w) => w.codePoint)).toEqual(['U+1C5A', 'U+1C5E']);
  });

  it('documents warnings in /openapi.json on POST and PUT answers', async () => {
    const doc = (await (await call('/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>
      >;
      components: { schemas: Record<string, { required?: string[]; properties: Record<string, unknown> }> };
    };
    const schemaOf = (path: string, method: string, status: string) =>
      doc.paths[path]?.[method]?.responses[status]?.content['application/json']?.schema;
    expect(schemaOf('/api/stories', 'post', '201')).toEqual({ $ref: '#/components/schemas/StoryWritten' });
    expect(schemaOf('/api/stories/{id}', 'put', '200')).toEqual({ $ref: '#/components/schemas/StoryWritten' });
    expect(doc.components.schemas.StoryWritten?.required).toContain('warnings');
    expect(Object.keys(doc.components.schemas.StoryWarning?.properties ?? {})).toEqual(
      expect.arrayContaining(['code', 'field', 'char', 'codePoint', 'message']),
    );
  });
});

describe('the bot holds a story whose card cannot draw every character', () => {
  const fakes = () => inject('quietFakes');
  for (const mode of ['live', 'review', 'dry-run'] as const) {
    it(`BOT_MODE=${mode}: its posts wait for an editor, saying which characters`, async () => {
      const e = botEnv({ x: fakes().x }, { BOT_MODE: mode });
      const held = await postStory(e, { headline: `${HEADLINE} ${crypto.randomUUID().slice(0, 8)}` });
      expect(held.status).toBe(201);
      const rows = await postsOf(e, held.body.id);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.state).toBe('review');
        expect(row.lastError).toMatch(
          /^held: the card cannot draw 2 characters .*"\u{E000}" U\+E000 \(headline\), "Ꮳ" U\+13E3 \(headline\)/u,
        );
      }
      // Nothing sends it: a stray queue message or the cron sweep leaves it alone.
      expect(await processRow(rows[0]!.id, depsFor(e, Date.now))).toMatchObject({ kind: 'skip' });
    });
  }

  it('BOT_MODE=live: a story drawn whole is queued as before', async () => {
    const e = botEnv({ x: fakes().x }, { BOT_MODE: 'live' });
    const ok = await postStory(e, { headline: `Ferry timetable changes ${crypto.randomUUID().slice(0, 8)}` });
    const rows = await postsOf(e, ok.body.id);
    expect(rows.map((r) => [r.state, r.lastError])).toEqual([['queued', null]]);
  });
});
