// breaking: a high-contrast alert — a kicker block in the brand colour over heavy, tight headline type.
import { defineTemplate } from '../src/render/template.ts';
import { box, domainOf, Fitted, FONT_FAMILIES, Footer, formatDate, isTall, siteNameOf, unit } from './_kit.tsx';

/** The kicker word in the story's language. */
const KICKER: Record<string, string> = {
  en: 'Breaking',
  de: 'Eilmeldung',
  fr: 'Alerte info',
  es: 'Última hora',
  it: 'Ultim’ora',
  pt: 'Urgente',
  nl: 'Breaking',
  ru: 'Срочно',
  ja: '速報',
  zh: '突发',
  ko: '속보',
  ar: 'عاجل',
  he: 'מבזק',
};

function geometry(width: number, height: number, tall: boolean, u: number) {
  const pad = Math.round((tall ? 84 : 64) * u);
  const top = Math.round(16 * u);
  const kicker = Math.round(34 * u * 1.9);
  const footer = Math.round(26 * u * 1.5);
  const gap = Math.round((tall ? 48 : 30) * u);
  return {
    pad,
    top,
    kicker,
    footer,
    gap,
    innerWidth: width - pad * 2,
    innerHeight: height - top - pad * 2 - kicker - footer - gap * 2,
  };
}

export default defineTemplate({
  meta: {
    name: 'breaking',
    description: 'High-contrast breaking-news alert: brand kicker block, heavy headline, time and source.',
    sizes: ['og', 'x', 'square', 'portrait', 'story'],
    version: 2,
  },

  boxes({ size }) {
    const u = unit(size);
    const tall = isTall(size);
    const g = geometry(size.width, size.height, tall, u);
    return {
      headline: box(
        'body',
        g.innerWidth,
        g.innerHeight,
        { min: 36 * u, max: (tall ? 132 : 96) * u },
        { fontWeight: 700, lineHeight: 1.06, letterSpacing: -0.02 },
      ),
    };
  },

  render(ctx) {
    const { size, story, headline, theme, palette: p } = ctx;
    const u = unit(size);
    const tall = isTall(size);
    const g = geometry(size.width, size.height, tall, u);
    const dark = theme.mode === 'dark';
    const bg = dark ? '#0A0A0B' : '#FFFFFF';
    const ink = dark ? '#FFFFFF' : '#0A0A0B';
    const sub = dark ? '#B9BCC2' : '#4A4D52';
    const lang = (story.lang ?? 'en').toLowerCase().split('-')[0] ?? 'en';
    const kicker = KICKER[lang] ?? KICKER.en;
    const meta = [siteNameOf(ctx), formatDate(story.publishedAt, story.lang) ?? domainOf(story.url)]
      .filter(Boolean)
      .join('  ·  ');
    const kickerSize = Math.round(34 * u);
    // Right-to-left stories read from the right edge: the kicker and the source line start there too.
    const rtl = headline.direction === 'rtl';
    const edge = rtl ? 'flex-end' : 'flex-start';
    return (
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          width: size.width,
          height: size.height,
          backgroundColor: bg,
        }}
      >
        <div style={{ display: 'flex', width: size.width, height: g.top, backgroundColor: p.brand }} />
        <div style={{ display: 'flex', flexDirection: 'column', padding: g.pad, height: size.height - g.top }}>
          <div style={{ display: 'flex', height: g.kicker, alignItems: 'center', justifyContent: edge }}>
            <div
              style={{
                display: 'flex',
                // The live dot leads the word: on its right for right-to-left stories.
                flexDirection: rtl ? 'row-reverse' : 'row',
                alignItems: 'center',
                height: g.kicker,
                paddingLeft: Math.round((rtl ? 26 : 22) * u),
                paddingRight: Math.round((rtl ? 22 : 26) * u),
                backgroundColor: p.brand,
                color: p.onBrand,
                fontFamily: FONT_FAMILIES.body,
                fontWeight: 700,
                fontSize: kickerSize,
                letterSpacing: '0.06em',
                textTransform: 'uppercase',
              }}
            >
              <div
                style={{
                  display: 'flex',
                  width: Math.round(16 * u),
                  height: Math.round(16 * u),
                  borderRadius: Math.round(8 * u),
                  backgroundColor: p.onBrand,
                  [rtl ? 'marginLeft' : 'marginRight']: Math.round(16 * u),
                }}
              />
              {kicker}
            </div>
          </div>
          <div
            style={{
              display: 'flex',
              alignItems: tall ? 'center' : 'flex-start',
              height: g.innerHeight,
              marginTop: g.gap,
              marginBottom: g.gap,
            }}
          >
            <Fitted fit={headline} color={ink} />
          </div>
          <Footer height={g.footer} fontSize={Math.round(26 * u)} color={sub} bold justify={edge}>
            {meta}
          </Footer>
        </div>
      </div>
    );
  },
});
