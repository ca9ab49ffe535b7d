// The studio script, part 7: the four views (tabs with arrow keys); each loads what it shows when it opens.
import { $ } from './core.ts';
import { loadGallery } from './gallery.ts';
import { renderMockups } from './mockups.ts';
import { loadOutbox } from './outbox.ts';

export const VIEWS = ['editor', 'mockups', 'gallery', 'outbox'] as const;
export type View = (typeof VIEWS)[number];

/** The view after `current` for an arrow key, wrapping round at either end (from no view: the first or the third). */
export function nextView(current: string | undefined, key: 'ArrowRight' | 'ArrowLeft'): View {
  const i = VIEWS.indexOf(current as View);
  return VIEWS[(i + (key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]!;
}

export function showView(name: View) {
  document.body.dataset.view = name;
  for (const v of VIEWS) {
    const tab = $(`#tab-${v}`);
    const selected = v === name;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(`#view-${v}`).hidden = !selected;
  }
  if (name === 'gallery' && !$('#gallery').childElementCount) loadGallery();
  if (name === 'mockups') renderMockups();
  if (name === 'outbox') loadOutbox();
}
