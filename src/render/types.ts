// The render core's vocabulary: sizes, themes, templates, the runtime it is handed, and what it returns.
import type { Story } from '../story/schema.ts';
import type { FittedText } from './fit.ts';

export const SIZES = {
  og: { width: 1200, height: 630, label: 'Open Graph (Facebook, LinkedIn, Slack, Discord, iMessage)' },
  x: { width: 1200, height: 600, label: 'X / Twitter summary_large_image (2:1)' },
  square: { width: 1080, height: 1080, label: 'Square (Instagram, Mastodon, Bluesky)' },
  portrait: { width: 1080, height: 1350, label: 'Portrait 4:5 (Instagram feed)' },
  story: { width: 1080, height: 1920, label: 'Story 9:16 (Instagram, TikTok)' },
} as const;

export type SizeName = keyof typeof SIZES;
export const SIZE_NAMES = Object.keys(SIZES) as SizeName[];
export const isSizeName = (s: unknown): s is SizeName => typeof s === 'string' && s in SIZES;

export interface Theme {
  mode: 'light' | 'dark';
  /** Brand colour as #rgb or #rrggbb. */
  brandColor: string;
  /** Shown on the card when the story has no siteName. */
  siteName?: string;
  /** http(s) or data: URL of a logo; a failure to fetch it drops the logo, never the card. */
  logoUrl?: string;
}

export interface FieldReport {
  fontSize: number;
  lines: number;
  truncated: boolean;
}

export interface RenderReport {
  template: string;
  size: SizeName;
  width: number;
  height: number;
  bytes: number;
  ms: number;
  fields: { headline: FieldReport; quote?: FieldReport };
}

export interface RenderRequest {
  template?: string;
  story: Story;
  size?: SizeName;
  theme?: Partial<Theme>;
}

export interface RenderResult {
  svg: string;
  png: Uint8Array;
  report: RenderReport;
  /** The fitted text as drawn (possibly clamped), with its box: for the studio and for overflow checks. */
  fitted: { headline: FittedText; quote?: FittedText };
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
  /** SVG → PNG bytes at the SVG's own size. Frees native/wasm memory before returning. */
  svgToPng(svg: string): Promise<Uint8Array>;
  /** Bytes of a file in fonts/ (e.g. "Inter-Bold.woff"); cached by the adapter. */
  loadFont(file: string): Promise<ArrayBuffer>;
  /** Fetch a remote image (http(s) only, size/time limited, content type checked) as a data: URI, or null. */
  fetchImage(url: string): Promise<string | null>;
}
