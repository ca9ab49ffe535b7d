// Sample stories: what the studio gallery shows and the golden images pin, from the demo story to the hard cases.
import { DEMO_STORY, type StoryInput } from '../src/story/schema.ts';

export interface Sample {
  id: string;
  description: string;
  story: StoryInput;
}

export const SAMPLES: Sample[] = [
  { id: 'demo', description: 'The demo story: headline and key quote from a real article', story: DEMO_STORY },
  {
    id: 'short',
    description: 'A three-word headline and a short quote',
    story: {
      headline: 'Rates cut again',
      quote: 'We acted decisively.',
      quoteAuthor: 'Christine Lagarde',
      siteName: 'The Ledger',
      url: 'https://ledger.example/rates',
      publishedAt: '2025-03-06T13:15:00Z',
    },
  },
  {
    id: 'long',
    description: 'A long headline with a long, attributed quote',
    story: {
      headline:
        'City council approves sweeping housing plan after marathon session, clearing the way for 12,000 new homes near transit lines by 2030',
      quote:
        'This is the most significant change to how our city grows in a generation, and it will not be the last one — we heard every objection tonight and we will keep listening as the first projects break ground next spring.',
      quoteAuthor: 'Mayor Ana Ribeiro',
      siteName: 'Metro Courier',
      url: 'https://courier.example/city/housing-plan',
      publishedAt: '2025-05-21T23:40:00Z',
    },
  },
  {
    id: 'max',
    description: 'A 300-character headline and a 600-character quote: the limits, clamped with an ellipsis',
    story: {
      headline:
        `${'Inquiry finds regulators ignored repeated warnings about the dam for more than a decade, '.repeat(4)}`.slice(
          0,
          300,
        ),
      quote:
        `${'Every report we filed came back with the same answer: no money, no time, and no urgency. '.repeat(7)}`.slice(
          0,
          600,
        ),
      quoteAuthor: 'Former inspector',
      siteName: 'The Record',
    },
  },
  {
    id: 'photo',
    description: 'A story photo (tests serve it from a fake image host; elsewhere the photo template falls back)',
    story: {
      headline: 'Drought ends as autumn rains return to the valley',
      quote: 'We have not seen rain like this in six years.',
      quoteAuthor: 'Luis Ortega, farmer',
      siteName: 'Valley Herald',
      url: 'https://herald.example/rain',
      imageUrl: 'https://images.example/valley-sunset.png',
    },
  },
  {
    id: 'noquote',
    description: 'No quote: the headline takes the room',
    story: {
      headline: 'Storm knocks out power to 200,000 homes across the coast',
      siteName: 'Coastal Times',
      url: 'https://coastal.example/storm',
    },
  },
  {
    id: 'unbroken',
    description: 'Unbroken tokens: a 100-character word and a long URL must wrap, never overflow',
    story: {
      headline: `Supercalifragilistic${'expialidocious'.repeat(6)} and https://example.com/a/very/long/path/that/never/ends/${'x'.repeat(40)}`,
      quote: `See https://docs.example.org/${'segment/'.repeat(12)}index.html for the full ruling`,
      quoteAuthor: 'Court clerk',
    },
  },
  {
    id: 'arabic',
    description: 'Arabic, right to left, with shaping',
    story: {
      headline: 'وزير المالية يعلن خطة جديدة لخفض التضخم خلال العام المقبل',
      quote: 'نحن ملتزمون بحماية القدرة الشرائية للمواطنين',
      quoteAuthor: 'وزير المالية',
      siteName: 'الأخبار',
      lang: 'ar',
    },
  },
  {
    id: 'hebrew',
    description: 'Hebrew, right to left',
    story: {
      headline: 'הכנסת אישרה את התקציב לאחר דיון של שלושה ימים',
      quote: 'זהו תקציב של צמיחה ואחריות',
      quoteAuthor: 'שר האוצר',
      lang: 'he',
    },
  },
  {
    id: 'japanese',
    description: 'Japanese: kana and kanji, line breaks without spaces',
    story: {
      headline: '東京都、来年度から公立高校の授業料を完全無償化へ　所得制限を撤廃',
      quote: '教育の機会は家庭の経済状況に左右されるべきではない',
      quoteAuthor: '都知事',
      siteName: '東都新聞',
      lang: 'ja',
    },
  },
  {
    id: 'chinese',
    description: 'Simplified Chinese',
    story: {
      headline: '国家统计局：今年前三季度国内生产总值同比增长百分之五',
      quote: '经济运行总体平稳，稳中有进',
      quoteAuthor: '国家统计局发言人',
      lang: 'zh-CN',
    },
  },
  {
    id: 'korean',
    description: 'Korean Hangul',
    story: {
      headline: '서울시, 내년부터 대중교통 요금 동결… 시민 부담 완화',
      quote: '시민의 발을 지키는 것이 우선입니다',
      quoteAuthor: '서울시장',
      lang: 'ko',
    },
  },
  {
    id: 'french',
    description: 'French, the quote arriving in its own guillemets: drawn once, never « « … » »',
    story: {
      headline: 'Le Parlement adopte le budget après trois semaines de débats',
      quote: '« Nous avons tenu nos engagements »',
      quoteAuthor: 'La ministre des Comptes publics',
      siteName: 'Le Courrier',
      url: 'https://courrier.example/politique/budget',
      publishedAt: '2025-12-18T21:05:00Z',
      lang: 'fr',
    },
  },
  {
    id: 'german',
    description: 'German, a quote with its own „…“ and the speaker after it: no marks added',
    story: {
      headline: 'Bahn kündigt milliardenschweres Sanierungsprogramm für das Schienennetz an',
      quote: '„Wir haben zu lange gewartet“, sagte der Vorstand bei der Vorstellung in Berlin.',
      quoteAuthor: 'Richard Lutz',
      siteName: 'Rheinische Post Digital',
      author: 'Jana Weber',
      url: 'https://post.example/wirtschaft/bahn',
      publishedAt: '2025-06-03T09:30:00Z',
      lang: 'de',
    },
  },
  {
    id: 'mixed',
    description: 'Accents, Cyrillic, Greek, symbols and emoji together',
    story: {
      headline: 'Łódź, Zürich & São Paulo 🚀 join Київ and Αθήνα in €2.5bn climate pact 🌍 — π ≠ 3, ∞ ± 1²',
      quote: 'Ça marche 👍🏽 — «это только начало» 🎉',
      quoteAuthor: 'Zoë Ødegård',
      siteName: 'Global Wire',
    },
  },
];
