// A card's vocabulary, shared by the story layer (signed card URLs, API schemas) and the renderer: its sizes, the
// theme a newsroom picks, and what a brand colour may be. Neither layer owns it, so neither imports the other for it.

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

/**
 * A brand colour: #rgb or #rrggbb, either case. Written without the `i` flag on purpose: /openapi.json prints the
 * pattern as JSON Schema, which has no flags, so the one rule reads the same to a client as to our validators.
 */
export const HEX_COLOUR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
export const HEX_COLOUR_EXPECTED = 'a hex colour like #C8102E';
