// A Facebook Page through the outbox inside workerd, against a fake Graph API on 127.0.0.1: the card uploaded as a
// photo with the text as caption and alt text, each fault, and a lost answer adopted from the Page's posts.
import { describe, expect, inject, it } from 'vitest';
import { altText } from '../../src/bot/compose.ts';
import { processRow } from '../../src/bot/outbox.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_FACEBOOK, type FakeGraphState } from '../fakes/fake-graph.ts';
import { kinds, landed, networkHarness, unique } from '../helpers/network-poster.ts';
import { clock, depsFor, drive, fakeState, fault } from './outbox-harness.ts';

const fake = () => inject('networkFakes').facebook;
const { e, storyRows, view } = networkHarness(
  () => ({
    FACEBOOK_PAGE_ID: FAKE_FACEBOOK.pageId,
    FACEBOOK_PAGE_TOKEN: FAKE_FACEBOOK.token,
    FACEBOOK_API_BASE_URL: fake(),
  }),
  ['facebook'],
);

async function facebookRow(what: string) {
  const { rows, body } = await storyRows(unique(what, 'in the town square'));
  return { row: rows[0]!, story: body.story };
}
const posts = async (text: string) => (await fakeState<FakeGraphState>(fake())).posts.filter((p) => p.text === text);

describe('Facebook Page', () => {
  it('uploads the og card as a photo with the text as caption and the alt text, once', async () => {
    const { row, story } = await facebookRow('Market day');
    expect(row.account).toBe(FAKE_FACEBOOK.pageId);
    const c = clock();
    expect(kinds(await drive(row.id, depsFor(e(), c.now), c))).toEqual(['posted']);
    const mine = await posts(row.text);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.image).toMatchObject({ width: 1200, height: 630 });
    expect(mine[0]!.alt).toBe(altText(createStory(story)));
    expect(row.text).toContain('https://news.example.org/a/');
    expect(await view(row)).toMatchObject({
      state: 'posted',
      platformPostId: mine[0]!.id,
      url: `https://www.facebook.com/${mine[0]!.id}`,
    });
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'skip' });
    expect(await posts(row.text)).toHaveLength(1);
  });

  it('throttled (Graph code 32 with estimated_time_to_regain_access): waits that long, then posts once', async () => {
    const { row } = await facebookRow('Throttled');
    const c = clock();
    await fault(fake(), { mode: '429', resetSeconds: 30 * 60 });
    const first = await processRow(row.id, depsFor(e(), c.now));
    expect(first).toMatchObject({ kind: 'wait' });
    expect((first as { at: number }).at).toBeGreaterThanOrEqual(c.t + 30 * 60_000);
    expect(await view(row)).toMatchObject({ attempts: 0, pendingCheck: false });
    c.t = (first as { at: number }).at;
    expect(await processRow(row.id, depsFor(e(), c.now))).toMatchObject({ kind: 'posted' });
    expect(await posts(row.text)).toHaveLength(1);
  });

  for (const mode of ['timeout-after-accept', '503-after-accept', 'reset-after-accept']) {
    it(`${mode}: the Page’s posts show it, and it is adopted, not posted again`, async () => {
      const { row } = await facebookRow(`Lost answer (${mode})`);
      const c = clock();
      await fault(fake(), { mode });
      const outcomes = await drive(row.id, depsFor(e(), c.now), c);
      expect(kinds(outcomes)).toEqual(['wait', 'posted']);
      expect(outcomes[1]).toMatchObject({ found: true });
      const mine = await posts(row.text);
      expect(mine).toHaveLength(1);
      expect(await view(row)).toMatchObject({ state: 'posted', platformPostId: mine[0]!.id });
    });
  }

  it('503 with nothing posted: the check finds nothing, then it posts once', async () => {
    const { row } = await facebookRow('Upload refused');
    const c = clock();
    await fault(fake(), { mode: '503' });
    const outcomes = await drive(row.id, depsFor(e(), c.now), c);
    expect(kinds(outcomes)).toEqual(['wait', 'posted']);
    expect(outcomes[1]).not.toMatchObject({ found: true });
    expect(await posts(row.text)).toHaveLength(1);
  });

  it('slow upload past the timeout: once the Page has it, the check adopts it', async () => {
    const { row } = await facebookRow('Slow upload');
    const c = clock();
    await fault(fake(), { mode: 'slow', delayMs: 2500 });
    const first = await processRow(row.id, depsFor(e(), c.now, 1000));
    expect(first).toMatchObject({ kind: 'wait' });
    await landed(() => posts(row.text)); // the fake finishes the late upload when it gets to it
    c.t = (first as { at: number }).at;
    expect(await processRow(row.id, depsFor(e(), c.now, 1000))).toMatchObject({ kind: 'posted', found: true });
    expect(await posts(row.text)).toHaveLength(1);
  });

  it('an expired Page token (code 190): dead with Facebook’s reason, nothing retried', async () => {
    const { row } = await facebookRow('Expired token');
    const c = clock();
    await fault(fake(), { mode: '190' });
    const outcomes = await drive(row.id, depsFor(e(), c.now), c);
    expect(outcomes).toEqual([{ kind: 'dead', reason: expect.stringContaining('code 190') }]);
    expect(await posts(row.text)).toHaveLength(0);
  });
});
