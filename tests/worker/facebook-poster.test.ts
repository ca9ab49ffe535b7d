// A Facebook Page through the outbox inside workerd, against a fake Graph API on 127.0.0.1: the card uploaded as a
// photo with the text as caption and alt text, each fault, and a lost answer adopted from the Page's posts.
import { describe, expect, inject, it } from 'vitest';
import { altText } from '../../src/bot/compose.ts';
import { processRow } from '../../src/bot/outbox.ts';
import { createStory } from '../../src/story/schema.ts';
import { FAKE_FACEBOOK, type FakeGraphState } from '../fakes/fake-graph.ts';
import { kinds, networkHarness, unique } from '../helpers/network-poster.ts';
import * as graph from './graph-faults.ts';
import { clock, depsFor, drive, fakeState } from './outbox-harness.ts';

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
const facebook: graph.GraphNetwork = {
  fake,
  e,
  view,
  posts,
  row: async (what) => (await facebookRow(what)).row,
  first: {},
};

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

  graph.throttled(
    facebook,
    'throttled (Graph code 32 with estimated_time_to_regain_access): waits that long, then posts once',
    'Throttled',
    30,
  );
  graph.lostAnswer(
    facebook,
    (mode) => `${mode}: the Page’s posts show it, and it is adopted, not posted again`,
    (mode) => `Lost answer (${mode})`,
  );
  graph.refusedThenPosted(
    facebook,
    '503 with nothing posted: the check finds nothing, then it posts once',
    'Upload refused',
  );
  graph.slowThenAdopted(
    facebook,
    'slow upload past the timeout: once the Page has it, the check adopts it',
    'Slow upload',
  );
  graph.expiredToken(
    facebook,
    'an expired Page token (code 190): dead with Facebook’s reason, nothing retried',
    'Expired token',
  );
});
