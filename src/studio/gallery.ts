// The studio gallery: signed, expiring tile URLs for every template × size on one sample story, and their checks.
import { SAMPLES } from '../../templates/samples.ts';
import { StorycardError } from '../errors.ts';
import { resolveTheme, type TemplateRegistry } from '../render/index.ts';
import { isSizeName, type RenderRequest, SIZES } from '../render/types.ts';
import { parseStory } from '../story/schema.ts';
import { signParams, verifyParams } from '../story/sign.ts';

// Changes whenever the Worker is rebuilt (wrangler dev restarts the isolate after a template edit), so asset and
// gallery URLs change with it and a reload never shows a stale template from the browser cache. Taken at the first
// request: workerd's clock reads 0 while a module initialises.
let boot: string | undefined;
export const bootId = () => {
  boot ??= Date.now().toString(36);
  return boot;
};

/** Tiles are signed with a key derived from the API token. They draw fixed sample stories only, never free text. */
const galleryKey = (apiToken: string) => `storycard-studio-gallery:${apiToken}`;
const TTL_S = 6 * 3600;

export async function galleryTiles(
  apiToken: string,
  query: { sample?: string; theme?: string; brand?: string },
  templates: TemplateRegistry,
) {
  const sample = query.sample ?? 'demo';
  const theme = query.theme === 'dark' ? 'dark' : 'light';
  // Validated now (a 400 naming theme.brandColor), so every tile URL handed out can render.
  const brand = resolveTheme({ brandColor: query.brand }).brandColor;
  if (!SAMPLES.some((s) => s.id === sample)) {
    const known = SAMPLES.map((s) => s.id).join(', ');
    const message = `sample: expected one of ${known}, received ${JSON.stringify(sample)}`;
    throw new StorycardError('invalid_request', message, {
      issues: [{ path: 'sample', expected: `one of ${known}`, received: JSON.stringify(sample), message }],
    });
  }
  // Rounded to the hour so a reload within the hour reuses the browser's cached tiles.
  const exp = String(Math.ceil(Date.now() / 3_600_000) * 3600 + TTL_S);
  const tiles = await Promise.all(
    templates.list().flatMap((t) =>
      t.sizes.map(async (size) => {
        const entries: [string, string][] = [
          ['template', t.name],
          ['size', size],
          ['sample', sample],
          ['theme', theme],
          ['brand', brand],
          ['v', bootId()],
          ['exp', exp],
        ];
        const url = new URLSearchParams(entries);
        url.set('sig', await signParams(entries, galleryKey(apiToken)));
        return { template: t.name, size, ...SIZES[size], url: `/studio/gallery.png?${url}` };
      }),
    ),
  );
  return { sample, theme, brand, tiles };
}

/** The render a tile URL stands for, once its signature and expiry check out (403 otherwise). */
export async function galleryTile(params: URLSearchParams, apiToken: string | undefined): Promise<RenderRequest> {
  if (!apiToken || !(await verifyParams(params, galleryKey(apiToken)))) {
    throw new StorycardError('forbidden', 'sig: expected a gallery signature issued by /studio/api/gallery');
  }
  // Signed is not enough: the expiry must be a time, and no further off than a link we hand out (exp=never, or a
  // year ahead, signed by anyone holding the token, would never expire).
  const exp = Number(params.get('exp'));
  const now = Date.now() / 1000;
  if (!Number.isInteger(exp) || exp < now || exp > now + TTL_S + 3600) {
    throw new StorycardError(
      'forbidden',
      'exp: this gallery link has expired (or names no time we issue); reload the studio',
    );
  }
  const sample = SAMPLES.find((s) => s.id === params.get('sample'));
  const size = params.get('size');
  if (!sample || !isSizeName(size)) throw new StorycardError('not_found', 'no such gallery tile');
  const theme = resolveTheme({
    mode: params.get('theme') === 'dark' ? 'dark' : 'light',
    brandColor: params.get('brand') ?? undefined,
  });
  return { story: parseStory(sample.story), template: params.get('template') ?? undefined, size, theme };
}
