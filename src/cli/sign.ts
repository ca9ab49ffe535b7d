// `storycard sign`: print a signed ad-hoc card URL (GET /card.png?…&sig=…) for embedding without an API call.
import { parseArgs } from 'node:util';
import { isStorycardError } from '../errors.ts';
import { cardFingerprint } from '../render/index.ts';
import { EXPIRY_PARAM, expiryIn, parseCardParams, signedCardUrl } from '../story/sign.ts';
import { type CliIO, EXIT, fail } from './io.ts';
import { loadTemplates } from './templates-source.ts';

const USAGE = `usage: storycard sign --headline TEXT [--quote TEXT] [--quote-author NAME] [--site-name NAME] [--author NAME]
                      [--lang TAG] [-t template] [-s size] [--theme light|dark] [--brand #hex]
                      [-f png|jpeg|webp|auto] [--base URL] [--expires-in SECONDS]
The key is SIGNING_SECRET from the environment (the Worker's setting); --base defaults to PUBLIC_BASE_URL.
--expires-in adds exp (epoch seconds, signed): /card.png refuses the URL after it, and caches it no longer.`;

export async function signCommand(argv: string[], io: CliIO): Promise<number> {
  const env = io.env ?? {};
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      headline: { type: 'string' },
      quote: { type: 'string' },
      'quote-author': { type: 'string' },
      'site-name': { type: 'string' },
      author: { type: 'string' },
      lang: { type: 'string' },
      template: { type: 'string', short: 't' },
      size: { type: 'string', short: 's' },
      theme: { type: 'string' },
      brand: { type: 'string' },
      format: { type: 'string', short: 'f' },
      base: { type: 'string' },
      'expires-in': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  const secret = env.SIGNING_SECRET;
  if (!secret)
    return fail(io, 'SIGNING_SECRET: expected the Worker’s signing secret in the environment, received nothing');
  const base = values.base ?? env.PUBLIC_BASE_URL ?? 'http://127.0.0.1:8787';
  if (!/^https?:\/\/[^/]+/.test(base))
    return fail(io, `--base: expected an http(s) origin, received ${JSON.stringify(base)}`);
  const expiresIn = values['expires-in'];
  if (expiresIn !== undefined && !/^[1-9][0-9]{0,9}$/.test(expiresIn)) {
    return fail(io, `--expires-in: expected a whole number of seconds above 0, received ${JSON.stringify(expiresIn)}`);
  }
  const params: Record<string, string> = {};
  const map: [keyof typeof values, string][] = [
    ['headline', 'headline'],
    ['quote', 'quote'],
    ['quote-author', 'quoteAuthor'],
    ['site-name', 'siteName'],
    ['author', 'author'],
    ['lang', 'lang'],
    ['template', 'template'],
    ['size', 'size'],
    ['theme', 'theme'],
    ['brand', 'brand'],
    ['format', 'f'],
  ];
  for (const [flag, param] of map) {
    const v = values[flag];
    if (typeof v === 'string' && v !== '') params[param] = v;
  }
  try {
    // The same validation the Worker runs after checking the signature, so a signed URL is never a 400.
    const card = parseCardParams(new URLSearchParams(params));
    cardFingerprint(card, await loadTemplates()); // unknown template, or a size the template does not draw
  } catch (e) {
    if (isStorycardError(e)) {
      // Name the flags the user typed, not the URL parameters they become.
      return fail(
        io,
        e.message
          .replace(/\bquoteAuthor\b/g, '--quote-author')
          .replace(/\bsiteName\b/g, '--site-name')
          .replace(/(^|; )f:/g, '$1-f:'),
      );
    }
    throw e;
  }
  if (expiresIn !== undefined) params[EXPIRY_PARAM] = expiryIn(Number(expiresIn));
  io.stdout.write(`${await signedCardUrl(base, params, secret)}\n`);
  return EXIT.ok;
}
