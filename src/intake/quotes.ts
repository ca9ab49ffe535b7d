// The key quote: find direct speech in any common quotation style and pick the one a share card should carry.
//
// THE RULE (each candidate is scored; the highest score wins; below MIN_SCORE there is no quote → null):
//   Candidates: text between a matched pair of quotation marks — “…” "…" ‘…’ '…' „…“ „…" ‚…‘ « … » » … «
//   「…」 『…』 ״…״ — inside one paragraph, and every <blockquote> (the page itself marked it as a quote).
//   Rejected outright:
//     - scare quotes and names: 3 words or fewer (CJK: under 6 characters), counted with Intl.Segmenter;
//     - fragments: a quote that starts in lower case in the middle of a sentence ('said it was "distressing
//       not to…"', '«urgence absolue»'); a card quote is somebody's own sentence;
//     - in Japanese, Chinese and Korean text, brackets hold titles and names as often as speech, so a bracketed
//       span counts only with a speech verb next to it (と述べた, 表示, 고 말했다…) or when it is a whole
//       sentence standing as its own paragraph — never 「チコちゃんに叱られる！」が受賞;
//     - the headline itself (same words, ignoring case and punctuation); longer than 600 characters.
//   Points:
//     +4  attributed to a named speaker next to it (speech verb with a name before or after the quote, in the
//         article's language; a possessive or colon lead-in; a blockquote's <cite>/"— Name" line)
//     +3  attributed by pronoun ("he said", "a-t-il déclaré", «…», dijo.), or the speaker is the subject of the
//         sentence before it or named in the sentence after it ("Cette petite phrase d'Arnaud Montebourg")
//     +2  a speech verb with a description for a speaker ("said the director", "said a Virginia Democrat")
//     +1  the page marked it up as a <blockquote> (+2 with a cite or attribution)
//     +2  sentence-like: starts like a sentence and ends with . ! ? … inside or just after the closing mark (or
//         a comma handing over to the attribution); CJK quotes of 8+ characters count
//     +1  length in the card's sweet spot: 30–300 characters (CJK 10–150); −1 above 400
//     +0…2 the headline echoes it: shared words ("Burned Her Up From Within" ~ "burning up from within")
//     +0…1 position: earlier in the article scores higher (1 − paragraph index / paragraph count)
//     −3  Title Case without final punctuation (a book, film or law title, not speech)
//   MIN_SCORE = 3. Ties go to the earlier quote. Only the first 100,000 characters count.
//   The quote keeps its words; a trailing hand-over comma ("…," she said) is dropped.
//   The speaker: the name next to the verb, without titles ("Bundeskanzler Olaf Scholz" → "Olaf Scholz"); a
//   lone surname becomes the full name the article uses elsewhere ("Altman" → "Sam Altman"); "he said" is the
//   speaker of the quote just before, else the last person who said something, else the last person named — and
//   when the pronoun marks a gender, a person the text gives that gender (gender.ts), or nobody if it is a guess;
//   "said the director" is whoever the article calls the director, else (for "the …", not "a …") the person
//   the sentence before or the headline is about. A publication or a description is never the speaker.
import { normalizeText } from '../story/normalize.ts';
import { type Attribution, attribute } from './attribution.ts';
import { cjkRoleHolder, jaPerson, koLastPerson } from './attribution-cjk.ts';
import { byGender, genderOf, pronounGender } from './gender.ts';
import { fullName, headlinePerson, lastName, lastSpeaker, namesIn, roleHolder, titledName } from './names.ts';
import { collectiveRole, describes, notAPerson, ownsItsS, shortName, sideRole } from './person.ts';
import { candidates, citeName, type Raw, SCAN_CHARS } from './quote-candidates.ts';
import type { Block } from './types.ts';
import { VERB } from './verbs.ts';

export const MIN_SCORE = 3;

export type Confidence = 'high' | 'low';

export interface QuoteCandidate {
  text: string;
  block: number;
  attribution: Attribution;
  score: number;
  author?: string | undefined;
  /** high: a speech verb, <cite> or dialogue hand-over ties these words to someone; low: picked on shape alone. */
  quoteConfidence: Confidence;
  /** high: the name stands next to the verb; low: resolved from "he said", a role, a colon or the headline. */
  speakerConfidence?: Confidence | undefined;
  /** The words around the quote that the speaker came from (for the eval's report of a wrong speaker). */
  evidence?: string | undefined;
}

export interface PickedQuote {
  quote: string;
  quoteAuthor?: string | undefined;
  quoteConfidence: Confidence;
  speakerConfidence?: Confidence | undefined;
}

// An embedded post flattened into the text: its "— Name (@handle) March 16, 2020" signature or its media links.
const EMBED = /pic\.twitter\.com\/|https?:\/\/t\.co\/|\(@\w{1,15}\)\s*\p{L}+\.? \d{1,2},? \d{4}/u;
// A hypothetical: words someone might, could or would say ("lawyers will only need to say: …"), not said.
const HYPOTHETICAL_BEFORE =
  /(?:\b(?:will|would|could|might|may|should|need to|needs to|have to|has to)\b|\p{L}['’]ll\b|\b(?:unable|refused to|refuses to|refusing to)\b|pourrait|pourraient|devrait|devraient|könnte|könnten|würde|würden|müsste|podría|podrían|debería|poderia|poderiam|deveria|potrebbe|potrebbero|dovrebbe|мог бы|могли бы|должен)[^.!?“”"«»„]{0,40}[:,]?\s*$/iu;
const INSCRIPTION =
  /(?:^|[^\p{L}])(?:signs?|banners?|placards?|posters?|t-shirts?|shirts?|caps?|hats?|headlines?|message|slogans?|graffiti|tattoos?|stickers?|billboards?|captions?|labels?|inscriptions?|plaques?|screens?|pancartes?|banderoles?|affiches?|carteles|cartel|pancartas?|cartazes|cartaz|faixas?|plakate?n?|transparente?|schilder|schild|striscioni|striscione|cartelli|cartello|scritta)(?:\s+[^\s.!?“”"«»„]+){0,5}?\s+(?:read|reads|reading|said|says|saying|showing|displaying|bearing|with\s+the\s+words|proclaiming|disait|indiquait|proclamait|decía|dice|dizia|diz|mit\s+der\s+aufschrift|con\s+la\s+scritta|recitava)\s*[:,]?\s*$|(?:^|\s)(?:showing|displaying|bearing|reading|with)\s+(?:the|a)\s+(?:message|slogan|words|caption|headline|inscription)\s*[:,]?\s*$/iu;
const HYPOTHETICAL_AFTER =
  /^[\s,]*(?:pourrait|pourraient|could|would|might|könnte|könnten|würde|podría|poderia|potrebbe|мог бы)\b/iu;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;
const CASED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const wordSegments = new Intl.Segmenter(undefined, { granularity: 'word' });
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const countWords = (s: string): number => [...wordSegments.segment(s)].filter((x) => x.isWordLike).length;
const countChars = (s: string): number => [...graphemes.segment(s)].length;
const comparable = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const TERMINAL = /[.!?…。！？다요]$/u;
// A final point that belongs to an abbreviation ends no sentence.
const ABBREVIATED = /(?:^|\s)(?:Inc|Ltd|Corp|Co|Jr|Sr|St|Bros|Plc|GmbH|AG|SA)\.$/u;
const stems = (s: string): Set<string> =>
  new Set(
    comparable(s)
      .split(' ')
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, 5)),
  );

/** How strongly the headline echoes the quote: 0, 1 or 2. */
function echo(quote: string, headline: string): number {
  if (!headline) return 0;
  if (CJK.test(quote)) {
    const bigrams = (s: string) => new Set([...s.replace(/\s/g, '')].map((c, i, a) => c + (a[i + 1] ?? '')));
    const h = bigrams(headline);
    const shared = [...bigrams(quote)].filter((b) => b.length === 2 && h.has(b)).length;
    return shared >= 6 ? 2 : shared >= 3 ? 1 : 0;
  }
  const h = stems(headline);
  const shared = [...stems(quote)].filter((w) => h.has(w)).length;
  return shared >= 3 ? 2 : shared >= 2 ? 1 : 0;
}

function score(c: Raw, attribution: Attribution, position: number, headline: string): number {
  const cjk = CJK.test(c.text);
  const n = countChars(c.text);
  if (n > 600) return -Infinity;
  if (cjk ? n < 6 : countWords(c.text) <= 3) return -Infinity;
  if (headline && comparable(c.text) === comparable(headline)) return -Infinity;
  if (EMBED.test(c.text) || (c.cite && EMBED.test(c.cite))) return -Infinity;
  // Marks paired across two quotes (“…!» … «…”) leave a span that starts with punctuation: not anybody's words.
  if (/^[.,;:!?)\]»”]/u.test(c.text)) return -Infinity;
  if (HYPOTHETICAL_BEFORE.test(c.before.slice(-80)) || HYPOTHETICAL_AFTER.test(c.after)) return -Infinity;
  // Words written on something — a sign, a banner, a T-shirt, a headline, a screen — are nobody speaking.
  if (INSCRIPTION.test(c.before.slice(-100))) return -Infinity;
  // Lines of verse ("I am born on a Tuesday / Columbus, Ohio, / USA –"): a poem or a song quoted, not speech.
  if ((c.text.match(/\s\/\s/gu)?.length ?? 0) >= 2) return -Infinity;
  // A paragraph that only starts with a dash (a list item, a dateline) without a hand-over to a speaker.
  if (c.dash && attribution.kind === 'none') return -Infinity;
  // Fragments: lower case in mid-sentence ("…it was “distressing” not to have…").
  if (c.kind === 'marks' && c.embedded && CASED.test(c.text[0] ?? '') && /^[\p{Ll}]/u.test(c.text)) return -Infinity;
  // CJK brackets: speech only with a verb next to them or as a sentence of their own.
  if (
    cjk &&
    c.kind === 'marks' &&
    attribution.kind === 'none' &&
    !(c.standalone && /[。！？.!?다요]["”」』’]?$/u.test(c.text))
  )
    return -Infinity;
  let s = 0;
  if (attribution.kind === 'named') s += 4;
  else if (attribution.kind === 'pronoun' || attribution.kind === 'context') s += 3;
  else if (attribution.kind === 'unnamed') s += 2;
  if (c.kind === 'blockquote') s += c.cite || attribution.kind !== 'none' ? 2 : 1;
  const startsLikeSentence = !/^[\p{Ll}]/u.test(c.text);
  const ends =
    TERMINAL.test(c.text) ||
    /^[.!?。！？]/u.test(c.after) ||
    (attribution.kind !== 'none' && (/[,，،]$/u.test(c.text) || /^\s*[,，،]/u.test(c.after)));
  if (cjk ? n >= 8 : startsLikeSentence && ends) s += 2;
  if (cjk ? n >= 10 && n <= 150 : n >= 30 && n <= 300) s += 1;
  if (n > 400) s -= 1;
  s += echo(c.text, headline);
  s += 1 - position;
  const ws = c.text.split(/\s+/);
  const capitalised = ws.filter((w) => /^\p{Lu}/u.test(w)).length;
  // Title Case: a book, film, law or company ("How Star Wars Conquered the Universe.", "… Worldwide Inc."), not
  // speech — also with a final point (American style puts it inside the marks) once it is four words or more.
  const titled = capitalised / ws.length >= 0.75;
  if (!cjk && ws.length >= 3 && titled && (!TERMINAL.test(c.text) || ws.length >= 4 || ABBREVIATED.test(c.text)))
    s -= 3;
  return s;
}

/** Score every candidate (exported for the eval script's diagnostics). */
export function scoreQuotes(blocks: Block[], headline = '', lang?: string): QuoteCandidate[] {
  const raws = candidates(blocks);
  const body = blocks
    .map((b) => b.text)
    .join('\n')
    .slice(0, SCAN_CHARS);
  // Who "he" or "the coach" is: the headline, the lede (where people are introduced) and the paragraphs just
  // before the quote; bounded, so an article with thousands of paragraphs stays linear.
  const contextOf = (c: Raw): string => {
    const near = [...blocks.slice(0, Math.min(3, c.block)), ...blocks.slice(Math.max(3, c.block - 10), c.block)];
    return [headline, ...near.map((b) => b.text), c.before].join('\n');
  };
  const recent = (c: Raw): string =>
    [...blocks.slice(Math.max(0, c.block - 2), c.block).map((b) => b.text), c.before].join('\n');
  const names = new Map<string, string>();
  const full = (name: string): string => {
    if (!names.has(name)) names.set(name, fullName(name, body, headline));
    return names.get(name)!;
  };
  let protagonist: string | null | undefined;
  const mainPerson = (): string | undefined => {
    if (protagonist === undefined) protagonist = headlinePerson(headline, body) ?? null;
    return protagonist ?? undefined;
  };
  let leads: string[] | undefined;
  const protagonists = (): string[] => {
    // The headline's person; the first paragraph's people only when it quotes nobody (a lede, not a quote).
    const lede = blocks[0] && !raws.some((r) => r.block === 0) ? namesIn(blocks[0].text) : [];
    leads ??= [mainPerson(), ...lede.filter((n) => n.includes(' '))].filter((n): n is string => !!n).map(full);
    return leads;
  };
  const scored: QuoteCandidate[] = [];
  const refusals = new Map<string, string | undefined>();
  // Once per name: a hostile page repeats one name under hundreds of quotes.
  const refusal = (name: string): string | undefined => {
    if (!refusals.has(name))
      refusals.set(
        name,
        notAPerson(name, { body }) ?? shortName(name, body, (n) => genderOf(n, body)) ?? ownsItsS(name, body),
      );
    return refusals.get(name);
  };
  for (const c of raws) {
    let attribution = c.continues
      ? ({ kind: 'pronoun' } as Attribution)
      : attribute(c.before, c.after, lang, /[.!?…]$/u.test(c.text));
    // A Japanese subject without a title (与田は「…」) is a person only if the article titles it or gives an age.
    if (
      attribution.kind === 'named' &&
      attribution.weak &&
      /\p{Script=Han}/u.test(attribution.name) &&
      !jaPerson(attribution.name, `${headline}\n${body}`)
    )
      attribution = { kind: 'unnamed' };
    const cited = c.cite ? citeName(c.cite) : undefined;
    if (cited) attribution = { kind: 'named', name: cited };
    const position = blocks.length > 1 ? c.block / blocks.length : 0;
    const s = score(c, attribution, position, headline);
    let author: string | undefined;
    // A surname is the full name introduced nearest before the quote ("…, Paulo Lima. “…”, escreveu Lima"), before
    // any other the article uses ("ginásio Ronaldo Cunha Lima").
    if (attribution.kind === 'named' || attribution.kind === 'context') {
      const near = attribution.name.includes(' ') ? attribution.name : fullName(attribution.name, recent(c), '', true);
      author = near !== attribution.name ? near : full(attribution.name);
    } else if (attribution.kind === 'pronoun') {
      // "he said": the speaker of the quote just before, else the last person who said something, else the last
      // person named before.
      const earlier = scored.filter((q) => q.block <= c.block && q.block >= c.block - 1 && q.score > -Infinity).at(-1);
      // A person introduced with a title in the sentence just before, in the quote's own paragraph ("…abordado ayer
      // por el Presidente Boric en entrevista. “…”, dijo"), is who "dijo" means — not an earlier quote's speaker.
      const introduced = titledName(
        c.before
          .split(/(?<=[.!?])\s+/u)
          .filter((x) => x.trim())
          .at(-1) ?? '',
      );
      const named = introduced ?? (earlier ? earlier.author : (lastSpeaker(recent(c), VERB) ?? lastName(contextOf(c))));
      author = named ? full(named) : undefined;
      // "she said", "confie-t-elle": a pronoun marked for gender goes to a person the text marks with that gender
      // (never "M. Macron" for "elle"); a speaker just quoted goes on unless the text gives them the other gender.
      const g = pronounGender(c.after);
      const chain = !introduced && earlier?.author;
      if (g && !(chain && genderOf(author!, body) !== (g === 'f' ? 'm' : 'f'))) {
        // Only people the text has as speakers: the one found, the speakers of the quotes just before, the last
        // person with a speech verb — never any capitalised name nearby.
        // (Walked back from the end: the quotes of the last two paragraphs, never the whole list again.)
        const speakers: string[] = [];
        for (let k = scored.length - 1; k >= 0 && scored[k]!.block >= c.block - 2; k--)
          if (scored[k]!.author) speakers.push(scored[k]!.author!);
        const said = lastSpeaker(recent(c), VERB);
        // …and people nearby whom the text gives this gender: with one of them in view, a speaker of unknown gender
        // is a guess ("Ana Ruiz runs the clinic. She … Tom Baker said … “…,” she said" → nobody).
        const marked = namesIn(recent(c))
          .map(full)
          .filter((n) => genderOf(n, body, false) === g);
        const people = [author, ...speakers, said ? full(said) : undefined, ...marked].filter(
          (n): n is string => !!n && !refusal(n),
        );
        author = byGender(people, g, body);
      }
    } else if (attribution.kind === 'unnamed' && attribution.definite !== false) {
      // "said the coach": the article named the coach earlier ("O técnico Dorival Júnior"); else the person the
      // sentence before is about ("el juez Castro realizó…"), else the one the headline is about.
      // "the Scottish government said", "officials said": an institution or a group speaks — nobody's name.
      const collective = !!attribution.role && collectiveRole(attribution.role);
      const cjkRole = attribution.role && CJK.test(attribution.role);
      const role =
        (attribution.descriptor ? roleHolder(attribution.descriptor, contextOf(c)) : undefined) ??
        (attribution.role && !cjkRole ? roleHolder(attribution.role, contextOf(c)) : undefined) ??
        (cjkRole ? cjkRoleHolder(attribution.role!, contextOf(c)) : undefined);
      // The lede's or the headline's person only for a description ("die Team-Weltmeisterin"): with no role at all
      // there is no evidence, and a title ("ujar Mendag") is its holder's only when the text pairs them.
      const guessed =
        attribution.role && !attribution.strict && !sideRole(attribution.role)
          ? (namesIn(c.lead).find((n) => n.includes(' ')) ?? mainPerson())
          : undefined;
      // …and only when something ties the description to that person ("the automaker said" is not the lede's
      // Elon Musk): see describes().
      const guess = guessed && describes(attribution.role!, guessed, body) ? guessed : undefined;
      // A title in the text before names the speaker only when it is the role said ("Bundeskanzlerin Angela
      // Merkel … sagte die Kanzlerin"); never for someone else's ("the senator's attorney", "his lawyer").
      const titled = attribution.role ? titledName(c.before, attribution.role) : undefined;
      const named = collective ? undefined : (role ?? titled ?? guess);
      author = named ? full(named) : undefined;
    }
    // A Korean profile's quotes stand as their own paragraphs: they are the profiled person's.
    if (attribution.kind === 'none' && c.standalone && /\p{Script=Hangul}/u.test(c.text))
      author = koLastPerson(contextOf(c));
    const text = c.text.replace(/[,，;:]$/u, '').trim();
    let evidence = `…${c.before.slice(-60)}[quote]${c.after.slice(0, 60)}…`;
    // The last check: a name that is not shaped like a person's is left out (the quote may stay, without one).
    let refused: string | undefined;
    if (author) {
      refused = refusal(author);
    }
    if (refused) {
      evidence += ` (refused "${author}": ${refused})`;
      author = undefined;
    }
    // The story's protagonist (the person the headline or the first paragraph is about) is the card's voice.
    const lead = protagonists();
    const surname = author?.split(' ').at(-1);
    const isProtagonist =
      !!author && (lead.some((p) => p === author || (!!surname && p.endsWith(surname))) || headline.includes(author));
    const direct = (attribution.kind === 'named' && !attribution.weak) || !!cited;
    const spoken =
      direct || (!c.continues && (attribution.kind === 'pronoun' || attribution.kind === 'unnamed')) || c.dash === true;
    scored.push({
      text,
      block: c.block,
      attribution,
      // A point, and only for a name next to the verb: never a way to promote a guess (measured: for any speaker it
      // promoted a pronoun-resolved quote and a wrong "Iowa Republican" on the tuned pages).
      score: s > -Infinity && isProtagonist && direct ? s + 1 : s,
      author,
      evidence,
      quoteConfidence: spoken && attribution.kind !== 'none' ? 'high' : 'low',
      speakerConfidence: author ? (direct ? 'high' : 'low') : undefined,
    });
  }
  return scored;
}

/** The key quote of an article and who said it, or null when it has no direct quote worth a card. */
export function pickQuote(blocks: Block[], headline = '', lang?: string): PickedQuote | null {
  const best = scoreQuotes(blocks, headline, lang)
    .filter((q) => q.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.block - b.block)[0];
  if (!best) return null;
  return {
    quote: normalizeText(best.text),
    quoteAuthor: best.author,
    quoteConfidence: best.quoteConfidence,
    speakerConfidence: best.speakerConfidence,
  };
}
