// The storycard command line: dispatches to one module per subcommand.
import { COMMANDS } from './commands.ts';
import { type CliIO, EXIT, fail } from './io.ts';
import { UsageError, usageLine } from './options.ts';
import { cliSettings } from './settings.ts';

// Made from the same definitions the commands parse with (./commands.ts), so it cannot go stale.
const HELP = [
  'storycard — share cards and posts for news stories',
  '',
  'Usage:',
  ...COMMANDS.map((c) => `  ${usageLine(c, 2)}`),
  '',
  'storycard <command> --help says what each option does.',
  'Exit codes: 0 ok, 1 failure, 2 bad input.',
].join('\n');

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
    const err = e as Error;
    if (err instanceof UsageError) return fail(io, err.message);
    return fail(io, err.message, EXIT.failed);
  }
}
