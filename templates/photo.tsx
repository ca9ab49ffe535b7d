// photo: the story's image beside (wide cards) or above (tall cards) the headline and quote; a brand panel when there is no image.
import { defineTemplate, type Frame, type TemplateContext } from '../src/render/template.ts';
import {
  Attribution,
  box,
  domainOf,
  Fitted,
  FONT_FAMILIES,
  Footer,
  isTall,
  quoteMarks,
  SiteLine,
  siteNameOf,
  unit,
} from './_kit.tsx';

function geometry(size: Frame) {
  const u = unit(size);
  const stacked = isTall(size);
  const tall = size.height / size.width > 1.2;
  const square = stacked && !tall;
  const imageW = stacked ? size.width : Math.round(size.width * 0.44);
  const imageH = stacked ? Math.round(size.height * (square ? 0.46 : 0.5)) : size.height;
  const pad = Math.round((stacked ? 64 : 52) * u);
  const textW = (stacked ? size.width : size.width - imageW) - pad * 2;
  const textH = (stacked ? size.height - imageH : size.height) - pad * 2;
  const masthead = Math.round(20 * u * 1.6);
  const footer = Math.round(20 * u * 1.4);
  const gap = Math.round(20 * u);
  return {
    u,
    tall,
    stacked,
    imageW,
    imageH,
    pad,
    textW,
    textH,
    masthead,
    footer,
    gap,
    inner: textH - masthead - footer - gap * 2,
  };
}

function Fallback({ ctx, width, height }: { ctx: TemplateContext; width: number; height: number }) {
  const p = ctx.palette;
  const initial = (siteNameOf(ctx) ?? ctx.story.headline).trim().charAt(0).toUpperCase();
  return (
    <div
      style={{
        display: 'flex',
        width,
        height,
        alignItems: 'center',
        justifyContent: 'center',
        backgroundColor: p.brand,
        backgroundImage: `linear-gradient(135deg, ${p.brand} 0%, ${p.brand} 45%, rgba(0,0,0,0.35) 100%)`,
      }}
    >
      <div
        style={{
          display: 'flex',
          fontFamily: FONT_FAMILIES.headline,
          fontWeight: 700,
          fontSize: Math.round(Math.min(width, height) * 0.62),
          color: p.onBrand,
          opacity: 0.22,
        }}
      >
        {initial}
      </div>
    </div>
  );
}

export default defineTemplate({
  meta: {
    name: 'photo',
    description:
      "The story's photo with the headline and quote; a brand panel with the site's initial when there is no photo.",
    sizes: ['og', 'x', 'square', 'portrait', 'story'],
    version: 1,
    usesImage: true,
  },

  boxes({ story, size }) {
    const g = geometry(size);
    const max = g.tall ? 84 : g.stacked ? 60 : 56;
    if (!story.quote) return { headline: box('headline', g.textW, g.inner, { min: 28 * g.u, max: max * g.u }) };
    const between = Math.round(18 * g.u) + (story.quoteAuthor ? Math.round(20 * g.u * 1.3 + 8 * g.u) : 0);
    const headlineH = Math.round((g.inner - between) * 0.6);
    return {
      headline: box('headline', g.textW, headlineH, { min: 26 * g.u, max: max * g.u }),
      quote: box(
        'body',
        g.textW,
        g.inner - between - headlineH,
        { min: 20 * g.u, max: (g.tall ? 44 : 32) * g.u },
        {
          wrap: quoteMarks(story.lang),
        },
      ),
    };
  },

  render(ctx) {
    const { size, palette: p, story, headline, quote, image } = ctx;
    const g = geometry(size);
    const picture = image ? (
      <img
        src={image}
        alt=""
        width={g.imageW}
        height={g.imageH}
        style={{ objectFit: 'cover', width: g.imageW, height: g.imageH }}
      />
    ) : (
      <Fallback ctx={ctx} width={g.imageW} height={g.imageH} />
    );
    return (
      <div
        style={{
          display: 'flex',
          flexDirection: g.stacked ? 'column' : 'row',
          width: size.width,
          height: size.height,
          backgroundColor: p.background,
        }}
      >
        {picture}
        <div style={{ display: 'flex', flexDirection: 'column', padding: g.pad, flexGrow: 1 }}>
          <SiteLine ctx={ctx} fontSize={Math.round(20 * g.u)} color={p.brandText} />
          <div
            style={{
              display: 'flex',
              flexDirection: 'column',
              height: g.inner,
              marginTop: g.gap,
              marginBottom: g.gap,
              justifyContent: 'center',
            }}
          >
            <Fitted fit={headline} color={p.text} />
            {quote ? (
              <div style={{ display: 'flex', flexDirection: 'column', marginTop: Math.round(18 * g.u) }}>
                <Fitted fit={quote} color={p.muted} />
                {story.quoteAuthor ? (
                  <Attribution
                    name={story.quoteAuthor}
                    fontSize={Math.round(20 * g.u)}
                    marginTop={Math.round(8 * g.u)}
                    color={p.muted}
                  />
                ) : null}
              </div>
            ) : null}
          </div>
          <Footer height={g.footer} fontSize={Math.round(20 * g.u)} color={p.muted}>
            {domainOf(story.url) ?? ''}
          </Footer>
        </div>
      </div>
    );
  },
});
