// Thai and Burmese line breaks come from Intl.Segmenter: inside workerd it must find the same words as Node does, or
// the same story breaks into different lines (and pixels) on Cloudflare. Khmer and Lao are NOT the same: workerd's
// ICU finds other words than Node 22's ICU 78 in long runs (ប្រកាសគម្រោងសាងសង់ is one word there, three here; ພາກໃຕ້
// is two there, one here), so their lines may differ where a line must break inside a space-free run: fonts/README.
import { expect, it } from 'vitest';
import { SAMPLES } from '../../templates/samples.ts';

const words = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'word' }).segment(text)].map((s) => s.segment).join('|');
const sample = (id: string) => SAMPLES.find((s) => s.id === id)?.story;

// What Node 22 finds (tests/render/linebreaks.test.ts checks the drawn lines against it there).
const NODE = {
  thai: [
    'รัฐบาล|ประกาศ|ขึ้น|ค่าแรง|ขั้น|ต่ำ|ทั่ว|ประเทศ|เป็น| |400| |บาท| |เริ่ม|ต้น|ปี|หน้า',
    'นี่|คือ|ของ|ขวัญ|ปี|ใหม่|สำหรับ|แรงงาน|ทุก|คน',
  ],
  burmese: [
    'ရန်|ကုန်|မြို့|တွင်| |မိုးသည်းထန်|စွာ| |ရွာသွန်း|ပြီး| |လမ်းမ|များ| |ရေလွှမ်း|မိုး',
    'ပြည်|သူများ| |သတိထား|ကြ|ရန်| |မေတ္တာရပ်ခံ|အပ်|ပါသည်',
  ],
};

it('finds the Thai and Burmese samples’ words as Node does', () => {
  for (const id of ['thai', 'burmese'] as const) {
    const story = sample(id);
    expect([words(story?.headline ?? ''), words(story?.quote ?? '')], id).toEqual(NODE[id]);
  }
});
