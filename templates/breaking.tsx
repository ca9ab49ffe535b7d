// breaking: a high-contrast alert — a kicker block in the brand colour over heavy, tight headline type.
import { defineTemplate } from '../src/render/template.ts';
import { Body, byFormat, Card, domainOf, Fit, formatDate, sides, siteNameOf, wordFor } from './_kit.tsx';

/**
 * The kicker in the story's language, as that language's newsrooms print it (BCP 47 tags, lowercase; the most specific
 * tag the story's lang matches wins, see wordFor). A language not listed gets the English word.
 */
export const KICKER: Record<string, string> & { en: string } = {
  en: 'Breaking',
  de: 'Eilmeldung',
  fr: 'Alerte info',
  es: 'Última hora',
  ca: 'Última hora',
  it: 'Ultim’ora',
  pt: 'Urgente',
  nl: 'Breaking',
  sv: 'Just nu',
  nb: 'Siste nytt',
  no: 'Siste nytt',
  pl: 'Pilne',
  ro: 'Ultima oră',
  tr: 'Son dakika',
  el: 'Έκτακτο',
  ru: 'Срочно',
  uk: 'Терміново',
  ja: '速報',
  zh: '突发',
  // Traditional Chinese presses: Taiwan prints 快訊, Hong Kong 突發.
  'zh-hant': '突發',
  'zh-tw': '快訊',
  'zh-hk': '突發',
  ko: '속보',
  vi: 'Tin nóng',
  ar: 'عاجل',
  fa: 'فوری',
  ur: 'بریکنگ نیوز',
  he: 'מבזק',
  hi: 'ब्रेकिंग न्यूज़',
  mr: 'ब्रेकिंग न्यूज',
  ne: 'ब्रेकिङ न्युज',
  bn: 'ব্রেকিং নিউজ',
  pa: 'ਬ੍ਰੇਕਿੰਗ ਨਿਊਜ਼',
  gu: 'બ્રેકિંગ ન્યૂઝ',
  or: 'ବ୍ରେକିଂ ନ୍ୟୁଜ୍',
  ta: 'பிரேக்கிங் நியூஸ்',
  te: 'బ్రేకింగ్ న్యూస్',
  kn: 'ಬ್ರೇಕಿಂಗ್ ನ್ಯೂಸ್',
  ml: 'ബ്രേക്കിങ് ന്യൂസ്',
  si: 'උණුසුම් පුවත්',
  th: 'ข่าวด่วน',
  lo: 'ຂ່າວດ່ວນ',
  km: 'ព័ត៌មានបន្ទាន់',
  my: 'သတင်းထူး',
  am: 'ሰበር ዜና',
  ka: 'სასწრაფო',
  hy: 'Շտապ',
  bo: 'གསར་འགྱུར་གལ་ཆེན།',
};

const SCALE = {
  wide: { pad: 64, top: 16, kicker: 34, head: [36, 150], meta: 26, gap: 30 },
  square: { pad: 84, top: 22, kicker: 48, head: [44, 220], meta: 32, gap: 48 },
  portrait: { pad: 88, top: 24, kicker: 52, head: [48, 240], meta: 34, gap: 56 },
  story: { pad: 92, top: 28, kicker: 60, head: [52, 260], meta: 38, gap: 64 },
} as const;

export default defineTemplate({
  meta: {
    name: 'breaking',
    description: 'High-contrast breaking-news alert: brand kicker block, heavy headline, time and source.',
    sizes: ['og', 'x', 'square', 'portrait', 'story'],
    version: 3,
  },

  render(ctx) {
    const { story, theme, palette: p } = ctx;
    const k = byFormat(ctx, SCALE);
    const s = sides(ctx);
    const dark = theme.mode === 'dark';
    const bg = dark ? '#0A0A0B' : '#FFFFFF';
    const ink = dark ? '#FFFFFF' : '#0A0A0B';
    const sub = dark ? '#B9BCC2' : '#4A4D52';
    const kicker = wordFor(KICKER, story.lang);
    const meta = [siteNameOf(ctx), formatDate(story.publishedAt, story.lang) ?? domainOf(story.url)]
      .filter(Boolean)
      .join('  ·  ');
    const story916 = ctx.format === 'story';
    return (
      <Card ctx={ctx} background={bg} style={{ flexDirection: 'column' }}>
        <div style={{ display: 'flex', height: k.top, flexShrink: 0, backgroundColor: p.brand }} />
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            boxSizing: 'border-box',
            width: ctx.size.width,
            flexGrow: 1,
            paddingLeft: k.pad,
            paddingRight: k.pad,
            paddingTop: story916 ? 190 : k.pad,
            paddingBottom: story916 ? 250 : k.pad,
          }}
        >
          <div style={{ display: 'flex', flexDirection: s.row, flexShrink: 0 }}>
            <div
              style={{
                display: 'flex',
                // The live dot leads the word: on its right for right-to-left stories.
                flexDirection: s.row,
                alignItems: 'center',
                height: Math.round(k.kicker * 1.9),
                paddingLeft: Math.round(k.kicker * 0.7),
                paddingRight: Math.round(k.kicker * 0.7),
                backgroundColor: p.brand,
              }}
            >
              <div
                style={{
                  display: 'flex',
                  width: Math.round(k.kicker * 0.47),
                  height: Math.round(k.kicker * 0.47),
                  borderRadius: Math.round(k.kicker * 0.24),
                  backgroundColor: p.onBrand,
                  [s.far('margin')]: Math.round(k.kicker * 0.47),
                }}
              />
              <Fit
                field="kicker"
                text={kicker}
                font="body"
                weight={700}
                max={k.kicker}
                letterSpacing={0.06}
                uppercase
                color={p.onBrand}
              />
            </div>
          </div>
          <Body gap={k.gap}>
            <Fit
              field="headline"
              font="body"
              weight={700}
              min={k.head[0]}
              max={k.head[1]}
              lineHeight={1.06}
              letterSpacing={-0.02}
              color={ink}
              grow={1}
            />
          </Body>
          <div style={{ display: 'flex', flexDirection: s.row, flexShrink: 0 }}>
            <Fit field="meta" text={meta} font="body" weight={700} max={k.meta} letterSpacing={0.02} color={sub} />
          </div>
        </div>
      </Card>
    );
  },
});
