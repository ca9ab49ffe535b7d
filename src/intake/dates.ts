// Turn the date shapes articles print (ISO, "February 10, 2025", "10.02.2025", "2025年2月10日") into ISO 8601.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const pad = (n: number): string => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return undefined;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return Number.isNaN(Date.parse(iso)) ? undefined : iso;
}

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
  let m = text.match(/\b([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})\b/);
  if (m && MONTHS[m[1]!.toLowerCase()]) return ymd(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  m = text.match(/\b(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})\b/);
  if (m && MONTHS[m[2]!.toLowerCase()]) return ymd(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  m = text.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = text.match(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/);
  if (m) return ymd(+m[3]!, +m[2]!, +m[1]!);
  return undefined;
}
