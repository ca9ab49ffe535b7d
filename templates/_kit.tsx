// Shared pieces for card templates: fitted text, scale, site line, and small formatting helpers.
import type { FittedText, TextBox } from '../src/render/fit.ts';
import { textStyle } from '../src/render/fit.ts';
import { FONT_FAMILIES } from '../src/render/fonts.ts';
import type { Frame, TemplateContext } from '../src/render/template.ts';

export { FONT_FAMILIES };

/** One unit = 1px on a 1200-wide card; every measurement scales with the card's width. */
export const unit = (size: Frame) => size.width / 1200;
/** Square and taller: stacked layouts with bigger type and vertically centred content. */
export const isTall = (size: Frame) => size.height / size.width > 0.9;

/** Draw text exactly as it was measured: same width, size, line height and wrapping rules. */
export function Fitted({ fit, color, style }: { fit: FittedText; color: string; style?: Record<string, unknown> }) {
  return <div style={{ ...textStyle(fit.box, fit.fontSize, fit.direction), color, ...style }}>{fit.text}</div>;
}

/** A text box with the template's typography; width/height come from the layout. */
export function box(
  kind: 'headline' | 'body',
  width: number,
  height: number,
  sizes: { min: number; max: number },
  extra: Partial<TextBox> = {},
): TextBox {
  const headline = kind === 'headline';
  return {
    width: Math.floor(width),
    height: Math.floor(height),
    minSize: Math.round(sizes.min),
    maxSize: Math.round(sizes.max),
    lineHeight: headline ? 1.12 : 1.36,
    fontFamily: headline ? FONT_FAMILIES.headline : FONT_FAMILIES.body,
    fontWeight: headline ? 700 : 400,
    letterSpacing: headline ? -0.01 : 0,
    ...extra,
  };
}

/** Quotation marks in the story's language: “…” „…“ « … » 「…」. */
export function quoteMarks(lang: string | undefined): (s: string) => string {
  const l = (lang ?? 'en').toLowerCase().split('-')[0];
  if (l === 'de') return (s) => `„${s}“`;
  if (l === 'fr') return (s) => `« ${s} »`;
  if (l === 'ja' || l === 'zh') return (s) => `「${s}」`;
  // Hebrew presses use plain double quotes, which read the same in either direction.
  if (l === 'he' || l === 'yi') return (s) => `"${s}"`;
  if (['ar', 'fa', 'ur', 'es', 'it', 'pt', 'ru', 'uk'].includes(l ?? '')) return (s) => `«${s}»`;
  return (s) => `“${s}”`;
}

export function domainOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export function siteNameOf(ctx: TemplateContext): string | undefined {
  return ctx.story.siteName ?? ctx.theme.siteName ?? domainOf(ctx.story.url);
}

/** "10 Feb 2025" in the story's language; deterministic (UTC), so renders never differ by clock or zone. */
export function formatDate(iso: string | undefined, lang: string | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return undefined;
  try {
    return new Intl.DateTimeFormat(lang ?? 'en', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

/** The masthead line: optional logo, then the site name in the brand colour. */
export function SiteLine({ ctx, fontSize, color }: { ctx: TemplateContext; fontSize: number; color: string }) {
  const name = siteNameOf(ctx);
  return (
    <div style={{ display: 'flex', alignItems: 'center', height: Math.round(fontSize * 1.6) }}>
      {ctx.logo ? (
        <img
          src={ctx.logo}
          alt=""
          height={Math.round(fontSize * 1.5)}
          width={Math.round(fontSize * 1.5)}
          style={{ objectFit: 'contain', marginRight: Math.round(fontSize * 0.5) }}
        />
      ) : null}
      {name ? (
        <div
          style={{
            display: 'flex',
            fontFamily: FONT_FAMILIES.body,
            fontWeight: 700,
            fontSize,
            letterSpacing: '0.08em',
            textTransform: 'uppercase',
            color,
            maxWidth: '100%',
            overflow: 'hidden',
            whiteSpace: 'nowrap',
            textOverflow: 'ellipsis',
          }}
        >
          {name}
        </div>
      ) : null}
    </div>
  );
}

/** The bottom line of a card (source, date, domain): one line of small body type on the bottom edge. */
export function Footer({
  height,
  fontSize,
  color,
  bold,
  justify,
  children,
}: {
  height: number;
  fontSize: number;
  color: string;
  bold?: boolean;
  justify?: 'flex-start' | 'flex-end';
  children: string;
}) {
  return (
    <div
      style={{
        display: 'flex',
        height,
        alignItems: 'flex-end',
        justifyContent: justify ?? 'flex-start',
        fontFamily: FONT_FAMILIES.body,
        fontSize,
        color,
        ...(bold ? { fontWeight: 700, letterSpacing: '0.02em' } : {}),
      }}
    >
      {children}
    </div>
  );
}

/** "— Name" under a quote, in bold body type. */
export function Attribution({
  name,
  fontSize,
  marginTop,
  color,
  style,
}: {
  name: string;
  fontSize: number;
  marginTop: number;
  color: string;
  style?: Record<string, unknown>;
}) {
  return (
    <div
      style={{ display: 'flex', marginTop, ...style, fontFamily: FONT_FAMILIES.body, fontWeight: 700, fontSize, color }}
    >
      {`— ${name}`}
    </div>
  );
}
