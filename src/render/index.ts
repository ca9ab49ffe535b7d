// The pure render core: (template, story, size, theme, runtime) → { svg, png, report }. No I/O of its own.
import { StorycardError } from '../errors.ts';
import type { Story } from '../story/schema.ts';
import { checkBudget } from './budget.ts';
import { compose, type FittedField, type FittedFields } from './compose.ts';
import { loadGlyphCoverage, type MissingGlyph, missingGlyphs } from './coverage.ts';
import { inlineEmoji } from './emoji-svg.ts';
import { encodeCard } from './encode.ts';
import { emojiLoader, FONTS_VERSION, type FontLoader, fontsFor } from './fonts.ts';
import { drawPhoto } from './photo-scale.ts';
import type { TemplateRegistry } from './registry.ts';
import { putBackInTree, standInFor } from './stand-in.ts';
import { formatOf, type TemplateContext, type TemplateDefinition, type TemplateMeta } from './template.ts';
import { textDirection } from './text.ts';
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
export {
  describeMissing,
  type GlyphCoverage,
  loadGlyphCoverage,
  type MissingGlyph,
  missingGlyphs,
  storyMissingGlyphs,
} from './coverage.ts';
export { encodeCard, JPEG_QUALITIES } from './encode.ts';
export { contrastRatio, palette, resolveTheme } from './theme.ts';
export { EXTENSION, FORMATS, isFormat, MIME, SIZE_NAMES, SIZES, WEIGHT_BUDGET } from './types.ts';

/** Bump when the core's layout rules change pixels for every template. */
export const RENDER_VERSION = 2;
export { DEFAULT_TEMPLATE, TemplateRegistry } from './registry.ts';

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
export function cardFingerprint(req: RenderRequest, templates: TemplateRegistry): string {
  const template = templates.get(req.template);
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

/** Characters the core may add around story text (quotation marks, ellipsis) and separators templates use. */
const DECORATIONS = '“”„«»‹›「」『』…—·"\u00a0';

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

const report = (f: FittedField): FieldReport => ({
  fontSize: f.fontSize,
  lines: f.lines.length,
  truncated: f.truncated,
  text: f.text,
  lineTexts: f.lines,
});

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** A card laid out and ready to draw: the satori element, its options and the fitted text. */
export interface ComposedCard {
  template: TemplateMeta;
  size: { name: SizeName; width: number; height: number };
  element: unknown;
  /** Satori options (fonts, emoji loader, width, height) for drawing `element`. */
  options: Record<string, unknown>;
  fitted: FittedFields;
  /** Images the template asked for whose fetch failed: the card is drawn without them (and must not be kept). */
  missing: ('image' | 'logo')[];
  /** The template drew the story's photograph (it asked for one and the fetch gave it). */
  photo: boolean;
  /** The card drawn as SVG: composing draws it once to check the ink against the slots. */
  svg: string;
  /** ms of that draw (satori with glyph outlines). */
  drawMs: number;
  /** Characters of the drawn text no bundled face covers (drawn as boxes). */
  missingGlyphs: MissingGlyph[];
}

/** Choose fonts, fetch images and fit the text: everything but drawing. */
export async function composeCard(
  req: RenderRequest,
  runtime: RenderRuntime,
  templates: TemplateRegistry,
): Promise<ComposedCard> {
  const template = templates.get(req.template);
  const size = resolveSize(template, req.size);
  const theme = resolveTheme(req.theme);
  const story = req.story;
  checkBudget(story, theme.siteName); // 422 before any work, not after seconds of it

  const coverText = cardText(story, story.siteName ?? theme.siteName);
  const [fonts, coverage, image, logo] = await Promise.all([
    fontsFor(coverText, loaderFor(runtime), { lang: story.lang }),
    loadGlyphCoverage(loaderFor(runtime)),
    template.meta.usesImage && story.imageUrl ? runtime.fetchImage(story.imageUrl) : null,
    theme.logoUrl ? runtime.fetchImage(theme.logoUrl) : null,
  ]);
  const emoji = emojiLoader(loaderFor(runtime));
  const loadAdditionalAsset = async (code: string, segment: string) => {
    if (code === 'emoji') return (await emoji(segment)) ?? [];
    return [];
  };
  let options: Record<string, unknown> = { fonts, loadAdditionalAsset };

  const lang = (story.lang ?? 'en').toLowerCase().split('-')[0] || 'en';
  // The photo's megabytes of base64 would go through every layout pass and the draw: its stand-in goes instead
  // (same width and height, no pixels), and the photo is put back into the drawn SVG and the element once.
  const standIn = image ? standInFor(image) : null;
  const ctx: TemplateContext = {
    story,
    theme,
    palette: palette(theme),
    size,
    format: formatOf(size.name),
    dir: textDirection(story.headline),
    lang,
    image: standIn ?? image,
    logo,
  };
  const composed = await compose({
    tree: template.render(ctx),
    story,
    lang,
    width: size.width,
    height: size.height,
    template: template.meta.name,
    runtime,
    // Templates draw words of their own (a "速報" kicker, a date in Japanese): make sure fonts cover them too.
    options: async (drawn) => {
      if (![...drawn].every((ch) => coverText.includes(ch))) {
        options = {
          ...options,
          fonts: await fontsFor(`${coverText} ${drawn}`, loaderFor(runtime), { lang: story.lang }),
        };
      }
      return options;
    },
  });
  const missing: ComposedCard['missing'] = [];
  if (template.meta.usesImage && story.imageUrl && !image) missing.push('image');
  if (theme.logoUrl && !logo) missing.push('logo');
  // Checked against the faces' cmaps, slot by slot, on exactly the text drawn (marks and ellipsis included).
  const drawnFields: [string, string][] = Object.values(composed.fields).flatMap((f) => (f ? [[f.field, f.text]] : []));
  const glyphs = missingGlyphs([...drawnFields, ['template', composed.literal]], coverage);
  return {
    template: template.meta,
    size,
    missing,
    photo: Boolean(template.meta.usesImage && image),
    missingGlyphs: glyphs,
    element: standIn && image ? putBackInTree(composed.element, standIn, image) : composed.element,
    options: { ...options, width: size.width, height: size.height },
    fitted: composed.fields,
    svg: standIn && image ? await drawPhoto(composed.svg, standIn, image, size, runtime) : composed.svg,
    drawMs: composed.drawMs,
  };
}

function reportFor(card: ComposedCard, format: RenderReport['format'], bytes: number, started: number): RenderReport {
  return {
    template: card.template.name,
    size: card.size.name,
    width: card.size.width,
    height: card.size.height,
    format,
    bytes,
    ms: Math.round(now() - started),
    ...(card.missing.length ? { missing: card.missing } : {}),
    missingGlyphs: card.missingGlyphs,
    fields: Object.fromEntries(
      Object.values(card.fitted).flatMap((f) => (f ? [[f.field, report(f)]] : [])),
    ) as RenderReport['fields'],
  };
}

/** Lay out and draw the card as SVG only (previews, `-f svg`): no raster, no encode. */
export async function renderSvg(
  req: RenderRequest,
  runtime: RenderRuntime,
  templates: TemplateRegistry,
): Promise<SvgResult> {
  const started = now();
  const card = await composeCard(req, runtime, templates);
  const composed = now();
  // Composing drew the card once already (to check its ink). Emoji as one <symbol> each instead of an image
  // document per use: resvg parses each emoji once.
  const { svg } = inlineEmoji(card.svg);
  const drawn = now();
  const bytes = new TextEncoder().encode(svg).byteLength;
  return {
    svg,
    report: reportFor(card, 'svg', bytes, started),
    fitted: card.fitted,
    complete: card.missing.length === 0,
    photo: card.photo,
    // Composing's last satori call is the draw: counted as drawing, not composing.
    timings: { compose: composed - started - card.drawMs, draw: card.drawMs + drawn - composed, raster: 0, encode: 0 },
  };
}

/** Lay out, draw and encode the card in `req.format` (default png; `svg` draws only). */
export async function renderCard(
  req: RenderRequest,
  runtime: RenderRuntime,
  templates: TemplateRegistry,
): Promise<RenderResult> {
  const format = req.format ?? 'png';
  const drawn = await renderSvg(req, runtime, templates);
  if (format === 'svg') return { ...drawn, image: new TextEncoder().encode(drawn.svg), format: 'svg' };
  const started = now() - drawn.timings.compose - drawn.timings.draw;
  const encoded = await encodeCard(drawn.svg, drawn.report.size, format, runtime, { photo: drawn.photo });
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
