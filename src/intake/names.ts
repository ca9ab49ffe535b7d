// Person names in running text: Latin-script name runs, title stripping, and surname → full-name resolution.

// One capitalised name word: Altman, O'Brien, McDonald, Jean-Pierre, Al-Sisi, or an initial "J.".
const TOK = String.raw`(?:\p{Lu}(?:\p{Ll}+|['’]\p{Lu}\p{Ll}+)(?:-\p{Lu}?\p{Ll}+)*(?:\p{Lu}\p{Ll}+)?|\p{Lu}\.)`;
// Lower-case particles inside names: Ursula von der Leyen, Lula da Silva.
// "der"/"la" only after "von"/"de": on their own they are articles ("Hartlieb der Zeitung").
const PARTICLE = `(?:von der|van der|van den|von den|de la|de los|de las|de|des|da|do|dos|das|del|della|di|du|van|von|al|bin|ibn|ben)`;
// Words of one name are separated by spaces, never by a line break (a headline's last word is not a first name).
export const NAME_SRC = String.raw`(?<![\p{L}\p{N}])${TOK}(?:[ \u00A0]+(?:${PARTICLE}[ \u00A0]+)?${TOK}){0,4}(?![\p{L}\p{N}])`;
const NAME_ALL = new RegExp(NAME_SRC, 'gu');
const TOKEN = new RegExp(`^${TOK}$`, 'u');
const PARTICLE_RE = /^(von|van|der|den|de|des|la|los|las|da|do|dos|das|del|della|di|du|al|bin|ibn|ben)$/u;
const COMPOUND_GIVEN =
  /^(José|Juan|Luis|María|Maria|Ana|Jean|Marie|Anne|Pier|Gian|João|Carlos|Miguel|Francisco) (Luis|José|Carlos|Antonio|María|Maria|Manuel|Pablo|Ángel|Angel|Miguel|Luisa|Marc|Pierre|Luc|Claude|Paul|Louis|Paolo|Luca|Carlo|Pedro|Eduardo|Javier|Jesús|Teresa|Isabel|Dolores|Carmen|Elena|Victoria|Pilar|Eugenia|Fernanda|Ignacio|Andrés)$/u;
const CAP_PARTICLE = /^(Van|Von|Der|Den|De|Da|Di|Du|Del|Della|Le|La|Al|El)$/u;

// Capitalised words that are not names: sentence starters, pronouns, days, months (several languages).
const STOP = new Set(
  (
    'the a an it its this that these those he she they we i you his her their our but and or so if in on at for with ' +
    'after before when while as from by to of not no yes also then there here what why how who mr mrs ms dr prof sir ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december today yesterday tomorrow ' +
    'der die das den dem des ein eine er sie es wir ich und aber auch am im vom zum zur nach vor bei mit für heute gestern ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz mai juni juli oktober dezember ' +
    'le la les un une il elle ils elles nous je et mais pour dans selon lundi mardi mercredi jeudi vendredi samedi dimanche ' +
    'el los las una ella ellos pero según lunes martes miércoles jueves viernes sábado domingo ' +
    'lo gli uno lui lei noi ma secondo lunedì martedì mercoledì giovedì venerdì sabato domenica ' +
    'o os um uma ele ela eles mas segundo segunda terça quarta quinta sexta ' +
    'ahora además también luego después entonces así aunque mientras hoy ayer asimismo incluso ' +
    'agora também depois então assim hoje ontem ainda já ora poi anche inoltre oggi ieri intanto ' +
    'maintenant ensuite alors aussi puis aujourd’hui hier désormais jetzt dann nun danach zudem außerdem ' +
    'via laut dank bis seit während wegen ' +
    // Quantifiers and sentence openers that are never a first name ("Several months into…", "Asked if…").
    'several many some most few both every each another other such asked meanwhile however still even only ' +
    'gerade mehrere einige viele plusieurs certains quelques varios algunos muchos vários alguns muitos alcuni molti'
  ).split(' '),
);

// Job titles and honorifics that precede names ("OpenAI CEO Sam Altman", "Bundeskanzler Olaf Scholz").
const TITLES = new Set(
  (
    'president prime minister chancellor senator governor mayor judge chief executive officer director secretary ' +
    'general spokesman spokeswoman spokesperson coach captain king queen pope rep sen gov founder chairman chairwoman ' +
    'analyst economist professor doctor herr frau präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin ' +
    'ministerin minister monsieur madame président présidente ministre señor señora presidente presidenta ministro ' +
    'ministra signor signora senhor senhora doutor doktor professorin trainer trainerin ' +
    'capt gen sen rep gov lt col sgt maj adm cmdr supt insp det pres justice attorney councillor councilman ' +
    'councilwoman commissioner superintendent inspector detective sheriff deputy ambassador cardinal bishop ' +
    'rev reverend hon honourable honorable rt rabbi imam ' +
    'juez jueza juge giudice richter fiscal procureur rechter burgemeester wethouder minister-president ' +
    'президент министр мэр вице-мэр глава губернатор тренер директор председатель премьер-министр депутат ' +
    'спикер представитель пресс-секретарь сенатор посол генерал ' +
    // Indonesian and Malay titles, and the clipped ministers' titles used where English says "the minister"
    // (Menkeu, Menteri Keuangan; Mendag, Menteri Perdagangan): a role, never a name on its own.
    'menteri wamen presiden wapres gubernur wagub bupati wabup walikota camat lurah ketua kepala direktur dirut ' +
    'jubir kapolri kapolda kapolres kapolresta kapolsek kasat kabid kadis kades jaksa hakim bapak ibu pak bu ' +
    'menko menkeu menkes mendag menlu mentan menaker menag menhan menhub menpora menkominfo mendikbud ' +
    'mendikbudristek menparekraf menpupr menkumham mensos menpan menpanrb menristek menperin menesdm menlhk ' +
    'menkop mendes menpar menbumn menkopolhukam menkomdigi'
  ).split(' '),
);
/** An Indonesian or Malay title (above): after one, "di" is the preposition "at", not a name particle. */
const ID_TITLE =
  /^(?:menteri|wamen|presiden|wapres|gubernur|wagub|bupati|wabup|walikota|camat|lurah|ketua|kepala|direktur|dirut|jubir|kapol\p{L}*|kasat|kabid|kadis|kades|men[a-z]{2,12})$/iu;
const TITLE_SUFFIX =
  /(kanzler|kanzlerin|minister|ministerin|präsident|präsidentin|chef|chefin|sprecher|sprecherin|leiter|leiterin|direktor|direktorin|vorsitzende|vorsitzender|trainer|trainerin|meister|meisterin|experte|expertin)$/iu;

export const isTitle = (w: string): boolean => TITLES.has(w.toLowerCase()) || TITLE_SUFFIX.test(w);
const isStop = (w: string): boolean => STOP.has(w.toLowerCase());

/**
 * Tidy a matched name run: drop leading stop words and titles, then keep the surname with its particles and
 * one given name before them ("Bundeskanzler Olaf Scholz" → "Olaf Scholz"). Returns undefined when nothing
 * name-like is left (a title on its own, a weekday).
 */
export function tidyName(run: string): string | undefined {
  const words = run.trim().split(/\s+/);
  while (words.length && (isStop(words[0]!) || isTitle(words[0]!))) {
    // "ujar Mendag di Jakarta": an Indonesian title, then "di" (at) and a place — a title and where, no name.
    if (ID_TITLE.test(words[0]!) && isTitle(words[0]!) && words[1] === 'di') return undefined;
    words.shift();
  }
  if (!words.length || words.every((w) => PARTICLE_RE.test(w))) return undefined;
  let i = words.length - 1;
  // Particles, in either case once inside a name: "James Van Der Beek", "Ursula von der Leyen".
  while (i > 1 && (PARTICLE_RE.test(words[i - 1]!) || CAP_PARTICLE.test(words[i - 1]!))) i--;
  while (i > 0 && PARTICLE_RE.test(words[i - 1]!)) i--;
  if (i > 0 && TOKEN.test(words[i - 1]!)) i--;
  // A middle initial keeps the given name before it: "Sonya A. Zoghlin"; so does a compound given name
  // ("José Luis Vera", "Juan José Rodríguez", "Jean Marc Ayrault").
  if (i > 0 && /^\p{Lu}\.$/u.test(words[i]!) && TOKEN.test(words[i - 1]!)) i--;
  else if (i > 0 && COMPOUND_GIVEN.test(`${words[i - 1]} ${words[i]}`)) i--;

  const kept = words.slice(i).filter((w, k) => k > 0 || !PARTICLE_RE.test(w));
  const last = kept.at(-1)!;
  if (isStop(last) || isTitle(last) || /^\p{Lu}\.$/u.test(last)) return undefined;
  return kept.join(' ');
}

// "Capt. Robert Hines": drop the abbreviation's dot so the title and the name stay one run.
const ABBREVIATION =
  /\b(Capt|Gen|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|Lt|Col|Sgt|Maj|Adm|Cmdr|Supt|Insp|Det|Pres|St|Rev|Hon|Rt)\./g;
// A name's opening initial ("said D. Joshua Taylor"): its dot is not a sentence's end. Without the dot the initial
// is no name word, so the name is the words after it; a middle initial ("Sonya A. Zoghlin") keeps its dot.
const OPENING_INITIAL = /(?<![\p{L}.])(?<!\p{Lu}[\p{L}'’-]*\s)(\p{Lu})\.(?=\s\p{Lu}\p{Ll})/gu;
export const undot = (text: string): string =>
  text
    .replace(ABBREVIATION, '$1')
    .replace(/\b(\p{Lu})\.(\p{Lu})\.(?=\s\p{Lu})/gu, '$1$2')
    .replace(OPENING_INITIAL, '$1');

/** Every tidy name in `text`, in order. */
export function namesIn(text: string): string[] {
  // The article's body is asked again for every surname to complete (fullName), between questions about each
  // quote's context: the answers for the last few texts asked are kept, so a body is read once per page, not once per
  // name (en-graby-motherjones: ~100 names, 300 ms of re-reading).
  const known = namesRead.get(text);
  if (known) {
    namesRead.delete(text);
    namesRead.set(text, known);
    return [...known];
  }
  const out: string[] = [];
  for (const m of undot(text).matchAll(NAME_ALL)) {
    const n = tidyName(m[0]);
    if (n) out.push(n);
  }
  namesRead.set(text, out);
  if (namesRead.size > 8) namesRead.delete(namesRead.keys().next().value!);
  return [...out];
}
/** namesIn's answers for the texts asked most recently, oldest first. */
const namesRead = new Map<string, string[]>();

/**
 * Who "he said" refers to. People are named in full once and then by surname alone ("Daniel Kiprop … Kiprop
 * pulled away"); places and events are not ("London Marathon", "Tower Bridge"). So among the full names in
 * `context` (headline + text before the quote), pick the one whose surname stands alone most often; ties go to
 * the latest mention. Without any full name, the latest single name.
 */
export function lastName(context: string): string | undefined {
  const names = namesIn(context);
  const full = names.filter((n) => n.includes(' '));
  if (!full.length) return names.at(-1);
  const occurrences = (needle: string): number => context.split(needle).length - 1;
  let best: string | undefined;
  let bestScore = -1;
  for (const n of full) {
    const alone = occurrences(n.split(' ').at(-1)!) - occurrences(n);
    if (alone >= bestScore) {
      best = n;
      bestScore = alone;
    }
  }
  return best;
}

// Prepositions a Cyrillic place name follows ("в Раді", "у Москві"): what comes after one is not a given name.
const CYR_PREP = String.raw`(?<![\p{L}])(?:в|во|у|на|з|із|зі|до|від|для|при|про|за|по|к|о|об|от|из|с|со|над|под|перед)`;

/**
 * A lone surname ("Altman") becomes the full name the article uses elsewhere ("Sam Altman"): the most
 * frequent two-part name ending in that surname, searched in the body first (headlines are often Title Case,
 * where every word looks like a name).
 */
export function fullName(name: string, body: string, headline: string, midOnly = false): string {
  // Scripts that capitalise names: Latin and Cyrillic ("Тасмаганбетов" → "Марат Тасмаганбетов").
  if (name.includes(' ') || /[^\p{Script=Latin}\p{Script=Cyrillic}\s.'’-]/u.test(name)) return name;
  for (const text of [body, headline]) {
    const counts = new Map<string, number>();
    for (const n of namesIn(text)) {
      if (n !== name && n.endsWith(` ${name}`)) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    // A full name that also stands in mid-sentence ("adalah Donna King di…") beats one that only opens sentences;
    // one that only opens sentences after the lede ("Suami Donna", Donna's husband) is a common noun, not a name.
    for (const n of counts.keys()) {
      const esc = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // Cyrillic: only a run the text uses mid-sentence, not after a preposition — "Чому Венедіктова" (why…) opens a
      // sentence, "в Раді Венедіктова" starts with a place.
      const mid = `(?<=[\\p{Ll},;][ \\u00A0]+)(?<!${CYR_PREP}[ \\u00A0]+)${esc}(?![\\p{L}])`;
      if (/\p{Script=Cyrillic}/u.test(n) && !new RegExp(mid, 'u').test(text)) {
        counts.delete(n);
        continue;
      }
      if (new RegExp(`[\\p{Ll},;]\\s+${esc}(?![\\p{L}])`, 'u').test(text)) counts.set(n, counts.get(n)! + 1000);
      // (midOnly, for a few paragraphs rather than the article: their first 600 characters are no lede.)
      else if (midOnly || !text.slice(0, 600).includes(n)) counts.delete(n);
    }
    // midOnly (a few paragraphs before a quote): the one introduced last is who a surname after it means.
    const best = midOnly
      ? [...counts].sort((a, b) => text.lastIndexOf(b[0]) - text.lastIndexOf(a[0]))[0]
      : [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best) return best[0];
  }
  return name;
}

/** "técnico" → "Dorival Júnior" when `context` says "técnico Dorival Júnior" (or "técnico, Dorival Júnior"). */
const roleRegexes = new Map<string, RegExp>();
export function roleHolder(role: string, context: string): string | undefined {
  const escaped = role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Not the `i` flag: it would make \p{Lu} in the name pattern match lower-case words too.
  const first = `[${escaped[0]!.toLowerCase()}${escaped[0]!.toUpperCase()}]`;
  // "ministre de la Santé Roman Prymula": a short complement may sit between the role and the name.
  const source = `(?<![\\p{L}])${first}${escaped.slice(1)}(?:\\s+(?:de|of|du|des|del|della|da|do|der)\\s+(?:la\\s+|l'|the\\s+)?\\p{Lu}\\p{Ll}+)?,?\\s+(${NAME_SRC})`;
  let re = roleRegexes.get(source);
  if (!re) {
    re = new RegExp(source, 'gu');
    roleRegexes.set(source, re);
  }
  const found = [...undot(context).matchAll(re)].map((m) => tidyName(m[1]!)).filter(Boolean);
  return found.at(-1);
}

const TITLE_THEN_NAME = new RegExp(String.raw`(?<![\p{L}])([\p{L}-]+)\s+(${NAME_SRC})`, 'gu');

/**
 * The first name in `text` that follows a title word ("el juez Castro", "Councillor Denise Mwangi"); with `role`,
 * only a title that is that role ("Bundeskanzlerin Angela Merkel" for "die Kanzlerin", never "Senator John Smith"
 * for "the senator's attorney").
 */
export function titledName(text: string, role?: string): string | undefined {
  const fits = (title: string) => !role || title.toLowerCase().endsWith(role.toLowerCase());
  for (const m of undot(text).matchAll(TITLE_THEN_NAME)) {
    // "el Presidente Boric": a capitalised title is part of the name run; the title starts the run.
    const [first, ...rest] = m[2]!.split(/\s+/u);
    if (!isTitle(m[1]!) && rest.length && isTitle(first!) && fits(first!)) {
      const name = tidyName(rest.join(' '));
      if (name) return name;
    }
    if (!isTitle(m[1]!) || !fits(m[1]!)) continue;
    const name = tidyName(m[2]!);
    if (name) return name;
  }
  return undefined;
}

/** The person a headline is about: its first two-word name that the body mentions too ("Jose Mourinho agrees…"). */
export function headlinePerson(headline: string, body: string): string | undefined {
  for (const n of namesIn(headline)) {
    const surname = n.split(' ').at(-1)!;
    if (n.includes(' ') && body.includes(surname)) return n;
    // "Mourinho agrees deal…" with "Jose Mourinho" in the body.
    const full = n.includes(' ') ? n : fullName(n, body, '');
    if (full !== n) return full;
  }
  return undefined;
}

const SPEECH_SUBJECT = (verbs: string) =>
  new RegExp(String.raw`(${NAME_SRC})(?:,[^,.]{1,80},)?\s+(?:${verbs})(?![\p{L}])`, 'gu');
let speechSubject: RegExp | undefined;

/** The last person in `context` who is the subject of a speech verb ("Sonya A. Zoghlin, the attorney, told…"). */
export function lastSpeaker(context: string, verbs: string): string | undefined {
  speechSubject ??= SPEECH_SUBJECT(verbs);
  let found: string | undefined;
  for (const m of undot(context).matchAll(speechSubject)) found = tidyName(m[1]!) ?? found;
  return found;
}
