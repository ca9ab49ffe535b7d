// `storycard render`: one story or an array of them, any templates and sizes, to PNG, JPEG, WebP or SVG files
// (auto: lossless PNG within the size's weight budget, else JPEG). Arrays render on every core (worker threads).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { ConfigError, parseConfig } from '../config.ts';
import { isStorycardError } from '../errors.ts';
import { describeMissing } from '../render/index.ts';
import { resolveTheme } from '../render/theme.ts';
import {
  EXTENSION,
  FORMATS,
  type Format,
  isFormat,
  isSizeName,
  type RenderReport,
  SIZE_NAMES,
  type SizeName,
  type Theme,
} from '../render/types.ts';
import { parseStory, type Story } from '../story/schema.ts';
import { RENDER } from './commands.ts';
import { uniqueStems } from './file-name.ts';
import { type CliIO, EXIT, fail, readAll } from './io.ts';
import { commandHelp, parseCommand } from './options.ts';
import type { RenderJob } from './render-job.ts';
import { renderAll } from './render-pool.ts';
import { loadTemplates, TemplatesDirError } from './templates-source.ts';

class BadInput extends Error {}

const BY_EXTENSION: Record<string, Format> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', webp: 'webp', svg: 'svg' };

/** -f, else the -o file's extension (card.jpg → jpeg), else auto. */
function formatOf(flag: string | undefined, output: string | undefined): Format {
  const ext = output && output !== '-' ? /\.([a-z]+)$/i.exec(output)?.[1]?.toLowerCase() : undefined;
  // A name claiming a format we do not write (card.gif) would hold bytes of another: refuse it rather than mislabel.
  if (ext && !BY_EXTENSION[ext]) {
    const known = Object.keys(BY_EXTENSION).map((e) => `.${e}`);
    throw new BadInput(
      `-o: expected a file ending in ${known.slice(0, -1).join(', ')} or ${known.at(-1)} (or no extension), received ${JSON.stringify(output)}`,
    );
  }
  if (flag !== undefined) {
    if (!isFormat(flag))
      throw new BadInput(`--format: expected one of ${FORMATS.join(', ')}, received ${JSON.stringify(flag)}`);
    return flag;
  }
  return (ext && BY_EXTENSION[ext]) || 'auto';
}

function list<T extends string>(value: string, all: readonly T[], what: string, valid: (v: string) => v is T): T[] {
  if (value === 'all') return [...all];
  const items = value.split(',').map((s) => s.trim());
  for (const item of items) {
    if (!valid(item))
      throw new BadInput(`--${what}: expected one of ${all.join(', ')} or "all", received ${JSON.stringify(item)}`);
  }
  return items as T[];
}

async function loadStories(source: string, io: CliIO): Promise<{ stories: Story[]; batch: boolean }> {
  const name = source === '-' ? 'stdin' : source;
  let raw: string;
  try {
    raw = source === '-' ? (await readAll(io.stdin)).toString('utf8') : await readFile(source, 'utf8');
  } catch (e) {
    throw new BadInput(`${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new BadInput(`${name}: not valid JSON (${(e as Error).message})`);
  }
  const batch = Array.isArray(data);
  const items = batch ? (data as unknown[]) : [data];
  if (items.length === 0) throw new BadInput(`${name}: expected a story or a non-empty array of stories, received []`);
  const problems: string[] = [];
  const stories = items.map((item, i) => {
    try {
      return parseStory(item);
    } catch (e) {
      if (!isStorycardError(e)) throw e;
      problems.push(batch ? `[${i}] ${e.message}` : e.message);
      return undefined;
    }
  });
  // Validate everything before rendering anything: a bad item in a batch is reported, not half-rendered.
  if (problems.length) throw new BadInput(`${name}: ${problems.join('; ')}`);
  return { stories: stories as Story[], batch };
}

/** The story with a flag's value in place of its own field, validated (and named) as the flag the user typed. */
function withFlag(story: Story, fields: Partial<Story>, flag: string): Story {
  try {
    return parseStory({ ...story, ...fields });
  } catch (e) {
    if (isStorycardError(e)) throw new BadInput(e.message.replace(Object.keys(fields)[0]!, flag));
    throw e;
  }
}

export async function renderCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommand(RENDER, argv);
  if (values.help) {
    io.stdout.write(`${commandHelp(RENDER)}\n`);
    return EXIT.ok;
  }
  try {
    if (positionals.length !== 1) throw new BadInput('render: expected one story file (or - for stdin)');
    const format = formatOf(values.format, values.output);
    // A newsroom's own templates directory, absolute so every render thread loads the same one.
    const templatesDir = values.templates === undefined ? undefined : resolve(values.templates);
    const registry = await loadTemplates(templatesDir);
    const names = registry.list().map((t) => t.name);
    const templates = list(values.template, names, 'template', (v): v is string => names.includes(v));
    const sizes = list<SizeName>(values.size, SIZE_NAMES, 'size', isSizeName);
    for (const t of templates) {
      for (const s of sizes) {
        if (!registry.sizesOf(t).includes(s)) throw new BadInput(`--size: template ${t} has no size ${s}`);
      }
    }
    const mode = values.theme;
    if (mode !== 'light' && mode !== 'dark')
      throw new BadInput(`--theme: expected light or dark, received ${JSON.stringify(mode)}`);
    const theme: Partial<Theme> = resolveTheme({
      mode,
      ...(values.brand ? { brandColor: values.brand } : {}),
      ...(values.logo ? { logoUrl: values.logo } : {}),
    });
    // The Worker's own reading of FETCH_ALLOW_HOSTS (environment, then .dev.vars): a photo card can be tried with
    // an image served from this machine, as the refusal message says.
    const allowHosts = parseConfig({ FETCH_ALLOW_HOSTS: io.env?.FETCH_ALLOW_HOSTS }).fetchAllowHosts;
    const loaded = await loadStories(positionals[0] as string, io);
    const { batch } = loaded;
    // Flags a user typed win over what the story file says, as flags do in every CLI.
    const siteName = values['site-name'];
    const stories = siteName
      ? loaded.stories.map((story) => withFlag(story, { siteName }, '--site-name'))
      : loaded.stories;
    const stems = uniqueStems(stories.map((s) => s.headline));

    const jobs = stories.flatMap((story, i) =>
      templates.flatMap((template) => sizes.map((size) => ({ story, index: i, template, size }))),
    );
    const single = jobs.length === 1 && !batch;
    if (single && values.output === '-' && values.report) throw new BadInput('--report cannot share stdout with -o -');
    if (!single && values.output) throw new BadInput('-o names one file; use --out-dir for several cards');

    const outDir = values['out-dir'];
    if (outDir) await mkdir(outDir, { recursive: true });
    const bar =
      !single && io.stderr.isTTY
        ? new SingleBar({ stream: io.stderr, format: ' {bar} {value}/{total} cards  {file}' })
        : undefined;
    bar?.start(jobs.length, 0, { file: '' });
    const reports: (RenderReport & { file?: string })[] = [];
    // Cards with characters no font could draw: named after the run (a box is not a glyph), never an error, so a
    // batch goes on and the exit code stays 0.
    const boxes: string[] = [];
    const renderJobs: RenderJob[] = jobs.map((j, id) => ({ id, ...j, theme, format, allowHosts, templatesDir }));
    await renderAll(renderJobs, async ({ id, image, report }) => {
      const job = jobs[id]!;
      // The extension follows what was written: auto may write a JPEG.
      const ext = EXTENSION[report.format];
      const base = `${stems[job.index]}.${job.template}.${job.size}.${ext}`;
      let file: string | undefined;
      // Only `-o -` writes to stdout: a pipe or a redirect gets the same named file a terminal does.
      if (single && values.output === '-') io.stdout.write(image);
      else {
        file = single && values.output ? values.output : join(outDir ?? '.', base);
        await writeFile(file, image);
      }
      reports[id] = { ...report, ...(file ? { file } : {}) };
      const missing = report.missingGlyphs;
      if (missing.length) {
        const what = missing.length === 1 ? '1 character' : `${missing.length} characters`;
        boxes.push(
          `warning: ${file ?? 'stdout'}: ${what} no font can draw, drawn as boxes: ${describeMissing(missing)}`,
        );
      }
      bar?.increment(1, { file: file ?? '' });
      if (!bar && file && !values.report) io.stderr.write(`wrote ${file} (${image.byteLength} bytes)\n`);
    });
    bar?.stop();
    for (const line of boxes) io.stderr.write(`${line}\n`);
    if (values.report) io.stdout.write(`${JSON.stringify(single ? reports[0] : reports, null, 2)}\n`);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof BadInput || e instanceof TemplatesDirError) return fail(io, e.message);
    if (e instanceof ConfigError) return fail(io, e.message.replace(/^invalid settings: /, ''));
    if (isStorycardError(e) && e.status < 500) return fail(io, e.message);
    throw e;
  }
}
