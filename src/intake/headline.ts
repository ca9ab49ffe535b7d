// Headline arbitration: the page's candidates (JSON-LD, Open Graph, Twitter, <title>, its headings) vote.
//
// THE RULE
//   1. Each candidate loses what names the site: segments after (or before) a separator — | – — : _ ： · » ::
//      and " - " — that match the site's name, host or publisher, end in a media word (新聞, 网, News, Online…),
//      are a trailing photo/video credit "（写真＝ロイター）", or, once such a segment went, the section and date
//      segments next to it ("_科技_腾讯网", " - 21/12/2018 - Esporte - Folha"). Colons only go with a site name.
//   2. Branding never wins: a candidate that is the site's name, or a heading inside a link or marked as a logo
//      or hidden ("<a href="/"><h1>엔터 미디어</h1></a>", "<h1 class="hidden">好奇心日报</h1>"); nor does a
//      section or date line ("Brasília", "Cronaca | 21 giugno 2026") when a longer candidate exists.
//   3. The rest vote: a candidate scores the weight of every source that says the same (JSON-LD 3, og:title 2.5,
//      twitter:title 2, the article's <h1> 2, another heading 1.5, <title> 1); where one source is the beginning
//      of another ("X 編集委員 中沢克二" and "X"), the shorter gets both votes — never a common prefix that neither
//      candidate is ("…brace for an intense sprint" / "…brace for a sprint"). Ties keep that order.
import { normalizeText } from '../story/normalize.ts';
import { DATELINE } from './dates.ts';
import { isFurniture, isSectionDateLine } from './furniture.ts';
import { namesSite, type SiteNames, siteKeys, squash } from './site.ts';

export type { SiteNames } from './site.ts';

export type HeadlineSource = 'jsonld' | 'og' | 'twitter' | 'title' | 'h1' | 'heading';

export interface HeadlineCandidate {
  text: string;
  source: HeadlineSource;
  /** Inside a link, or a logo/hidden/section element: the site's branding, not the article's headline. */
  branded?: boolean;
}

const WEIGHT: Record<HeadlineSource, number> = { jsonld: 3, og: 2.5, twitter: 2, h1: 2, heading: 1.5, title: 1 };

// " | ", " - ", "_", "：", " » "… Spaces are required around ASCII hyphens and colons, so "Jean-Paul" and
// "Retraites : la réforme" keep theirs (a colon is a site separator only when what follows names the site).
const SEPARATOR = /(\s+[|–—·»›:]{1,2}\s+|\s+-\s+|\s*[_｜：|]\s*|\s+::\s+|\s:\s)/u;
const MEDIA_WORD =
  /(新聞|新闻|日报|日報|晚报|时报|時報|网|網|电视台|電視台|通信|ニュース|オンライン|デジタル|닷컴|뉴스|일보|신문|news|online|times|post|journal|gazette|tribune|herald|daily|magazine|zeitung|zeitschrift|rundschau|nachrichten|tageblatt|kurier|presse|journal|quotidien|diario|periódico|jornal|gazzetta|corriere|notizie|новости|газета)(\.\w+)?$/iu;
const CREDIT =
  /\s*[（(][^（）()]{0,24}(写真|撮影|photo|foto|фото|video|vídeo|vidéo|動画|视频|영상)[^（）()]{0,24}[）)]\s*$/iu;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

const size = (s: string): number =>
  CJK.test(s) ? Math.ceil(s.replace(/\s/g, '').length / 2) : s.split(/\s+/).filter(Boolean).length;

const isDateOrSection = (s: string): boolean =>
  DATELINE.test(s) || isSectionDateLine(s) || /^\d{1,4}([./-]\d{1,2}){1,2}$/.test(s.trim()) || size(s) <= 2;

/** Step 1: the candidate without the site's name, its sections, dates and photo credits. */
function stripSite(title: string, site: SiteNames, repeated: string[] = []): string {
  const keys = [...siteKeys(site), ...repeated.map(squash)];
  let parts = normalizeText(title).split(SEPARATOR);
  // parts alternate: text, separator, text, … — walk in from both ends while the outer segment names the site.
  let stripped = false;
  const outerGoes = (seg: string, sep: string): boolean => {
    if (namesSite(seg, keys) || MEDIA_WORD.test(seg.trim()) || /^(www\.)?[\w-]+\.[a-z]{2,}$/i.test(seg.trim()))
      return true;
    // Sections and dates next to a removed site name; never after a colon unless the site went too, and never a
    // quoted word or an exclamation: "Vädjar efter attackerna – ”kritiskt” | Aftonbladet" keeps ”kritiskt”.
    return stripped && isDateOrSection(seg) && !/^\s*:\s*$/.test(sep) && !/["“”„‟«»‘’‚'!?]/u.test(seg);
  };
  while (parts.length >= 3 && outerGoes(parts.at(-1)!, parts.at(-2)!)) {
    parts = parts.slice(0, -2);
    stripped = true;
  }
  while (parts.length >= 3 && namesSite(parts[0]!, keys)) parts = parts.slice(2);
  // Once the site went, a colon tail of sections and dates goes too: "…боится: новости, фото 2018".
  if (stripped) {
    const colonTail = parts.join('').match(/^(.{8,}\S):\s+([^:：]{2,40})$/u);
    // Only a tail of section words or a year: "…на складе: эвакуированы 200 человек" is the headline's own (NTV).
    const sectionWords =
      /^(?:[\s,]*(?:новости|фото|видео|онлайн|news|photos?|videos?|live|fotos?|vídeos?|notizie|nachrichten|\d{4}))+$/iu;
    if (colonTail && size(colonTail[2]!) <= 4 && sectionWords.test(colonTail[2]!)) parts = [colonTail[1]!];
  }
  let text = parts.join('').trim();
  // "Headline | Site" with an unknown site: pipes almost never sit inside a headline, so a short last segment
  // after one is the site (dashes do: "Studen BE - A6 nach Unfall gesperrt", "Angriff - Polizei ermittelt").
  // Likewise a short Latin-script segment after a headline in another script ("… 남상미 - Entermedia").
  if (!stripped) {
    const m = text.match(/^(.{6,}?)\s+([|｜]|[-–—])\s+([^|｜–—-]{2,40})$/u);
    const latinTail = m && /^[\p{Script=Latin}\d\s.!&'’]+$/u.test(m[3]!) && !/\p{Script=Latin}/u.test(m[1]!);
    if (
      m &&
      size(m[3]!) <= 4 &&
      size(m[1]!) >= 3 &&
      !/[.?!]$/.test(m[3]!) &&
      ((m[2] !== '-' && m[2] !== '–' && m[2] !== '—') || latinTail)
    )
      text = m[1]!;
  }
  return text.replace(CREDIT, '').trim();
}

/** The longest common beginning of two texts that ends where both have a word boundary. */
function commonStart(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length || i === b.length) return a.slice(0, i).trim();
  const boundary = /[\s\p{P}]/u;
  const cjk = CJK.test(a[i - 1] ?? '');
  while (i > 0 && !(boundary.test(a[i] ?? ' ') || cjk)) i--;
  return a.slice(0, i).trim();
}

const form = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[“”„‟"«»]/gu, '"')
    .replace(/[‘’‚‛]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();

/** Does `long` go on from `short` with a quotation mark (not a guillemet: "Infanta » Local" is a separator)? */
const goesOnWithMark = (short: string, long: string): boolean => {
  const squashed = (t: string) => t.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  const [s, l] = [squashed(short), squashed(long)];
  return l.length > s.length && l.startsWith(s) && /^ ?["“„‟]/u.test(l.slice(s.length));
};

/** Last segments that several candidates end with while another lacks them: the site, named by the page itself. */
function repeatedTails(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const parts = normalizeText(t).split(SEPARATOR);
    if (parts.length >= 3) counts.set(parts.at(-1)!, (counts.get(parts.at(-1)!) ?? 0) + 1);
  }
  // A site tail is missing from some candidate altogether; a subtitle after a dash is in all of them (the <title>
  // just has the site after it: "Leudot talvet… – näillä keinoilla… | Yle Uutiset").
  const heads = new Map<string, string>();
  for (const t of texts) {
    const parts = normalizeText(t).split(SEPARATOR);
    if (parts.length >= 3) heads.set(parts.at(-1)!, parts[0]!.slice(0, 24));
  }
  const missingSomewhere = (tail: string) =>
    texts.some((t) => normalizeText(t).startsWith(heads.get(tail) ?? '\u0000') && !normalizeText(t).includes(tail));
  return [...counts]
    .filter(([tail, n]) => n >= 2 && n < texts.length && size(tail) <= 6 && missingSomewhere(tail))
    .map(([tail]) => tail);
}

/** Steps 2 and 3: the headline the candidates agree on, or undefined when none is usable. */
export function pickHeadline(candidates: HeadlineCandidate[], site: SiteNames): string | undefined {
  const keys = siteKeys(site);
  const repeated = repeatedTails(candidates.map((c) => c.text));
  const cleaned = candidates
    .map((c) => ({ ...c, text: stripSite(c.text, site, repeated) }))
    .filter((c) => c.text && !isFurniture(c.text));
  const pool = cleaned.filter((c) => !c.branded && !namesSite(c.text, keys));
  if (!pool.length) return cleaned.find((c) => !namesSite(c.text, keys))?.text;
  const longest = Math.max(...pool.map((c) => size(c.text)));
  const real = pool.filter((c) => !isDateOrSection(c.text) || size(c.text) === longest || longest <= 3);
  const options = new Map<string, { text: string; score: number; rank: number }>();
  const vote = (text: string, weight: number, rank: number) => {
    const key = form(text);
    const o = options.get(key) ?? { text, score: 0, rank };
    o.score += weight;
    o.rank = Math.min(o.rank, rank);
    options.set(key, o);
  };
  for (const [rank, c] of real.entries()) {
    // A social title cut short ("Council votes to rebuild the harbour…") votes for the full one it begins.
    const cut = c.text.match(/^(.{12,}?)\s*(?:…|\.\.\.)$/u)?.[1];
    const whole =
      cut && real.find((o) => o !== c && form(o.text).startsWith(form(cut)) && o.text.length > cut.length + 1);
    // An attribute cut at an unescaped quotation mark (content="Gabriel Diniz, do hit "Jenifer", morre…") is the
    // beginning of a candidate that goes on with that mark: it votes for the whole.
    const quoted = real.find((o) => o !== c && goesOnWithMark(c.text, o.text));
    vote(whole ? whole.text : quoted ? quoted.text : c.text, WEIGHT[c.source], rank);
  }
  // Shared beginnings: "X 編集委員 中沢克二" and "X" agree on X.
  for (let i = 0; i < real.length; i++)
    for (let j = i + 1; j < real.length; j++) {
      const a = form(real[i]!.text);
      const b = form(real[j]!.text);
      if (a === b) continue;
      const start = commonStart(a, b);
      const shorter = Math.min(a.length, b.length);
      // Only a beginning that is itself one of the two: "…brace for an intense sprint" and "…brace for a sprint"
      // never make "…brace for a" a headline, nor two subtitles the words before their colon.
      if (
        (start === a || start === b) &&
        start.length >= Math.max(8, 0.6 * shorter) &&
        size(start) >= 3 &&
        !goesOnWithMark(start, real[i]!.text) &&
        !goesOnWithMark(start, real[j]!.text)
      )
        vote(start, (WEIGHT[real[i]!.source] + WEIGHT[real[j]!.source]) * 0.9, Math.min(i, j));
    }
  return [...options.values()].sort((x, y) => y.score - x.score || x.rank - y.rank)[0]?.text;
}
