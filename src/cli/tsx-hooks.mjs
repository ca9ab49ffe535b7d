// Lets the CLI run its TypeScript as it is, with no build: our .ts files are stripped of their types by Node's own
// stripper (positions kept, so stack traces point at the source), each .tsx template is compiled by esbuild when it
// is loaded, and both outputs are kept by content hash.
//
// Why a cache: loading Node's stripper (a wasm module) costs ~25 ms and starting esbuild's service ~40 ms, more than
// the rest of `storycard templates`. A file is compiled again only when its text (or Node, esbuild, or these options)
// changes, so a designer's or contributor's edit shows on the next run.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// This package's root (…/storycard/ in a checkout, …/node_modules/storycard/ once installed into a newsroom's project).
const ROOT = new URL('../../', import.meta.url).href;

// Installed, the cache goes where tools keep theirs in the newsroom's project (node_modules/.cache/storycard/); in a
// checkout, in the checkout's node_modules/.cache/storycard/.
const INSTALLED = /\/node_modules\/[^/]+\/$/.test(ROOT);
const CACHE = fileURLToPath(
  new URL(INSTALLED ? '../.cache/storycard/tsx/' : 'node_modules/.cache/storycard/tsx/', ROOT),
);

const OPTIONS = { loader: 'tsx', jsx: 'automatic', jsxImportSource: 'satori/jsx', format: 'esm', target: 'node22' };

/** @type {typeof import('esbuild') | undefined} */
let esbuild;
/** @type {string | undefined} */
let esbuildVersion;

/** Node's stripper, without its "experimental" warning on every first run (the same code runs unflagged for .ts). */
function strip(source) {
  const emit = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    if (!String(warning).includes('stripTypeScriptTypes')) emit.call(process, warning, ...rest);
  };
  try {
    return stripTypeScriptTypes(source, { mode: 'strip' });
  } finally {
    process.emitWarning = emit;
  }
}

function tsx(source, file) {
  esbuild ??= require('esbuild');
  return esbuild.transformSync(source, { ...OPTIONS, sourcefile: file }).code;
}

function compile(file) {
  const source = readFileSync(file, 'utf8');
  const isTsx = file.endsWith('.tsx');
  if (isTsx) esbuildVersion ??= JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
  const tool = isTsx ? esbuildVersion : process.version;
  const key = createHash('sha256')
    .update(`${tool}\0${JSON.stringify(OPTIONS)}\0${file}\0${source}`)
    .digest('hex');
  const cached = `${CACHE}${key}.js`;
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // not compiled yet (or the cache was cleared): compile below
  }
  let code;
  try {
    code = isTsx ? tsx(source, file) : strip(source);
  } catch (e) {
    // Name the file: Node's stripper says what (an enum, a parameter property) but not where.
    throw new SyntaxError(`${file}: ${e.message}`, { cause: e });
  }
  try {
    // Written whole then renamed, so a reader running at the same time never sees half a file.
    mkdirSync(CACHE, { recursive: true });
    const partial = `${cached}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, cached);
  } catch {
    // a read-only checkout still runs, compiling each time
  }
  return code;
}

/** Our own .ts/.tsx files, wherever the package is installed; never a dependency's (nor a nested node_modules). */
function isOurs(url) {
  return url.startsWith(ROOT) && /\.tsx?$/.test(url) && !url.slice(ROOT.length).includes('node_modules/');
}

registerHooks({
  load(url, context, nextLoad) {
    // Node refuses to strip types under node_modules, which is where this package lives once installed: its own
    // files are stripped here instead. A newsroom's templates (--templates DIR) are outside ROOT and handled too.
    if (!url.startsWith('file:') || !/\.tsx?$/.test(url) || !(isOurs(url) || !url.includes('/node_modules/')))
      return nextLoad(url, context);
    return { format: 'module', source: compile(fileURLToPath(url)), shortCircuit: true };
  },
});
