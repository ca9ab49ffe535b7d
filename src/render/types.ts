// The render core's vocabulary: sizes, themes, templates, the runtime it is handed, and what it returns.
import type { SizeName, Theme } from '../card-terms.ts';
import type { Story } from '../story/schema.ts';
import type { FittedFields } from './compose.ts';
import type { MissingGlyph } from './coverage.ts';
import type { Raster } from './png.ts';

// Sizes and themes live in src/card-terms.ts (the story layer needs them too); the render core speaks them as its own.
export { isSizeName, SIZE_NAMES, SIZES, type SizeName, type Theme } from '../card-terms.ts';

/** What a card is written as. `auto`: lossless PNG when it fits the size's weight budget, else JPEG that fits. */
export const FORMATS = ['png', 'jpeg', 'webp', 'svg', 'auto'] as const;
export type Format = (typeof FORMATS)[number];
/** The formats a card image is actually written in (auto resolves to one of these). */
export type ImageFormat = 'png' | 'jpeg' | 'webp';
export const isFormat = (f: unknown): f is Format =>
  typeof f === 'string' && (FORMATS as readonly string[]).includes(f);

export const MIME: Record<ImageFormat | 'svg', string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};
/** File extensions, as card URLs and CLI file names spell them. */
export const EXTENSION: Record<ImageFormat | 'svg', string> = { png: 'png', jpeg: 'jpg', webp: 'webp', svg: 'svg' };

/**
 * Bytes a card may weigh under `auto`: WhatsApp shows no image above about 300 kB; Bluesky refuses thumbnails over
 * 1,000,000 bytes. The tall sizes are for feeds and stories, not link previews.
 */
export const WEIGHT_BUDGET: Record<SizeName, number> = {
  og: 300_000,
  x: 300_000,
  square: 300_000,
  portrait: 1_000_000,
  story: 1_000_000,
};

export interface FieldReport {
  fontSize: number;
  lines: number;
  truncated: boolean;
  /** Exactly what was drawn: the quote's marks, the words, an ellipsis where it was cut. */
  text: string;
  /** The drawn lines, in order. */
  lineTexts: string[];
}

export interface RenderReport {
  template: string;
  size: SizeName;
  width: number;
  height: number;
  /** What was written: png, jpeg, webp or svg (auto resolved). */
  format: ImageFormat | 'svg';
  bytes: number;
  ms: number;
  /** Images the template asked for that could not be drawn (their fetch failed): the card went out without them. */
  missing?: ('image' | 'logo')[];
  /**
   * Every character no bundled face could draw (satori drew a box for it), once per slot and character; empty when
   * everything was drawn. Private-use and unassigned code points are always here.
   */
  missingGlyphs: MissingGlyph[];
  /** Every text slot the card drew (headline, quote, quoteAuthor, siteName, …), by field name. */
  fields: { headline: FieldReport } & Partial<Record<string, FieldReport>>;
}

export interface RenderRequest {
  template?: string;
  story: Story;
  size?: SizeName;
  theme?: Partial<Theme>;
  /** What to write (default png). Not part of the card's fingerprint: every format shows the same pixels. */
  format?: Format;
}

/** A card drawn as SVG: what renderSvg returns and renderCard builds on. */
export interface SvgResult {
  svg: string;
  report: RenderReport;
  /** The fitted text as drawn (possibly clamped), with where each line went: for the studio and ink checks. */
  fitted: FittedFields;
  /** False when an image the template asked for could not be fetched: serve it briefly, never keep it. */
  complete: boolean;
  /** The card draws the story's photograph: `auto` writes it as a JPEG without trying a PNG first. */
  photo: boolean;
  /** ms per stage: compose (fonts, images, fitting), draw (satori), raster (resvg), encode */
  timings: { compose: number; draw: number; raster: number; encode: number };
}

export interface RenderResult extends SvgResult {
  /** The encoded card (PNG, JPEG, WebP, or the SVG's UTF-8 bytes). */
  image: Uint8Array;
  format: ImageFormat | 'svg';
  /** JPEG/WebP quality chosen to fit the weight budget. */
  quality?: number;
}

/** Satori's font shape, without importing satori here. */
export interface FontSpec {
  name: string;
  data: ArrayBuffer;
  weight: 400 | 500 | 600 | 700 | 800 | 900;
  style: 'normal' | 'italic';
  lang?: string;
}

/**
 * What the render core needs from the place it runs. One adapter per runtime (src/runtime/node.ts,
 * src/runtime/workerd.ts) with this same shape; the core itself does no I/O.
 */
export interface RenderRuntime {
  readonly name: 'node' | 'workerd';
  /** satori(element, options) → SVG string, already initialised for this runtime. */
  satori(element: unknown, options: Record<string, unknown>): Promise<string>;
  /** SVG → PNG bytes at the SVG's own size, resvg's own encoder. Frees native/wasm memory before returning. */
  svgToPng(svg: string): Promise<Uint8Array>;
  /** SVG → RGBA pixels (premultiplied, as resvg keeps them) at the SVG's own size. */
  rasterize(svg: string): Promise<Raster>;
  /** zlib deflate (RFC 1950) with the platform's native zlib, at one fixed setting in every runtime. */
  deflate(data: Uint8Array): Promise<Uint8Array>;
  /** Pixels → JPEG / WebP at a quality 1–100, by the same wasm codec in every runtime. */
  encodeJpeg(raster: Raster, quality: number): Promise<Uint8Array>;
  encodeWebp(raster: Raster, quality: number): Promise<Uint8Array>;
  /** Bytes of a file in fonts/ (e.g. "Inter-Bold.woff"); cached by the adapter. */
  loadFont(file: string): Promise<ArrayBuffer>;
  /** Fetch a remote image (http(s) only, size/time limited, content type checked) as a data: URI, or null. */
  fetchImage(url: string): Promise<string | null>;
}
