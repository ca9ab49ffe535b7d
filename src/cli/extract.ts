// `storycard extract <file.txt|file.html|-> [--url URL]`: print the Story found in an article as JSON.
import { readFile } from 'node:fs/promises';
import { isStorycardError } from '../errors.ts';
import { extractStory, MAX_INPUT_BYTES } from '../intake/extract.ts';
import { EXTRACT } from './commands.ts';
import { type CliIO, EXIT, fail, readAll } from './io.ts';
import { commandHelp, parseCommand } from './options.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function extractCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand(EXTRACT, argv);
  if (values.help) {
    io.stdout.write(`${commandHelp(EXTRACT)}\n`);
    return EXIT.ok;
  }
  if (positionals.length !== 1) {
    return fail(io, `extract: expected one article file (or - for stdin), received ${positionals.length}`);
  }
  const source = positionals[0]!;
  const name = source === '-' ? 'stdin' : source;
  let bytes: Uint8Array;
  try {
    bytes = source === '-' ? await readAll(io.stdin) : await readFile(source);
  } catch (e) {
    return fail(
      io,
      `${name}: cannot read the article file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  // Refuse before decoding: a 10 MB upload should cost nothing but this check.
  if (bytes.length > MAX_INPUT_BYTES) {
    return fail(
      io,
      `${name}: expected at most ${MAX_INPUT_BYTES} bytes (2 MB) of article, received ${bytes.length} bytes`,
    );
  }
  let content: string;
  try {
    content = utf8.decode(bytes);
  } catch {
    return fail(io, `${name}: expected UTF-8 article text, received bytes that are not UTF-8 (a binary file?)`);
  }
  const isHtml = /\.html?$/i.test(source);
  try {
    const story = extractStory(isHtml ? { html: content, url: values.url } : { text: content, url: values.url });
    io.stdout.write(`${JSON.stringify(story, null, 2)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (isStorycardError(e)) return fail(io, `${name}: ${e.message}`);
    throw e;
  }
}
