// The pure render core: (template, story, size, theme, runtime) → { svg, png, report }. No I/O of its own.
import templates from '../../templates/index.ts';
import { StorycardError } from '../errors.ts';
import type { Story } from '../story/schema.ts';
import { checkBudget } from './budget.ts';
import { inlineEmoji } from './emoji-svg.ts';
import { encodeCard } from './encode.ts';
import { type FittedText, fitText, type Measure, textStyle } from './fit.ts';
import { emojiLoader, FONTS_VERSION, type FontLoader, fontsFor } from './fonts.ts';
import type { TemplateContext, TemplateDefinition, TemplateMeta } from './template.ts';
import { palette, resolveTheme } from './theme.ts';
import {
  type FieldReport,
  isSizeName,
  type RenderReport,
  type RenderRequest,
  type RenderResult,
  type RenderRuntime,
  SIZES,
  type SizeName,
  type SvgResult,
} from './types.ts';

export { checkBudget, MAX_EMOJI, MAX_GRAPHEMES, MAX_IMAGE_PIXELS } from './budget.ts';
export { encodeCard, JPEG_QUALITIES } from './encode.ts';
export { contrastRatio, palette, resolveTheme } from './theme.ts';
export { EXTENSION, FORMATS, isFormat, MIME, SIZE_NAMES, SIZES, WEIGHT_BUDGET } from './types.ts';

/** Bump when the core's layout rules change pixels for every template. */
export const RENDER_VERSION = 1;
export const DEFAULT_TEMPLATE = 'quote';

const registry = new Map<string, TemplateDefinition>(templates.map((t) => [t.meta.name, t]));

export function listTemplates(): TemplateMeta[] {
  return templates.map((t) => t.meta);
}

export function getTemplate(name: string = DEFAULT_TEMPLATE): TemplateDefinition {
  const t = registry.get(name);
  if (!t) {
    const known = [...registry.keys()].join(', ');
    throw new StorycardError(
      'unknown_template',
      `template: expected one of ${known}, received ${JSON.stringify(name)}`,
      {
        issues: [
          {
            path: 'template',
            expected: `one of ${known}`,
            received: JSON.stringify(name),
            message: 'unknown template',
          },
        ],
      },
    );
  }
  return t;
}

function resolveSize(template: TemplateDefinition, size: unknown) {
  const name = size ?? 'og';
  if (!isSizeName(name) || !template.meta.sizes.includes(name)) {
    const known = template.meta.sizes.join(', ');
    throw new StorycardError('unsupported_size', `size: expected one of ${known}, received ${JSON.stringify(name)}`, {
      issues: [
        { path: 'size', expected: `one of ${known}`, received: JSON.stringify(name), message: 'unsupported size' },
      ],
    });
  }
  return { name, ...SIZES[name] };
}

/** Everything that changes the pixels, as a stable string: hash it for content-addressed card URLs. */
export function cardFingerprint(req: RenderRequest): string {
  const template = getTemplate(req.template);
  const size = resolveSize(template, req.size);
  const theme = resolveTheme(req.theme);
  const { tags: _tags, ...drawn } = req.story;
  const story = Object.fromEntries(Object.entries(drawn).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify({
    r: RENDER_VERSION,
    t: template.meta.name,
    tv: template.meta.version,
    s: size.name,
    f: FONTS_VERSION,
    th: [theme.mode, theme.brandColor, theme.siteName ?? '', theme.logoUrl ?? ''],
    st: story,
  });
}

/** Characters templates add around story text (quotation marks, ellipsis, separators). */
const DECORATIONS = '“”„«»「」…—·"';

/** All text a card may draw, so fonts for every script in it are loaded once. */
function cardText(story: Story, siteName: string | undefined): string {
  return [story.headline, story.quote, story.quoteAuthor, siteName, story.author, story.url, DECORATIONS]
    .filter(Boolean)
    .join(' ');
}

/** One stable loader per runtime, so fonts.ts's per-loader caches survive across renders. */
const loaders = new WeakMap<RenderRuntime, FontLoader>();
function loaderFor(runtime: RenderRuntime): FontLoader {
  let load = loaders.get(runtime);
  if (!load) {
    load = (file) => runtime.loadFont(file);
    loaders.set(runtime, load);
  }
  return load;
}

/** Every string a satori element tree will draw, expanding function components as satori does. */
function textOf(node: unknown, depth = 0): string {
  if (depth > 64 || node == null || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map((n) => textOf(n, depth + 1)).join(' ');
  if (typeof node !== 'object') return '';
  const { type, props } = node as { type?: unknown; props?: Record<string, unknown> };
  if (typeof type === 'function') return textOf((type as (p: unknown) => unknown)(props ?? {}), depth + 1);
  return textOf(props?.children, depth + 1);
}

const report = (f: FittedText): FieldReport => ({ fontSize: f.fontSize, lines: f.lines, truncated: f.truncated });

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** A card laid out and ready to draw: the satori element, its options and the fitted text. */
export interface ComposedCard {
  template: TemplateMeta;
  size: { name: SizeName; width: number; height: number };
  element: unknown;
  /** Satori options (fonts, emoji loader, width, height) for drawing `element`. */
  options: Record<string, unknown>;
  fitted: { headline: FittedText; quote?: FittedText };
  /** Images the template asked for whose fetch failed: the card is drawn without them (and must not be kept). */
  missing: ('image' | 'logo')[];
}

/** Choose fonts, fetch images and fit the text: everything but drawing. */
export async function composeCard(req: RenderRequest, runtime: RenderRuntime): Promise<ComposedCard> {
  const template = getTemplate(req.template);
  const size = resolveSize(template, req.size);
  const theme = resolveTheme(req.theme);
  const story = req.story;
  checkBudget(story, theme.siteName); // 422 before any work, not after seconds of it

  const coverText = cardText(story, story.siteName ?? theme.siteName);
  const [fonts, image, logo] = await Promise.all([
    fontsFor(coverText, loaderFor(runtime), { lang: story.lang }),
    template.meta.usesImage && story.imageUrl ? runtime.fetchImage(story.imageUrl) : null,
    theme.logoUrl ? runtime.fetchImage(theme.logoUrl) : null,
  ]);
  const emoji = emojiLoader(loaderFor(runtime));
  const loadAdditionalAsset = async (code: string, segment: string) => {
    if (code === 'emoji') return (await emoji(segment)) ?? [];
    return [];
  };
  const satoriOptions = { fonts, loadAdditionalAsset };

  const measure: Measure = async (text, fontSize, box, direction) => {
    let height = 0;
    await runtime.satori(
      {
        type: 'div',
        props: {
          style: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', width: box.width },
          children: {
            type: 'div',
            key: 'measured',
            props: { style: textStyle(box, fontSize, direction), children: text },
          },
        },
      },
      {
        ...satoriOptions,
        width: box.width,
        embedFont: false,
        onNodeDetected: (node: { key?: unknown; height: number }) => {
          if (node.key === 'measured') height = node.height;
        },
      },
    );
    return height;
  };

  const ctx: TemplateContext = { story, theme, palette: palette(theme), size, image, logo };
  const boxes = template.boxes(ctx);
  const headline = await fitText(story.headline, boxes.headline, measure);
  // Space the headline did not need flows to the quote, so a short headline leaves room for a long quote.
  const spare = Math.max(
    0,
    Math.floor(boxes.headline.height - headline.lines * headline.fontSize * headline.box.lineHeight),
  );
  const quoteBox = boxes.quote ? { ...boxes.quote, height: boxes.quote.height + spare } : undefined;
  const quote = story.quote && quoteBox ? await fitText(story.quote, quoteBox, measure) : undefined;

  const element = template.render({ ...ctx, headline, ...(quote ? { quote } : {}) });
  // Templates draw words of their own (a "速報" kicker, a date in Japanese): make sure fonts cover them too.
  const drawn = textOf(element);
  const allFonts = [...drawn].every((ch) => coverText.includes(ch))
    ? fonts
    : await fontsFor(`${coverText} ${drawn}`, loaderFor(runtime), { lang: story.lang });
  const missing: ComposedCard['missing'] = [];
  if (template.meta.usesImage && story.imageUrl && !image) missing.push('image');
  if (theme.logoUrl && !logo) missing.push('logo');
  return {
    template: template.meta,
    size,
    missing,
    element,
    options: { ...satoriOptions, fonts: allFonts, width: size.width, height: size.height },
    fitted: { headline, ...(quote ? { quote } : {}) },
  };
}

function reportFor(card: ComposedCard, format: RenderReport['format'], bytes: number, started: number): RenderReport {
  const { headline, quote } = card.fitted;
  return {
    template: card.template.name,
    size: card.size.name,
    width: card.size.width,
    height: card.size.height,
    format,
    bytes,
    ms: Math.round(now() - started),
    ...(card.missing.length ? { missing: card.missing } : {}),
    fields: { headline: report(headline), ...(quote ? { quote: report(quote) } : {}) },
  };
}

/** Lay out and draw the card as SVG only (previews, `-f svg`): no raster, no encode. */
export async function renderSvg(req: RenderRequest, runtime: RenderRuntime): Promise<SvgResult> {
  const started = now();
  const card = await composeCard(req, runtime);
  const composed = now();
  // Emoji as one <symbol> each instead of an image document per use: resvg parses each emoji once.
  const { svg } = inlineEmoji(await runtime.satori(card.element, card.options));
  const drawn = now();
  const bytes = new TextEncoder().encode(svg).byteLength;
  return {
    svg,
    report: reportFor(card, 'svg', bytes, started),
    fitted: card.fitted,
    complete: card.missing.length === 0,
    timings: { compose: composed - started, draw: drawn - composed, raster: 0, encode: 0 },
  };
}

/** Lay out, draw and encode the card in `req.format` (default png; `svg` draws only). */
export async function renderCard(req: RenderRequest, runtime: RenderRuntime): Promise<RenderResult> {
  const format = req.format ?? 'png';
  const drawn = await renderSvg(req, runtime);
  if (format === 'svg') return { ...drawn, image: new TextEncoder().encode(drawn.svg), format: 'svg' };
  const started = now() - drawn.timings.compose - drawn.timings.draw;
  const encoded = await encodeCard(drawn.svg, drawn.report.size, format, runtime);
  const report = { ...drawn.report, format: encoded.format, bytes: encoded.bytes.byteLength };
  report.ms = Math.round(now() - started);
  return {
    ...drawn,
    image: encoded.bytes,
    format: encoded.format,
    ...(encoded.quality ? { quality: encoded.quality } : {}),
    report,
    timings: { ...drawn.timings, raster: encoded.rasterMs, encode: encoded.encodeMs },
  };
}
