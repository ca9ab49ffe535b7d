// headline: the headline alone, as large as it will go, with the masthead and a brand rule.
import { defineTemplate } from '../src/render/template.ts';
import { Body, byFormat, Card, domainOf, Fit, Masthead, Rule, sides } from './_kit.tsx';

const SCALE = {
  wide: { pad: 68, top: 60, bottom: 56, mast: 24, head: [38, 200], rule: [120, 10], foot: 22, gap: 28 },
  square: { pad: 88, top: 84, bottom: 80, mast: 30, head: [44, 210], rule: [150, 12], foot: 28, gap: 44 },
  portrait: { pad: 92, top: 100, bottom: 92, mast: 32, head: [48, 220], rule: [160, 12], foot: 30, gap: 52 },
  story: { pad: 96, top: 210, bottom: 250, mast: 36, head: [52, 240], rule: [180, 14], foot: 34, gap: 64 },
} as const;

export default defineTemplate({
  meta: {
    name: 'headline',
    description: 'The headline alone, large, with the masthead and a brand rule. For stories without a quote.',
    sizes: ['og', 'x', 'square', 'portrait', 'story'],
    version: 2,
  },

  render(ctx) {
    const { palette: p, story } = ctx;
    const k = byFormat(ctx, SCALE);
    const s = sides(ctx);
    const footer = [story.author, domainOf(story.url)].filter(Boolean).join('  ·  ');
    return (
      <Card
        ctx={ctx}
        background={p.background}
        style={{
          flexDirection: 'column',
          paddingTop: k.top,
          paddingBottom: k.bottom,
          paddingLeft: k.pad,
          paddingRight: k.pad,
        }}
      >
        <Masthead ctx={ctx} size={k.mast} color={p.brandText} />
        <Rule ctx={ctx} width={k.rule[0]} height={k.rule[1]} color={p.brand} style={{ marginTop: k.gap }} />
        <Body gap={k.gap}>
          <Fit
            field="headline"
            font="headline"
            min={k.head[0]}
            max={k.head[1]}
            lineHeight={1.06}
            letterSpacing={-0.015}
            color={p.text}
            grow={1}
          />
        </Body>
        <div style={{ display: 'flex', flexDirection: s.row, flexShrink: 0 }}>
          <Fit field="footer" text={footer} font="body" max={k.foot} color={p.muted} />
        </div>
      </Card>
    );
  },
});
