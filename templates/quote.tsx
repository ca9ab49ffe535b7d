// quote (default): the headline over the story's key quote with its attribution, under the masthead.
import { defineTemplate } from '../src/render/template.ts';
import { Attribution, Body, byFormat, Card, domainOf, Fit, formatDate, Masthead, Rule, sides } from './_kit.tsx';

/** The type scale and spacing for each format, px. */
const SCALE = {
  wide: {
    pad: 60,
    top: 56,
    bottom: 52,
    bar: 14,
    mast: 22,
    head: [30, 108],
    solo: 184,
    quote: [22, 42],
    attr: 24,
    foot: 20,
    gap: 26,
    rule: 6,
  },
  square: {
    pad: 84,
    top: 80,
    bottom: 76,
    bar: 16,
    mast: 28,
    head: [40, 124],
    solo: 200,
    quote: [28, 54],
    attr: 30,
    foot: 26,
    gap: 44,
    rule: 8,
  },
  portrait: {
    pad: 88,
    top: 96,
    bottom: 88,
    bar: 16,
    mast: 30,
    head: [44, 136],
    solo: 240,
    quote: [30, 60],
    attr: 32,
    foot: 28,
    gap: 52,
    rule: 8,
  },
  // 9:16 keeps clear of the platform's own chrome: the account line on top, the reply bar below.
  story: {
    pad: 92,
    top: 210,
    bottom: 250,
    bar: 18,
    mast: 34,
    head: [50, 160],
    solo: 260,
    quote: [34, 68],
    attr: 36,
    foot: 32,
    gap: 64,
    rule: 10,
  },
} as const;

export default defineTemplate({
  meta: {
    name: 'quote',
    description: 'Headline over the key quote with attribution, under the masthead. The default.',
    sizes: ['og', 'x', 'square', 'portrait', 'story'],
    version: 2,
    wantsQuote: true,
  },

  render(ctx) {
    const { palette: p, story } = ctx;
    const k = byFormat(ctx, SCALE);
    const s = sides(ctx);
    const wide = ctx.format === 'wide';
    return (
      <Card ctx={ctx} background={p.background} style={{ flexDirection: s.row }}>
        <div style={{ display: 'flex', width: k.bar, flexShrink: 0, backgroundColor: p.brand }} />
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            boxSizing: 'border-box',
            width: ctx.size.width - k.bar,
            paddingTop: k.top,
            paddingBottom: k.bottom,
            paddingLeft: k.pad,
            paddingRight: k.pad,
          }}
        >
          <Masthead
            ctx={ctx}
            size={k.mast}
            color={p.brandText}
            dateColor={p.muted}
            date={formatDate(story.publishedAt, story.lang)}
          />
          <Body gap={k.gap}>
            {/* Without a quote the brand rule moves above the headline: the card keeps its accent. */}
            {story.quote ? null : (
              <Rule
                ctx={ctx}
                width={k.rule * 20}
                height={k.rule * 1.5}
                color={p.brand}
                style={{ marginBottom: k.gap }}
              />
            )}
            <Fit
              field="headline"
              font="headline"
              min={k.head[0]}
              max={story.quote ? k.head[1] : k.solo}
              lineHeight={1.1}
              letterSpacing={-0.01}
              color={p.text}
              grow={2}
            />
            {story.quote ? (
              <div style={{ display: 'flex', flexDirection: 'column', marginTop: k.gap }}>
                <div
                  style={{
                    display: 'flex',
                    flexDirection: 'column',
                    [s.at('border')]: `${k.rule}px solid ${p.brand}`,
                    [s.at('padding')]: Math.round(k.gap * (wide ? 1 : 0.75)),
                  }}
                >
                  <Fit
                    field="quote"
                    font="body"
                    quote
                    min={k.quote[0]}
                    max={k.quote[1]}
                    lineHeight={1.34}
                    color={p.text}
                    opacity={0.92}
                    grow={1}
                  />
                </div>
                <Attribution
                  ctx={ctx}
                  size={k.attr}
                  color={p.muted}
                  style={{
                    marginTop: Math.round(k.gap * 0.45),
                    [s.at('margin')]: k.rule + Math.round(k.gap * (wide ? 1 : 0.75)),
                  }}
                />
              </div>
            ) : null}
          </Body>
          <div style={{ display: 'flex', flexDirection: s.row, flexShrink: 0 }}>
            <Fit field="domain" text={domainOf(story.url)} font="body" max={k.foot} color={p.muted} />
          </div>
        </div>
      </Card>
    );
  },
});
