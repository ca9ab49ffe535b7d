// Does a candidate speaker look like a person? The last check before a name goes under a quote: a wrong name is
// worse than none, so places, months, institutions and capitalised small words are turned away here.
//
// Institutions: "the White House said", "disse a Polícia Civil" — a card puts a person's name under a quote, so an
// institution is never returned as the speaker; the quote may still be returned, without one.

import { genderOf } from './gender.ts';

// Small words that start a sentence (and so are capitalised) but never name anybody: determiners, quantifiers,
// conjunctions, adverbs, prepositions and particles, in the languages we read.
const SMALL = new Set(
  (
    'several many some most few both all every each another other others such asked according meanwhile however ' +
    'still even only just yet also instead later earlier then now here there nearly almost about around over under ' +
    'von van der den de da di du del della la le el al les los las des do dos das ' +
    'gerade auch doch denn noch schon nur dabei dazu zudem allerdings jedoch trotzdem hier dort sowohl beide viele ' +
    'mehrere einige alle jeder jede manche plusieurs certains tous toutes chaque quelques varios varias algunos ' +
    'algunas todos todas cada muchos vários várias alguns algumas muitos diversi alcuni tutti ogni molti ' +
    'на но и а в во с со по за для от как что это так уже еще ещё также однако при после когда если тогда ' +
    'несколько многие все каждый некоторые вот ведь лишь даже потом у і та але й з до від це як що коли вже ' +
    'mutta ja kun että myös sekä og men som når også både flere mange alle noen och när både flera många alla ' +
    'ale i oraz że gdy już także kilka wielu wszyscy'
  ).split(' '),
);

// Months and weekdays not in names.ts's stop list (Nordic, Slavic, Finnish), lower-cased.
const CALENDAR =
  /^(senin|selasa|rabu|kamis|jumat|sabtu|minggu|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai|maanantai|poniedziałek|wtorek|środa|czwartek|piątek|sobota|niedziela|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|januar|februar|marts|tammikuu\p{L}*|helmikuu\p{L}*|maaliskuu\p{L}*|huhtikuu\p{L}*|toukokuu\p{L}*|kesäkuu\p{L}*|heinäkuu\p{L}*|elokuu\p{L}*|syyskuu\p{L}*|lokakuu\p{L}*|marraskuu\p{L}*|joulukuu\p{L}*|январ\p{L}*|феврал\p{L}*|март\p{L}*|апрел\p{L}*|ма[йя]|июн\p{L}*|июл\p{L}*|август\p{L}*|сентябр\p{L}*|октябр\p{L}*|ноябр\p{L}*|декабр\p{L}*|stycz\p{L}*|lut\p{L}*|marz\p{L}*|kwie\p{L}*|maj\p{L}*|czerw\p{L}*|lip\p{L}*|sierp\p{L}*|wrze\p{L}*|paźdz\p{L}*|listopad\p{L}*|grud\p{L}*|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|enero|febrero|marzo|abril|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre)$/u;

// Places a byline or a dateline puts next to a quote ("New York", "gute Nacht Schweiz"): countries, capitals and
// the cities news is most often filed from, in the spellings of the languages we read.
const PLACES = new Set(
  (
    'new york|washington|london|paris|berlin|moscow|moskau|moscou|moscú|москва|москве|kyiv|kiev|kiew|киев|київ|' +
    'beijing|peking|pékin|tokyo|tokio|seoul|brussels|brüssel|bruxelles|bruselas|rome|rom|roma|madrid|lisbon|lissabon|' +
    'lisboa|vienna|wien|vienne|geneva|genf|genève|zurich|zürich|stockholm|oslo|copenhagen|kopenhagen|københavn|' +
    'helsinki|warsaw|warschau|warszawa|prague|prag|praha|budapest|athens|athen|ankara|istanbul|jerusalem|tel aviv|' +
    'gaza|cairo|kairo|dubai|delhi|new delhi|mumbai|sydney|toronto|montreal|montréal|ottawa|mexico|méxico|buenos aires|' +
    'são paulo|rio de janeiro|brasília|bogotá|caracas|los angeles|san francisco|chicago|boston|miami|' +
    'europe|europa|asia|africa|afrika|amerika|america|schweiz|suisse|svizzera|deutschland|allemagne|alemania|' +
    'germany|france|frankreich|francia|frança|spain|spanien|españa|espagne|italy|italien|italia|italie|russia|' +
    'russland|russie|rusia|россия|ukraine|ucrania|україна|украина|china|chine|japan|japon|japón|korea|corée|india|' +
    'inde|brazil|brasil|brasilien|brésil|canada|kanada|mexiko|israel|iran|irak|iraq|syria|syrien|syrie|turkey|' +
    'türkei|turquie|turquía|egypt|ägypten|poland|polen|pologne|polska|sweden|schweden|sverige|norway|norwegen|norge|' +
    'denmark|dänemark|danmark|finland|finnland|suomi|austria|österreich|autriche|netherlands|niederlande|nederland|' +
    'belgium|belgien|belgique|greece|griechenland|grèce|portugal|ireland|irland|scotland|england|britain|' +
    'united states|united kingdom|white house|weißes haus|maison blanche|casa blanca|casa branca|kremlin|kreml|кремль|' +
    'downing street|élysée|elysée|capitol|pentagon|wall street'
  ).split('|'),
);

// Publications named by one common word ("according to People", "Variety reported") — not Forbes or Fortune,
// which are surnames too.
const MEDIA = new Set(
  'people variety vogue billboard politico axios vox slate salon wired newsweek tmz semafor deadline mashable engadget techcrunch gizmodo verge buzzfeed vice insider spiegel stern focus bild'.split(
    ' ',
  ),
);

// Places that are also surnames (Denzel Washington, Jack London, Anatole France): a place only as the whole name.
const SURNAME_PLACES = new Set('washington london berlin paris boston israel france england jordan'.split(' '));

// Words that make a name an institution, a company or an event: police, ministry, city, party, prize…
const INSTITUTION =
  /(?:^|\s)(?:police|polícia|policía|polizia|polizei|полиция|поліція|policja|polisen|politiet|poliisi|ministry|ministère|ministerio|ministério|ministero|ministerium|министерство|міністерство|ministerstwo|government|gouvernement|gobierno|governo|regierung|правительство|уряд|rząd|regeringen|congress|congresso|congreso|kongress|parliament|parlament|parlement|parlamento|парламент|senate|senat|sénat|senado|senato|council|conseil|consejo|conselho|consiglio|rat|совет|court|cour|tribunal|gericht|суд|corte|agency|agence|agencia|agência|agenzia|agentur|агентство|nobel|union|unión|união|unione|bank|banque|banco|banca|банк|association|associação|asociación|associazione|verband|verein|university|université|universidad|universidade|università|universität|университет|department|département|departamento|ville|city|stadt|prefeitura|ayuntamiento|comune|mairie|municipality|gemeinde|kommune|party|parti|partido|partito|partei|партия|inc|corp|corporation|company|ltd|llc|gmbh|ag|sa|group|groupe|grupo|gruppo|gruppe|nacional|national|nationale|nazionale|federal|fédéral|civil|civile|army|armée|ejército|exército|esercito|armee|армия|committee|comité|comitato|komitee|institute|institut|instituto|istituto|foundation|fondation|fundación|fundação|fondazione|stiftung|office|bureau|ufficio|amt|ministry|commission|kommission|comisión|comissão|commissione|federation|fédération|federación|federação|federazione|league|liga|ligue|team|club|fc|grupa|grupy|grupie|spółka|spółki|firma|firmy|urząd|urzędu|sąd|sądu|fundacja|fundacji|stowarzyszenie|związek|partia|partii|rada|rady|ministerstwa|policji|cnn|bbc|reuters|afp|ap|dpa|efe|ansa|tass|тасс|риа|zeitung|newspaper|journal|tribune|gazette|gazzetta|herald|magazine|magazin|folha|jornal|diário|diario|periódico|quotidien|giornale|corriere|quotidiano|revista|rundschau|kurier|tageblatt|nachrichten|news|times)(?:\s|$)/iu;

// Korean adjectives and titles that end like a name + topic particle ("똑같은" same, "당선인은" the president-elect).
const KO_NOT_NAME =
  /(?:같은|같이|많은|새로운|다른|모든|이런|그런|저런|어떤|좋은|나쁜|큰|작은|높은|낮은|당선인|당선자|후보|대변인|관계자|측|씨는|씨가)$|^(?:똑같|그러나|하지만|그리고|또한|이번|지난|오늘|어제|내일|당시|현재)/u;

// A described speaker that is a body, not a person ("the Scottish government said", "the ministry said"), many
// people ("officials said") or a text ("the report said", "the lawsuit says"): it names nobody, so no person named
// nearby may stand in for it.
const COLLECTIVE = new RegExp(
  `^(?:${
    'hospital|hôpital|ospedale|krankenhaus|klinik|clinic|clínica|embassy|ambassade|botschaft|embajada|embaixada|' +
    'ambasciata|administration|firm|officials|authorities|organizers|organisers|investigators|prosecutors|' +
    'researchers|scientists|residents|witnesses|sources|' +
    // media
    'jornal|diário|diario|periódico|periodico|quotidien|journal|newspaper|daily|zeitung|blatt|giornale|quotidiano|' +
    'revista|magazine|magazin|agência|agencia|agence|agenzia|emissora|canal|channel|broadcaster|network|site|portal|' +
    'outlet|publication|tabloid|empresa|entreprise|unternehmen|azienda|società|compañía|companhia|' +
    // texts
    'report|statement|letter|lawsuit|suit|complaint|filing|memo|study|survey|document|documents|post|tweet|email|' +
    'e-mail|release|announcement|website|blog|article|paper|book|ruling|order|bill|decision|indictment|affidavit|' +
    'note|message|notice|petition|motion|judgment|verdict|transcript|video|ad|advert|advertisement|sign|caption|' +
    'guidance|policy|plan|proposal|agreement|contract|law|rules|regulation|rapport|communiqué|lettre|plainte|étude|' +
    'informe|comunicado|carta|demanda|estudio|relatório|estudo|rapporto|comunicato|lettera|studio|bericht|' +
    'mitteilung|brief|studie|klage|erklärung|urteil|отчет|отчёт|заявление|письмо|доклад|звіт|заява|лист'
  })$`,
  'iu',
);

// People a story quotes beside its subject — they speak for, judge or watch someone else: when the text does
// not pair the role with a name ("the spokesperson said"), the headline's or the lede's person is not them.
const SIDE_ROLE = new RegExp(
  `^(?:${
    'spokesperson|spokesman|spokeswoman|representative|official|judge|lawyer|attorney|prosecutor|analyst|expert|' +
    'source|witness|researcher|scientist|doctor|physician|officer|aide|adviser|advisor|staffer|employee|worker|' +
    'resident|neighbor|neighbour|victim|customer|user|reader|fan|critic|insider|person|man|woman|' +
    'porte-parole|portavoz|porta-voz|portavoce|sprecher|sprecherin|представитель|представник|juge|juez|juiz|' +
    'giudice|richter|richterin|avocat|avocate|abogado|abogada|advogado|advogada|avvocato|anwalt|anwältin|' +
    'analyste|analista|experte|expertin|experto|experta|especialista|esperto|fuente|fonte|quelle|témoin|testigo|' +
    'testemunha|testimone|zeuge|zeugin|médecin|médico|medico|arzt|ärztin'
  })$`,
  'iu',
);

/** Is a described speaker's role one held by a side figure ("the spokesperson said", "the judge wrote")? */
export function sideRole(role: string): boolean {
  return SIDE_ROLE.test(role);
}

/** Is a speaker's role word ("government" of "the Scottish government") an institution, a group or a text? */
export function collectiveRole(role: string): boolean {
  return COLLECTIVE.test(role) || INSTITUTION.test(role);
}

export interface NameContext {
  /** The article's body text (to see whether a one-word name is used as one mid-sentence); without it, not checked. */
  body?: string;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Is a one-word Latin or Cyrillic name used as a name in the body: capitalised after a lower-case word or a comma
 * somewhere (not only at the start of sentences, where "Several" and "Но" are capitalised too)?
 */
function usedMidSentence(word: string, body: string): boolean {
  const re = new RegExp(`(?:[\\p{Ll},;]\\s+|\\p{Ll}[–—-]\\s*)${escapeRe(word)}(?![\\p{L}])`, 'u');
  return re.test(body);
}

/** Is `name` shaped like a person's name? Returns the reason it is not, or undefined when it may be one. */
export function notAPerson(name: string, ctx: NameContext): string | undefined {
  const n = name.trim();
  if (n.length < 2) return 'too short';
  const lower = n.toLowerCase();
  const words = n.split(/\s+/);
  if (PLACES.has(lower)) return 'a place';
  if (MEDIA.has(lower)) return 'a publication';
  // 《人民日报》评论: a name in title marks is a paper, a book or a show.
  if (/[《》〈〉「」『』“”"«»]/u.test(n)) return 'a title in title marks';
  if (INSTITUTION.test(n)) return 'an institution';
  if (words.some((w) => CALENDAR.test(w.toLowerCase()))) return 'a month';
  if (words.length === 1 && SMALL.has(lower)) return 'a small word';
  if (words.every((w) => SMALL.has(w.toLowerCase()))) return 'small words';
  // "Nacht Schweiz", "Sommet de Paris": a run that ends in a place.
  const last = words.at(-1)!.toLowerCase();
  if (words.length > 1 && PLACES.has(last) && !SURNAME_PLACES.has(last)) return 'ends in a place';
  const bare = n.replace(/(?:은|는|이|가|의|을|를|도|와|과)$/u, '');
  if (/\p{Script=Hangul}/u.test(n) && (KO_NOT_NAME.test(n) || KO_NOT_NAME.test(bare)))
    return 'a Korean adjective or title';
  // Korean names are 2–4 syllables; a longer run is a phrase.
  if (/^\p{Script=Hangul}+$/u.test(n) && (n.length < 2 || n.length > 4)) return 'not a Korean name';
  // Arabic and Hebrew runs that hold a speech verb are a clause ("مؤخرا قال", recently said), not a name.
  if (/(?:^|\s)(?:و|ف)?(?:قال|قالت|أكد|أضاف|أوضح|ذكر|أعلن|صرح|مؤخرا|أمس|اليوم)(?:\s|$)/u.test(n)) return 'a clause';
  // A German genitive before a noun ("sagte Müllers Anwalt"): the possessor's name + s, the name used bare elsewhere.
  if (
    words.length === 2 &&
    ctx.body !== undefined &&
    /^\p{Lu}\p{Ll}+s$/u.test(words[0]!) &&
    new RegExp(`(?<![\\p{L}])${escapeRe(words[0]!.slice(0, -1))}(?![\\p{L}])`, 'u').test(ctx.body)
  )
    return 'a genitive';
  // A patronymic in the genitive ("самого Александра Григорьевича") is somebody being talked about, not the subject.
  if (words.some((w) => /^\p{Lu}\p{Ll}+(?:вича|ича|овны|евны|ьича)$/u.test(w))) return 'a name in the genitive';
  // …and one in the instrumental ("разговор с Олафом Шольцем", with Olaf Scholz) is the one spoken with.
  if (words.length >= 2 && words.every((w) => /^\p{Script=Cyrillic}+(?:ом|ем|ым|им|ой|ей)$/u.test(w)))
    return 'a name in the instrumental';
  // One capitalised word: a name only if the article also uses it as one in mid-sentence.
  if (
    words.length === 1 &&
    /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}'’.-]+$/u.test(n) &&
    ctx.body !== undefined &&
    !usedMidSentence(n, ctx.body)
  )
    return 'one word never used as a name in mid-sentence';
  return undefined;
}

// What a company has and a person does not, right after its name: "Goldman Sachs analysts", "Wells Fargo shares".
const OWNED =
  'analysts?|economists?|strategists?|spokes(?:man|woman|person)|executives?|employees|staff|shares|stock|' +
  'customers|clients|stores|headquarters|investors|shareholders|subsidiary|unit|division|board';

/**
 * A speaker's name that is a company's ("…," Acme said; "…," Goldman Sachs said): the article uses the name in
 * front of what a company has ("Goldman Sachs analysts", "Wells Fargo shares"), or — for one word — only ever in
 * front of other capitalised words ("Acme Robotics", "Apple Watch") and never after a given name; and it never
 * marks the name as a person with a pronoun or an honorific.
 */
export function shortName(name: string, body: string, gendered: (name: string) => unknown): string | undefined {
  if (!/^[\p{Script=Latin}\p{Script=Cyrillic}'’.\s-]+$/u.test(name)) return undefined;
  const esc = escapeRe(name);
  const owned = new RegExp(`(?<![\\p{L}])${esc}\\s+(?:${OWNED})(?![\\p{L}])`, 'u').test(body);
  if (!owned) {
    if (name.includes(' ')) return undefined;
    if (!new RegExp(`(?<![\\p{L}])${esc}\\s+\\p{Lu}`, 'u').test(body)) return undefined;
    for (const m of body.matchAll(new RegExp(`(\\p{Lu}[\\p{L}'’.-]*)\\s+${esc}(?![\\p{L}])`, 'gu')))
      if (
        !SMALL.has(m[1]!.toLowerCase()) &&
        !/^(?:the|a|an|der|die|das|le|la|les|el|los|las|il|lo|o|os|as)$/iu.test(m[1]!)
      )
        return undefined;
  }
  return gendered(name) ? undefined : "a company's name (used before what a company has, never marked as a person)";
}

/**
 * "…, souligne Moody's.": a name the text never writes without a possessive "'s" is a company's ("Moody's",
 * "McDonald's", "Sainsbury's"); a person's surname stands bare somewhere ("Altman’s response" and "Altman said").
 */
export function ownsItsS(name: string, body: string): string | undefined {
  if (!/^[\p{Script=Latin}'’.\s-]+$/u.test(name)) return undefined;
  const esc = escapeRe(name);
  if (!new RegExp(`(?<![\\p{L}])${esc}['’]s(?![\\p{L}])`, 'u').test(body)) return undefined;
  return new RegExp(`(?<![\\p{L}])${esc}(?!['’]s(?![\\p{L}]))(?![\\p{L}'’])`, 'u').test(body)
    ? undefined
    : 'a company named with its "\'s" ("Moody\'s")';
}

// German feminine nouns in -in, English ones in -woman; not "wife", "mother": they name someone's relation.
const FEMININE_ROLE = /^\p{Lu}[\p{L}-]*[a-zäöü]in$|woman$/u;

/**
 * Does the text tie a description ("the 56-year-old", "die Team-Weltmeisterin", "the billionaire") to a person it
 * did not pair it with? An age describes whoever the story is about; a role marked feminine fits a person the text
 * does not call "he"; any other role must stand in one sentence with the person's surname somewhere ("Musk, the
 * billionaire, …"). Without that, a description is not evidence for the lede's person.
 */
export function describes(role: string, name: string, body: string): boolean {
  if (role === 'year-old') return true;
  // A feminine role noun ("die Team-Weltmeisterin") is a person, never a company or a text: it fits the story's
  // person unless the text makes that person a man (German "sie" is also "they", so she is seldom marked).
  if (FEMININE_ROLE.test(role)) return genderOf(name, body) !== 'm';
  // Once per body, role and name: a hostile page repeats one description under hundreds of quotes.
  if (body !== describedBody) {
    describedBody = body;
    described.clear();
    sentences = undefined;
  }
  const key = `${role}\u0000${name}`;
  let found = described.get(key);
  if (found === undefined) {
    sentences ??= body.toLowerCase().split(/[.!?\n]+/u);
    const word = (w: string) => new RegExp(`(?<![\\p{L}])${escapeRe(w.toLowerCase())}(?![\\p{L}])`, 'u');
    const r = word(role);
    const n = word(name.split(' ').at(-1)!);
    found = sentences.some((t) => r.test(t) && n.test(t));
    described.set(key, found);
  }
  return found;
}
let describedBody = '';
let sentences: string[] | undefined;
const described = new Map<string, boolean>();
