// Language: the text's own script and language model decide when the page's lang attribute disagrees.
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';
import { articleLang, detectLang } from '../../src/intake/lang.ts';

const RUSSIAN =
  'Строительство первой линии скоростного трамвая в Казани выйдет на финальный этап весной, сообщили в мэрии города. Линия длиной четырнадцать километров свяжет новый жилой район с центром. На ней построят девять остановок, а первые вагоны уже доставлены в депо.';
const GERMAN =
  'Die Stadtwerke Bonn senken zum 1. Juli ihre Strompreise für Haushaltskunden um durchschnittlich acht Prozent. Grund seien die gesunkenen Einkaufspreise an der Strombörse, teilte das Unternehmen am Montag mit. Ein Haushalt spart damit etwa 70 Euro im Jahr.';

describe('language', () => {
  it('Cyrillic with ы/э is Russian, never Bulgarian; і/ї/є is Ukrainian', () => {
    expect(detectLang(RUSSIAN)).toBe('ru');
    expect(
      detectLang(
        'Виконавчий комітет міської ради ухвалив рішення про ремонт доріг, які постраждали взимку. Роботи почнуться у квітні, їх фінансуватимуть з міського бюджету.',
      ),
    ).toBe('uk');
  });

  it('Hebrew script is Hebrew', () => {
    expect(
      detectLang('מליאת הכנסת אישרה הלילה בקריאה ראשונה את הצעת החוק להרחבת הדיור הציבורי, ברוב של 61 תומכים.'),
    ).toBe('he');
  });

  it('the text outvotes a page that declares another language', () => {
    const page = `<!doctype html><html lang="en"><head><title>Stadtwerke senken Strompreis</title></head><body><article><h1>Stadtwerke senken Strompreis zum Sommer</h1><p>${GERMAN}</p></article></body></html>`;
    expect(extractStory({ html: page }).lang).toBe('de');
    expect(articleLang('bg', RUSSIAN)).toBe('ru');
  });

  it('keeps the declared tag (it is more specific) when the text agrees, or is too short to judge', () => {
    expect(
      articleLang(
        'en-GB',
        'The council voted on Tuesday to rebuild the harbour wall that the January storm broke in two places, and work starts in May.',
      ),
    ).toBe('en-GB');
    expect(articleLang('fr-CA', 'Short text here.')).toBe('fr-CA');
  });
});
