// Bylines: people only. "Pete Evans · CBC News · Posted: Oct 14, 2022" → "Pete Evans"; several authors comma-joined.
//
// THE RULE: a byline is split into pieces at separators (| · • / newlines, "and", "und", "et", "y", "e", "&",
// commas); labels go ("By", "Von", "Par", "Texto:", "Текст:", "Auteur:", "记者"), and so do dates, times, read
// times ("5 Min Read", "Lesedauer: 8 Minuten"), counts ("257 Artikel"), roles after a comma ("AP National
// Security Writer"), places in parentheses, e-mail addresses and @handles. A piece stays only if it looks like a
// person's name in its script — 2–5 capitalised words (with particles: de, van, von, da, bin…), 2–4 Han
// characters or Hangul syllables, 2–4 Arabic or Hebrew words — and is not the site, a news agency or a newsroom
// ("Reuters", "AFP", "Redaktion", "Our Foreign Staff", "anónimo").
import { normalizeText } from '../story/normalize.ts';
import { DATELINE, MONTH } from './dates.ts';
import { namesSite } from './site.ts';

const LABEL =
  /^(?:by|von|par|por|di|door|mit|af|av|przez|text|texte|texto|текст|автор|autor|autore|auteur|author|written by|words by|story by|reporting by|text by|מאת|publicado por|publié par|posted by|geschrieben von|über|un texte de|reportage|interview|حوار|بقلم|记者|記者|作者|文|撰文|취재)\s*[:：/]?\s*/iu;
const AGENCY =
  /^(?:ap|afp|reuters|dpa|efe|ansa|apa|sda|kna|epd|xinhua|yonhap|kyodo|jiji|upi|pa|bloomberg|associated press|agence france-presse|press association|ria novosti|tass|anadolu|europa press|lusa|ndr|wdr|br|swr|mdr|ritzau|tt|ntb|stt|pap|čtk|ctk|mti|anp|belga|bta|interfax|ukrinform)$/i;
// Words no person's name is made of: newsrooms, teams and roles.
const NOT_A_NAME =
  /^(?:news|staff|team|desk|newsdesk|coordenadoria|coordinación|coordination|departamento|department|abteilung|ministério|ministerio|ministry|prefeitura|gobierno|assessoria|comunicação|comunicación|communications?|office|bureau|büro|redaktion|redaction|rédaction|redacción|redação|redazione|redactie|editors?|editorial|online|digital|media|press|presse|agency|agencia|wire|service|services|reporters?|writers?|correspondents?|contributors?|foreign|our|the|and|anónimo|anonymous|anonyme|admin|administrator|webmaster|follow|twitter|facebook|instagram|photo|photos|foto|fotos|фото|image|video|share|shares|comments?|updated|posted|published|min|read|group|groupe|gruppe|grupo|gruppo|grupa|articles|subscribe|rss|bio)$/i;
// A page's buttons glued to the byline ("Print Ari Wasserman"): actions, not part of the name.
const BUTTONS = /^(?:(?:print|e-?mail|share|tweet|save)\s+)+(?=\p{Lu})/iu;
const PARTICLE = /^(?:de|da|do|dos|das|del|della|di|du|des|van|von|der|den|ter|ten|la|le|bin|ibn|al|el|y|e|zu)$/;
const CJK_NOT_A_NAME =
  /(新聞|新闻|日报|日報|网|網|社|台|部|局|通信|编辑|編集|記者|记者|个人|個人|作者|来源|出处|本报|本網|本网|客户端)/u;

export interface BylineContext {
  /** The site's names as siteKeys() gives them — never a person. */
  site: string[];
}

function titleCase(name: string): string {
  if (name !== name.toUpperCase() || !/\p{Lu}{2}/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** Is this (already trimmed) text a person's name? */
export function personName(raw: string, ctx: BylineContext): string | undefined {
  const s = normalizeText(raw)
    .replace(/^[\s,.;:|·•–—'"‘’“”-]+|[\s,.;:|·•–—'"‘’“”-]+$/gu, '')
    .trim();
  if (!s || s.length > 60 || /[\d@/\\=<>#]|https?|www\.|\.(com|net|org|de|fr|es|it|ru|br)\b/i.test(s)) return undefined;
  if (AGENCY.test(s) || namesSite(s, ctx.site)) return undefined;
  if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(s)) {
    const t = s.replace(/\s+/g, '');
    return /^[\p{Script=Han}\p{Script=Katakana}ー・]{2,6}$/u.test(t) && !CJK_NOT_A_NAME.test(t) ? t : undefined;
  }
  if (/\p{Script=Hangul}/u.test(s)) return /^\p{Script=Hangul}{2,4}$/u.test(s) ? s : undefined;
  if (/[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(s)) {
    const words = s.split(/\s+/);
    return words.length >= 2 && words.length <= 4 && /^[\p{Script=Arabic}\p{Script=Hebrew}\s'"״׳-]+$/u.test(s)
      ? s
      : undefined;
  }
  const words = s.split(/\s+/);
  if (words.length < 2 || words.length > 5) return undefined;
  let named = 0;
  for (const w of words) {
    if (NOT_A_NAME.test(w.replace(/[.’']/g, ''))) return undefined;
    if (PARTICLE.test(w)) continue;
    if (!/^(\p{Lu}[\p{L}’'.-]*|\p{Lu}\.)$/u.test(w)) return undefined;
    named++;
  }
  if (named < 2) return undefined;
  // "Perry Bacon Jr" keeps its "Jr." (the trim above took the dot).
  return titleCase(s).replace(/\b(Jr|Sr)$/u, '$1.');
}

// Pieces that end a byline's names: dates, times, read times, counts, "Updated", "Posted:" …
const TAIL_WORDS = new RegExp(
  String.raw`\s*(?:\b${MONTH}\s+\d.*|\s(?:twitter|facebook|instagram|linkedin|e-?mail|follow|mail|shares?|comments?)\b.*)$`,
  'iu',
);
const TAIL =
  /\s*(?:\b(?:updated|posted|published|last updated|aktualisiert|veröffentlicht|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|lesedauer|reading time|tempo di lettura|temps de lecture)\b.*|\d+\s*(?:min(?:ute)?s?\.?|minuten)\s*(?:read|lesezeit|de lecture|di lettura)?\b.*|\b\d{1,2}[:h.]\d{2}\b.*|\d.*$)/iu;

/** The people a byline names, cleaned, in order (none when it names only an outlet, an agency or a date). */
export function bylineNames(raw: string, ctx: BylineContext): string[] {
  const names: string[] = [];
  // "Reporting by A; Editing by B": editors are not authors.
  // Adjacent elements read as one run ("Joe DavidsonWashington PostDec"): a long lower-case run glued to a capital is
  // a boundary (McDonald, DeSantis, FitzGerald have at most three letters before theirs).
  const unglued = raw.replace(/(\p{Ll}{4,})(\p{Lu})/gu, '$1 | $2');
  const authored = unglued.replace(/[;|]\s*(?:editing|edited|editor|redigiert|édité|editado|a cura)\b.*$/isu, '');
  const pieces = normalizeText(
    authored
      .replace(/[\n\r\t]+/g, ' | ')
      .replace(/\(\s*(?:avec|with|mit|con|com)\s+([^)]*)\)/giu, ', $1')
      .replace(/\([^)]*\)|\[[^\]]*\]|\S+@\S+|@\w+/gu, ' '),
  ).split(/\s*(?:[|·•/]|\s[–—-]\s)\s*/u);
  // Names come in the first piece that has any: "Patricio Candia | Palma de Mallorca | 08/01/2014".
  for (const piece of pieces) {
    if (names.length) break;
    const body = piece.replace(BUTTONS, '').replace(LABEL, '').replace(TAIL_WORDS, '').replace(TAIL, '').trim();
    // "Glen Owen And Brendan Carlin For The Mail On Sunday": the outlet after "for" goes, names split on any case.
    const parts = body
      .replace(/\s+(?:for|für|pour|para|per|voor)\s+\p{Lu}.*$/iu, '')
      .split(/\s*(?:,|;|&|\s(?:and|und|et|y|e|en|i|и|og|och)\s)\s*/iu);
    for (const part of parts) {
      const name = personName(part.replace(LABEL, '').replace(/\s*(기자|記者|记者|特派員|特派员)$/u, ''), ctx);
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

const DATED =
  /\b(?:published|updated|posted|veröffentlicht|aktualisiert|publié|publicado|pubblicato|min read|lesedauer)\b/iu;

/**
 * The people a scraped-text line names, if the line is a byline: it starts with a byline label ("By", "Von",
 * "Texto:", "Текст:", "מאת"), is "NAME 기자", or is a name followed by a date or read time after a separator
 * ("Dana Whitfield | Published 4 May 2026 | 4 Min Read"). Sentences are not bylines.
 */
export function bylineOfLine(line: string, ctx: BylineContext): string[] {
  if (line.length > 160) return [];
  const ko = line.match(/^(\p{Script=Hangul}{2,4})\s*(?:기자|특파원)(?:\s+\S+@\S+)?$/u);
  if (ko) return [ko[1]!];
  const pieces = line.split(/\s*(?:[|·•]|\s[–—-]\s)\s*/u);
  const labelled = LABEL.test(pieces[0]!) && !/[.!?。]$/u.test(line) && pieces[0]!.split(/\s+/).length <= 8;
  const dated = pieces.length >= 2 && pieces.slice(1).some((p) => DATELINE.test(p) || DATED.test(p));
  return labelled || dated ? bylineNames(line, ctx) : [];
}
