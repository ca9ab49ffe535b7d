// Issue 20, round 3: a role is not a person. A title or its abbreviation standing alone where a name should be
// ("ujar Mendag", "院士说") names nobody; a title next to a name gives the name only ("李兰娟院士表示" → 李兰娟); an
// initial opens a name ("said D. Joshua Taylor"); and a quote with no speaker in view takes nobody's name.
// Each case is written from the language's grammar or a tuned page (gulflive.com), and was red before round 3 —
// except the lone 教授, which already had no speaker and guards the other half of the Chinese rule.
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';

/** A scraped article: headline twice, the paragraphs, furniture after. */
const article = (headline: string, ...paragraphs: string[]) =>
  `${headline}\n${headline}\n\n${paragraphs.join('\n\n')}\n\nShare this article`;
const extract = (text: string) => extractStory({ text });

describe('Indonesian titles and their abbreviations are not names', () => {
  // Indonesian names ministers by a clipped title ("Mendag", Menteri Perdagangan; "Menkeu", Menteri Keuangan) and
  // uses it where English would say "the minister" — after "ujar", the slot where a name usually stands.
  it('"ujar Mendag" (the trade minister) is a title: the quote stands without a speaker', () => {
    const s = extract(
      article(
        'Pemerintah siapkan operasi pasar jelang Lebaran',
        'Kementerian Perdagangan akan menggelar operasi pasar di 50 kota mulai pekan depan untuk menahan harga beras.',
        '"Stok beras nasional cukup sampai akhir tahun dan harga akan kami jaga tetap stabil," ujar Mendag di Jakarta, Senin.',
      ),
    );
    expect(s.quote).toContain('Stok beras nasional cukup');
    expect(s.quoteAuthor).toBeUndefined();
  });

  it('"kata Gubernur" alone names nobody; "kata Gubernur Ridwan Kamil" names Ridwan Kamil', () => {
    const alone = extract(
      article(
        'Banjir rendam ratusan rumah di Bandung',
        'Hujan deras sejak Minggu malam membuat sungai meluap di tiga kecamatan.',
        '"Kami sudah mengirim bantuan makanan dan perahu karet ke semua lokasi banjir," kata Gubernur saat meninjau lokasi.',
      ),
    );
    expect(alone.quote).toContain('Kami sudah mengirim bantuan');
    expect(alone.quoteAuthor).toBeUndefined();
    const named = extract(
      article(
        'Banjir rendam ratusan rumah di Bandung',
        'Hujan deras sejak Minggu malam membuat sungai meluap di tiga kecamatan.',
        '"Kami sudah mengirim bantuan makanan dan perahu karet ke semua lokasi banjir," kata Gubernur Ridwan Kamil saat meninjau lokasi.',
      ),
    );
    expect(named.quoteAuthor).toBe('Ridwan Kamil');
  });
});

describe('Chinese titles after a name', () => {
  // Chinese puts a title after the name as often as before it: 李兰娟院士 (academician Li Lanjuan), 张文宏主任.
  it('"李兰娟院士表示" gives the name only', () => {
    const s = extract(
      article(
        '专家：疫苗加强针可以有效降低重症风险',
        '国家卫健委昨日召开新闻发布会，介绍疫苗加强免疫的最新进展。',
        '李兰娟院士表示：“加强针可以明显提高中和抗体水平，老年人应当尽早接种。”',
      ),
    );
    expect(s.quote).toContain('加强针可以明显提高中和抗体水平');
    expect(s.quoteAuthor).toBe('李兰娟');
  });

  it('a title before the name ("院士李兰娟表示") gives the name only', () => {
    const s = extract(
      article(
        '专家：疫苗加强针可以有效降低重症风险',
        '国家卫健委昨日召开新闻发布会，介绍疫苗加强免疫的最新进展。',
        '院士李兰娟表示：“加强针可以明显提高中和抗体水平，老年人应当尽早接种。”',
      ),
    );
    expect(s.quoteAuthor).toBe('李兰娟');
  });

  it('a title alone ("教授说") is not a name', () => {
    const s = extract(
      article(
        '研究发现睡眠不足影响记忆力',
        '一项发表在国际期刊上的研究追踪了三千名志愿者的睡眠习惯。',
        '“每晚睡眠少于六小时的人，记忆测试成绩明显更差。”教授说。',
      ),
    );
    expect(s.quote).toContain('每晚睡眠少于六小时的人');
    expect(s.quoteAuthor).toBeUndefined();
  });
});

describe('English: initials and quotes with nobody in view', () => {
  it('"said D. Joshua Taylor, FGS president" names Joshua Taylor, not the column\'s title', () => {
    const s = extract(
      article(
        'Sampling History: New Year offers stellar family history, genealogy learning opportunities',
        'The Federation of Genealogical Societies will hold its 2015 conference in Salt Lake City in February.',
        '"Destined to be the largest family history event North America has ever seen, the FGS 2015 conference is the perfect destination for anyone interested in tracing their roots," said D. Joshua Taylor, FGS president.',
      ),
    );
    expect(s.quote).toContain('Destined to be the largest family history event');
    expect(s.quoteAuthor).toMatch(/Joshua Taylor$/);
  });
});

describe('no guess when the evidence is a bare title or nothing', () => {
  it('"ujar Mendag" does not become the person named just before it (an economist here)', () => {
    const s = extract(
      article(
        'Harga beras naik, pemerintah siapkan operasi pasar',
        'Pemerintah menyiapkan operasi pasar di 50 kota mulai pekan depan.',
        'Ekonom Faisal Basri menilai kenaikan harga dipicu oleh panen yang mundur. "Stok beras nasional cukup sampai akhir tahun dan harga akan kami jaga tetap stabil," ujar Mendag di Jakarta.',
      ),
    );
    expect(s.quote).toContain('Stok beras nasional cukup');
    expect(s.quoteAuthor).toBeUndefined();
  });
});

describe('speech verbs and full names (tuned newspaper and htmldate pages)', () => {
  it('"Karenga publicly denounced the idea, saying, “…”" names Karenga', () => {
    const s = extract(
      article(
        'Kwanzaa founder rejects the claim that he worked for the government',
        'Ron Karenga founded the holiday in 1966, and for years rumours said that he was paid by federal agencies.',
        'Karenga publicly denounced the idea, saying, “Africans must stop generalizing about the loyalties and motives of Afro-Americans.”',
      ),
    );
    expect(s.quote).toContain('Africans must stop generalizing');
    expect(s.quoteAuthor).toBe('Ron Karenga');
  });

  it('a Cyrillic surname takes the full name the article gives ("М. Тасмаганбетов" → "Марат Тасмаганбетов")', () => {
    const s = extract(
      article(
        'В области построят десять новых птицефабрик',
        'Аким области Марат Тасмаганбетов провел совещание по развитию сельского хозяйства.',
        '«В целом на будущий год мы имеем твердые планы - начать строительство еще 10 новых объектов», - заявил М. Тасмаганбетов.',
      ),
    );
    expect(s.quote).toContain('мы имеем твердые планы');
    expect(s.quoteAuthor).toBe('Марат Тасмаганбетов');
  });

  // A guard for the rule above (green before it, when Cyrillic surnames were never completed): a capitalised word
  // that opens a sentence ("Чому", why) or follows a preposition ("в Раді", in the Rada) is not a given name.
  it('"Чому Венедіктова…" and "в Раді Венедіктова" do not give Венедіктова a first name', () => {
    const s = extract(
      article(
        'Чому Венедіктова не підписала подання',
        'Генеральна прокурорка виступила в Раді Венедіктова заявила, що подання ще готують.',
        '«Ми перевіряємо всі документи і не поспішаємо з рішенням», - сказала Венедіктова.',
      ),
    );
    expect(s.quote).toContain('Ми перевіряємо всі документи');
    expect(s.quoteAuthor).toBe('Венедіктова');
  });
});
