// Feed item identity: tracking parameters stripped, GUID and canonical-link keys, and which items a poll treats as new.
import { describe, expect, it } from 'vitest';
import { parseFeedText } from '../../src/intake/feed-parse.ts';
import { planItems } from '../../src/intake/feed-poll.ts';
import { cleanLink, itemKeys } from '../../src/intake/feed-url.ts';
import { rss, type TestItem } from '../helpers/feeds.ts';

const FEED = 'https://news.example/rss';

describe('cleanLink', () => {
  it.each([
    ['https://news.example/a?utm_source=rss&utm_medium=feed&utm_campaign=x', 'https://news.example/a'],
    ['https://news.example/a?id=7&fbclid=abc&gclid=def', 'https://news.example/a?id=7'],
    ['https://news.example/a?_ga=1.2&mc_cid=9&msclkid=k&id=7#comments', 'https://news.example/a?id=7'],
    ['https://NEWS.example/a?page=2', 'https://news.example/a?page=2'],
  ])('%s → %s', (input, expected) => {
    expect(cleanLink(input)).toBe(expected);
  });

  it('resolves relative links against the feed and refuses non-http links', () => {
    expect(cleanLink('/a/b?utm_source=x', FEED)).toBe('https://news.example/a/b');
    expect(cleanLink('mailto:desk@news.example', FEED)).toBeUndefined();
    expect(cleanLink('javascript:alert(1)', FEED)).toBeUndefined();
    expect(cleanLink('  ', FEED)).toBeUndefined();
  });
});

describe('itemKeys', () => {
  it('keys a link the same with or without tracking, scheme, www. or parameter order', () => {
    const keys = (link: string) => itemKeys({ link: cleanLink(link) });
    const base = keys('https://www.news.example/a?x=1&y=2');
    expect(keys('http://news.example/a?y=2&x=1&utm_source=rss')).toEqual(base);
    expect(keys('https://news.example/a?x=1&y=2#top')).toEqual(base);
    expect(keys('https://news.example/b?x=1&y=2')).not.toEqual(base);
  });

  it('has a GUID key and a link key when both exist', () => {
    expect(itemKeys({ guid: 'abc-1', link: 'https://news.example/a' })).toEqual(['guid:abc-1', 'url:news.example/a']);
  });
});

const items = (list: TestItem[]) => parseFeedText(rss('News', list)).items;
const a: TestItem = { title: 'A', link: 'https://news.example/a', guid: 'g-a', date: '2025-11-01T08:00:00Z' };
const b: TestItem = { title: 'B', link: 'https://news.example/b', guid: 'g-b', date: '2025-11-02T08:00:00Z' };
const c: TestItem = { title: 'C', link: 'https://news.example/c', guid: 'g-c', date: '2025-11-03T08:00:00Z' };

/** The keys a previous poll of these items left behind. */
const knownAfter = (list: TestItem[]) => new Set(items(list).flatMap((i) => itemKeys({ guid: i.guid, link: i.link })));
const titles = (plan: ReturnType<typeof planItems>) => plan.fresh.map((f) => f.item.title);

describe('planItems', () => {
  it('finds only the item that was not there before, whatever the order', () => {
    const known = knownAfter([b, a]);
    expect(titles(planItems(items([c, b, a]), known, FEED))).toEqual(['C']);
    expect(titles(planItems(items([a, c, b]), known, FEED))).toEqual(['C']);
  });

  it('an edited item (new title, new tracking, new link) with its GUID is not new, and its new link is remembered', () => {
    const known = knownAfter([a]);
    const edited = { ...a, title: 'A (updated)', link: 'https://news.example/a-renamed?utm_source=rss' };
    const plan = planItems(items([edited]), known, FEED);
    expect(plan.fresh).toEqual([]);
    expect(plan.extraKeys).toEqual(['url:news.example/a-renamed']);
  });

  it('an item whose GUID changed but whose link did not is not new', () => {
    const known = knownAfter([a]);
    const plan = planItems(items([{ ...a, guid: 'regenerated-guid', link: `${a.link}?utm_campaign=z` }]), known, FEED);
    expect(plan.fresh).toEqual([]);
    expect(plan.extraKeys).toEqual(['guid:regenerated-guid']);
  });

  it('new items come oldest first; the same item twice in one document counts once', () => {
    const plan = planItems(items([c, a, b, { ...c, title: 'C again' }]), new Set(), FEED);
    expect(titles(plan)).toEqual(['A', 'B', 'C']);
  });

  it('undated new items keep the reverse of feed order (feeds list newest first)', () => {
    const undated = [c, b, a].map(({ date: _d, ...rest }) => rest);
    expect(titles(planItems(items(undated), new Set(), FEED))).toEqual(['A', 'B', 'C']);
  });

  it('an item with neither GUID nor usable link cannot be tracked and is left out', () => {
    const plan = planItems(items([{ title: 'Nowhere', link: 'mailto:x@news.example' }]), new Set(), FEED);
    expect(plan.fresh).toEqual([]);
  });
});
