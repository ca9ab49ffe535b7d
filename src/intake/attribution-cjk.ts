// Who said it in Japanese, Chinese and Korean: the speaker comes before the quote as the sentence's topic, or
// after it with the verb (「…」と孫氏は語った, “…”，任正非说, "…"고 오세진 실장이 말했다).
import type { Attribution } from './attribution.ts';

// Japanese: 孫正義社長は「…」と述べた / 「…」と孫氏は語った.
const JA_VERB =
  /^と(?:[^。、「」]{0,20}?(?:は|が))?[、\s]*(?:述べ|語っ|語る|語り|話し|話す|説明し|強調し|明らかにし|指摘し|訴え|コメントし|答え|主張し|明かし|発言し|言う|言っ|いう|いっ|話した|記し|書い|投稿し|批判し|呼びかけ|述懐|紹介し|アピールし|振り返っ|語り|明言し|表明し|強調|説明|話し|述べ)/u;
const JA_TITLE =
  /(氏|さん|首相|大統領|社長|会長|大臣|長官|教授|監督|代表|総裁|知事|市長|議員|選手|CEO|最高経営責任者|主席|総理|部長|理事長|委員長|担当者|報道官)$/u;
// Descriptions, not names: 地元の民兵指導者, 当局者, あるアナリスト.
const JA_GENERIC =
  /(指導者|当局者|関係者|アナリスト|専門家|住民|男性|女性|担当者|幹部|職員|広報|市民|患者|医師|記者|目撃者|消息筋|政府|当局|同社|同省|同庁)$/u;
export function japanese(before: string, after: string): Attribution {
  if (!JA_VERB.test(after)) return { kind: 'none' };
  const sentence = before.split(/[。！？]/u).at(-1) ?? '';
  const tail = after.match(/^と([^。、「」]{1,20}?)(?:は|が)/u)?.[1];
  // The topic of the sentence: 佐藤恒治社長は記者会見で「…」 → 佐藤恒治社長.
  const subject = sentence.match(/(?:^|[、。の\s])([^、。の「」『』\s]{1,24}?)(?:は|が)/u)?.[1] ?? tail;
  if (!subject) return { kind: 'pronoun' };
  if (/^(彼|彼女|同氏)$/u.test(subject)) return { kind: 'pronoun' };
  if (JA_GENERIC.test(subject) || /^(ある|別の|地元の)/u.test(subject)) return { kind: 'unnamed', definite: false };
  // "首相は「…」": a role with its particle is not a name; whoever the article calls 首相 is (cjkRoleHolder).
  const role = subject.match(JA_TITLE)?.[1];
  if (role && subject === role) return { kind: 'unnamed', role, definite: true };
  const name = subject.replace(JA_TITLE, '');
  // Person-shaped: Han or Katakana only ("まわりに", "書体を紹介する動画" are phrases), and a Han-only word needs a
  // title where it stands or elsewhere in the text ("増加が" is an increase; "佐藤氏は" and "孫正義社長" are people).
  if (!/^[\p{Script=Han}\p{Script=Katakana}ー・＝=]{2,12}$/u.test(name)) return { kind: 'unnamed' };
  const titled = name !== subject || /[\p{Script=Katakana}]/u.test(name) || jaPerson(name, `${before}${after}`);
  // Untitled here: weak, kept only if the article gives it a title or an age elsewhere (quotes.ts checks).
  return titled ? { kind: 'named', name } : { kind: 'named', name, weak: true };
}

/** Does the text give `name` a title somewhere ("岸田" … "岸田首相", "岸田文雄氏") or an age ("与田祐希（19）")? */
export function jaPerson(name: string, text: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const title = JA_TITLE.source.replace(/\$$/, '');
  return new RegExp(`${escaped}[\\p{Script=Han}]{0,2}(?:${title}|[（(]\\d{1,3}[）)])`, 'u').test(text);
}

// Chinese: 华为创始人任正非表示：“…” / “…”，任正非说。 / 梁振英在接受质询前的发言中说：“…”
const ZH_VERB =
  '表示|说|說|称|稱|指出|强调|強調|透露|坦言|回应|回應|表明|宣布|介绍|介紹|认为|認為|写道|寫道|补充|補充|提到|直言|感叹|感嘆';
const ZH_TITLE =
  /.*(创始人|創始人|发言人|發言人|首席执行官|首席執行官|执行官|董事长|董事長|总裁|總裁|总经理|總經理|经理|主席|总理|總理|总统|總統|部长|部長|教授|院长|市长|市長|主任|负责人|負責人|CEO|局长|省长|书记|大使|研究员|分析师|分析師|专家|專家|官员|官員|代表|经济学家|經濟學家|委员|委員|议员|議員|特首|行政长官|行政長官|院士|博士|医生|醫生|医师|醫師|老师|老師|书记|書記|校长|校長|所长|所長|教练|教練|会长|會長)/u;
const ZH_TIME =
  /(周[一二三四五六日]|週[一二三四五六日]|今天|昨天|日前|近日|当天|當天|此前|也|还|還|则|則|在[^，。]{1,12}上)+$/u;
// Where the speaker's name ends and the circumstances begin: 梁振英|在接受质询前的发言中.
const ZH_CIRCUMSTANCE = /(?:在|于|於|对|對|向|接受|发言|發言|当时|當時|时|時|曾)[^，。]*$/u;
// A title after the name (李兰娟院士, 张文宏主任): the name is what stands before it.
const ZH_TITLE_AFTER =
  /^([\p{Script=Han}·]{2,10}?)(院士|教授|博士|医生|醫生|医师|醫師|先生|女士|主任|书记|書記|省长|省長|市长|市長|县长|縣長|部长|部長|局长|局長|院长|院長|校长|校長|所长|所長|主席|总理|總理|总统|總統|董事长|董事長|总经理|總經理|总裁|總裁|委员|委員|研究员|研究員|发言人|發言人|大使|议员|議員|教练|教練|会长|會長|老师|老師)$/u;
// What ends an organisation, not a person: 外交部发言人 is a ministry's spokesman, nobody named.
const ZH_ORG =
  /(部|局|院|会|會|委|厅|廳|处|處|所|司|办|辦|府|馆|館|社|公司|集团|集團|中心|大学|大學|医院|醫院|政府|银行|銀行|省|市|县|縣|国|國)$/u;
function zhName(span: string): Attribution {
  const s = span.replace(ZH_TIME, '').trim();
  if (/^(他|她|他们|她们|他們|她們)$/u.test(s)) return { kind: 'pronoun' };
  const after = s.match(ZH_TITLE_AFTER);
  if (after && after[1]!.length <= 4 && !ZH_ORG.test(after[1]!)) return { kind: 'named', name: after[1]! };
  let name = s
    .replace(/[(（][^)）]*[)）]/gu, '')
    .replace(ZH_TITLE, '')
    .replace(/^[的]/u, '');
  if (name.length > 4) name = name.replace(ZH_CIRCUMSTANCE, '');
  if (/^(他|她)$/u.test(name)) return { kind: 'pronoun' };
  return name.length >= 2 && name.length <= 12 ? { kind: 'named', name } : { kind: 'unnamed' };
}
export function chinese(before: string, after: string): Attribution {
  const b = before.match(new RegExp(`([^，。：:“”「」！？]{1,40}?)(?:${ZH_VERB})[：:，,]?\\s*$`, 'u'));
  if (b) return zhName(b[1]!);
  const a = after.match(new RegExp(`^[，,]?\\s*([^，。“”「」！？]{1,20}?)(?:${ZH_VERB})`, 'u'));
  if (a) return zhName(a[1]!);
  return { kind: 'none' };
}

// Korean: 오세진 서울시 교통실장은 "…"고 말했다 / "…"라고 그는 밝혔다.
const KO_VERB =
  /^\s*(?:이?라?고|며|면서|라며|라면서)\s*(?:[^."“”]{0,30}?\s)?(?:말했|밝혔|강조했|설명했|전했|덧붙였|주장했|지적했|말하기도|언급했|답했|말한다|밝힌다|강조한다|설명한다|토로했|호소했|털어놨|말했다|했다)/u;
const KO_TITLE =
  /^(대표|사장|회장|장관|실장|국장|과장|부장|차장|팀장|의원|대통령|총리|시장|지사|교수|위원장|대변인|청장|원장|감독|선수|씨|기자|이사|본부장|센터장|소장|관계자|연구원|박사|대리|주임|매니저|상무|전무|부사장|부회장|담당|담당자|홍보)/u;
const KO_ORG = /(시|도|군|구|부|청|원|회|사|처|원|당|단|국|실)$/u;
// A role word at the end of a token, with or without its particle: 대통령은, 교통실장은, 당선인이.
const KO_ROLE =
  /(대표|사장|회장|장관|실장|국장|과장|부장|차장|팀장|의원|대통령|총리|시장|지사|교수|위원장|대변인|청장|원장|감독|선수|이사|본부장|센터장|소장|연구원|박사|당선인|당선자|후보|총장|비서실장|대리|주임|매니저|상무|전무|부사장|부회장)(?:은|는|이|가)?$/u;
// Time words and adverbs that open a Korean clause and look like a 2–4-syllable name: 이날 (this day), 앞서…
const KO_NOT_SPEAKER =
  /^(이날|오늘|어제|내일|당시|현재|이번|지난|최근|앞서|또한|특히|이어|한편|그러면서|이후|이에|아울러|다만|하지만|그러나|그리고|또|올해|지난해|내년|이달|지난달|다음달|오전|오후)$/u;
/**
 * The speaker in the clause before a Korean quote: a 2–4-syllable name next to a role ("오세진 서울시 교통실장은"), or
 * the topic itself when it is the whole clause's subject. A role alone ("대통령은") names whoever holds it.
 */
function koSpeaker(clause: string): Attribution {
  const topic = clause.match(/([^."“”]*?)(?:은|는|이|가)\s*$/u)?.[1] ?? clause;
  const tokens = topic.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 1 && /^(그|그녀|그들)$/u.test(tokens[0]!)) return { kind: 'pronoun' };
  if (/^(그|그녀)(?:은|는|이|가)?$/u.test(tokens.at(-1) ?? '')) return { kind: 'pronoun' };
  const nameLike = (t: string) =>
    /^\p{Script=Hangul}{2,4}$/u.test(t) && !KO_TITLE.test(t) && !KO_ORG.test(t) && !KO_NOT_SPEAKER.test(t);
  // A name with its role within the next two words: the strongest evidence.
  for (const [i, t] of tokens.entries())
    if (nameLike(t) && tokens.slice(i + 1, i + 3).some((x) => KO_ROLE.test(x))) return { kind: 'named', name: t };
  // The clause is only its topic ("홍길동은 …"): the name itself.
  if (tokens.length === 1 && nameLike(tokens[0]!)) return { kind: 'named', name: tokens[0]! };
  const role = tokens.map((t) => t.match(KO_ROLE)).find((m) => m && m[0].replace(/(?:은|는|이|가)$/u, '') === m[1]);
  if (role) return { kind: 'unnamed', role: role[1]!, definite: true };
  // Korean puts the head last: "에르보리앙 홍보 담당 정정현" is 정정현 — the word nearest the particle, not the first.
  for (const t of [...tokens].reverse()) if (nameLike(t)) return { kind: 'named', name: t, weak: true };
  return tokens.length ? { kind: 'unnamed' } : { kind: 'none' };
}
export function korean(before: string, after: string): Attribution {
  if (!KO_VERB.test(after)) return { kind: 'none' };
  const clause = before.split(/(?<=[.!?다])\s+/u).at(-1) ?? '';
  return koSpeaker(clause);
}

const KO_PERSON =
  /(\p{Script=Hangul}{2,4})\s+(?:대표|사장|회장|장관|실장|국장|의원|대통령|총리|교수|위원장|대변인|청장|원장|감독|이사장|본부장)(?:은|는|이|가|의|을|를)?(?![\p{L}])/gu;
/** The last person a Korean text names with a title ("박채규 대표가"): who a profile's own-paragraph quotes are by. */
export function koLastPerson(context: string): string | undefined {
  let found: string | undefined;
  for (const m of context.matchAll(KO_PERSON)) if (!KO_ORG.test(m[1]!)) found = m[1]!;
  return found;
}

/** Whoever the article calls `role` in Japanese or Korean ("岸田文雄首相", "윤석열 대통령"): the last one named. */
export function cjkRoleHolder(role: string, context: string): string | undefined {
  const escaped = role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = /\p{Script=Hangul}/u.test(role)
    ? // "윤석열 대통령", "이창양 산업통상자원부 장관": the name, at most an organisation, then the role, on one line.
      new RegExp(
        `(?<![\\p{L}])(\\p{Script=Hangul}{2,4})[ \\u00A0]+(?:\\p{Script=Hangul}+(?:부|시|도|군|구|청|원|회|사|처|당|단|국|실)[ \\u00A0]+)?\\p{Script=Hangul}*${escaped}`,
        'gu',
      )
    : new RegExp(
        `(?<![\\p{Script=Han}\\p{Script=Katakana}ー・])([\\p{Script=Han}\\p{Script=Katakana}ー・]{2,8}?)${escaped}`,
        'gu',
      );
  let found: string | undefined;
  for (const m of context.matchAll(re)) {
    const name = m[1]!;
    // An organisation or "the same" (同社, 政府, 서울시) is not a holder.
    if (/^同|[社省庁府会党国県市部局院]$/u.test(name) || KO_ORG.test(name) || KO_NOT_SPEAKER.test(name)) continue;
    // A Korean word with a case particle (공장을, 평택의) is not a name.
    if (/(?:을|를|의|에|에서|과|와|도|로|으로|은|는|이|가)$/u.test(name) && /\p{Script=Hangul}/u.test(name)) continue;
    found = name;
  }
  return found;
}
