// quote (default): the headline over the story's key quote with its attribution, under the masthead.
import { defineTemplate } from '../src/render/template.ts';
import {
  Attribution,
  box,
  domainOf,
  Fitted,
  FONT_FAMILIES,
  Footer,
  formatDate,
  isTall,
  quoteMarks,
  SiteLine,
  unit,
} from './_kit.tsx';

const SIZES = ['og', 'x', 'square', 'portrait', 'story'] as const;

function geometry(width: number, height: number, tall: boolean, u: number) {
  const bar = Math.round(14 * u);
  const pad = Math.round((tall ? 80 : 60) * u);
  const masthead = Math.round(22 * u * 1.6);
  const footer = Math.round(30 * u);
  const gap = Math.round((tall ? 40 : 22) * u);
  const innerWidth = width - bar - pad * 2;
  const innerHeight = height - pad * 2 - masthead - footer - gap * 2;
  return { bar, pad, masthead, footer, gap, innerWidth, innerHeight };
}

export default defineTemplate({
  meta: {
    name: 'quote',
    description: 'Headline over the key quote with attribution, under the masthead. The default.',
    sizes: SIZES,
    version: 1,
    wantsQuote: true,
  },

  boxes({ story, size }) {
    const u = unit(size);
    const tall = isTall(size);
    const g = geometry(size.width, size.height, tall, u);
    const attribution = story.quoteAuthor ? Math.round(28 * u * 1.5) : 0;
    const rule = Math.round(6 * u) + Math.round(26 * u); // quote's left rule and its padding
    if (!story.quote) {
      return { headline: box('headline', g.innerWidth, g.innerHeight, { min: 34 * u, max: (tall ? 120 : 84) * u }) };
    }
    const between = Math.round((tall ? 48 : 26) * u);
    const space = g.innerHeight - between - attribution;
    const headlineShare = tall ? 0.55 : 0.62;
    return {
      headline: box('headline', g.innerWidth, space * headlineShare, { min: 30 * u, max: (tall ? 112 : 64) * u }),
      quote: box(
        'body',
        g.innerWidth - rule,
        space * (1 - headlineShare),
        { min: 22 * u, max: (tall ? 54 : 38) * u },
        {
          wrap: quoteMarks(story.lang),
        },
      ),
    };
  },

  render(ctx) {
    const { size, palette: p, story, headline, quote } = ctx;
    const u = unit(size);
    const tall = isTall(size);
    const g = geometry(size.width, size.height, tall, u);
    const date = formatDate(story.publishedAt, story.lang);
    const domain = domainOf(story.url);
    return (
      <div style={{ display: 'flex', width: size.width, height: size.height, backgroundColor: p.background }}>
        <div style={{ display: 'flex', width: g.bar, height: size.height, backgroundColor: p.brand }} />
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            width: size.width - g.bar,
            height: size.height,
            padding: g.pad,
          }}
        >
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', height: g.masthead }}>
            <SiteLine ctx={ctx} fontSize={Math.round(22 * u)} color={p.brandText} />
            {date ? (
              <div
                style={{
                  display: 'flex',
                  fontFamily: FONT_FAMILIES.body,
                  fontSize: Math.round(22 * u),
                  color: p.muted,
                }}
              >
                {date}
              </div>
            ) : null}
          </div>
          <div
            style={{
              display: 'flex',
              flexDirection: 'column',
              justifyContent: tall ? 'center' : 'flex-start',
              height: g.innerHeight,
              marginTop: g.gap,
              marginBottom: g.gap,
            }}
          >
            <Fitted fit={headline} color={p.text} />
            {quote ? (
              <div style={{ display: 'flex', flexDirection: 'column', marginTop: Math.round((tall ? 48 : 26) * u) }}>
                <div
                  style={
                    quote.direction === 'rtl'
                      ? {
                          display: 'flex',
                          borderRight: `${Math.round(6 * u)}px solid ${p.brand}`,
                          paddingRight: Math.round(26 * u),
                        }
                      : {
                          display: 'flex',
                          borderLeft: `${Math.round(6 * u)}px solid ${p.brand}`,
                          paddingLeft: Math.round(26 * u),
                        }
                  }
                >
                  <Fitted fit={quote} color={p.text} style={{ opacity: 0.92 }} />
                </div>
                {story.quoteAuthor ? (
                  <Attribution
                    name={story.quoteAuthor}
                    fontSize={Math.round(24 * u)}
                    marginTop={Math.round(10 * u)}
                    color={p.muted}
                    style={{
                      paddingLeft: Math.round(32 * u),
                      paddingRight: Math.round(32 * u),
                      direction: quote.direction,
                    }}
                  />
                ) : null}
              </div>
            ) : null}
          </div>
          <Footer height={g.footer} fontSize={Math.round(20 * u)} color={p.muted}>
            {domain ?? ''}
          </Footer>
        </div>
      </div>
    );
  },
});
