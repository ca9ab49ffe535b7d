// Renders one line per script with the bundled fonts (satori + resvg) to look at: node scripts/fonts-preview.mjs [out.png]
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { emojiLoader, FONT_FAMILIES, fontsFor } from '../src/render/fonts.ts';

const out = process.argv[2] ?? '/tmp/fonts-check.png';
const load = async (file) => {
  const b = readFileSync(new URL(`../fonts/${file}`, import.meta.url));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
};

const LINES = [
  ['Latin', 'Thủ tướng Việt Nam — Łódź, İstanbul, São Paulo, Straße', 'ltr'],
  ['Cyrillic', 'Москва: правительство объявило новые меры', 'ltr'],
  ['Greek', 'Αθήνα: Η κυβέρνηση ανακοίνωσε νέα μέτρα', 'ltr'],
  ['Arabic', 'الحكومة تعلن عن إجراءات جديدة، ٢٠٢٥؟', 'rtl'],
  ['Hebrew', 'הממשלה הודיעה על צעדים חדשים', 'rtl'],
  ['Chinese (SC)', '国务院发布新的经济刺激政策，市场反应积极。', 'ltr'],
  ['Chinese (TC)', '臺灣行政院宣布新的經濟政策，市場反應熱烈。', 'ltr'],
  ['Japanese', '東京都は新しい経済対策を発表した。「カタカナ」', 'ltr'],
  ['Korean', '서울시는 새로운 경제 대책을 발표했다', 'ltr'],
  ['Emoji', 'Big news 😀 👩‍💻 🇫🇷 👍🏽 ❤️ 🐦‍🔥 1️⃣', 'ltr'],
  ['Symbols', 'π ≠ ∞ ² ± € £ ¥ — “ ” ‘ ’ … • → ✓ № ★ ① ∑', 'ltr'],
];

const text = LINES.map((l) => l[1]).join(' ');
const fonts = await fontsFor(text, load);
const emoji = emojiLoader(load);
const row = (label, value, dir, weight, family) => ({
  type: 'div',
  props: {
    style: { display: 'flex', alignItems: 'center', height: 46 },
    children: [
      {
        type: 'div',
        props: { style: { width: 170, fontSize: 18, color: '#666', fontFamily: FONT_FAMILIES.body }, children: label },
      },
      {
        type: 'div',
        props: {
          style: {
            display: 'flex',
            width: 1080,
            fontSize: 30,
            fontWeight: weight,
            fontFamily: family,
            direction: dir,
            textAlign: dir === 'rtl' ? 'right' : 'left',
          },
          children: value,
        },
      },
    ],
  },
});
const element = {
  type: 'div',
  props: {
    style: {
      display: 'flex',
      flexDirection: 'column',
      width: 1280,
      height: 46 * LINES.length * 2 + 40,
      padding: 20,
      background: '#fff',
      color: '#111',
    },
    children: [
      ...LINES.map(([l, v, d]) => row(`${l} · headline`, v, d, 800, FONT_FAMILIES.headline)),
      ...LINES.map(([l, v, d]) => row(`${l} · body`, v, d, 400, FONT_FAMILIES.body)),
    ],
  },
};
const svg = await satori(element, {
  width: 1280,
  height: 46 * LINES.length * 2 + 40,
  fonts,
  loadAdditionalAsset: async (code, segment) => (code === 'emoji' ? ((await emoji(segment)) ?? []) : []),
});
writeFileSync(out, new Resvg(svg).render().asPng());
console.log(`${out}: ${fonts.length} fonts, ${fonts.reduce((n, f) => n + f.data.byteLength, 0)} bytes`);
