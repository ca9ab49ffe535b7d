// The studio's stylesheet: a calm paper-and-ink tool around the card, the fonts the cards use, visible focus everywhere.
import { BOT_MOCKUPS_CSS } from './styles/bot-mockups.ts';
import { CHROME_CSS } from './styles/chrome.ts';
import { MOCKUPS_CSS } from './styles/mockups.ts';
import { OUTBOX_CSS } from './styles/outbox.ts';
import { VIEWS_CSS } from './styles/views.ts';

export const STUDIO_CSS = [CHROME_CSS, MOCKUPS_CSS, BOT_MOCKUPS_CSS, VIEWS_CSS, OUTBOX_CSS].join('\n');
