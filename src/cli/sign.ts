// `storycard sign`: print a signed ad-hoc card URL (GET /card.png?…&sig=…) for embedding without an API call.
import { isStorycardError } from '../errors.ts';
import { cardFingerprint } from '../render/index.ts';
import { EXPIRY_PARAM, expiryIn, parseCardParams, signedCardUrl } from '../story/sign.ts';
import { SIGN } from './commands.ts';
import { type CliIO, EXIT, fail } from './io.ts';
import { commandHelp, parseCommand } from './options.ts';
import { loadTemplates } from './templates-source.ts';

export async function signCommand(argv: string[], io: CliIO): Promise<number> {
  const env = io.env ?? {};
  const { values, positionals } = parseCommand(SIGN, argv);
  if (values.help) {
    io.stdout.write(`${commandHelp(SIGN)}\n`);
    return EXIT.ok;
  }
  if (positionals.length)
    return fail(io, `sign: expected only options (--headline TEXT …), received ${JSON.stringify(positionals[0])}`);
  const secret = env.SIGNING_SECRET;
  if (!secret)
    return fail(io, 'SIGNING_SECRET: expected the Worker’s signing secret in the environment, received nothing');
  // Without PUBLIC_BASE_URL the Worker is `npm start`'s, on its PORT (the environment, then .dev.vars, as npm start
  // reads it), so the URL printed right after `PORT=9111 npm start` is one that answers.
  const port = env.PORT || '8787';
  if (!values.base && !env.PUBLIC_BASE_URL && !/^\d{1,5}$/.test(port))
    return fail(io, `PORT: expected a port number 1-65535, received ${JSON.stringify(port)}`);
  const base = values.base ?? env.PUBLIC_BASE_URL ?? `http://127.0.0.1:${port}`;
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
