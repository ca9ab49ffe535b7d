// The workerd adapter inside real workerd: fonts from static assets, satori with harfbuzz shaping, resvg-wasm to PNG.
// A dependency bump that breaks wasm loading (satori's harfbuzz loader above all) fails here, not in production.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { StorycardError } from '../../src/errors.ts';
import { createWorkerdRuntime } from '../../src/runtime/workerd.ts';

const assets = (env as unknown as { ASSETS: Fetcher }).ASSETS;
const runtime = createWorkerdRuntime({ assets });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZWNJ = '\u200c'; // zero-width non-joiner: keeps Arabic letters in their isolated forms

async function fonts() {
  return [
    { name: 'Inter', data: await runtime.loadFont('inter-400.woff'), weight: 400 as const, style: 'normal' as const },
    {
      name: 'Arabic',
      data: await runtime.loadFont('noto-sans-arabic-400.woff'),
      weight: 400 as const,
      style: 'normal' as const,
    },
  ];
}

/** A card-like element: plain objects, as satori's JSX runtime would build them. */
function card(latin: string, arabic: string) {
  const line = (fontFamily: string, text: string) => ({
    type: 'div',
    props: { style: { fontFamily }, children: text },
  });
  return {
    type: 'div',
    props: {
      style: {
        display: 'flex',
        flexDirection: 'column',
        width: 600,
        height: 200,
        padding: 24,
        fontSize: 40,
        background: '#fff',
      },
      children: [line('Inter', latin), line('Arabic', arabic)],
    },
  };
}

async function svgOf(element: unknown, width = 600, height = 200): Promise<string> {
  return runtime.satori(element, { width, height, fonts: await fonts() });
}

/** Horizontal extent of all glyph outlines in an SVG (satori writes absolute x,y pairs). */
function inkWidth(svg: string): number {
  const xs = [...svg.matchAll(/<path[^>]* d="([^"]+)"/g)].flatMap((m) =>
    (m[1]!.match(/-?\d*\.?\d+(?:e-?\d+)?/g) ?? []).map(Number).filter((_, i) => i % 2 === 0),
  );
  return Math.max(...xs) - Math.min(...xs);
}

describe('workerd render runtime', () => {
  it('draws Latin and Arabic text as glyph paths', async () => {
    const svg = await svgOf(card('Storycard ships', 'مرحبا بالعالم'));
    expect(svg).toMatch(/^<svg width="600" height="200"/);
    expect(svg.match(/<path[^>]* d="M[^"]{200,}"/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('shapes Arabic with harfbuzz: letters join and lam-alef becomes a ligature', async () => {
    const arabic = async (text: string) => inkWidth(await svgOf(card('', text)));
    // Joined beh-beh-beh (initial, medial, final forms) is far narrower than three isolated behs.
    expect(await arabic('ببب')).toBeLessThan((await arabic(`ب${ZWNJ}ب${ZWNJ}ب`)) * 0.7);
    expect(await arabic('لا')).toBeLessThan((await arabic(`ل${ZWNJ}ا`)) * 0.8);
  });

  it('turns the SVG into a PNG of the same size', async () => {
    const png = await runtime.svgToPng(await svgOf(card('Storycard ships', 'مرحبا بالعالم'), 600, 200));
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const ihdr = new DataView(png.buffer, png.byteOffset + 16, 8);
    expect([ihdr.getUint32(0), ihdr.getUint32(4)]).toEqual([600, 200]);
  });

  it('renders the same card to the same bytes twice', async () => {
    const render = async () => runtime.svgToPng(await svgOf(card('Same input', 'نفس المدخلات')));
    const [a, b] = [await render(), await render()];
    expect(a.byteLength).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  });

  it('reads fonts from static assets and refuses paths outside fonts/', async () => {
    const woff = new Uint8Array(await runtime.loadFont('inter-400.woff'));
    expect(new TextDecoder().decode(woff.subarray(0, 4))).toBe('wOFF');
    await expect(runtime.loadFont('no-such-font.woff')).rejects.toThrow(/"no-such-font.woff" is not in fonts\//);
    for (const bad of ['../wrangler.toml', '/etc/passwd', '.hidden', 'cjk/../../package.json']) {
      await expect(runtime.loadFont(bad)).rejects.toBeInstanceOf(StorycardError);
    }
    await expect(createWorkerdRuntime({}).loadFont('inter-400.woff')).rejects.toThrow(/no ASSETS binding/);
  });

  it('fetchImage answers null for anything but http(s) or a data: image, without throwing', async () => {
    for (const url of [
      'data:text/html;base64,PGgxPg==',
      'http://127.0.0.1:9/loopback.png',
      'file:///etc/passwd',
      'ftp://example.com/a.png',
      'not a url',
    ]) {
      await expect(runtime.fetchImage(url)).resolves.toBeNull();
    }
  });
});
