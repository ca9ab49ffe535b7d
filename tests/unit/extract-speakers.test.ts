// Speakers: the person who said it — never a publication, a description or an addressee.
import { describe, expect, it } from 'vitest';
import { extractStory } from '../../src/intake/extract.ts';

const story = (headline: string, ...paragraphs: string[]) =>
  extractStory({ text: [headline, headline, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n') });

describe('who the speaker is', () => {
  it('after a title: "said U.S. Attorney Maria Delgado"', () => {
    const s = story(
      'Two charged in $4 million school meals fraud',
      'Two restaurant owners were charged on Wednesday with stealing from a federal meals program.',
      '"This money was meant to feed children, and we will recover every dollar we can," said U.S. Attorney Maria Delgado.',
    );
    expect(s.quoteAuthor).toBe('Maria Delgado');
  });

  it('in an appositive: "the company’s chief operating officer, Hanna Lindqvist, said"', () => {
    const s = story(
      'Freight line cuts Baltic route as fuel costs climb',
      'Nordhavn Lines will suspend its weekly service between Gdansk and Helsinki from April.',
      '"We are not leaving the Baltic, we are pausing one route," the company’s chief operating officer, Hanna Lindqvist, said.',
    );
    expect(s.quoteAuthor).toBe('Hanna Lindqvist');
  });

  it('named in the sentence before the quote', () => {
    const s = story(
      'Library fines to end in March, council votes',
      'The council voted 9-2 on Monday to stop charging late fees on library books.',
      'Councillor Denise Mwangi, who sponsored the measure, said fines kept the poorest families away. "When a child owes six dollars, the whole family stops coming."',
    );
    expect(s.quoteAuthor).toBe('Denise Mwangi');
  });

  it('named in the sentence after the quote: «…» Cette petite phrase d’Arnaud Montebourg', () => {
    const s = story(
      'Montebourg envisage des privatisations partielles',
      'Le gouvernement réfléchit à des changements dans les participations détenues par l’État.',
      '«Dans le cadre de l’effort de restructuration budgétaire, nous réfléchissons à des changements.» Cette petite phrase d’Arnaud Montebourg, au Wall Street Journal, augure-t-elle une vague de cessions?',
    );
    expect(s.quoteAuthor).toBe('Arnaud Montebourg');
  });

  it('in Korean, Japanese and Chinese attribution order', () => {
    expect(
      story(
        '서울시 심야버스 늘린다',
        '서울시가 2일 밝혔다.',
        '오세진 서울시 교통실장은 "시민들의 안전과 편의를 위해 노선을 대폭 확대했다"고 말했다.',
      ).quoteAuthor,
    ).toBe('오세진');
    expect(
      story(
        '首相が会見',
        '会見は約30分続いた。',
        '岸田文雄首相は記者会見で「物価高への対策を最優先で進める」と述べた。',
      ).quoteAuthor,
    ).toBe('岸田文雄');
    expect(
      story(
        '港特首就违建道歉',
        '他在立法会接受质询。',
        '梁振英在接受质询前的发言中说：“我必须承认自己有处理疏忽之处，为此我再次向市民郑重道歉。”',
      ).quoteAuthor,
    ).toBe('梁振英');
  });

  it('a publication the speaker talked to is not the speaker: «…» dans un entretien à la Stampa', () => {
    const s = story(
      'L’Italie menace la zone euro, selon Vienne',
      'Les prévisions de la Commission européenne n’ont rien de rassurant.',
      'Sebastian Kurz, le chancelier autrichien, a montré du doigt la situation transalpine, dans un entretien à la Stampa : « L’Italie risque de menacer l’ensemble de la zone euro si l’Union ne durcit pas ses règles. »',
    );
    expect(s.quoteAuthor).toBe('Sebastian Kurz');
  });

  it('an addressee is not the speaker: “…”, dijo a la red Erbol', () => {
    const s = story(
      'Investigador chileno habla de autos robados',
      'El investigador chileno Hugo Bustos asegura que el 90% de los vehículos robados están en Bolivia.',
      '“Yo le diría que un 90% de esos vehículos los tienen policías y militares”, dijo a la red Erbol.',
    );
    expect(s.quoteAuthor).toBe('Hugo Bustos');
  });

  it('a description is not a name: said a New Hampshire Republican; 地元の民兵指導者は', () => {
    expect(
      story(
        'Insiders: Trump will sink Pence in VP debate',
        'Insiders completed the survey anonymously this week.',
        '“Pence will have to defend Trump and his year-plus of inflammatory comments,” said a New Hampshire Republican.',
      ).quoteAuthor,
    ).toBeUndefined();
    expect(
      story(
        'ナイジェリアで自爆攻撃',
        '当局が17日明らかにした。',
        '地元の民兵指導者は「昨夜2度の自爆攻撃があり、31人が死亡した」と語った。',
      ).quoteAuthor,
    ).toBeUndefined();
  });

  it('a role the article filled earlier: “…”, a déclaré le ministre de la Santé', () => {
    const s = story(
      'Le ministre de la Santé sommé de démissionner',
      'Le ministre de la Santé Roman Prymula a été vu sans masque dans un restaurant. Le Premier ministre Andrej Babiš cherche un remplaçant.',
      '« Je n’ai pas l’intention de démissionner, le Premier ministre peut décider de ma révocation », a déclaré à cette occasion le ministre de la Santé.',
    );
    expect(s.quoteAuthor).toBe('Roman Prymula');
  });

  it('keeps whole names: particles (James Van Der Beek), compound given names (José Luis Vera)', () => {
    expect(
      story(
        'Van Der Beek eliminated from the dance show',
        'The actor was voted off on Monday night.',
        '“We lost the baby, and it breaks you open,” said James Van Der Beek.',
      ).quoteAuthor,
    ).toBe('James Van Der Beek');
    expect(
      story(
        'Las listas de espera se agravan',
        'Los recortes pasan factura a los pacientes.',
        '“Ya no sé si me van a llamar, nadie me dice nada”, dice José Luis Vera, de 76 años.',
      ).quoteAuthor,
    ).toBe('José Luis Vera');
  });

  it('a source introduced before the quote ("According to Mayor Eleanor Kemp: …"), and German roles and names', () => {
    expect(
      story(
        'Council votes to rebuild the harbour wall',
        'The council voted on Tuesday to rebuild the wall.',
        'According to Mayor Eleanor Kemp: “The wall is the reason the town survived the storm, and we will rebuild it.”',
      ).quoteAuthor,
    ).toBe('Eleanor Kemp');
    expect(
      story(
        'Kanzlerin verteidigt Sparkurs',
        'Bundeskanzlerin Angela Merkel hat den Haushalt am Mittwoch verteidigt.',
        '„Wir müssen jetzt sparen, damit wir später investieren können“, sagte die Kanzlerin in Berlin.',
      ).quoteAuthor,
    ).toBe('Angela Merkel');
  });
});
