// Who said it: find the speaker named next to a quote, in the word orders of the languages we support.
import { NAME_SRC, tidyName, undot } from './names.ts';
import { INV, VERB } from './verbs.ts';

export type Attribution =
  | { kind: 'named'; name: string } // "…," said Sam Altman / Altman’s response: "…"
  | { kind: 'pronoun' } // "…," he said / a-t-il déclaré / dijo. (speaker named earlier)
  | { kind: 'unnamed'; role?: string | undefined } // "…," said the coach (a speech verb, no name)
  | { kind: 'none' };

const PRONOUN = 'he|she|they|er|sie|il|elle|ils|elles|ele|ela|lui|lei';
// After an inverted verb only these are pronouns: Italian "ha detto il ministro" has an article, not "il" (he).
const INV_PRONOUN = 'he|she|they|er|sie|ele|ela|lui|lei';
const LEAD = String.raw`^[\s,.;:!?—–-]*`;
const B = String.raw`(?![\p{L}])`;

const AFTER_INV = new RegExp(`${LEAD}(?:${INV})${B}([^,.;:!?()]{0,90})`, 'iu');
// A title may come first: "…," ECB President Christine Lagarde told reporters.
const AFTER_NAME_VERB = new RegExp(
  `${LEAD}(?:[^,.;:!?“”"«»]{0,40}?\\s)?(${NAME_SRC})(?:,[^,]{1,80},)?\\s+(?:${VERB})${B}`,
  'u',
);
const AFTER_PRONOUN = new RegExp(
  `${LEAD}(?:(?:${INV})\\s+(?:${INV_PRONOUN})${B}|(?:${PRONOUN})\\s+(?:${VERB})${B}|\\p{Ll}+-t-(?:il|elle)${B}|(?:dit|ajoute|explique|affirme|estime|poursuit|souligne|insiste)-(?:il|elle)${B})`,
  'iu',
);
const NAME_ALL = new RegExp(NAME_SRC, 'gu');
const PREPOSITION_BEFORE = /(?:^|\s)(?:of|de|del|do|da|dos|das|di|della|des|du|der|von)\s+$/u;
const APPOSITION = new RegExp(`^,\\s*(${NAME_SRC})\\s*(?:[.,;]|$)`, 'u');
const BEFORE_VERB = new RegExp(`(?:^|[\\s(])(?:${VERB})${B}[^“”"«»„.!?]{0,60}?[:,：]?\\s*$`, 'iu');
const BEFORE_PRONOUN = new RegExp(`(?:^|[\\s(])(?:${PRONOUN})\\s+(?:${VERB})${B}[^“”"«»„.!?]{0,60}?[:,：]?\\s*$`, 'iu');
const BEFORE_POSSESSIVE = new RegExp(`(${NAME_SRC})(?:’s|'s)\\s[^“”"«»„]{0,60}[:：]\\s*$`, 'u');
const BEFORE_COLON = new RegExp(`(${NAME_SRC})\\s*[:：]\\s*$`, 'u');

/** A name that follows a preposition is an institution ("el presidente del Gobierno"), not the speaker. */
function firstPersonName(rest: string): string | undefined {
  for (const m of rest.matchAll(NAME_ALL)) {
    if (PREPOSITION_BEFORE.test(rest.slice(0, m.index))) continue;
    const name = tidyName(m[0]);
    if (name) return name;
  }
  return undefined;
}

// Where/when phrases end a speaker descriptor: "o técnico após o jogo" → "o técnico".
const CIRCUMSTANCE =
  /\s(?:after|before|at|in|on|during|nach|vor|bei|am|im|après|avant|à|au|lors|en|después|antes|durante|tras|dopo|prima|durante|al|após|antes|em|no|na|durante)\s.*$/u;

/** "said the coach" → role "coach", for finding "coach Dorival Júnior" earlier in the article. */
const roleOf = (descriptor: string): string | undefined =>
  descriptor
    .replace(CIRCUMSTANCE, '')
    .trim()
    .split(/\s+/)
    .filter((w) => /^\p{Ll}{3,}$/u.test(w))
    .at(-1);

/** Latin-script languages: verb before or after the quote, name before or after the verb. */
function latin(before: string, after: string): Attribution {
  let m = after.match(AFTER_NAME_VERB);
  if (m) {
    const name = tidyName(m[1]!);
    if (name) return { kind: 'named', name };
  }
  m = after.match(AFTER_INV);
  if (m && !AFTER_PRONOUN.test(after)) {
    const rest = m[1]!;
    // "…", a déclaré la secrétaire générale de la CGT, Sophie Binet. — the apposition is the name.
    const apposition = after.slice((m.index ?? 0) + m[0].length).match(APPOSITION);
    const name = (apposition ? tidyName(apposition[1]!) : undefined) ?? firstPersonName(rest);
    if (name) return { kind: 'named', name };
    // Spanish, Italian and Portuguese drop the pronoun: «…», dijo. / "…", ha detto.
    if (rest.trim() === '') return { kind: 'pronoun' };
    return { kind: 'unnamed', role: roleOf(rest) };
  }
  if (AFTER_PRONOUN.test(after)) return { kind: 'pronoun' };
  const clause = before.split(/(?<=[.!?])\s+(?=\p{Lu})/u).at(-1) ?? '';
  if (BEFORE_PRONOUN.test(clause)) return { kind: 'pronoun' };
  const v = clause.match(BEFORE_VERB);
  if (v) {
    const names = [...clause.slice(0, v.index).matchAll(NAME_ALL)];
    const name = names.length ? tidyName(names.at(-1)![0]) : undefined;
    return name ? { kind: 'named', name } : { kind: 'unnamed', role: roleOf(clause.slice(0, v.index)) };
  }
  m = before.match(BEFORE_POSSESSIVE) ?? clause.match(BEFORE_COLON);
  if (m) {
    const name = tidyName(m[1]!);
    if (name) return { kind: 'named', name };
  }
  return { kind: 'none' };
}

// Japanese: 孫正義社長は「…」と述べた / 「…」と孫氏は語った.
const JA_VERB =
  /^と(?:[^。、「」]{0,20}?(?:は|が))?[、\s]*(?:述べ|語っ|語る|語り|話し|話す|説明し|強調し|明らかにし|指摘し|訴え|コメントし|答え|主張し|明かし|発言し)/u;
const JA_TITLE =
  /(氏|さん|首相|大統領|社長|会長|大臣|長官|教授|監督|代表|総裁|知事|市長|議員|選手|CEO|最高経営責任者|主席|総理|部長|理事長|委員長|担当者)$/u;
function japanese(before: string, after: string): Attribution {
  if (!JA_VERB.test(after)) return { kind: 'none' };
  const sentence = before.split(/[。！？]/u).at(-1) ?? '';
  const tail = after.match(/^と([^。、「」]{1,20}?)(?:は|が)/u)?.[1];
  // The topic of the sentence: 佐藤恒治社長は記者会見で「…」 → 佐藤恒治社長.
  const subject = sentence.match(/(?:^|[、。の\s])([^、。の「」『』\s]{1,24}?)(?:は|が)/u)?.[1] ?? tail;
  if (!subject) return { kind: 'pronoun' };
  if (/^(彼|彼女|同氏|同社)$/u.test(subject)) return { kind: 'pronoun' };
  const name = subject.replace(JA_TITLE, '');
  return name.length >= 2 && name.length <= 12 ? { kind: 'named', name } : { kind: 'unnamed' };
}

// Chinese: 华为创始人任正非表示：“…” / “…”，任正非说。
const ZH_VERB = '表示|说|說|称|稱|指出|强调|強調|透露|坦言|回应|回應|表明|宣布|介绍|介紹|认为|認為|写道|寫道';
const ZH_TITLE =
  /.*(创始人|創始人|发言人|發言人|首席执行官|首席執行官|执行官|董事长|董事長|总裁|總裁|总经理|總經理|经理|主席|总理|總理|总统|總統|部长|部長|教授|院长|市长|市長|主任|负责人|負責人|CEO|局长|省长|书记|大使|研究员|分析师|分析師|专家|專家|官员|官員|代表|经济学家|經濟學家)/u;
const ZH_TIME =
  /(周[一二三四五六日]|週[一二三四五六日]|今天|昨天|日前|近日|当天|當天|此前|也|还|還|则|則|在[^，。]{1,12}上)+$/u;
function zhName(span: string): Attribution {
  const s = span.replace(ZH_TIME, '').trim();
  if (/^(他|她|他们|她们|他們|她們)$/u.test(s)) return { kind: 'pronoun' };
  const name = s.replace(ZH_TITLE, '').replace(/^[的]/u, '');
  return name.length >= 2 && name.length <= 12 ? { kind: 'named', name } : { kind: 'unnamed' };
}
function chinese(before: string, after: string): Attribution {
  const b = before.match(new RegExp(`([^，。：:“”「」！？]{1,30}?)(?:${ZH_VERB})[：:，,]?\\s*$`, 'u'));
  if (b) return zhName(b[1]!);
  const a = after.match(new RegExp(`^[，,]?\\s*([^，。“”「」！？]{1,20}?)(?:${ZH_VERB})`, 'u'));
  if (a) return zhName(a[1]!);
  return { kind: 'none' };
}

// Arabic: وقال وزير الخارجية أحمد عطاف: «…» / «…»، قال أحمد عطاف.
const AR_VERB =
  '(?:و|ف)?(?:قال|قالت|صرح|صرّح|صرحت|أكد|أكدت|أضاف|أضافت|أوضح|أوضحت|ذكر|ذكرت|أعلن|أعلنت|تابع|تابعت|كتب|كتبت)';
const AR_CUT = /\s(?:في|خلال|أمام|عبر|على|يوم|أمس|اليوم|مساء|صباح|بعد|قبل|عقب|إثر|أثناء|لدى)(?:\s.*)?$/u;
function arName(span: string): Attribution {
  const words = span.replace(AR_CUT, '').trim().split(/\s+/).filter(Boolean);
  while (words.length && /^ل/u.test(words.at(-1)!) && words.length > 2) words.pop();
  if (!words.length) return { kind: 'pronoun' };
  // A lone definite noun ("الوزير", the minister) is a title, not a name.
  if (words.length === 1 && /^ال/u.test(words[0]!)) return { kind: 'unnamed' };
  return { kind: 'named', name: words.slice(-2).join(' ') };
}
function arabic(before: string, after: string): Attribution {
  const b = before.match(new RegExp(`(?:^|\\s)${AR_VERB}(?:\\s+([^:،,«»"“”.]{0,60}?))?\\s*[:：،,]?\\s*$`, 'u'));
  if (b) return arName(b[1] ?? '');
  const a = after.match(new RegExp(`^[\\s،,.]*${AR_VERB}(?:\\s+([^.،,:«»"“”]{0,60}))?`, 'u'));
  if (a) return arName(a[1] ?? '');
  return { kind: 'none' };
}

/** Find the speaker of a quote from the text just before and just after it in its paragraph. */
export function attribute(rawBefore: string, rawAfter: string): Attribution {
  const before = undot(rawBefore);
  const after = undot(rawAfter);
  const context = `${before.slice(-40)}${after.slice(0, 40)}`;
  if (/[\u3040-\u30ff]/u.test(context) || /^と/u.test(after)) return japanese(before, after);
  if (/[\u0600-\u06ff]/u.test(context)) return arabic(before, after);
  if (/[\u3400-\u9fff]/u.test(context)) return chinese(before, after);
  return latin(before, after);
}
