// Rebuilds fonts/studio/: the web fonts the studio's platform mock-ups and code fields use, from pinned npm packages.
// Usage: node scripts/fonts-studio.mjs   — then commit fonts/studio/ (faces, index.json, LICENSES/).
//
// Why: the studio must look the same on every machine. A mock-up that asks for Helvetica or Lato gets whatever the
// operating system has (a fresh Debian has neither), so every face the studio names is served by the studio itself.
// Cards never use these (they render with the faces in fonts/index.json), so fonts/studio/ is not part of
// FONTS_VERSION and changing it leaves every card address as it was.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'fonts/studio');
const SRC = join(ROOT, '.tmp/fonts-src');

/**
 * Each face: the platform look it stands in for. Metric-compatible where a platform names a proprietary face
 * (Arimo has Arial's and Helvetica's metrics), the platform's own face where it is free (Slack's Lato, Mastodon's
 * and Telegram's Roboto, Discord's Noto Sans fallback for gg sans).
 */
const FACES = [
  { pkg: '@fontsource/arimo@5.3.0', family: 'Arimo', weights: [400, 700], licence: 'arimo.txt' },
  { pkg: '@fontsource/lato@5.3.0', family: 'Lato', weights: [400, 700], licence: 'lato.txt' },
  { pkg: '@fontsource/noto-sans@5.3.0', family: 'Noto Sans', weights: [400, 600], licence: 'noto-sans.txt' },
  { pkg: '@fontsource/roboto@5.3.0', family: 'Roboto', weights: [400, 500, 700], licence: 'roboto.txt' },
  { pkg: '@fontsource/jetbrains-mono@5.3.0', family: 'JetBrains Mono', weights: [400], licence: 'jetbrains-mono.txt' },
];
/** Latin and Latin Extended only: other scripts fall through to the card faces (Inter, Noto Arabic/Hebrew, CJK). */
const SUBSETS = ['latin', 'latin-ext'];

function pkgDir(spec) {
  const dir = join(SRC, spec.replace(/[@/]/g, '_'));
  if (existsSync(join(dir, 'package/package.json'))) return join(dir, 'package');
  mkdirSync(dir, { recursive: true });
  const out = execFileSync('npm', ['pack', spec, '--json', '--pack-destination', dir], { encoding: 'utf8' });
  const tgz = JSON.parse(out)[0].filename;
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  rmSync(join(dir, tgz));
  return join(dir, 'package');
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'LICENSES'), { recursive: true });
const faces = [];
for (const face of FACES) {
  const dir = pkgDir(face.pkg);
  const unicode = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8'));
  const id = JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')).id;
  for (const weight of face.weights) {
    for (const subset of SUBSETS) {
      const file = `${id}-${subset}-${weight}.woff2`;
      copyFileSync(join(dir, 'files', `${id}-${subset}-${weight}-normal.woff2`), join(OUT, file));
      faces.push({ family: face.family, weight, file: `studio/${file}`, unicodeRange: unicode[subset] });
    }
  }
  copyFileSync(join(dir, 'LICENSE'), join(OUT, 'LICENSES', face.licence));
}
writeFileSync(join(OUT, 'index.json'), `${JSON.stringify({ sources: FACES.map((f) => f.pkg), faces }, null, 1)}\n`);
console.log(`fonts/studio: ${faces.length} files from ${FACES.length} packages`);
