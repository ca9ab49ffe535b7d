// The studio's browser script (plain modern JS, no build step), served as one file from these parts in order.
// Every user string reaches the page via textContent or attributes, never markup. The parts are String.raw
// modules without template literals, so they need no escaping and no bundler.
import { CORE } from './client/core.ts';
import { EDITOR } from './client/editor.ts';
import { GALLERY } from './client/gallery.ts';
import { INSPECTOR } from './client/inspector.ts';
import { MAIN } from './client/main.ts';
import { MOCKUPS } from './client/mockups.ts';
import { OUTBOX } from './client/outbox.ts';

export const CLIENT_JS = [CORE, EDITOR, INSPECTOR, MOCKUPS, GALLERY, OUTBOX, MAIN].join('\n');
