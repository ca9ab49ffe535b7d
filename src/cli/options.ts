// One definition per option, from which both the parser (node:util parseArgs) and --help are made, so the help
// cannot name a flag the parser refuses or miss one it takes; and parse errors said in our words.
import { parseArgs } from 'node:util';

export interface OptionDef {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
  /** The value's name in the help (`-t template`, `--base URL`); a string option without one shows `VALUE`. */
  value?: string;
  /** One line for the option list. */
  help: string;
  /** Shown without brackets in the usage line (the command checks it: parseArgs has no required options). */
  required?: boolean;
}

export interface CommandDef {
  name: string;
  /** The positional arguments, as the usage line shows them (`<story.json|->`), or '' for none. */
  args: string;
  summary: string;
  options: Record<string, OptionDef>;
  /** More to say under the option list (settings read, exit codes). */
  notes?: string;
}

/** A flag the command does not take, or a value missing or misplaced: exit 2, in one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const flag = (name: string, o: OptionDef) => (o.short ? `-${o.short}, --${name}` : `--${name}`);
const named = (name: string, o: OptionDef) => (o.short ? `-${o.short}/--${name}` : `--${name}`);
const shortest = (name: string, o: OptionDef) => (o.short ? `-${o.short}` : `--${name}`);
const withValue = (o: OptionDef, f: string) => (o.type === 'string' ? `${f} ${o.value ?? 'VALUE'}` : f);

/** `storycard render <story.json|-> [-t template] [-s size] …` */
export function usageLine(def: CommandDef, indent = 0, width = 100 - indent): string {
  const opts = Object.entries(def.options)
    .filter(([name]) => name !== 'help')
    .map(([name, o]) => (o.required ? withValue(o, shortest(name, o)) : `[${withValue(o, shortest(name, o))}]`));
  // Wrapped under the command's name at 100 columns, as the usage lines of man pages are.
  const head = ['storycard', def.name, def.args].filter(Boolean).join(' ');
  const lines = [head];
  for (const opt of opts) {
    const last = lines.length - 1;
    if (`${lines[last]} ${opt}`.length > width) lines.push(`${' '.repeat(head.length)} ${opt}`);
    else lines[last] = `${lines[last]} ${opt}`;
  }
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** The command's --help: usage, summary, every option with its default, then the notes. */
export function commandHelp(def: CommandDef): string {
  const rows = Object.entries(def.options).map(([name, o]) => {
    const left = withValue(o, flag(name, o));
    const fallback = o.default !== undefined && o.default !== false ? ` (default ${o.default})` : '';
    return [left, `${o.help}${fallback}`] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length));
  const lines = rows.map(([l, r]) => `  ${l.padEnd(width)}  ${r}`);
  return [
    `usage: ${usageLine(def, 7)}`,
    '',
    def.summary,
    '',
    'Options:',
    ...lines,
    ...(def.notes ? ['', def.notes] : []),
  ]
    .join('\n')
    .trimEnd();
}

// What parseArgs is handed, typed so its values are: a string option with a default is a string, not string | undefined.
type ParseConfig<O extends Record<string, OptionDef>> = {
  [K in keyof O]: { type: O[K]['type']; short?: string } & (O[K] extends { default: infer D }
    ? { default: D }
    : unknown);
};

/** parseArgs over the definitions; its errors become UsageErrors naming the command and what it takes. */
export function parseCommand<const O extends Record<string, OptionDef>>(
  def: CommandDef & { options: O },
  argv: string[],
) {
  const options = Object.fromEntries(
    Object.entries(def.options).map(([name, o]) => [
      name,
      {
        type: o.type,
        ...(o.short ? { short: o.short } : {}),
        ...(o.default !== undefined ? { default: o.default } : {}),
      },
    ]),
  ) as ParseConfig<O>;
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const known = Object.entries(def.options)
      .map(([name, o]) => named(name, o))
      .join(', ');
    const see = `(see storycard ${def.name} --help)`;
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const bad = /'([^']+)'/.exec(err.message)?.[1] ?? argv.find((a) => a.startsWith('-')) ?? '?';
      throw new UsageError(`${def.name}: unknown option ${bad}; expected one of ${known} ${see}`);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--([a-z-]+)/.exec(err.message)?.[1];
      const o = name ? def.options[name] : undefined;
      if (name && o?.type === 'string')
        throw new UsageError(`${named(name, o)}: expected a value (${o.value ?? 'VALUE'}), received nothing ${see}`);
      if (name && o) throw new UsageError(`${named(name, o)}: expected no value (it is a switch) ${see}`);
    }
    throw new UsageError(`${def.name}: ${err.message} ${see}`);
  }
}
