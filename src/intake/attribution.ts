// Who said it: find the speaker named next to a quote, in the word orders of the languages we support.
import { chinese, japanese, korean } from './attribution-cjk.ts';
import { arabic, hebrew } from './attribution-rtl.ts';
import { isTitle, NAME_SRC, tidyName, titledName, undot } from './names.ts';
import { collectiveRole, notAPerson } from './person.ts';
import { INV, type SmallWords, smallWords, VERB } from './verbs.ts';

export type Attribution =
  | { kind: 'named'; name: string; weak?: boolean } // "…," said Sam Altman / (weak: no verb) Altman’s response: "…"
  | { kind: 'pronoun' } // "…," he said / a-t-il déclaré / dijo. (speaker named earlier)
  | { kind: 'unnamed'; role?: string | undefined; descriptor?: string; definite?: boolean; strict?: boolean } // "said the coach"; strict: a title, held only by whom the text pairs with it
  | { kind: 'context'; name: string } // the speaker is the subject of the sentence before or after the quote
  | { kind: 'none' };

const LEAD = String.raw`^[\s,.;:!?—–-]*`;
// Words that introduce a source before the quote: "according to Smith, …".
const SOURCE =
  "according to|selon|d’après|d'après|según|de acuerdo con|secondo|stando a|segundo|de acordo com|laut|nach angaben von|volgens|по словам|по мнению";
const B = String.raw`(?![\p{L}])`;
const NAME_ALL = new RegExp(NAME_SRC, 'gu');
/** "the|a" → "[Tt]he|[Aa]" — small words in either case without the `i` flag (which breaks \p{Lu} in names). */
const ci = (alternation: string): string =>
  alternation
    .split('|')
    .filter(Boolean)
    .map((w) => `[${w[0]!.toLowerCase()}${w[0]!.toUpperCase()}]${w.slice(1)}`)
    .join('|');
const compiled = new Map<string, RegExp>();
/** One compiled RegExp per source and flags: these patterns are built from word lists and used for every quote. */
const rx = (source: string, flags: string): RegExp => {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    compiled.set(key, re);
  }
  return re;
};
// One compiled RegExp per call site and interpolated values (the word lists are the same strings every call), so a
// 5–10 kB pattern source is neither rebuilt nor hashed for every quote (measured: ~80 % of attribute() on hostile pages).
const sites = new WeakMap<TemplateStringsArray, Map<string, { values: unknown[]; re: RegExp }[]>>();
const rxt =
  (flags: string) =>
  (strings: TemplateStringsArray, ...values: unknown[]): RegExp => {
    let byFlags = sites.get(strings);
    if (!byFlags) {
      byFlags = new Map();
      sites.set(strings, byFlags);
    }
    let list = byFlags.get(flags);
    if (!list) {
      list = [];
      byFlags.set(flags, list);
    }
    for (const e of list) if (e.values.every((v, i) => v === values[i])) return e.re;
    let source = strings[0]!;
    values.forEach((v, i) => {
      source += String(v) + strings[i + 1]!;
    });
    const re = rx(source, flags);
    // Bounded: the values are per-language word lists; a call site never sees more than a few dozen.
    if (list.length < 64) list.push({ values, re });
    return re;
  };
const words = (re: string): RegExp => rxt('iu')`^(?:${re})$`;

// Where/when phrases end a speaker descriptor: "o técnico após o jogo" → "o técnico".
const CIRCUMSTANCE =
  /\s(?:after|before|at|in|on|during|nach|vor|bei|am|im|après|avant|à|au|lors|en|después|antes|durante|tras|dopo|prima|al|após|em|no|na)\s.*$/u;

// Possessives and articles before a role: "sein Anwalt" is someone's lawyer; "die" is never the role itself.
const POSSESSIVE =
  /^(?:his|her|their|its|our|sein|seine|seiner|ihr|ihre|ihrer|unser|unsere|dessen|deren|son|sa|ses|leur|su|sus|seu|sua|suo)$/iu;
const DETERMINER =
  /^(?:the|his|her|their|its|our|my|your|die|der|das|den|dem|des|ein|eine|einer|sein|seine|ihr|ihre|le|la|les|un|une|son|sa|ses|el|los|las|uno|una|su|sus|il|lo|gli|o|os|as|um|uma|seu|sua)$/iu;
const AGE = /(?:^|\s)\d{1,3}[-\s](?:year-old|jährige[rn]?|årige|jarige)(?![\p{L}])/u;
/** "said the coach" → role "coach", for finding "coach Dorival Júnior" earlier in the article. */
const roleOf = (descriptor: string): string | undefined => {
  // "the 56-year-old": an age describes a person — roleOf says so with the marker 'year-old'.
  if (AGE.test(descriptor)) return 'year-old';
  // Articles and possessives are never the role: "die Kanzlerin" is "Kanzlerin", "his lawyer" is "lawyer".
  const ws = descriptor
    .replace(CIRCUMSTANCE, '')
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/^(?:l|d|dell|all|dall|nell|sull)['’](?=\p{L})/iu, ''))
    .filter((w) => !DETERMINER.test(w));
  // German capitalises nouns: "die Kanzlerin" has no lower-case role word, so its last word is the role.
  return (
    ws.filter((w) => /^[\p{Ll}][\p{Ll}-]{2,}$/u.test(w)).at(-1) ??
    // …hyphenated compounds too: "die Team-Weltmeisterin".
    ws.filter((w) => /^\p{Lu}\p{Ll}{2,}(?:-\p{Lu}?\p{Ll}+)*$/u.test(w)).at(-1)
  );
};

/**
 * "his lawyer", "the senator's attorney", "the Smith campaign": a role held in relation to someone the text names
 * — that someone is not the speaker, so only a holder the text pairs with the role may be ("lawyer Jane Doe").
 */
function relational(determiner: string, description: string, role: string | undefined): boolean {
  if (POSSESSIVE.test(determiner)) return true;
  if (/\p{L}['’]s?(?:\s|$)/u.test(description)) return true;
  // A capitalised word besides the role itself modifies it with a name ("the Smith campaign", "the Tesla CEO").
  return description.split(/\s+/).some((w) => w !== role && /^\p{Lu}/u.test(w) && !DETERMINER.test(w));
}

/** A name in `text` that does not follow a preposition ("el presidente del Gobierno" names an institution). */
function firstPersonName(text: string, w: SmallWords, minWords = 1): string | undefined {
  const prep = rxt('iu')`(?:^|\\s)(?:${w.preposition}|of|de|del|do|da|dos|das|di|della|des|du|der|von|la|le|les)\\s+$`;
  for (const m of text.matchAll(NAME_ALL)) {
    let run = m[0];
    if (prep.test(text.slice(0, m.index))) {
      // "в Раді Венедіктова заявила": the place after the preposition, then the name.
      const rest = run.split(/\s+/).slice(1);
      if (rest.length === 0) continue;
      run = rest.join(' ');
    }
    const name = tidyName(run);
    if (name && name.split(' ').length >= minWords) return name;
  }
  return undefined;
}

/** The name in `text` nearest its end (the subject just before a verb: "Na wiecu w Raddzie Venediktova zajavila"). */
function lastPersonName(text: string, w: SmallWords): string | undefined {
  let found: string | undefined;
  const prep = rxt('iu')`(?:^|\\s)(?:${w.preposition}|of|de|del|do|da|dos|das|di|della|des|du|der|von|la|le|les)\\s+$`;
  for (const m of text.matchAll(NAME_ALL)) {
    let run = m[0];
    // A run after a preposition loses its first word (the place); the nearest name to the verb wins.
    if (prep.test(text.slice(0, m.index))) run = run.split(/\s+/).slice(1).join(' ');
    const name = run ? tidyName(run) : undefined;
    if (name) found = name;
  }
  return found;
}

/** What follows an inverted verb ("said …", "dijo …", "a déclaré …") says who spoke. */
function afterInvertedVerb(rawRest: string, w: SmallWords): Attribution {
  // "l’avocat de Dupont": the elided article is a word of its own; "Steny H. Hoyer, Md, the …", "Mike Lee, R-Utah":
  // a US state or party-and-state after a name is no apposition.
  const rest = rawRest
    .trim()
    .replace(/^([lL]['’])(?=\p{L})/u, '$1 ')
    .replace(/,\s*(?:[RDI]-[A-Z][\p{L}.]{1,12}|[A-Z][a-z]{1,4}\.?)\s*(?=,|$)/u, '');
  if (rest === '' || /^[,;]/.test(rest)) return { kind: 'pronoun' }; // «…», dijo. / "…", ha detto.
  const tokens = rest.split(/\s+/);
  const first = tokens[0]!;
  if (words(w.pronoun).test(first)) return { kind: 'pronoun' };
  // "sagte sein Anwalt", "dijo su abogado": someone's lawyer — only a holder the text pairs with the role.
  if (POSSESSIVE.test(first))
    return { kind: 'unnamed', role: roleOf(rest.split(',')[0]!), definite: true, strict: true };
  if (words(w.indefinite).test(first)) return { kind: 'unnamed', role: roleOf(rest), definite: false };
  if (words(w.preposition).test(first)) {
    // "à cette occasion le ministre…": a place or time phrase, then the speaker; "a la red Erbol": an addressee.
    let i = 1;
    if (w.definite && words(w.definite).test(tokens[i] ?? '')) i++;
    // Only a short phrase ("à cette occasion le ministre"): after a longer clause ("al ser consultado sobre las
    // solicitudes … del director, Ricardo Yáñez") the person named is the one talked about, not the speaker.
    for (let j = i + 1; j < Math.min(tokens.length, i + 3); j++)
      if (w.definite && words(w.definite).test(tokens[j]!)) return afterInvertedVerb(tokens.slice(j).join(' '), w);
    // "a confié à France Info Marie Durand": someone is named after the addressee — not "he/she", and which of
    // the capitalised words is the person cannot be told: nobody.
    if (tokens.slice(i, i + 6).filter((t) => /^\p{Lu}/u.test(t)).length >= 3)
      return { kind: 'unnamed', definite: false };
    return { kind: 'pronoun' };
  }
  // "…", a déclaré la secrétaire générale de la CGT, Sophie Binet. — the apposition is the name.
  const apposition = rest.match(rxt('u')`^([^,]{1,80}),\\s*(${NAME_SRC})\\s*(?:[.,;]|$)`);
  if (apposition) {
    // "mówi Luis Amaral, Prezes Grupy Eurocash": a name before the comma is the speaker, the rest is his title.
    const lead = apposition[1]!.match(rxt('u')`^(${NAME_SRC})$`);
    const leadName = lead ? tidyName(lead[1]!) : undefined;
    if (leadName && !notAPerson(leadName, {})) return { kind: 'named', name: leadName };
    const name = tidyName(apposition[2]!);
    if (name) return { kind: 'named', name };
  }
  const clause = rest.split(',')[0]!;
  if (w.definite && words(w.definite).test(first)) {
    // "el presidente Mauricio Macri" names; "le ministre de la Santé", "el instructor del ‘caso Noos’" describe.
    const titled = clause.match(
      // Not across a preposition: "le maire à Midi Libre" names the paper he spoke to.
      rxt(
        'u',
      )`^\\S+\\s+(?:(?!(?:de|del|della|di|da|do|du|des|of|von|van|à|a|au|aux|to|en|in|at|for|pour|par|avec|with|bei|zu|mit|an|al|ao|alla)\\s)[\\p{Ll}-]+\\s+){1,3}(${NAME_SRC})`,
    );
    // German capitalises the role too: "sagte die Kanzlerin Angela Merkel" — a full name after the role names.
    // "informou o jornal Folha de S.Paulo": a paper, an agency or a company named after its kind is no person.
    const kind = titled ? clause.slice(0, titled.index! + titled[0].length - titled[1]!.length).split(/\s+/u) : [];
    if (kind.some((k) => k && collectiveRole(k))) return { kind: 'unnamed', definite: true, strict: true };
    const name = titled ? tidyName(titled[1]!) : firstPersonName(clause, w, 2);
    if (name) return { kind: 'named', name };
    // "le ministre de la Santé": the whole description finds its holder best ("ministre de la Santé Roman Prymula").
    const descriptor = clause
      .replace(/^\S+\s+/u, '')
      .split(/\s+/)
      .slice(0, 4)
      .join(' ');
    const role = roleOf(clause);
    return {
      kind: 'unnamed',
      role,
      descriptor,
      definite: true,
      ...(relational(first, clause.replace(/^\S+\s+/u, ''), role) ? { strict: true } : {}),
    };
  }
  // "sanoo Ilmatieteen laitoksen tutkija Reija Ruuhela": an institute's genitive comes first, the full name later;
  // a full name wins unless it is a place or an institution ("said Altman in New York").
  const full = firstPersonName(clause, w, 2);
  const name = full && !notAPerson(full, {}) ? full : firstPersonName(clause, w);
  if (name) return { kind: 'named', name };
  // "kata Gubernur saat meninjau…", "ujar Mendag": a title where the name should be is a role — whoever the text
  // calls by it ("Gubernur Ridwan Kamil" earlier), else nobody; never a word further on in the clause.
  if (isTitle(first)) return { kind: 'unnamed', role: first, descriptor: first, definite: true, strict: true };
  return { kind: 'unnamed', role: roleOf(clause), definite: true };
}

/** The subject of the sentence just before the quote, when that sentence is someone saying something. */
function sentenceBefore(before: string): string | undefined {
  const sentences = before.split(/(?<=[.!?])\s+/u);
  if (sentences.length < 2 && !/[.!?]\s*$/.test(before)) return undefined;
  const last = (sentences.at(-1)?.trim() ? sentences.at(-1) : sentences.at(-2)) ?? '';
  const m = last.match(rxt('u')`(${NAME_SRC})(?:,[^,]{1,80},)?\\s+(?:${VERB})${B}`);
  // "…,” an Iowa Republican predicted." describes somebody; it names nobody.
  if (m && /(?:^|\s)(?:an?|one|another|un|une|uno|una|ein|eine|einer|um|uma)\s+$/iu.test(last.slice(0, m.index)))
    return undefined;
  return m ? tidyName(m[1]!) : undefined;
}

/** Latin and Cyrillic scripts: verb before or after the quote, name before or after the verb. */
function latin(before: string, after: string, lang: string | undefined, closed = false): Attribution {
  const w = smallWords(lang);
  const indefinite = rxt('u')`(?:^|\\s)(?:${ci(w.indefinite)})\\s+$`;
  // "…," local newspapers quoted Salinas as saying: the one quoted, not the newspapers, is the speaker.
  const quotedAs = after.match(
    rxt(
      'u',
    )`${LEAD}(?:[^,.;:!?“”"«»]{0,40}?\\s)?quot(?:ed|es|e)\\s+(${NAME_SRC})\\s+as\\s+(?:saying|telling|writing)${B}`,
  );
  if (quotedAs) {
    const name = tidyName(quotedAs[1]!);
    if (name) return { kind: 'named', name };
  }
  // "…," Altman said / ECB President Christine Lagarde told reporters / "…," an Iowa Republican said.
  const nameVerb = after.match(
    rxt('u')`${LEAD}((?:[^,.;:!?“”"«»]{0,40}?\\s)?)(${NAME_SRC})(?:,[^,]{1,80},)?\\s+(?:${VERB})${B}`,
  );
  // "“I can’t imagine…?” Aniston replied, “Well, …”": after a quote that closed its sentence, a name and verb
  // that open another quote introduce that one, not this.
  const introducesNext = (m: RegExpMatchArray) => closed && /^\s*[,:]?\s*[“"«„‘]/u.test(after.slice(m[0].length));
  if (nameVerb && !introducesNext(nameVerb)) {
    if (indefinite.test(` ${nameVerb[1]}`)) return { kind: 'unnamed', definite: false };
    // "…," the New Jersey Democrat said: English puts no article before a person's name — a description; but a
    // title may take one ("the Rev. Al Sharpton said").
    if (
      lang?.startsWith('en') !== false &&
      /(?:^|\s)the\s+$/iu.test(` ${nameVerb[1]}`) &&
      !isTitle(nameVerb[2]!.split(/\s+/)[0]!)
    )
      return { kind: 'unnamed', role: nameVerb[2]!.split(/\s+/).at(-1), definite: true, strict: true };
    // "…," the Democrat from Georgia said / the mayor of Springfield said: the name is a preposition's object.
    if (rxt('iu')`(?:^|\\s)(?:from|of|in|at|for|with|by)\\s+$`.test(` ${nameVerb[1]}`))
      return { kind: 'unnamed', role: roleOf(nameVerb[1]!), definite: true, strict: true };
    // "…," Tesla said on its website / in its filing: "its" makes the subject a company, not a person.
    if (/^\s+(?:in|on|via|through|at)\s+its\s/iu.test(after.slice(nameVerb.index! + nameVerb[0].length)))
      return { kind: 'unnamed', definite: false };
    const name = tidyName(nameVerb[2]!);
    if (name) return { kind: 'named', name };
  }
  // "…," the company's chief operating officer, Hanna Lindqvist, said.
  const appositive = after.match(
    rxt('u')`${LEAD}(?:${ci(w.definite || 'the')})\\s[^,.;:!?“”"«»]{1,60},\\s*(${NAME_SRC}),?\\s+(?:${VERB})${B}`,
  );
  if (appositive && !introducesNext(appositive)) {
    const name = tidyName(appositive[1]!);
    if (name) return { kind: 'named', name };
  }
  // "…," the director said / "…," a spokesperson said.
  const descriptor = after.match(
    rxt('u')`${LEAD}(${ci(w.definite || 'the')}|${ci(w.indefinite)})\\s+([^,.;:!?“”"«»]{1,50}?)\\s+(?:${VERB})${B}`,
  );
  if (descriptor && !introducesNext(descriptor) && !rxt('iu')`^(?:${w.pronoun})$`.test(descriptor[2]!)) {
    const role = roleOf(descriptor[2]!);
    return {
      kind: 'unnamed',
      role,
      definite: !words(w.indefinite).test(descriptor[1]!),
      ...(relational(descriptor[1]!, descriptor[2]!, role) ? { strict: true } : {}),
    };
  }
  // A middle initial's point ("said Rep. Steny H. Hoyer, Md.") does not end the speaker's words.
  const inverted = after.match(
    rxt('iu')`${LEAD}(?:${INV})${B}((?:[^.;:!?()«»“”"]|(?<=\\s\\p{Lu})\\.(?=\\s\\p{Lu})){0,120})`,
  );
  const pronounAfter = rxt(
    'iu',
  )`${LEAD}(?:(?:${w.pronoun})\\s+(?:${VERB})${B}|\\p{Ll}+-t-(?:il|elle)${B}|(?:dit|ajoute|explique|affirme|estime|poursuit|souligne|insiste|précise|assure|tranche|conclut)-(?:il|elle)${B}|(?:${INV})\\s+(?:${w.pronoun})${B})`;
  if (pronounAfter.test(after)) return { kind: 'pronoun' };
  if (inverted) return afterInvertedVerb(inverted[1]!, w);
  // The sentence after names the words' owner: "Cette petite phrase d'Arnaud Montebourg…".
  const owner = after.match(
    rxt(
      'u',
    )`^[\\s.]*(?:Cette|Ces|This|These|Diese|Dieser|Esta|Estas|Questa|Essa|Deze)\\s+(?:\\S+\\s+){0,2}?(?:phrase|propos|déclaration|mots|words|remarks|comments|Worte|Aussage|Sätze|palabras|frase|parole|fala|uitspraak)\\s+(?:de\\s+|d[’']|of\\s+|von\\s+|del\\s+|di\\s+|do\\s+|da\\s+|van\\s+)(${NAME_SRC})`,
  );
  if (owner) {
    const name = tidyName(owner[1]!);
    if (name) return { kind: 'context', name };
  }
  const clause = before.split(/(?<=[.!?])\s+(?=\p{Lu})/u).at(-1) ?? '';
  // "According to Smith, “…”", «Selon Binet, « … »», "Laut Scholz „…“".
  const source = clause.match(rxt('u')`(?:^|\\s)(?:${ci(SOURCE)})\\s+(${NAME_SRC})[^“”"«»„]{0,60}?[:,：]?\\s*$`);
  if (source) {
    const name = tidyName(source[1]!);
    if (name) return { kind: 'named', name };
  }
  if (rxt('iu')`(?:^|[\\s(])(?:${w.pronoun})\\s+(?:${VERB})${B}[^“”"«»„.!?]{0,60}?[:,：]?\\s*$`.test(clause))
    return { kind: 'pronoun' };
  const verbBefore = clause.match(rxt('iu')`(?:^|[\\s(])(?:${VERB})${B}[^“”"«»„.!?]{0,60}?[:,：]?\\s*$`);
  if (verbBefore) {
    // "…, betonte Vorstandsvorsitzende Evelyn Martin: „…“": the name after the verb; else the subject nearest the
    // verb before it ("Na виступі в Раді Венедіктова заявила:"), never the sentence's first capitalised word.
    const afterVerb = verbBefore[0].replace(rxt('iu')`^[\\s(]*(?:${VERB})${B}`, '');
    // "Interrogé par Le Monde, le maire a déclaré :": the description just before the verb is its subject, not a
    // name earlier in the clause.
    const described =
      w.definite && !firstPersonName(afterVerb, w, 2)
        ? clause
            .slice(0, verbBefore.index)
            .match(rxt('u')`(?:^|[\\s,])(?:${ci(w.definite)})\\s+((?:[\\p{Ll}-]+\\s+){0,2}[\\p{Ll}-]{3,})\\s*$`)
        : null;
    if (described) return { kind: 'unnamed', role: roleOf(described[1]!), definite: true };
    // "Asked a Pennsylvania Republican: “…”": a description after the verb names nobody.
    if (rxt('u')`^\\s*(?:${ci(w.indefinite)})\\s`.test(afterVerb)) return { kind: 'unnamed', definite: false };
    // "Smith’s attorney said:": the one whose attorney it is did not speak.
    const owned = clause.slice(0, verbBefore.index).match(/\p{Lu}[\p{L}.-]*['’]s?\s+((?:[\p{Ll}-]+\s*){1,3})$/u);
    if (owned && !firstPersonName(afterVerb, w, 2))
      return { kind: 'unnamed', role: roleOf(owned[1]!), definite: true, strict: true };
    // "Mr Rodrigues, now 55 and Soti's chief executive, says:": the subject before the apposition, not a name in it.
    const subject = clause.slice(0, verbBefore.index).match(rxt('u')`(?:^|[.;]\\s+)(${NAME_SRC}),[^,]{1,80},\\s*$`);
    const name =
      firstPersonName(afterVerb, w, 2) ??
      (subject ? tidyName(subject[1]!) : undefined) ??
      lastPersonName(clause.slice(0, verbBefore.index), w);
    // "Y agregó: “…”", "E acrescentou:": no subject at all — the speaker just quoted goes on (pro-drop languages).
    if (!name && /^(?:y|e|ed|et|and|und|i|и|і|og|och|ja|en)?$/iu.test(clause.slice(0, verbBefore.index).trim()))
      return { kind: 'pronoun' };
    return name
      ? { kind: 'named', name }
      : { kind: 'unnamed', role: roleOf(clause.slice(0, verbBefore.index)), definite: true };
  }
  // "Altman’s response: “…”", "Altman: “…”" — but "dans un entretien à la Stampa : « … »" names a paper.
  if (/[:：]\s*$/.test(clause)) {
    const own = before.match(rxt('u')`(${NAME_SRC})(?:’s|'s)\\s[^“”"«»„]{0,60}[:：]\\s*$`);
    const colon = clause.match(rxt('u')`(${NAME_SRC})\\s*[:：]\\s*$`);
    // "salió en defensa de Fernández:" names the one defended, not the speaker.
    const prepBefore = (m: RegExpMatchArray) =>
      rxt(
        'iu',
      )`(?:^|\\s)(?:${w.preposition}|${w.definite || 'the'}|to|zu|à|a|de|del|do|da|of|von|di|самого|самой)\\s+$`.test(
        (m === own ? before : clause).slice(0, m.index),
      );
    // "Altman’s response on X:" names the words as his (strong); a bare "Name:" lead-in may be a caption (weak).
    const spoken = (m: RegExpMatchArray) =>
      m === own && /\b(?:response|reply|answer|statement|message|words|comment|remarks|post|tweet)\b/iu.test(m[0]);
    for (const m of [own, colon])
      if (m && !prepBefore(m) && tidyName(m[1]!))
        return { kind: 'named', name: tidyName(m[1]!)!, ...(spoken(m) ? {} : { weak: true }) };
    // German capitalises nouns ("zu Wort:"), so a subject found here must be a full name.
    const subject = titledName(clause) ?? firstPersonName(clause, w, 2);
    if (subject && (own || colon)) return { kind: 'named', name: subject, weak: true };
    // "meldete sich die Team-Weltmeisterin zu Wort:": a definite description is a role (its holder may be the
    // story's person); without one nobody is described.
    const described = w.definite ? clause.match(rxt('u')`(?:^|\\s)(?:${ci(w.definite)})\\s+(\\p{L}[\\p{L}-]+)`) : null;
    return described ? { kind: 'unnamed', role: described[1]!, definite: true } : { kind: 'unnamed', definite: true };
  }
  // "…," people familiar with the matter said / the newspaper reported: the quote's own clause gives its source,
  // and it is nobody we could name — the sentence before is no evidence then.
  // So does any clause the quote hands over to with a comma ("…“, heißt es in einer Erklärung", "…“, teilte das
  // Auswärtige Amt mit"): words we did not understand, never the subject of the sentence before.
  if (rxt('iu')`^[\\s,]*[^.!?“”"«»„]{0,80}?(?<![\\p{L}])(?:${VERB}|reported|reports|reportedly)${B}`.test(after))
    return { kind: 'unnamed', definite: false };
  if (/^\s*,\s*\p{Ll}/u.test(after)) return { kind: 'none' };
  const context = sentenceBefore(before);
  return context ? { kind: 'context', name: context } : { kind: 'none' };
}

/** Find the speaker of a quote from the text just before and just after it in its paragraph. */
export function attribute(rawBefore: string, rawAfter: string, lang?: string, closed = false): Attribution {
  const before = undot(rawBefore);
  const after = undot(rawAfter);
  const context = `${before.slice(-40)}${after.slice(0, 40)}`;
  if (/[\u3040-\u30ff]/u.test(context) || /^と/u.test(after)) return japanese(before, after);
  if (/\p{Script=Hangul}/u.test(context)) return korean(before, after);
  if (/[\u0600-\u06ff]/u.test(context)) return arabic(before, after);
  if (/\p{Script=Hebrew}/u.test(context)) return hebrew(before, after);
  if (/[\u3400-\u9fff]/u.test(context)) return chinese(before, after);
  return latin(before, after, lang, closed);
}
