// Dates as articles print them ("February 10, 2025", "21 giugno 2026", "10.02.2025", "2025年2月10日") → ISO 8601.

// Month names (and the abbreviations that start them) in the languages we read, each to its number.
const MONTH_NAMES: string[][] = [
  ['january', 'januar', 'janvier', 'enero', 'gennaio', 'janeiro', 'januari', 'января', 'январь', 'jänner'],
  ['february', 'februar', 'février', 'fevrier', 'febrero', 'febbraio', 'fevereiro', 'februari', 'февраля', 'февраль'],
  ['march', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'maart', 'марта', 'март'],
  ['april', 'avril', 'abril', 'aprile', 'апреля', 'апрель'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'мая', 'май'],
  ['june', 'juni', 'juin', 'junio', 'giugno', 'junho', 'июня', 'июнь'],
  ['july', 'juli', 'juillet', 'julio', 'luglio', 'julho', 'июля', 'июль'],
  ['august', 'août', 'aout', 'agosto', 'augustus', 'августа', 'август'],
  ['september', 'septembre', 'septiembre', 'settembre', 'setembro', 'сентября', 'сентябрь'],
  ['october', 'oktober', 'octobre', 'octubre', 'ottobre', 'outubro', 'октября', 'октябрь'],
  ['november', 'novembre', 'noviembre', 'novembro', 'ноября', 'ноябрь'],
  ['december', 'dezember', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro', 'декабря', 'декабрь'],
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => {
  for (const n of names) {
    MONTHS.set(n, i + 1);
    // Three-letter abbreviations ("Feb.", "févr", "dic"), where they are not ambiguous.
    if (!MONTHS.has(n.slice(0, 3))) MONTHS.set(n.slice(0, 3), i + 1);
  }
});
/** Any month name or abbreviation, as a regex source (for callers that cut dates off other text). */
export const MONTH = `(?:${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;

/** A line that is only a date (and perhaps a time, a weekday, a place or "Published"): metadata, not text. */
export const DATELINE = new RegExp(
  String.raw`^((published|updated|posted|veröffentlicht|aktualisiert|publié le|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|опубликовано|公開|发布时间|입력|نشر)\b[:\s]*)?.{0,24}(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|${MONTH} \d{1,2},? \d{4}|\d{1,2}\.?(?: de)? ${MONTH}(?: de)? \d{4}|\d{4}年\d{1,2}月\d{1,2}日|\d{4}\.\d{1,2}\.\d{1,2})(?!\d).{0,30}$`,
  'iu',
);

const pad = (n: number): string => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

const monthOf = (name: string): number | undefined => MONTHS.get(name.toLowerCase().replace(/\.$/, ''));

/** The first recognisable date in `s` as ISO 8601 (date only unless the input had a time), or undefined. */
export function toIsoDate(s: string | undefined | null): string | undefined {
  if (!s) return undefined;
  const text = s.trim();
  const iso = text.match(/\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/);
  if (iso) {
    const v = iso[0].replace(' ', 'T');
    // A time without an offset is ambiguous; keep only the date rather than guess a zone.
    if (/T/.test(v) && !/(Z|[+-]\d{2}:?\d{2})$/.test(v)) return ymd(+v.slice(0, 4), +v.slice(5, 7), +v.slice(8, 10));
    return Number.isNaN(Date.parse(v)) ? undefined : v;
  }
  let m = text.match(new RegExp(`(?<![\\p{L}])(${MONTH}) (\\d{1,2}),? (\\d{4})\\b`, 'iu'));
  if (m && monthOf(m[1]!)) return ymd(+m[3]!, monthOf(m[1]!)!, +m[2]!);
  m = text.match(new RegExp(`\\b(\\d{1,2})\\.?(?: de)? (${MONTH})(?: de)? (\\d{4})\\b`, 'iu'));
  if (m && monthOf(m[2]!)) return ymd(+m[3]!, monthOf(m[2]!)!, +m[1]!);
  m = text.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = text.match(/\b(\d{4})\.(\d{1,2})\.(\d{1,2})\b/);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = text.match(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/);
  if (m) return ymd(+m[3]!, +m[2]!, +m[1]!);
  return undefined;
}
