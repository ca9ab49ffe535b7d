// Page furniture: the share buttons, comment widgets, "Read more" links and menus that scraping drags in.
import { DATELINE } from './dates.ts';

// Whole-line matches (case-insensitive, after trimming). Kept as phrases, not single words, so a real
// sentence that merely contains "share" or "comments" is never dropped.
const FURNITURE_LINES: RegExp[] = [
  // English
  /^(share|share this( article| story| post)?|share (on|via) \w+|share your comments?|tweet|email|print|copy link)$/i,
  /^(read more|read next|continue reading|see also|also read|related( articles| posts| stories| coverage)?|more from .{1,40})$/i,
  /^(trending( now| posts| stories)?|popular( posts| now)?|most (read|popular|viewed)|recommended( for you)?|quick links|top stories)$/i,
  /^(\d+ )?comments?$|^(leave a (reply|comment)|post a comment|view all comments|load more comments|inline feedbacks|guest|oldest|newest|most voted|newest most voted|sort by.*)$/i,
  /^(subscribe|sign up|sign in|log in|login|register|newsletter|subscribe to our newsletter|join our newsletter)$/i,
  /^(advertisement|sponsored|ad|skip to (main )?content|menu|search|home|close|back to top|cookie settings|accept( all)? cookies)$/i,
  /^(follow us( on .{1,20})?|privacy policy|terms of (use|service)|contact us|about us|all rights reserved.*|©.*|copyright .*)$/i,
  /^(image|photo|video)( credit| source)?:.*$/i,
  // German, French, Spanish, Italian, Portuguese
  /^(artikel teilen|teilen|mehr zum thema|lesen sie auch|auch interessant|kommentare|anzeige|weiterlesen|zum artikel)$/i,
  /^(partager( cet article)?|lire aussi|à lire aussi|commentaires|publicité|voir aussi|lire la suite)$/i,
  /^(compartir( este artículo)?|lee también|leer más|comentarios|publicidad|te puede interesar|noticias relacionadas)$/i,
  /^(condividi( questo articolo)?|leggi anche|commenti|pubblicità|potrebbe interessarti|leggi di più)$/i,
  /^(compartilhe|compartilhar|leia também|leia mais|comentários|publicidade|veja também)$/i,
  // Japanese, Chinese, Arabic
  /^(関連記事|シェア|ツイート|コメント|広告|続きを読む|あわせて読みたい|人気記事)$/,
  /^(相关阅读|相关新闻|分享|分享到|评论|广告|阅读更多|热门文章|推荐阅读)$/,
  /^(اقرأ أيضا|اقرأ أيضاً|شارك|مشاركة|تعليقات|إعلان|المزيد)$/,
];

// Teaser links to other stories: "Also read: <another headline>".
const TEASER =
  /^(also read|read more|read next|see also|related|lesen sie auch|mehr dazu|lire aussi|à lire aussi|lee también|leer más|leggi anche|leia também|leia mais|関連記事|相关阅读|اقرأ أيضا)\s*[:：]/iu;

// Where the article ends and the page's tail (sharing, comments, other stories) begins.
const END_MARKERS =
  /^(share this( article| story| post)?|share your comments?|(\d+ )?comments|leave a (reply|comment)|trending( now| posts| stories)?|related( articles| posts| stories)?|quick links|recommended( for you)?|more from .{1,40}|artikel teilen|kommentare|mehr zum thema|partager cet article|commentaires|compartir este artículo|comentarios|condividi questo articolo|commenti|compartilhe|comentários|関連記事|コメント|相关阅读|评论|تعليقات)$/iu;

const clean = (line: string): string =>
  line
    .trim()
    .replace(/[\s:·•|»›>→]+$/u, '')
    .replace(/^[\s·•|»›>←]+/u, '');

/** True for a line of page furniture rather than article text. */
export function isFurniture(line: string): boolean {
  const s = clean(line);
  if (s === '') return true;
  return TEASER.test(s) || FURNITURE_LINES.some((re) => re.test(s));
}

/** True for a line after which the rest of a scraped page is furniture. */
export const isEndMarker = (line: string): boolean => END_MARKERS.test(clean(line));

/** Bylines ("By Jane Doe", "Von …", "Par …"): metadata, not headline. */
export const BYLINE = /^(by|von|par|por|di|de|da|door|بقلم|文[／/]|記者)\s+(.{2,80})$/iu;

/** "Cronaca | 21 giugno 2026", "Politik · 3. März 2026": a section label with a date, not a headline. */
export function isSectionDateLine(line: string): boolean {
  const parts = line.split(/\s+[|·•/–—-]\s+/u);
  return (
    parts.length >= 2 &&
    parts.some((p) => DATELINE.test(p)) &&
    parts.every((p) => DATELINE.test(p) || p.split(/\s+/).length <= 3)
  );
}
