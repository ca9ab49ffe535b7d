// Issue 20: the false speakers found on real pages — a capitalised word near a quote is not its speaker. Each case
// is a faithful excerpt of the pattern; each was red on the extractor before issue 20.
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';

/** A scraped article: headline twice, the paragraphs, furniture after. */
const article = (headline: string, ...paragraphs: string[]) =>
  `${headline}\n${headline}\n\n${paragraphs.join('\n\n')}\n\nShare this article`;
const extract = (text: string) => extractStory({ text });

describe('a wrong name never goes under a quote', () => {
  it('"Several" from "Several months into…" is a quantifier, not the speaker of "he said"', () => {
    const s = extract(
      article(
        'Approval ratings fall as the administration enters its second year',
        'Several months into the second year, the approval ratings of the administration have fallen again.',
        '“We have done more for working families than any government before us,” he said at a rally on Friday.',
      ),
    );
    expect(s.quote).toContain('We have done more for working families');
    expect(s.quoteAuthor).not.toBe('Several');
    expect(s.quoteAuthor).toBeUndefined();
  });

  it('an indefinite description ("an Iowa Republican said") names nobody: the quote stands without a speaker', () => {
    const s = extract(
      article(
        'Caucus turnout falls in rural counties as candidates skip the state',
        "Turnout at Monday's caucuses fell in most rural counties, according to party figures released on Tuesday.",
        '“People here feel they have been forgotten by both campaigns,” an Iowa Republican said after the count in Sioux Center.',
      ),
    );
    expect(s.quote).toBe('People here feel they have been forgotten by both campaigns');
    expect(s.quoteAuthor).toBeUndefined();
  });

  it('a city after the verb ("said the former president in New York") is not the speaker', () => {
    const s = extract(
      article(
        'Trump tells supporters he will win the state in November',
        'The Republican candidate held his third rally of the week on Tuesday evening.',
        '“We are going to win this state, and we are going to win it big,” said the former president in New York, where Donald Trump grew up.',
      ),
    );
    expect(s.quote).toContain('We are going to win this state');
    expect(s.quoteAuthor).not.toBe('New York');
  });

  it('"Von" of "dice Von der Leyen" is a particle, not a name', () => {
    const s = extract(
      article(
        'Bruxelles presenta il piano per la difesa europea',
        'La Commissione europea ha presentato martedì il suo piano per rafforzare la difesa comune.',
        '«Viviamo in tempi pericolosi e l’Europa deve essere pronta a difendersi da sola», dice Von der Leyen.',
      ),
    );
    expect(s.quote).toContain('Viviamo in tempi pericolosi');
    expect(s.quoteAuthor).not.toBe('Von');
  });

  it('a conjunction opening the sentence ("Но глава МИД Сергей Лавров заявил") is not the speaker', () => {
    const s = extract(
      article(
        'Москва ответила на новые санкции',
        'Европейский союз в понедельник объявил о новом пакете санкций против российских компаний.',
        'Но глава МИД Сергей Лавров заявил: «Санкции не изменят нашу политику, и партнёры это прекрасно понимают».',
      ),
    );
    expect(s.quote).toContain('Санкции не изменят нашу политику');
    expect(s.quoteAuthor).not.toBe('Но');
    expect(s.quoteAuthor).toBe('Сергей Лавров');
  });

  it('a Korean adjective ("똑같은", same) before the quote is not a name', () => {
    const s = extract(
      article(
        '대통령, 기자회견서 경제 정책 재확인',
        '대통령은 이날 오전 청와대에서 신년 기자회견을 열고 올해 경제 정책 방향을 설명했다.',
        '똑같은 질문에 "경제 회복이 가장 중요한 과제이며 모든 역량을 집중하겠다"고 말했다.',
      ),
    );
    expect(s.quote).toContain('경제 회복이 가장 중요한 과제');
    expect(s.quoteAuthor).not.toBe('똑같은');
  });

  it('a Korean title with its topic particle ("당선인은", the president-elect) is not a name', () => {
    const s = extract(
      article(
        '당선인, 첫 기자회견서 통합 강조',
        '대통령 선거가 끝난 다음 날 서울 여의도에서 첫 기자회견이 열렸다.',
        '당선인은 "국민 모두의 대통령이 되겠다는 약속을 반드시 지키겠다"고 말했다.',
      ),
    );
    expect(s.quote).toContain('국민 모두의 대통령이 되겠다는');
    expect(s.quoteAuthor).not.toBe('당선인은');
    expect(s.quoteAuthor).not.toBe('당선인');
  });

  it('an institution ("disse a Polícia Civil") keeps the quote and names nobody', () => {
    const s = extract(
      article(
        'Cantor do The Voice Kids morre baleado em Pernambuco',
        'O adolescente estava em um estabelecimento comercial quando seis homens encapuzados entraram atirando.',
        '“Procuravam, supostamente, pelo cunhado da vítima, que estava no local acompanhando o jovem e conseguiu fugir”, disse a Polícia Civil ao G1.',
      ),
    );
    expect(s.quote).toContain('Procuravam, supostamente');
    expect(s.quoteAuthor).toBeUndefined();
  });

  it('the name after the verb, not the sentence’s first capitalised word ("Gerade Alleinerziehende…, betonte … Evelyn Martin:")', () => {
    const s = extract(
      article(
        'Alleinerziehende: Kinderbetreuung flächendeckend ausbauen',
        'Die Plattform für Alleinerziehende hat den Ausbau leistbarer Kinderbetreuung gefordert.',
        'Gerade Alleinerziehende können Belastungen nicht alleine tragen, betonte Vorstandsvorsitzende Evelyn Martin: "Es darf einfach nicht passieren, dass kranke Kinder allein zu Hause bleiben."',
      ),
    );
    expect(s.quoteAuthor).toBe('Evelyn Martin');
  });
});

describe('how sure extraction is (quoteConfidence, speakerConfidence)', () => {
  it('a name next to the speech verb is high; a speaker found through "he said" is low', () => {
    const named = extract(
      article(
        'Minister defends the budget',
        'The finance minister presented the budget to parliament on Tuesday.',
        '“This budget protects the families who need it most,” said Finance Minister Anna Berg.',
      ),
    );
    expect(named).toMatchObject({ quoteAuthor: 'Anna Berg', quoteConfidence: 'high', speakerConfidence: 'high' });
    const pronoun = extract(
      article(
        'Minister defends the budget',
        'Finance Minister Anna Berg presented the budget to parliament on Tuesday.',
        '“This budget protects the families who need it most,” she said.',
      ),
    );
    expect(pronoun).toMatchObject({ quoteAuthor: 'Anna Berg', speakerConfidence: 'low' });
  });

  it('a quote picked on its shape alone, with no speech verb near it, is low', () => {
    const s = extract(
      article(
        'Harbour plan approved',
        'The council approved the new harbour plan on Monday after a long debate.',
        '“A harbour for everyone, open all year round.” The banner hung over the entrance for weeks.',
      ),
    );
    if (s.quote) expect(s.quoteConfidence).toBe('low');
  });
});

describe('a pronoun marked for gender', () => {
  it('"confie-t-elle" is never the man the article calls "M. Macron"', () => {
    const s = extractStory({
      text: article(
        'Retraites : la CGT appelle à une nouvelle journée de grève',
        'La secrétaire générale de la CGT, Sophie Binet, a reçu les journalistes au siège du syndicat à Montreuil.',
        'M. Macron a annoncé la veille qu’il ne reviendrait pas sur la réforme, malgré les manifestations.',
        '« Nous ne lâcherons rien, et la mobilisation va continuer jusqu’au retrait du texte », confie-t-elle.',
      ),
    });
    expect(s.quote).toContain('Nous ne lâcherons rien');
    expect(s.quoteAuthor ?? '').not.toMatch(/Macron/);
  });
});
