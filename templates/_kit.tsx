// Shared pieces for card templates: the <Fit> slot, mirroring for right-to-left stories, masthead, footer, formatting.
import type { JSXNode } from 'satori/jsx';
import type { FitProps } from '../src/render/slots.ts';
import { Fit } from '../src/render/slots.ts';
import type { Format, TemplateContext } from '../src/render/template.ts';

export type { FitProps, Format, TemplateContext };
export { Fit };

/** Pick the value for the card's format: og and x share `wide`. */
export function byFormat<V extends Record<Format, unknown>>(ctx: TemplateContext, values: V): V[Format] {
  return values[ctx.format];
}

/**
 * Logical sides for a card that reads in `ctx.dir`: `start` is the left edge for English and the right
 * edge for Arabic. Build rows, borders and paddings from these, and a right-to-left story mirrors whole.
 */
export function sides(ctx: TemplateContext) {
  const rtl = ctx.dir === 'rtl';
  const start = rtl ? 'Right' : 'Left';
  const end = rtl ? 'Left' : 'Right';
  return {
    rtl,
    /** flexDirection for a row that starts at the reading edge. */
    row: rtl ? ('row-reverse' as const) : ('row' as const),
    /** alignItems/justifyContent value for the reading edge and the far edge. */
    start: rtl ? ('flex-end' as const) : ('flex-start' as const),
    end: rtl ? ('flex-start' as const) : ('flex-end' as const),
    /** A style key on the reading side: at('padding') → paddingLeft (or paddingRight for Arabic). */
    at: (prop: 'padding' | 'margin' | 'border') => `${prop}${start}`,
    /** A style key on the far side. */
    far: (prop: 'padding' | 'margin' | 'border') => `${prop}${end}`,
  };
}

/**
 * A template's own word in the story's language, from a table keyed by lowercase BCP 47 tags: the story's whole tag
 * first, then shorter ones (zh-hant-tw → zh-tw → zh-hant → zh), then English. Tables hold the words the
 * language's newsrooms print, not translations of ours.
 */
export function wordFor(table: Record<string, string> & { en: string }, lang: string | undefined): string {
  const parts = (lang ?? 'en').toLowerCase().split(/[-_]/);
  // zh-Hant-TW: the whole tag, then language-region (zh-tw), then zh-hant, then zh.
  const tags = [parts.join('-'), ...(parts.length > 2 ? [`${parts[0]}-${parts.at(-1)}`] : [])];
  for (let n = parts.length - 1; n > 0; n--) tags.push(parts.slice(0, n).join('-'));
  for (const tag of tags) {
    const word = table[tag];
    if (word) return word;
  }
  return table.en;
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

/** The card's root: exactly the card's size, padding inside it (satori sizes boxes content-box otherwise). */
export function Card({
  ctx,
  background,
  style,
  children,
}: {
  ctx: TemplateContext;
  background: string;
  style?: Record<string, unknown>;
  children: JSXNode;
}) {
  return (
    <div
      style={{
        display: 'flex',
        boxSizing: 'border-box',
        width: ctx.size.width,
        height: ctx.size.height,
        backgroundColor: background,
        ...style,
      }}
    >
      {children}
    </div>
  );
}

/**
 * The masthead: optional logo, the site name in capitals, and (when given) the date at the far edge.
 * Mirrored for right-to-left stories.
 */
export function Masthead({
  ctx,
  size,
  color,
  dateColor,
  date,
  style,
}: {
  ctx: TemplateContext;
  size: number;
  color: string;
  dateColor?: string;
  date?: string | undefined;
  style?: Record<string, unknown>;
}) {
  const s = sides(ctx);
  const logo = Math.round(size * 1.6);
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: s.row,
        alignItems: 'center',
        justifyContent: 'space-between',
        height: Math.round(size * 1.7),
        flexShrink: 0,
        ...style,
      }}
    >
      <div style={{ display: 'flex', flexDirection: s.row, alignItems: 'center', flexShrink: 1, minWidth: 0 }}>
        {ctx.logo ? (
          <img
            src={ctx.logo}
            alt=""
            width={logo}
            height={logo}
            style={{ objectFit: 'contain', flexShrink: 0, [s.far('margin')]: Math.round(size * 0.55) }}
          />
        ) : null}
        <Fit
          field="siteName"
          text={siteNameOf(ctx)}
          font="body"
          weight={700}
          min={Math.round(size * 0.8)}
          max={size}
          letterSpacing={0.08}
          uppercase
          color={color}
        />
      </div>
      {date ? (
        <Fit
          field="date"
          text={date}
          font="body"
          max={size}
          color={dateColor ?? color}
          style={{ [s.at('margin')]: Math.round(size), flexShrink: 0 }}
        />
      ) : null}
    </div>
  );
}

/**
 * The card's text block: takes the height the masthead and footer leave and centres its slots in it, with `gap`
 * above and below, so what a short headline leaves is shared evenly instead of pooling at one end.
 */
export function Body({ gap, children }: { gap: number; children: JSXNode }) {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        flexGrow: 1,
        justifyContent: 'center',
        paddingTop: gap,
        paddingBottom: gap,
      }}
    >
      {children}
    </div>
  );
}

/** "— Name" under a quote, in bold body type, up to two lines. */
export function Attribution({
  ctx,
  size,
  color,
  style,
}: {
  ctx: TemplateContext;
  size: number;
  color: string;
  style?: Record<string, unknown>;
}) {
  const name = ctx.story.quoteAuthor;
  if (!name) return null;
  return (
    <Fit
      field="quoteAuthor"
      text={`— ${name}`}
      font="body"
      weight={700}
      min={Math.round(size * 0.8)}
      max={size}
      maxLines={2}
      lineHeight={1.25}
      color={color}
      style={{ alignSelf: sides(ctx).start, ...style }}
    />
  );
}

/** A brand-coloured rule, the card's accent: a short bar at the reading edge. */
export function Rule({
  ctx,
  width,
  height,
  color,
  style,
}: {
  ctx: TemplateContext;
  width: number;
  height: number;
  color: string;
  style?: Record<string, unknown>;
}) {
  return (
    <div
      style={{
        display: 'flex',
        width,
        height,
        backgroundColor: color,
        flexShrink: 0,
        alignSelf: sides(ctx).start,
        ...style,
      }}
    />
  );
}
