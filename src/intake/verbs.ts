// Speech verbs and the small words around them, per language, as regex alternations.

/** Verbs (and "according to" words) that may come BEFORE the speaker: "…," said Altman / „…“, so Scholz. */
const INVERTED: Record<string, string> = {
  en: 'said|says|added|adds|wrote|writes|explained|asked|replied|noted|continued|insisted|argued|according to|recalled|warned|stated|concluded|admitted|acknowledged|commented|confessed|revealed',
  de: 'sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|so|schrieb|schreibt|ergänzte|ergänzt|fügte hinzu|sagte er|warnte|berichtet|berichtete|kritisierte|forderte|räumte ein|unterstrich',
  fr: 'a déclaré|a dit|déclare|dit|a affirmé|affirme|a expliqué|explique|a ajouté|ajoute|a souligné|souligne|selon|a estimé|estime|a assuré|assure|a lancé|lance|a prévenu|prévient|a indiqué|indique|a précisé|précise|a confié|confie|a répondu|répond|a insisté|insiste|a martelé|a reconnu|reconnaît|a rappelé|rappelle|a mentionné|a noté|poursuit|conclut|a conclu|écrit|a écrit|raconte|a raconté|note|observe|résume|tranche|juge|a jugé',
  es: 'dijo|dice|afirmó|afirma|declaró|declara|explicó|explica|aseguró|asegura|señaló|señala|añadió|añade|indicó|indica|sostuvo|sostiene|según|ha dicho|agregó|agrega|manifestó|manifiesta|expresó|expresa|comentó|comenta|apuntó|apunta|expone|expuso|advirtió|advierte|insistió|insiste|destacó|destaca|subrayó|subraya|recordó|recuerda|reconoció|reconoce|lamentó|lamenta|precisó|remató|relata|cuenta|contó|respondió|responde|detalló|aseveró|enfatizó|denunció|concluyó|planteó|opinó|escribió',
  it: 'ha detto|ha dichiarato|ha affermato|ha spiegato|ha aggiunto|ha sottolineato|dice|secondo|spiega|aggiunge|sottolinea|afferma|dichiara|racconta|ha raccontato|commenta|ha commentato|osserva|ha osservato|precisa|ha precisato|conclude|ha concluso|ricorda|ha ricordato|avverte|ha avvertito|ammette|ha ammesso|ha scritto|scrive|ha risposto|risponde|insiste|ha insistito|spiegano|scrivono|dicono',
  pt: 'disse|diz|afirmou|afirma|declarou|declara|explicou|explica|segundo|acrescentou|acrescenta|ressaltou|ressalta|destacou|destaca|falou|fala|contou|conta|relatou|relata|observou|observa|comentou|comenta|avaliou|avalia|completou|completa|concluiu|informou|informa|apontou|aponta|garantiu|garante|lembrou|lembra|admitiu|afirmaram|disseram|frisou|reforçou|salientou|sublinhou|argumentou|respondeu|escreveu|declarou|complementou|pontuou|alertou|defendeu',
  nl: 'zei|zegt|aldus|vertelde|vertelt|verklaarde|verklaart|stelde|stelt|meldde|meldt|schreef|schrijft|voegde eraan toe|voegde toe|benadrukte|benadrukt|liet weten|laat weten|volgens|antwoordde|legde uit|waarschuwde|zei hij|zei ze',
  ru: 'сказал|сказала|сказали|говорит|говорил|говорила|заявил|заявила|заявили|заявляет|отметил|отметила|отмечает|сообщил|сообщила|сообщили|добавил|добавила|написал|написала|написали|подчеркнул|подчеркнула|рассказал|рассказала|пояснил|пояснила|признался|призналась|пожаловался|пожаловалась|уточнил|уточнила|считает|по словам|ответил|ответила|заключил|заключила|предупредил|предупредила|заверил|заверила|проинформировал|проинформировала|прокомментировал|прокомментировала|прокомментировали|констатировал|констатировала',
  // Issue 20: the Nordic, Polish, Ukrainian, South Slavic, Indonesian and more Romance verbs, past and present.
  pl: 'powiedział|powiedziała|powiedzieli|mówi|mówił|mówiła|dodał|dodała|dodaje|stwierdził|stwierdziła|stwierdza|podkreślił|podkreśliła|podkreśla|zaznaczył|zaznaczyła|zaznacza|przekonuje|przekonywał|przekonywała|wyjaśnił|wyjaśniła|wyjaśnia|oświadczył|oświadczyła|twierdzi|ocenił|oceniła|ocenia|napisał|napisała|pisze|według|zapowiedział|zapowiedziała|przyznał|przyznała|przyznaje|tłumaczy|tłumaczył|odpowiedział|odpowiedziała',
  sv: 'sa|sade|säger|berättar|berättade|skriver|skrev|förklarar|förklarade|menar|menade|tillade|tillägger|konstaterar|konstaterade|enligt|betonar|betonade|svarar|svarade',
  da: 'siger|sagde|fortæller|fortalte|skriver|skrev|forklarer|forklarede|mener|mente|tilføjer|tilføjede|udtaler|udtalte|ifølge|understreger|understregede|lyder det fra|svarer|svarede',
  no: 'sier|sa|forteller|fortalte|skriver|skrev|forklarer|forklarte|mener|mente|legger til|la til|fortsetter|avslutter|ifølge|understreker|svarer|svarte',
  fi: 'sanoo|sanoi|kertoo|kertoi|toteaa|totesi|korostaa|korosti|muistuttaa|muistutti|arvioi|arvioi|opastaa|opasti|kirjoittaa|kirjoitti|lisää|lisäsi|jatkaa|jatkoi|painottaa|painotti|mukaan|vastaa|vastasi',
  uk: 'сказав|сказала|сказали|заявив|заявила|заявили|зазначив|зазначила|додав|додала|повідомив|повідомила|наголосив|наголосила|написав|написала|каже|пояснив|пояснила|за словами|розповів|розповіла',
  sh: 'rekao je|rekla je|kazao je|kazala je|izjavio je|izjavila je|napisao je|napisala je|dodao je|dodala je|naveo je|navela je|istakao je|istakla je|poručio je|poručila je',
  id: 'kata|katanya|ujar|ujarnya|ungkap|ungkapnya|tutur|tuturnya|jelasnya|ucapnya|pungkas|pungkasnya|menurut|imbuhnya|tegasnya|terangnya',
  es2: 'alertó|alerta|aclaró|aclara|reveló|revela|sentenció|ironizó|criticó|reprochó|exclamó|preguntó|pregunta|insistía|decía',
  pt2: 'indagou|questionou|ponderou|revelou|alertou|criticou|exclamou|perguntou|pergunta|desabafou|brincou|lamentou|reconheceu',
  fr2: "glisse|a glissé|soupire|a soupiré|a lâché|lâche|assène|a asséné|martèle|s’exclame|s'exclame|a confié|ironise|avoue|a avoué|déplore|a déploré|regrette|a regretté|insiste|interroge|s’interroge",
  it2: 'dichiara|commenta|spiega|aggiunge|conclude|sottolinea|evidenzia|ha evidenziato|rimarca|osserva|denuncia|ha denunciato|chiede|ha chiesto',
  de2: 'freut sich|plädiert|plädierte|schreibt|mahnte|mahnt|erklärte|ergänzte|sagte sie|sagte er|erzählt|erzählte|betont|fordert|warnt|kritisiert|bilanziert|resümiert',
  en2: 'says|said|explains|adds|tells|told|recalls|warns|notes|argues|insists|continues|concludes|admits|asks|answers|answered|replies|replied|explained|added|continued|shared|emphasized|emphasised|stressed|urged',
};

/** Only after the speaker: "Altman told reporters", "Merz warnte", "Macron a écrit". */
const AFTER_SPEAKER: Record<string, string> = {
  en: 'told|tells|spoke|speaks|posted|tweeted|announced|wrote on|responded|quipped|joked|declared|exclaimed|commented|observed|remarked|cautioned|predicted|conceded|confirmed|claimed|maintained|saying',
  de: 'teilte mit|twitterte|erklärte gegenüber|sagte dem|sagte der',
  fr: 'a averti|a tweeté|a déclaré à',
  es: 'escribió|respondió|advirtió|tuiteó',
  it: 'ha scritto|ha risposto|ha twittato',
  pt: 'escreveu|respondeu|alertou|publicou',
  nl: 'twitterde|reageerde',
  ru: 'написал|написала|ответил|ответила|пишет',
  fi: 'sanoi|sanoo|totesi|toteaa|kertoi|kertoo|muistutti|korosti',
  sv: 'säger|sa|sade|skriver',
  da: 'siger|sagde|skriver',
  no: 'sier|sa|skriver',
  pl: 'powiedział|powiedziała|mówi|napisał|napisała',
  uk: 'заявила|заявив|сказав|сказала|написав|написала',
  vi: 'nói|cho biết|nhìn nhận|khẳng định|nhấn mạnh|chia sẻ|cho hay',
  id: 'mengatakan|menjelaskan|menuturkan|mengungkapkan|menyebut',
};

// "according to", "so", "selon"… introduce a source, but never follow one ("Altman according to" is not speech).
const ONLY_INVERTED = new Set([
  'according to',
  'so',
  'selon',
  'según',
  'secondo',
  'segundo',
  'aldus',
  'volgens',
  'по словам',
]);

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

// The small words that tell a name from a description ("a New Hampshire Republican", "the director") or an
// addressee ("dijo a la red Erbol", "told The Hill"), per language: "a" is Portuguese for "the", English for "one".
export interface SmallWords {
  pronoun: string;
  definite: string;
  indefinite: string;
  preposition: string;
}
const SMALL: Record<string, SmallWords> = {
  en: {
    pronoun: 'he|she|they',
    definite: 'the|this|that|our|his|her|their',
    indefinite: 'a|an|one|another',
    preposition: 'to|at|in|on|during|after|before|with|for|from|outside|inside',
  },
  de: {
    pronoun: 'er|sie',
    definite: 'der|die|das|den|dem|des|dieser|diese',
    indefinite: 'ein|eine|einer|eines|einem',
    preposition: 'zu|gegenüber|in|im|am|bei|nach|vor|auf|mit|vom|zum|zur|via',
  },
  fr: {
    pronoun: 'il|elle|ils|elles',
    definite: "le|la|les|l'|l’|ce|cet|cette|son|sa",
    indefinite: 'un|une',
    preposition: 'à|au|aux|en|dans|lors|après|devant|pour|sur|avec|chez|de',
  },
  es: {
    pronoun: 'él|ella|ellos',
    definite: 'el|la|los|las|este|esta|ese|esa|su',
    indefinite: 'un|una|uno',
    preposition: 'a|al|en|ante|durante|tras|para|con|desde|por',
  },
  it: {
    pronoun: 'lui|lei|loro',
    definite: "il|lo|la|i|gli|le|l'|l’|questo|questa",
    indefinite: 'un|uno|una',
    preposition: 'a|al|alla|in|nel|nella|durante|dopo|con|per|da|dal|dalla',
  },
  pt: {
    pronoun: 'ele|ela|eles',
    definite: 'o|a|os|as|este|esta|esse|essa',
    indefinite: 'um|uma',
    preposition: 'ao|à|em|no|na|durante|após|para|com|pelo|pela|por|do|da|de',
  },
  nl: {
    pronoun: 'hij|zij|ze',
    definite: 'de|het|deze|dit',
    indefinite: 'een',
    preposition: 'tegen|in|op|bij|tijdens|na|aan|voor|met',
  },
  ru: {
    pronoun: 'он|она|они',
    definite: '',
    indefinite: 'один|одна',
    preposition: 'в|на|во|при|после|для|у|с|со|по|к|о|об|от|из|за|до|про|самого|самой',
  },
  uk: {
    pronoun: 'він|вона|вони',
    definite: '',
    indefinite: 'один|одна',
    preposition: 'в|у|на|з|до|від|для|при|про|за',
  },
  pl: {
    pronoun: 'on|ona|oni',
    definite: '',
    indefinite: 'jeden|jedna',
    preposition: 'w|we|na|z|do|od|dla|po|przy|o|u',
  },
};
const merged = (key: keyof SmallWords): string =>
  [...new Set(Object.values(SMALL).flatMap((w) => w[key].split('|')))].filter((x) => x && x !== 'a').join('|');
const ANY: SmallWords = {
  pronoun: merged('pronoun'),
  definite: merged('definite'),
  indefinite: merged('indefinite'),
  preposition: merged('preposition'),
};

/** The article's language's small words (all languages' when it is not known, minus the ambiguous "a"). */
export const smallWords = (lang: string | undefined): SmallWords => SMALL[lang?.split('-')[0] ?? ''] ?? ANY;
