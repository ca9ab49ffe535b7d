// The studio's warnings: what a designer should act on before a card ships (truncation, contrast, file size, quote).
import { describeMissing } from '../render/coverage.ts';
import type { TemplateMeta } from '../render/template.ts';
import { contrastRatio, palette } from '../render/theme.ts';
import type { RenderReport, Theme } from '../render/types.ts';
import type { Story } from '../story/schema.ts';
import { PLATFORM_LIMITS } from './platform-limits.ts';

export interface StudioWarning {
  code: 'truncated' | 'contrast' | 'too_large' | 'missing_quote' | 'quote_unused' | 'missing_glyphs';
  /** The form field the designer changes to fix it. */
  field: 'headline' | 'quote' | 'quoteAuthor' | 'siteName' | 'author' | 'brandColor' | 'template' | 'size';
  message: string;
}

/** WCAG 2.x AA for normal-size text. Card text is often large, but the site line and bylines are not. */
export const WCAG_AA = 4.5;

const ratio = (r: number) => `${(Math.floor(r * 100) / 100).toFixed(2)}:1`;
const kb = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(2)} MB` : `${Math.round(n / 1000)} KB`);

/** Every warning for one render; an empty list means the card is ready to ship. */
export function studioWarnings(input: { story: Story; theme: Theme; meta: TemplateMeta; report: RenderReport }) {
  const { story, theme, meta, report } = input;
  const out: StudioWarning[] = [];

  // Every story field a card draws may be cut (a long byline or site name too); the template's own words are not the editor's.
  for (const field of ['headline', 'quote', 'quoteAuthor', 'siteName', 'author'] as const) {
    const f = report.fields[field];
    if (f?.truncated) {
      out.push({
        code: 'truncated',
        field,
        message: `The ${field} is cut off after ${f.lines} line${f.lines === 1 ? '' : 's'} at the smallest size (${f.fontSize}px) and ends in an ellipsis ("${f.lineTexts.at(-1) ?? ''}"): shorten it, or pick a taller size or another template.`,
      });
    }
  }

  // Boxes where letters should be: satori draws .notdef for a character no bundled face covers, and says nothing.
  const STORY_FIELDS = ['headline', 'quote', 'quoteAuthor', 'siteName', 'author'] as const;
  const byField = new Map<StudioWarning['field'], RenderReport['missingGlyphs']>();
  for (const m of report.missingGlyphs) {
    // A slot of the template's own (kicker, date, footer) is fixed in the template, not in a story field.
    const field = (STORY_FIELDS as readonly string[]).includes(m.field)
      ? (m.field as StudioWarning['field'])
      : 'template';
    byField.set(field, [...(byField.get(field) ?? []), m]);
  }
  for (const [field, missing] of byField) {
    const what = missing.length === 1 ? '1 character' : `${missing.length} characters`;
    out.push({
      code: 'missing_glyphs',
      field,
      message: `The card draws a box for ${what} no bundled font covers: ${describeMissing(missing)}. Replace or remove ${missing.length === 1 ? 'it' : 'them'}; fonts/README.md lists the scripts the card can draw.`,
    });
  }

  if (meta.wantsQuote && !story.quote) {
    out.push({
      code: 'missing_quote',
      field: 'quote',
      message: `The ${meta.name} template is designed around a quote and this story has none: add one, or use a template like headline.`,
    });
  } else if (story.quote && !report.fields.quote) {
    out.push({
      code: 'quote_unused',
      field: 'template',
      message: `The ${meta.name} template does not draw the quote: pick a template with a quote if it matters.`,
    });
  }

  out.push(...contrastWarnings(theme));

  // Only a file has a weight: the live preview is SVG (and auto picks a JPEG when a PNG would be too heavy).
  for (const limit of report.format === 'svg' ? [] : PLATFORM_LIMITS) {
    if (report.bytes > limit.bytes) {
      out.push({
        code: 'too_large',
        field: 'size',
        message: `The ${report.format.toUpperCase()} is ${kb(report.bytes)}: over ${limit.platform}'s ${kb(limit.bytes)} limit for a ${limit.what}.`,
      });
    }
  }
  return out;
}

/** Text/background pairs the palette draws, checked against WCAG AA; the brand colour is the usual culprit. */
export function contrastWarnings(theme: Theme): StudioWarning[] {
  const p = palette(theme);
  const out: StudioWarning[] = [];
  const bg = `the ${theme.mode} background ${p.background}`;

  const brandOnBg = contrastRatio(p.brand, p.background);
  if (brandOnBg < WCAG_AA) {
    const drawn = contrastRatio(p.brandText, p.background);
    out.push({
      code: 'contrast',
      field: 'brandColor',
      message: `Brand colour ${p.brand} as text on ${bg} is ${ratio(brandOnBg)}, below WCAG AA (${WCAG_AA}:1). Brand-coloured text is drawn in ${p.brandText.toUpperCase()} instead (${ratio(drawn)}), so the card will not match your brand exactly: pick a ${theme.mode === 'light' ? 'darker' : 'lighter'} brand colour.`,
    });
  }
  const onBrand = contrastRatio(p.onBrand, p.brand);
  if (onBrand < WCAG_AA) {
    out.push({
      code: 'contrast',
      field: 'brandColor',
      message: `Text on brand-coloured fills (${p.onBrand} on ${p.brand}) is ${ratio(onBrand)}, below WCAG AA (${WCAG_AA}:1): mid-tone brand colours read badly under both black and white text.`,
    });
  }
  for (const [name, color] of [
    ['Body text', p.text],
    ['Secondary text', p.muted],
  ] as const) {
    const r = contrastRatio(color, p.background);
    if (r < WCAG_AA) {
      out.push({
        code: 'contrast',
        field: 'brandColor',
        message: `${name} (${color}) on ${bg} is ${ratio(r)}, below WCAG AA (${WCAG_AA}:1): the ${theme.mode} palette in src/render/theme.ts needs a fix.`,
      });
    }
  }
  return out;
}
