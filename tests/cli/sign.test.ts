// `storycard sign`: prints a /card.png URL whose signature the Worker's verifier accepts; bad input exits 2.
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signCommand } from '../../src/cli/sign.ts';
import { parseCardParams, secondsLeft, verifyParams } from '../../src/story/sign.ts';

function io(env: Record<string, string | undefined>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  return { io: { stdin: new PassThrough(), stdout, stderr, env }, out: () => out, err: () => err };
}

describe('storycard sign', () => {
  it('prints a signed URL that verifies with the same secret and not with another', async () => {
    const t = io({ SIGNING_SECRET: 's3cret', PUBLIC_BASE_URL: 'https://cards.example.com' });
    const code = await signCommand(
      ['--headline', 'Rates rise & markets <react>', '--quote', '“We had no choice”', '-s', 'x', '--theme', 'dark'],
      t.io,
    );
    expect(code).toBe(0);
    const url = new URL(t.out().trim());
    expect(url.origin + url.pathname).toBe('https://cards.example.com/card.png');
    expect(await verifyParams(url.searchParams, 's3cret')).toBe(true);
    expect(await verifyParams(url.searchParams, 'other')).toBe(false);
    const card = parseCardParams(url.searchParams);
    expect(card.story.headline).toBe('Rates rise & markets <react>');
    expect(card.size).toBe('x');
    expect(card.theme).toEqual({ mode: 'dark' });
  });

  it('exits 2 naming the problem: no secret, a bad size, an unknown template', async () => {
    const none = io({});
    expect(await signCommand(['--headline', 'x'], none.io)).toBe(2);
    expect(none.err()).toContain('SIGNING_SECRET');

    const size = io({ SIGNING_SECRET: 's' });
    expect(await signCommand(['--headline', 'x', '-s', 'huge'], size.io)).toBe(2);
    expect(size.err()).toContain('size');

    const template = io({ SIGNING_SECRET: 's' });
    expect(await signCommand(['--headline', 'x', '-t', 'nope'], template.io)).toBe(2);
    expect(template.err()).toContain('template');
    expect(template.out()).toBe('');
  });

  afterEach(() => vi.useRealTimers());

  it('--expires-in signs exp = now + seconds; the URL verifies until then and is refused after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T12:00:00Z'));
    const t = io({ SIGNING_SECRET: 's3cret' });
    expect(await signCommand(['--headline', 'Lives an hour', '--expires-in', '3600'], t.io)).toBe(0);
    const url = new URL(t.out().trim());
    expect(url.searchParams.get('exp')).toBe(String(Date.parse('2026-12-06T13:00:00Z') / 1000));
    expect(await verifyParams(url.searchParams, 's3cret')).toBe(true);
    // Moving exp breaks the signature: it is signed with the rest.
    const moved = new URLSearchParams(url.searchParams);
    moved.set('exp', String(Number(url.searchParams.get('exp')) + 1));
    expect(await verifyParams(moved, 's3cret')).toBe(false);
    expect(secondsLeft(url.searchParams, Date.parse('2026-12-06T12:59:59Z'))).toBe(1);
    expect(() => secondsLeft(url.searchParams, Date.parse('2026-12-06T13:00:00Z'))).toThrow(
      /^exp: this signed URL expired/,
    );
    expect(parseCardParams(url.searchParams).story.headline).toBe('Lives an hour');

    const plain = io({ SIGNING_SECRET: 's3cret' });
    expect(await signCommand(['--headline', 'Forever'], plain.io)).toBe(0);
    expect(new URL(plain.out().trim()).searchParams.has('exp')).toBe(false);
  });

  it('--expires-in refuses what is not whole seconds above 0, naming the flag', async () => {
    for (const bad of ['0', '-5', '1.5', '1h', '']) {
      const t = io({ SIGNING_SECRET: 's' });
      expect(await signCommand(['--headline', 'x', `--expires-in=${bad}`], t.io), bad).toBe(2);
      expect(t.err()).toContain(`--expires-in: expected a whole number of seconds above 0, received "${bad}"`);
      expect(t.out()).toBe('');
    }
  });
});
