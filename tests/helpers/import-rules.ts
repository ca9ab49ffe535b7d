// The architecture's import rules (DESIGN.md, README "Architecture") as data and a checker; tests/unit/import-rules.test.ts
// runs them over every file of src/ and templates/.
import { isBuiltin } from 'node:module';
import { posix } from 'node:path';

/** Social-network SDKs: only a poster (src/bot/*-poster.ts) may import one. A new network's SDK goes on this list. */
export const SOCIAL_SDKS = [
  'twitter-api-v2',
  '@atproto/*',
  'masto',
  'grammy',
  'telegraf',
  'node-telegram-bot-api',
  'threads-api',
  'facebook-nodejs-business-sdk',
  'fb',
  'instagram-private-api',
  'instagram-graph-api',
  'linkedin-api-client',
  'node-linkedin',
];

/** What a template may import from src/: the render core's public kit for templates, and the Story it is handed. */
export const TEMPLATE_KIT = [
  'src/render/template.ts',
  'src/render/slots.ts',
  'src/render/registry.ts',
  'src/story/schema.ts',
];

/** Above the render core: it imports none of these (its templates come from its caller). */
const ABOVE_RENDER = [
  'templates/',
  'src/routes/',
  'src/storage/',
  'src/bot/',
  'src/publish/',
  'src/intake/',
  'src/cli/',
  'src/studio/',
  'src/runtime/',
  'src/app.ts',
  'src/index.ts',
  'src/config.ts',
];

export interface Import {
  /** The importing file, relative to the repository root, with forward slashes. */
  from: string;
  /** The specifier as written. */
  specifier: string;
  /** A relative specifier resolved against the repository root; undefined for a package or a builtin. */
  target: string | undefined;
}

/** Every static, re-exported, side-effect and dynamic import of one file (comments removed first). */
export function importsOf(from: string, source: string): Import[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const patterns = [
    /^\s*(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/gm, // import x from '…', export { y } from '…'
    /^\s*import\s*['"]([^'"]+)['"]/gm, // import '…'
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // import('…')
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, // require('…')
  ];
  const found: Import[] = [];
  for (const pattern of patterns) {
    for (const m of code.matchAll(pattern)) {
      const specifier = m[1]!;
      const target = specifier.startsWith('.')
        ? posix.normalize(posix.join(posix.dirname(from), specifier))
        : undefined;
      found.push({ from, specifier, target });
    }
  }
  return found;
}

const isNodeBuiltin = (s: string) => s.startsWith('node:') || isBuiltin(s);
const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
const isSocialSdk = (s: string) => {
  const pkg = packageOf(s);
  return SOCIAL_SDKS.some((sdk) => (sdk.endsWith('/*') ? pkg.startsWith(sdk.slice(0, -1)) : pkg === sdk));
};

export interface Rule {
  name: string;
  /** Why the import breaks the rule, or undefined when it keeps it. */
  check: (i: Import) => string | undefined;
}

export const RULES: Rule[] = [
  {
    name: 'node: modules only in src/runtime/ and src/cli/',
    check: (i) =>
      isNodeBuiltin(i.specifier) && !/^src\/(runtime|cli)\//.test(i.from)
        ? `imports the Node builtin ${i.specifier}: only src/runtime/ and src/cli/ may (take it from the runtime)`
        : undefined,
  },
  {
    name: '.wasm only in src/runtime/',
    check: (i) =>
      /\.wasm$/.test(i.specifier) && !i.from.startsWith('src/runtime/')
        ? `imports the wasm module ${i.specifier}: only src/runtime/ loads wasm (the render core is handed a runtime)`
        : undefined,
  },
  {
    name: 'social SDKs only in src/bot/*-poster.ts',
    check: (i) =>
      isSocialSdk(i.specifier) && !/^src\/bot\/[^/]+-poster\.ts$/.test(i.from)
        ? `imports the social SDK ${i.specifier}: only src/bot/*-poster.ts may`
        : undefined,
  },
  {
    name: 'src/render/ imports nothing above it',
    check: (i) => {
      if (!i.from.startsWith('src/render/') || !i.target) return undefined;
      const above = ABOVE_RENDER.find((a) => (a.endsWith('/') ? i.target!.startsWith(a) : i.target === a));
      return above ? `imports ${i.target}: the render core imports nothing from ${above} (it is handed it)` : undefined;
    },
  },
  {
    name: 'nothing imports src/routes/ but src/app.ts',
    check: (i) =>
      i.target?.startsWith('src/routes/') && i.from !== 'src/app.ts' && !i.from.startsWith('src/routes/')
        ? `imports ${i.target}: only src/app.ts mounts the routes`
        : undefined,
  },
  {
    name: "templates import only render's public kit",
    check: (i) =>
      i.from.startsWith('templates/') && i.target?.startsWith('src/') && !TEMPLATE_KIT.includes(i.target)
        ? `imports ${i.target}: a template may import only ${TEMPLATE_KIT.join(', ')}`
        : undefined,
  },
];

/** Every violation in a set of imports, as `file: rule: why`. */
export function violations(imports: Import[], rules: Rule[] = RULES): string[] {
  return imports.flatMap((i) =>
    rules.flatMap((r) => {
      const why = r.check(i);
      return why ? [`${i.from}: ${r.name}: ${why}`] : [];
    }),
  );
}
