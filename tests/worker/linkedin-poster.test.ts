// LinkedIn through the outbox inside workerd, against a fake LinkedIn API on 127.0.0.1: the card through the Images
// API, the commentary escaped as little text, alt text, faults, and a lost answer adopted from the author's posts.
import { describe, expect, inject, it } from 'vitest';
import { altText } from '../../src/bot/compose.ts';
import { processRow } from '../../src/bot/outbox.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_LINKEDIN, type FakeLinkedInState } from '../fakes/fake-linkedin.ts';
import { kinds, networkHarness } from '../helpers/network-poster.ts';
import { clock, depsFor, drive, fakeState, fault, postsOf } from './outbox-harness.ts';

const fake = () => inject('networkFakes').linkedin;
const { e, storyRows } = networkHarness(
  () => ({
    LINKEDIN_ACCESS_TOKEN: FAKE_LINKEDIN.token,
    LINKEDIN_AUTHOR: FAKE_LINKEDIN.author,
    LINKEDIN_API_BASE_URL: fake(),
  }),
  ['linkedin'],
);

async function linkedinRow(what: string) {
  // Parentheses and a hashtag: little text's reserved characters, which must arrive escaped.
  const { rows, body } = await storyRows(`${what} (${crypto.randomUUID().slice(0, 8)}) #budget talks`);
  return { row: rows[0]!, story: body.story };
}
const posts = async (text: string) =>
  (await fakeState<FakeLinkedInState>(fake())).posts.filter((p) => p.shown === text);

describe('LinkedIn', () => {
  it('uploads the og card, posts the whole text (reserved characters escaped) with alt text, once', async () => {
    const { row, story } = await linkedinRow('Council budget');
    expect(row.account).toBe(FAKE_LINKEDIN.author);
    const c = clock();
    expect(kinds(await drive(row.id, depsFor(e(), c.now), c))).toEqual(['posted']);
    const mine = await posts(row.text);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.image).toMatchObject({ width: 1200, height: 630 });
    expect(mine[0]!.altText).toBe(altText(createStory(story)));
    expect(row.text).toContain('https://news.example.org/a/');
    const view = (await postsOf(e(), row.storyId))[0]!;
    expect(view).toMatchObject({
      state: 'posted',
      platformPostId: mine[0]!.id,
      url: `https://www.linkedin.com/feed/update/${mine[0]!.id}/`,
    });
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'skip' });
  });

  for (const mode of ['timeout-after-accept', '503-after-accept', 'reset-after-accept']) {
    it(`${mode}: the author's posts show it, and it is adopted, not posted again`, async () => {
      const { row } = await linkedinRow(`Lost answer ${mode}`);
      const c = clock();
      await fault(fake(), { mode });
      const outcomes = await drive(row.id, depsFor(e(), c.now), c);
      expect(kinds(outcomes)).toEqual(['wait', 'posted']);
      expect(outcomes[1]).toMatchObject({ found: true });
      expect(await posts(row.text)).toHaveLength(1);
    });
  }

  it('429: waits for the reported time (not an attempt), then posts once', async () => {
    const { row } = await linkedinRow('Throttled');
    const c = clock();
    await fault(fake(), { mode: '429', resetSeconds: 1800 });
    const outcomes = await drive(row.id, depsFor(e(), c.now), c);
    expect(kinds(outcomes)).toEqual(['wait', 'posted']);
    expect((outcomes[0] as { at: number }).at - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(await posts(row.text)).toHaveLength(1);
  });

  it('503 on the image upload: nothing published, so a plain retry posts once', async () => {
    const { row } = await linkedinRow('Upload failed');
    const c = clock();
    await fault(fake(), { mode: '503', on: 'media' });
    const first = await processRow(row.id, depsFor(e(), c.now));
    expect(first).toMatchObject({ kind: 'wait' });
    expect((await postsOf(e(), row.storyId))[0]).toMatchObject({ pendingCheck: false });
    c.t = (first as { at: number }).at;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await posts(row.text)).toHaveLength(1);
  });
});
