// "she said" / "he said" (issue 20): a pronoun marked for gender goes to a person the text gives that gender
// (Mr/Ms/Frau/Mme, a gendered role, a back-reference), skips one it gives the other, and names nobody when it would
// be a guess between two people.
import { describe, expect, it } from 'vitest';
import { scoreQuotes } from '../../src/intake/quotes.ts';
import { readText } from '../../src/intake/text.ts';

const article = (headline: string, ...paragraphs: string[]) =>
  `${headline}\n${headline}\n\n${paragraphs.join('\n\n')}\n\nShare this article`;
/** The speaker found for the candidate quote that contains `words`. */
const speakerOf = (text: string, words: string) => {
  const a = readText(text);
  return scoreQuotes(a.blocks, a.headline, 'en').find((q) => q.text.includes(words))?.author;
};

describe('gendered pronouns', () => {
  it('"he said" after a woman’s quote goes to the man the text calls Mr., not to nobody', () => {
    const text = article(
      'Bus drivers set to strike as talks fail',
      '“We will not raise fares this year,” said Ms. Laura Chen, the transit director.',
      'Mr. Omar Haddad, the union leader, said the drivers would strike on Monday. “Our members have waited three years for a contract,” he said.',
    );
    expect(speakerOf(text, 'Our members have waited')).toBe('Omar Haddad');
  });

  it('"she said" after a man of unknown gender, with a woman the text calls "she" in view, names nobody', () => {
    const text = article(
      'Clinic waiting list doubles in a year',
      'Ana Ruiz runs the free clinic on Harbour Street. She opened it in 2019 with two nurses.',
      'Tom Baker, a volunteer, said the waiting list had doubled since spring. “We cannot keep up with the demand any longer,” she said.',
    );
    expect(speakerOf(text, 'We cannot keep up')).toBeUndefined();
  });

  it('"she said" goes to the speaker whose own sentence says "her", over a woman named earlier', () => {
    const text = article(
      'Man who threatened congresswoman sentenced',
      'Ms. Ilhan Omar had asked the court for compassion in a letter.',
      'Sonya Zoghlin, the defendant’s attorney, said in a statement that her client did not intend to cause harm. “He has taken responsibility for using threatening language,” she said.',
    );
    expect(speakerOf(text, 'He has taken responsibility')).toBe('Sonya Zoghlin');
  });
});
