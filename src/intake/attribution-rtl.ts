// Who said it in Arabic and Hebrew: the verb comes first, then the speaker (وقال …, אמר …), before or after.
import type { Attribution } from './attribution.ts';

// Arabic: وقال وزير الخارجية أحمد عطاف: «…» / «…»، قال أحمد عطاف.
const AR_VERB =
  '(?:و|ف)?(?:قال|قالت|صرح|صرّح|صرحت|أكد|أكدت|أضاف|أضافت|أوضح|أوضحت|ذكر|ذكرت|أعلن|أعلنت|تابع|تابعت|كتب|كتبت|اعتبر|اعتبرت|أشار|أشارت|رأى|رأت|گفت|می‌گوید|میگوید|افزود|اظهار کرد|اظهار داشت|تاکید کرد|تأکید کرد|نوشت)';
const AR_CUT = /\s(?:في|خلال|أمام|عبر|على|يوم|أمس|اليوم|مساء|صباح|بعد|قبل|عقب|إثر|أثناء|لدى)(?:\s.*)?$/u;
function arName(span: string): Attribution {
  const words = span.replace(AR_CUT, '').trim().split(/\s+/).filter(Boolean);
  while (words.length && /^ل/u.test(words.at(-1)!) && words.length > 2) words.pop();
  if (!words.length) return { kind: 'pronoun' };
  // A lone definite noun ("الوزير", the minister) is a title, not a name.
  if (words.length === 1 && /^ال/u.test(words[0]!)) return { kind: 'unnamed' };
  return { kind: 'named', name: words.slice(-2).join(' ') };
}
export function arabic(before: string, after: string): Attribution {
  const b = before.match(new RegExp(`(?:^|\\s)${AR_VERB}(?:\\s+([^:،,«»"“”.]{0,60}?))?\\s*[:：،,]?\\s*$`, 'u'));
  if (b) return arName(b[1] ?? '');
  const a = after.match(new RegExp(`^[\\s،,.]*${AR_VERB}(?:\\s+([^.،,:«»"“”]{0,60}))?`, 'u'));
  if (a) return arName(a[1] ?? '');
  return { kind: 'none' };
}

// Hebrew: "…", אמר שר השיכון יוסי כהן בדיון / יוסי כהן אמר: "…".
const HE_VERB =
  '(?:ו)?(?:אמר|אמרה|אמרו|הוסיף|הוסיפה|ציין|ציינה|מסר|מסרה|כתב|כתבה|הסביר|הסבירה|הדגיש|הדגישה|טען|טענה|הבהיר|הבהירה|השיב|השיבה|סיפר|סיפרה|לדברי)';
// Titles before a name and circumstances after it: שר השיכון | יוסי כהן | בדיון.
const HE_CIRCUMSTANCE =
  /\s(?:בדיון|בכנס|בראיון|בהודעה|בתגובה|בטוויטר|בפייסבוק|בשיחה|במסיבת|לכתבים|לעיתונאים|היום|אתמול|הבוקר|הערב|בערב|בבוקר)(?:\s.*)?$/u;
function heName(span: string): Attribution {
  const words = span.replace(HE_CIRCUMSTANCE, '').trim().split(/\s+/).filter(Boolean);
  if (!words.length || /^(הוא|היא|הם)$/u.test(words[0]!)) return { kind: 'pronoun' };
  if (words.length === 1) return /^ה/u.test(words[0]!) ? { kind: 'unnamed' } : { kind: 'named', name: words[0]! };
  return { kind: 'named', name: words.slice(-2).join(' ') };
}
export function hebrew(before: string, after: string): Attribution {
  const a = after.match(new RegExp(`^[\\s,.]*${HE_VERB}(?:\\s+([^.,:"“”״]{0,60}))?`, 'u'));
  if (a) return heName(a[1] ?? '');
  const b = before.match(new RegExp(`([^.:,"“”״]{0,40}?)\\s*${HE_VERB}\\s*[:,]?\\s*$`, 'u'));
  if (b) return heName(b[1] ?? '');
  return { kind: 'none' };
}
