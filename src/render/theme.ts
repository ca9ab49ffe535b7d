// Themes: light/dark palettes around one brand colour, and the WCAG contrast maths the studio warns with.
import { HEX_COLOUR } from '../card-terms.ts';
import { StorycardError } from '../errors.ts';
import type { Theme } from './types.ts';

export const DEFAULT_BRAND = '#C8102E';

export interface Palette {
  background: string;
  surface: string;
  text: string;
  muted: string;
  rule: string;
  brand: string;
  /** Text drawn on a brand-coloured fill: black or white, whichever reads better. */
  onBrand: string;
  /** Brand colour adjusted (if needed) to be legible as text on the background. */
  brandText: string;
}

export function parseHex(color: string): [number, number, number] {
  const m = HEX_COLOUR.exec(color.trim());
  if (!m?.[1]) throw new Error(`not a hex colour: ${color}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance(color: string): number {
  const [r, g, b] = parseHex(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio between two hex colours, 1..21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(color: string, toward: string, amount: number): string {
  const a = parseHex(color);
  const b = parseHex(toward);
  return `#${a
    .map((v, i) =>
      Math.round(v + ((b[i] as number) - v) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Validate and complete a partial theme; a bad colour is a 400 naming the field. */
export function resolveTheme(input: Partial<Theme> | undefined): Theme {
  const mode = input?.mode ?? 'light';
  if (mode !== 'light' && mode !== 'dark') {
    throw new StorycardError(
      'invalid_request',
      `theme.mode: expected "light" or "dark", received ${JSON.stringify(mode)}`,
      {
        issues: [
          { path: 'theme.mode', expected: '"light" or "dark"', received: JSON.stringify(mode), message: 'bad mode' },
        ],
      },
    );
  }
  const brandColor = input?.brandColor?.trim() || DEFAULT_BRAND;
  if (!HEX_COLOUR.test(brandColor)) {
    const received = JSON.stringify(brandColor);
    throw new StorycardError(
      'invalid_request',
      `theme.brandColor: expected a hex colour like #C8102E, received ${received}`,
      {
        issues: [{ path: 'theme.brandColor', expected: 'a hex colour like #C8102E', received, message: 'bad colour' }],
      },
    );
  }
  const theme: Theme = { mode, brandColor: brandColor.toUpperCase() };
  if (input?.siteName?.trim()) theme.siteName = input.siteName.trim();
  if (input?.logoUrl?.trim()) theme.logoUrl = input.logoUrl.trim();
  return theme;
}

export function palette(theme: Theme): Palette {
  const dark = theme.mode === 'dark';
  const background = dark ? '#0F1115' : '#FBFAF7';
  const text = dark ? '#F4F2EE' : '#14161A';
  const brand = theme.brandColor;
  const onBrand = contrastRatio(brand, '#FFFFFF') >= contrastRatio(brand, '#111111') ? '#FFFFFF' : '#111111';
  // Nudge the brand colour toward the text colour until it is legible on the background (max 10 steps).
  let brandText = brand;
  for (let i = 1; i <= 10 && contrastRatio(brandText, background) < 4.5; i++) brandText = mix(brand, text, i / 10);
  return {
    background,
    surface: dark ? '#181B21' : '#FFFFFF',
    text,
    muted: dark ? '#A7ABB3' : '#5B5F66',
    rule: dark ? '#2A2E36' : '#E3E0D8',
    brand,
    onBrand,
    brandText,
  };
}
