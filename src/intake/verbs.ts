// Speech verbs per language, as regex alternations: what marks a quotation as someone's words.

/** Verbs (and "according to" words) that may come BEFORE the speaker: "…," said Altman / „…“, so Scholz. */
const INVERTED: Record<string, string> = {
  en: 'said|says|added|adds|wrote|writes|explained|asked|replied|noted|continued|insisted|argued|according to',
  de: 'sagte|sagt|erklärte|erklärt|betonte|betont|meinte|so|schrieb|ergänzte',
  fr: 'a déclaré|a dit|déclare|dit|a affirmé|affirme|a expliqué|explique|a ajouté|ajoute|a souligné|souligne|selon|a estimé|estime|a assuré|assure|a lancé',
  es: 'dijo|afirmó|declaró|explicó|aseguró|señaló|añadió|indicó|sostuvo|según|ha dicho',
  it: 'ha detto|ha dichiarato|ha affermato|ha spiegato|ha aggiunto|ha sottolineato|dice|secondo',
  pt: 'disse|afirmou|declarou|explicou|segundo|acrescentou|ressaltou|destacou|diz|afirma',
};

/** Only after the speaker: "Altman told reporters", "Merz warnte", "Macron a écrit". */
const AFTER_SPEAKER: Record<string, string> = {
  en: 'told|tells|posted|tweeted|stated|announced|warned|wrote on|responded|quipped|joked',
  de: 'warnte|teilte mit|twitterte',
  fr: 'a écrit|a répondu|a averti',
  es: 'escribió|respondió|advirtió',
  it: 'ha scritto|ha risposto',
  pt: 'escreveu|respondeu|alertou',
};

// "according to", "so", "selon"… introduce a source, but never follow one ("Altman according to" is not speech).
const ONLY_INVERTED = new Set(['according to', 'so', 'selon', 'según', 'secondo', 'segundo']);

/** Longest first, so "a déclaré" wins over "a dit" and "dit"; spaces match any whitespace. */
function alternation(words: string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|');
}

const inverted = Object.values(INVERTED).flatMap((v) => v.split('|'));
export const INV = alternation(inverted);
export const VERB = alternation([
  ...inverted.filter((v) => !ONLY_INVERTED.has(v)),
  ...Object.values(AFTER_SPEAKER).flatMap((v) => v.split('|')),
]);
