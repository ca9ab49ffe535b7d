// The storycard command line: dispatches to one module per subcommand.
import { type CliIO, EXIT, fail } from './io.ts';
import { cliSettings } from './settings.ts';

const HELP = `storycard — share cards and posts for news stories

Usage:
  storycard render <story.json|-> [-t template] [-s size] [-f png|svg] [-o file] [--out-dir DIR]
                   [--theme light|dark] [--brand #hex] [--site-name NAME] [--logo URL] [--report]
  storycard templates [--json]
  storycard extract <file.txt|file.html|-> [--url URL]
  storycard sign --base URL --headline TEXT [--quote TEXT] [-t template] [-s size]
  storycard post <story.json> [--dry-run]

Exit codes: 0 ok, 1 failure, 2 bad input.`;

const commands: Record<string, () => Promise<(argv: string[], io: CliIO) => Promise<number>>> = {
  render: async () => (await import('./render.ts')).renderCommand,
  templates: async () => (await import('./templates.ts')).templatesCommand,
  extract: async () => (await import('./extract.ts')).extractCommand,
  sign: async () => (await import('./sign.ts')).signCommand,
  post: async () => (await import('./post.ts')).postCommand,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    io.stdout.write(`${HELP}\n`);
    return name ? EXIT.ok : EXIT.badInput;
  }
  const load = commands[name];
  if (!load)
    return fail(io, `unknown command ${JSON.stringify(name)}; expected one of ${Object.keys(commands).join(', ')}`);
  try {
    // sign, post and render act as the Worker would: with its settings from .dev.vars, the environment winning
    // (render for FETCH_ALLOW_HOSTS).
    const needsSettings = name === 'sign' || name === 'post' || name === 'render';
    const env = needsSettings ? cliSettings(io.env ?? {}, io.cwd ?? process.cwd()) : io.env;
    return await (await load())(rest, { ...io, env });
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      return fail(io, `${err.message} (see storycard --help)`);
    }
    return fail(io, err.message, EXIT.failed);
  }
}
