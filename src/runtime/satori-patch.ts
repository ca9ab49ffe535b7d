// The plain answer when patches/satori.mjs has not run (installed with --ignore-scripts, or node_modules copied
// from elsewhere): without it workerd cannot start harfbuzz and right-to-left marks are drawn mirrored, so the
// runtimes refuse to render and say what to run, instead of failing deep inside satori or drawing wrong cards.

export class SatoriUnpatched extends Error {
  override name = 'SatoriUnpatched';
  constructor(detail: string) {
    super(
      `satori is not patched for storycard (${detail}): patches/satori.mjs runs on npm install, but not with ` +
        '--ignore-scripts. Run `node patches/satori.mjs` (or `npm run postinstall`) and start again.',
    );
  }
}

/** The marker patches/satori.mjs writes into satori's folder once every file is patched and verified. */
export const PATCH_MARKER = '.storycard-patched.json';

/** patches/satori.mjs's PATCH_LEVEL: the edits this checkout's renderer relies on (C: font choice per code point). */
export const PATCH_LEVEL = 3;

/** Why the marker's text (null: no marker) does not vouch for this checkout's patch, or null when it does. */
export function patchProblem(marker: string | null): string | null {
  if (marker === null) return `no ${PATCH_MARKER} in its folder`;
  let level: unknown;
  try {
    level = (JSON.parse(marker) as { patch?: unknown }).patch;
  } catch {
    return `${PATCH_MARKER} is not JSON`;
  }
  if (level === PATCH_LEVEL) return null;
  return `patched by another version of patches/satori.mjs (level ${typeof level === 'number' ? level : 'none'}, this checkout needs ${PATCH_LEVEL})`;
}
