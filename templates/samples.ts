// Sample stories: what the studio gallery shows and the golden images pin, from the demo story to the hard cases.
import type { SizeName } from '../src/render/template.ts';
import { DEMO_STORY, type StoryInput } from '../src/story/schema.ts';

export interface Sample {
  id: string;
  description: string;
  story: StoryInput;
  /** The sizes the goldens pin for this sample (default: every composition a template designs). */
  goldenSizes?: SizeName[];
}

/** One story per script with its own faces (fonts/README.md): goldens at og and story, the wide and tall extremes. */
const script = (id: string, description: string, story: StoryInput): Sample => ({
  id,
  description,
  story,
  goldenSizes: ['og', 'story'],
});

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
  script('hindi', 'Hindi (Devanagari): conjuncts (द्र, क्ष), a reordered vowel sign (ि)', {
    headline: 'भारत ने चंद्रयान-4 मिशन की तारीख घोषित की, 2028 में होगा प्रक्षेपण',
    quote: 'यह हमारे वैज्ञानिकों की वर्षों की मेहनत का नतीजा है',
    quoteAuthor: 'इसरो अध्यक्ष',
    siteName: 'दैनिक समाचार',
    lang: 'hi',
  }),
  script('bengali', 'Bengali: conjuncts, vowel signs on both sides (ো), nukta (য়)', {
    headline: 'ঢাকায় মেট্রোরেলের নতুন লাইন চালু, প্রতিদিন যাতায়াত করবেন পাঁচ লাখ যাত্রী',
    quote: 'এটি ঢাকার যানজট কমাতে বড় ভূমিকা রাখবে',
    quoteAuthor: 'সড়ক পরিবহনমন্ত্রী',
    lang: 'bn',
  }),
  script('punjabi', 'Punjabi (Gurmukhi): tippi, addak, subjoined letters', {
    headline: 'ਪੰਜਾਬ ਸਰਕਾਰ ਵੱਲੋਂ ਕਿਸਾਨਾਂ ਲਈ ਨਵੀਂ ਸਿੰਚਾਈ ਯੋਜਨਾ ਦਾ ਐਲਾਨ',
    quote: 'ਹਰ ਖੇਤ ਤੱਕ ਪਾਣੀ ਪਹੁੰਚਾਉਣਾ ਸਾਡਾ ਟੀਚਾ ਹੈ',
    quoteAuthor: 'ਖੇਤੀਬਾੜੀ ਮੰਤਰੀ',
    lang: 'pa',
  }),
  script('gujarati', 'Gujarati: conjuncts and reph', {
    headline: 'અમદાવાદમાં નવો ફ્લાયઓવર ખુલ્લો મુકાયો, ટ્રાફિકમાંથી રાહતની આશા',
    quote: 'શહેરના લોકોને હવે રોજ અડધો કલાક બચશે',
    quoteAuthor: 'મ્યુનિસિપલ કમિશનર',
    lang: 'gu',
  }),
  script('odia', 'Odia (Oriya): nukta (ଡ଼), subjoined consonants, split vowels', {
    headline: 'ଓଡ଼ିଶା ଉପକୂଳରେ ବାତ୍ୟା ସତର୍କତା, ହଜାର ହଜାର ଲୋକଙ୍କୁ ନିରାପଦ ସ୍ଥାନକୁ ସ୍ଥାନାନ୍ତର',
    quote: 'ଜୀବନ ରକ୍ଷା ଆମର ପ୍ରଥମ ପ୍ରାଥମିକତା',
    quoteAuthor: 'ବିଶେଷ ରିଲିଫ କମିଶନର',
    lang: 'or',
  }),
  script('tamil', 'Tamil: pulli, vowel signs on both sides (ொ, ோ)', {
    headline: 'சென்னையில் கனமழை: பள்ளிகளுக்கு இரண்டு நாள் விடுமுறை அறிவிப்பு',
    quote: 'மக்கள் பாதுகாப்பாக வீட்டிலேயே இருக்க வேண்டும்',
    quoteAuthor: 'மாவட்ட ஆட்சியர்',
    lang: 'ta',
  }),
  script('telugu', 'Telugu: stacked consonants, a zero-width non-joiner (హైదరాబాద్‌లో)', {
    headline: 'హైదరాబాద్‌లో కొత్త మెట్రో మార్గానికి కేంద్రం ఆమోదం',
    quote: 'ఇది నగర అభివృద్ధికి కీలక మలుపు',
    quoteAuthor: 'ముఖ్యమంత్రి',
    lang: 'te',
  }),
  script('kannada', 'Kannada: subjoined consonants and long words', {
    headline: 'ಬೆಂಗಳೂರಿನಲ್ಲಿ ದಾಖಲೆ ಮಳೆ, ನಗರದ ಹಲವು ರಸ್ತೆಗಳು ಜಲಾವೃತ',
    quote: 'ಪರಿಹಾರ ಕಾರ್ಯಗಳು ಯುದ್ಧೋಪಾದಿಯಲ್ಲಿ ನಡೆಯುತ್ತಿವೆ',
    quoteAuthor: 'ಬಿಬಿಎಂಪಿ ಆಯುಕ್ತ',
    lang: 'kn',
  }),
  script('malayalam', 'Malayalam: chillu letters (ൾ, ർ, ൽ), long words', {
    headline: 'സംസ്ഥാനത്ത് കാലവർഷം നേരത്തെ എത്തും, അഞ്ച് ജില്ലകളിൽ ഓറഞ്ച് അലർട്ട്',
    quote: 'മത്സ്യത്തൊഴിലാളികൾ കടലിൽ പോകരുത്',
    quoteAuthor: 'കാലാവസ്ഥാ വകുപ്പ് ഡയറക്ടർ',
    lang: 'ml',
  }),
  script('sinhala', 'Sinhala: split vowels, yansaya with a zero-width joiner (අමාත්‍ය)', {
    headline: 'කොළඹ වරායේ නව බහාලුම් පර්යන්තය විවෘත කෙරේ, රැකියා දහස් ගණනක්',
    quote: 'මෙය රටේ ආර්ථිකයට විශාල ශක්තියක් වනු ඇත',
    quoteAuthor: 'වරාය අමාත්‍යවරයා',
    lang: 'si',
  }),
  script('thai', 'Thai: no spaces between words, stacked tone marks', {
    headline: 'รัฐบาลประกาศขึ้นค่าแรงขั้นต่ำทั่วประเทศเป็น 400 บาท เริ่มต้นปีหน้า',
    quote: 'นี่คือของขวัญปีใหม่สำหรับแรงงานทุกคน',
    quoteAuthor: 'นายกรัฐมนตรี',
    siteName: 'ข่าวเช้า',
    lang: 'th',
  }),
  script('lao', 'Lao: spaces between phrases only, none between words', {
    headline: 'ລັດຖະບານ ປະກາດແຜນ ກໍ່ສ້າງທາງລົດໄຟ ສາຍໃໝ່ ເຊື່ອມຕໍ່ພາກໃຕ້',
    quote: 'ໂຄງການນີ້ຈະຊ່ວຍຫຼຸດຕົ້ນທຶນການຂົນສົ່ງ',
    quoteAuthor: 'ລັດຖະມົນຕີ',
    lang: 'lo',
  }),
  script('khmer', 'Khmer: zero-width spaces between words (as typed), subscripts', {
    headline:
      'រដ្ឋាភិបាល\u200bប្រកាស\u200bគម្រោង\u200bសាងសង់\u200bផ្លូវ\u200bល្បឿនលឿន\u200bថ្មី\u200bទៅកាន់\u200bខេត្ត\u200bសៀមរាប',
    quote: 'គម្រោង\u200bនេះ\u200bនឹង\u200bជួយ\u200bជំរុញ\u200bវិស័យ\u200bទេសចរណ៍',
    quoteAuthor: 'រដ្ឋមន្ត្រីក្រសួងសាធារណការ',
    lang: 'km',
  }),
  script('burmese', 'Burmese (Myanmar): spaces between phrases only, stacked consonants', {
    headline: 'ရန်ကုန်မြို့တွင် မိုးသည်းထန်စွာ ရွာသွန်းပြီး လမ်းမများ ရေလွှမ်းမိုး',
    quote: 'ပြည်သူများ သတိထားကြရန် မေတ္တာရပ်ခံအပ်ပါသည်',
    quoteAuthor: 'မိုးလေဝသဌာန',
    lang: 'my',
  }),
  script('amharic', 'Amharic (Ethiopic syllabary)', {
    headline: 'ኢትዮጵያ አዲስ የኤሌክትሪክ ባቡር መስመር ግንባታ መጀመሯን አስታወቀች',
    quote: 'ይህ ፕሮጀክት ለሀገራችን ኢኮኖሚ ትልቅ ዕድል ነው',
    quoteAuthor: 'የትራንስፖርት ሚኒስትር',
    lang: 'am',
  }),
  script('georgian', 'Georgian (Mkhedruli): long words', {
    headline: 'პარლამენტმა ახალი საგადასახადო კოდექსი მესამე მოსმენით მიიღო',
    quote: 'ეს რეფორმა მცირე ბიზნესს დაეხმარება',
    quoteAuthor: 'ფინანსთა მინისტრი',
    lang: 'ka',
  }),
  script('armenian', 'Armenian', {
    headline: 'Երևանում բացվեց մետրոյի նոր կայարան, առաջին օրը այն այցելեց հազարավոր մարդ',
    quote: 'Սա կփոխի մեր մարզերի կյանքը',
    quoteAuthor: 'Վարչապետ',
    lang: 'hy',
  }),
  script('tibetan', 'Tibetan: stacked consonants, breaks after the tsheg (་), no spaces', {
    headline: 'བོད་ལྗོངས་སུ་སློབ་གྲྭ་གསར་པ་བཅུ་གཉིས་བཙུགས་ཡོད།',
    quote: 'ཤེས་ཡོན་ནི་མི་རིགས་ཀྱི་མ་འོངས་ཡིན།',
    quoteAuthor: 'སློབ་གསོ་ཅུས།',
    lang: 'bo',
  }),
];
