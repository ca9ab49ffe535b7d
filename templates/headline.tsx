// headline: the headline alone, as large as it will go, with the masthead and a brand rule.
import { defineTemplate } from '../src/render/template.ts';
import { box, domainOf, Fitted, Footer, isTall, SiteLine, unit } from './_kit.tsx';

function geometry(width: number, height: number, tall: boolean, u: number) {
  const pad = Math.round((tall ? 88 : 68) * u);
  const masthead = Math.round(24 * u * 1.6);
  const rule = Math.round(10 * u);
  const footer = Math.round(30 * u);
  const gap = Math.round((tall ? 44 : 28) * u);
  return {
    pad,
    masthead,
    rule,
    footer,
    gap,
    innerWidth: width - pad * 2,
    innerHeight: height - pad * 2 - masthead - rule - footer - gap * 3,
  };
}

export default defineTemplate({
  meta: {
    name: 'headline',
    description: 'The headline alone, large, with the masthead and a brand rule. For stories without a quote.',
    sizes: ['og', 'x', 'square', 'portrait', 'story'],
    version: 1,
  },

  boxes({ size }) {
    const u = unit(size);
    const tall = isTall(size);
    const g = geometry(size.width, size.height, tall, u);
    return {
      headline: box(
        'headline',
        g.innerWidth,
        g.innerHeight,
        { min: 38 * u, max: (tall ? 150 : 112) * u },
        { lineHeight: 1.08 },
      ),
    };
  },

  render(ctx) {
    const { size, palette: p, story, headline } = ctx;
    const u = unit(size);
    const tall = isTall(size);
    const g = geometry(size.width, size.height, tall, u);
    return (
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          width: size.width,
          height: size.height,
          padding: g.pad,
          backgroundColor: p.background,
        }}
      >
        <SiteLine ctx={ctx} fontSize={Math.round(24 * u)} color={p.brandText} />
        <div
          style={{
            display: 'flex',
            width: Math.round(120 * u),
            height: g.rule,
            marginTop: g.gap,
            backgroundColor: p.brand,
          }}
        />
        <div
          style={{
            display: 'flex',
            alignItems: tall ? 'center' : 'flex-end',
            height: g.innerHeight,
            marginTop: g.gap,
            marginBottom: g.gap,
          }}
        >
          <Fitted fit={headline} color={p.text} />
        </div>
        <Footer height={g.footer} fontSize={Math.round(22 * u)} color={p.muted}>
          {[story.author, domainOf(story.url)].filter(Boolean).join('  ·  ')}
        </Footer>
      </div>
    );
  },
});
