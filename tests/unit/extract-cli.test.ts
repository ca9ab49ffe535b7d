// `storycard extract`: a file, stdin or a page in, a Story as JSON out; bad input exits 2 with one clear line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { extractCommand } from '../../src/cli/extract.ts';

async function run(argv: string[], stdin: string | Buffer = '') {
  const input = new PassThrough();
  input.end(stdin);
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => {
    const s = new PassThrough();
    s.on('data', (c: Buffer) => into.push(c.toString('utf8')));
    return s;
  };
  const stdout = sink(out);
  const stderr = sink(err);
  const code = await extractCommand(argv, { stdin: input, stdout, stderr });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const SEED = 'tests/fixtures/articles/en-seed-altman-twitter.txt';
const dir = mkdtempSync(join(tmpdir(), 'storycard-extract-'));

describe('storycard extract', () => {
  it('prints the seed article’s story as JSON, with --url as its link', async () => {
    const r = await run([SEED, '--url', 'https://example.com/altman']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      headline: 'Sam Altman Rejects Elon Musk’s $97.4 Billion OpenAI Buyout, Jokes About Buying Twitter Instead',
      quote: 'No thank you, but we will buy Twitter for $9.74 billion if you want.',
      quoteAuthor: 'Sam Altman',
      quoteConfidence: 'high',
      speakerConfidence: 'high',
      url: 'https://example.com/altman',
      lang: 'en',
    });
  });

  it('reads an .html file as a page, with its own metadata', async () => {
    const r = await run(['tests/fixtures/articles/en-ecb-jsonld.html']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      siteName: 'Continental Times',
      quoteAuthor: 'Christine Lagarde',
      url: 'https://continentaltimes.example/economy/ecb-cuts-rates-fourth-time',
    });
  });

  it('reads stdin with -', async () => {
    const r = await run(
      ['-'],
      'Council Approves New Library for the East Side\n\n"Books change lives, and this library will change a neighbourhood," said Mayor Jo Park.',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ quoteAuthor: 'Jo Park' });
  });

  const bad: [string, () => Promise<{ code: number; stdout: string; stderr: string }>, RegExp][] = [
    ['no file', () => run([]), /expected one article file \(or - for stdin\), received 0/],
    ['a missing file', () => run([join(dir, 'nope.txt')]), /cannot read the article file \(ENOENT\)/],
    [
      'empty stdin',
      () => run(['-'], ''),
      /^storycard: stdin: text: expected article text, received an empty string\n$/,
    ],
    ['a binary file', () => run(['-'], Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00])), /not UTF-8/],
    [
      '10 MB',
      () => run(['-'], Buffer.alloc(10 * 1024 * 1024, 0x61)),
      /at most 2097152 bytes \(2 MB\).*received 10485760 bytes/,
    ],
    ['a bad --url', () => run([SEED, '--url', 'ftp://example.com/x']), /url: expected an absolute http\(s\) URL/],
    ['text without a headline', () => run(['-'], 'ok.'), /expected an article with a headline/],
  ];
  for (const [what, go, message] of bad) {
    it(`exits 2 with one line on stderr for ${what}`, async () => {
      const r = await go();
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
  }

  it('exits 2 for a NUL-laden file that is valid UTF-8', async () => {
    const file = join(dir, 'nul.txt');
    writeFileSync(file, 'Headline Here For Sure\n\u0000\u0000\u0000 body');
    const r = await run([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/binary data/);
  });
});
