// Every command's options, in one light module (no render core): each command parses with its definition and
// `storycard --help` lists them all from the same place. A new flag is one entry here, nowhere else.
import type { CommandDef, OptionDef } from './options.ts';

const help: OptionDef = { type: 'boolean', short: 'h', help: 'this help' };
const FORMATS = 'png|jpeg|webp|svg|auto';

export const RENDER = {
  name: 'render',
  args: '<story.json|->',
  summary: 'Draw a story (or a JSON array of stories) as share cards: every template × size asked for.',
  options: {
    template: {
      type: 'string',
      short: 't',
      default: 'quote',
      value: 'template',
      help: 'a template name, a comma list, or all',
    },
    size: { type: 'string', short: 's', default: 'og', value: 'size', help: 'og, x, square, portrait, story, or all' },
    format: {
      type: 'string',
      short: 'f',
      value: FORMATS,
      help: "the image format (default: -o's extension, else auto: PNG within the size's budget, else JPEG)",
    },
    output: { type: 'string', short: 'o', value: 'file', help: 'the file to write (- for stdout); one card only' },
    'out-dir': { type: 'string', value: 'DIR', help: 'where a batch goes (files named after each headline)' },
    theme: { type: 'string', default: 'light', value: 'light|dark', help: 'light or dark' },
    brand: { type: 'string', value: '#hex', help: 'the brand colour' },
    'site-name': { type: 'string', value: 'NAME', help: "the masthead's name (over the story's siteName)" },
    logo: { type: 'string', value: 'URL', help: 'a logo image for the masthead' },
    report: { type: 'boolean', default: false, help: 'print the layout report as JSON' },
    templates: { type: 'string', value: 'DIR', help: "a newsroom's own templates (*.tsx), added to the bundled ones" },
    help,
  },
  notes: 'Reads FETCH_ALLOW_HOSTS from the environment or .dev.vars, as the Worker does (images from local hosts).',
} as const satisfies CommandDef;

export const TEMPLATES = {
  name: 'templates',
  args: '',
  summary: 'List the card templates with their descriptions and sizes.',
  options: {
    json: { type: 'boolean', help: 'as JSON, with each size in pixels' },
    templates: { type: 'string', value: 'DIR', help: "a newsroom's own templates (*.tsx), added to the bundled ones" },
    help,
  },
} as const satisfies CommandDef;

export const EXTRACT = {
  name: 'extract',
  args: '<file.txt|file.html|->',
  summary:
    'Read a scraped article (text) or an article page (HTML; by .html/.htm name, or sniffed from the content)\n' +
    'and print a Story as JSON: headline, quote, quoteAuthor, url, siteName, author, publishedAt, lang.',
  options: {
    url: { type: 'string', value: 'URL', help: "the article's address (the story's url, and its site)" },
    help,
  },
} as const satisfies CommandDef;

export const SIGN = {
  name: 'sign',
  args: '',
  summary: 'Print a signed ad-hoc card URL (GET /card.png?…&sig=…) for the running Worker.',
  options: {
    headline: { type: 'string', value: 'TEXT', required: true, help: 'the headline' },
    quote: { type: 'string', value: 'TEXT', help: 'the key quote' },
    'quote-author': { type: 'string', value: 'NAME', help: "the quote's speaker" },
    'site-name': { type: 'string', value: 'NAME', help: "the masthead's name" },
    author: { type: 'string', value: 'NAME', help: 'the byline' },
    lang: { type: 'string', value: 'TAG', help: "the story's language (BCP 47)" },
    template: { type: 'string', short: 't', value: 'template', help: 'a template name (default quote)' },
    size: { type: 'string', short: 's', value: 'size', help: 'og, x, square, portrait or story (default og)' },
    theme: { type: 'string', value: 'light|dark', help: 'light or dark' },
    brand: { type: 'string', value: '#hex', help: 'the brand colour' },
    format: { type: 'string', short: 'f', value: 'png|jpeg|webp|auto', help: 'the image format (default auto)' },
    base: {
      type: 'string',
      value: 'URL',
      help: "the Worker's origin (default PUBLIC_BASE_URL, else http://127.0.0.1:$PORT)",
    },
    'expires-in': {
      type: 'string',
      value: 'SECONDS',
      help: 'adds exp (epoch seconds, signed): /card.png refuses the URL after it, and caches it no longer',
    },
    help,
  },
  notes:
    "The key is SIGNING_SECRET; it, PUBLIC_BASE_URL and PORT (npm start's, default 8787) come from the environment,\n" +
    'else .dev.vars.',
} as const satisfies CommandDef;

export const POST = {
  name: 'post',
  args: '<story.json>',
  summary:
    'Post the story with its card to every platform whose credentials are set (environment, else .dev.vars: the\n' +
    "Worker's settings, e.g. X_APP_KEY, X_APP_SECRET, X_ACCESS_TOKEN, X_ACCESS_SECRET; BLUESKY_IDENTIFIER,\n" +
    'BLUESKY_APP_PASSWORD; MASTODON_BASE_URL, MASTODON_ACCESS_TOKEN; TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID;\n' +
    'FACEBOOK_PAGE_ID, FACEBOOK_PAGE_TOKEN; Threads and Instagram post from the Worker, which has a public card URL)\n' +
    'and print one line per platform.',
  options: {
    'dry-run': {
      type: 'boolean',
      default: false,
      help: "print every platform's exact text and card size, and what each unconfigured one lacks; post nothing",
    },
    template: { type: 'string', short: 't', value: 'template', help: 'the card template (default quote)' },
    state: {
      type: 'string',
      value: 'FILE',
      help: 'where posts are remembered (default $STORYCARD_POST_STATE or .storycard/posted.json)',
    },
    help,
  },
  notes:
    'Running it again for the same article URL posts nothing again; an attempt whose answer was lost is looked for\n' +
    'on the platform before anything is posted again (Telegram cannot be looked at: such a post waits for you to\n' +
    'look at the channel); a post that failed is tried again.',
} as const satisfies CommandDef;

/** In the order `storycard --help` lists them. */
export const COMMANDS = [RENDER, TEMPLATES, EXTRACT, SIGN, POST] as const;
