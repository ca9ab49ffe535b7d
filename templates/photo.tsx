// photo: the story's image beside (wide cards) or above (tall cards) the headline and quote; a brand panel when there is no image.
import { defineTemplate, type TemplateContext } from '../src/render/template.ts';
import { Attribution, Body, byFormat, Card, domainOf, Fit, formatDate, Masthead, sides, siteNameOf } from './_kit.tsx';

const SCALE = {
  // share: the photo's part of the card's width (wide) or height (tall); panel: the brand panel's, when
  // there is no photo (shorter on tall cards: it carries the site's name, not a picture).
  wide: {
    share: 0.44,
    panel: 0.4,
    pad: 52,
    mast: 20,
    head: [26, 60],
    solo: 84,
    quote: [20, 32],
    attr: 20,
    foot: 20,
    gap: 20,
    mark: 40,
  },
  square: {
    share: 0.46,
    panel: 0.34,
    pad: 64,
    mast: 24,
    head: [30, 76],
    solo: 200,
    quote: [24, 40],
    attr: 24,
    foot: 24,
    gap: 26,
    mark: 56,
  },
  portrait: {
    share: 0.48,
    panel: 0.36,
    pad: 72,
    mast: 28,
    head: [34, 92],
    solo: 220,
    quote: [26, 46],
    attr: 26,
    foot: 26,
    gap: 32,
    mark: 64,
  },
  story: {
    share: 0.44,
    panel: 0.34,
    pad: 84,
    mast: 32,
    head: [40, 116],
    solo: 240,
    quote: [30, 54],
    attr: 30,
    foot: 30,
    gap: 40,
    mark: 80,
  },
} as const;

/**
 * No photo (none given, or it could not be fetched): a designed brand panel, not a placeholder. The site's
 * name set as a wordmark on the brand colour over a fine diagonal grain, under the logo (or a rule) and
 * over the date, mirrored for right-to-left.
 */
function BrandPanel({
  ctx,
  width,
  height,
  mark,
}: {
  ctx: TemplateContext;
  width: number;
  height: number;
  mark: number;
}) {
  const p = ctx.palette;
  const s = sides(ctx);
  const name = siteNameOf(ctx);
  const date = formatDate(ctx.story.publishedAt, ctx.story.lang);
  const inset = Math.round(mark * 1.1);
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'flex-end',
        alignItems: s.start,
        boxSizing: 'border-box',
        width,
        height,
        flexShrink: 0,
        padding: inset,
        backgroundColor: p.brand,
        backgroundImage: `repeating-linear-gradient(${s.rtl ? 45 : 135}deg, rgba(255,255,255,0.07) 0px, rgba(255,255,255,0.07) 2px, rgba(0,0,0,0) 2px, rgba(0,0,0,0) ${Math.round(mark * 0.4)}px)`,
      }}
    >
      {ctx.logo ? (
        // On a tile of its own: a logo in the brand colour would vanish into the panel.
        <div
          style={{
            display: 'flex',
            padding: Math.round(mark * 0.22),
            borderRadius: Math.round(mark * 0.2),
            backgroundColor: p.surface,
            marginBottom: Math.round(mark * 0.4),
          }}
        >
          <img
            src={ctx.logo}
            alt=""
            width={Math.round(mark * 1.2)}
            height={Math.round(mark * 1.2)}
            style={{ objectFit: 'contain' }}
          />
        </div>
      ) : (
        <div
          style={{
            display: 'flex',
            width: Math.round(mark * 1.6),
            height: Math.round(mark * 0.16),
            backgroundColor: p.onBrand,
            marginBottom: Math.round(mark * 0.45),
          }}
        />
      )}
      <Fit
        field="panelName"
        text={name}
        font="headline"
        weight={800}
        min={Math.round(mark * 0.6)}
        max={mark}
        maxLines={2}
        lineHeight={1.05}
        letterSpacing={-0.01}
        color={p.onBrand}
        style={{ alignSelf: 'stretch' }}
      />
      {date ? (
        <Fit
          field="panelDate"
          text={date}
          font="body"
          max={Math.round(mark * 0.42)}
          color={p.onBrand}
          opacity={0.85}
          style={{ marginTop: Math.round(mark * 0.3) }}
        />
      ) : null}
    </div>
  );
}

export default defineTemplate({
  meta: {
    name: 'photo',
    description: "The story's photo with the headline and quote; a designed brand panel when there is no photo.",
    sizes: ['og', 'x', 'square', 'portrait', 'story'],
    version: 2,
    usesImage: true,
  },

  render(ctx) {
    const { size, palette: p, story, image } = ctx;
    const k = byFormat(ctx, SCALE);
    const s = sides(ctx);
    const wide = ctx.format === 'wide';
    const share = image ? k.share : k.panel;
    const imageW = wide ? Math.round(size.width * share) : size.width;
    const imageH = wide ? size.height : Math.round(size.height * share);
    const picture = image ? (
      <img
        src={image}
        alt=""
        width={imageW}
        height={imageH}
        style={{ objectFit: 'cover', width: imageW, height: imageH, flexShrink: 0 }}
      />
    ) : (
      <BrandPanel ctx={ctx} width={imageW} height={imageH} mark={k.mark} />
    );
    return (
      <Card ctx={ctx} background={p.background} style={{ flexDirection: wide ? s.row : 'column' }}>
        {picture}
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            boxSizing: 'border-box',
            width: wide ? size.width - imageW : size.width,
            flexGrow: 1,
            padding: k.pad,
            ...(ctx.format === 'story' ? { paddingBottom: 250 } : {}),
          }}
        >
          {/* The brand panel already names the site. */}
          {image ? <Masthead ctx={ctx} size={k.mast} color={p.brandText} /> : null}
          <Body gap={k.gap}>
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
                <Fit
                  field="quote"
                  font="body"
                  quote
                  min={k.quote[0]}
                  max={k.quote[1]}
                  lineHeight={1.34}
                  color={p.muted}
                  grow={1}
                />
                <Attribution ctx={ctx} size={k.attr} color={p.muted} style={{ marginTop: Math.round(k.gap * 0.4) }} />
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
