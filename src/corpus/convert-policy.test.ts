import { describe, expect, it } from 'vitest';
import { adoptMarkdownDocument, convertPolicyDocument } from './convert-policy.js';

function body(text: string, options = {}): string {
  return convertPolicyDocument(text, { title: 'Nota', ...options }).markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
}

function headings(markdown: string): string[] {
  return markdown.split('\n').filter((l) => /^#{1,6} /.test(l));
}

const para = (words: string): string => `${words} en dit is een regel lopende tekst die wat langer is dan een kop.`;

describe('convertPolicyDocument: headings', () => {
  it('turns numbered headings into headings of the depth of their number, under the title', () => {
    const text = [
      '1 Inleiding en proces',
      para('Dit is de inleiding'),
      '',
      '1.1 Urgentie',
      para('Het aantal casussen neemt toe'),
      '',
      '2. Welke lessen hebben we geleerd?',
      para('Lessen'),
      '',
      '2.1.1 Samenwerking met de politie',
      para('De politie'),
    ].join('\n');
    expect(headings(body(text))).toEqual([
      '# Nota',
      '## 1 Inleiding en proces',
      '### 1.1 Urgentie',
      '## 2. Welke lessen hebben we geleerd?',
      '#### 2.1.1 Samenwerking met de politie',
    ]);
  });

  it('keeps items of a numbered list as a list, not as headings', () => {
    const text = [
      '1 Inleiding',
      para('Over het snijvlak van zorg en veiligheid komt het beleid op onderstaande punten overeen'),
      'De gemeente zet in op de volgende drie thema’s:',
      '',
      '1. Werken in een netwerksamenwerking rondom zorg en veiligheid.',
      '2. Knelpunten in wonen aanpakken',
      '3. Aansluiten van de systeemwereld op de leefwereld',
      '',
      '1. We willen breder kijken naar een vraag/situatie. Zowel op de persoon zelf als',
      'op zijn omgeving (systemisch);',
    ].join('\n');
    const md = body(text);
    expect(headings(md)).toEqual(['# Nota', '## 1 Inleiding']);
    expect(md).toContain('\n1. Werken in een netwerksamenwerking rondom zorg en veiligheid.\n2. Knelpunten in wonen aanpakken\n3. Aansluiten');
  });

  it('takes a number as a heading only when it follows the numbering before it (1.1 then 1.2, not 7)', () => {
    const text = ['1.1 Wonen', para('Tekst over wonen'), '', '7 Verkeerd nummer', para('Meer tekst'), '', '1.2 Samenwerking met de politie', para('Politie')].join('\n');
    expect(headings(body(text))).toEqual(['# Nota', '### 1.1 Wonen', '### 1.2 Samenwerking met de politie']);
  });

  it('joins a heading wrapped over two lines', () => {
    const text = ['1. Wat is de huidige koers en het huidige', 'beleid?', '', para('De gemeente Zwolle heeft een grote verantwoordelijkheid')].join('\n');
    expect(headings(body(text))).toEqual(['# Nota', '## 1. Wat is de huidige koers en het huidige beleid?']);
  });

  it('takes a short standing-alone line before running text as an unnumbered heading, one level below the chapter', () => {
    const text = ['1 Inleiding', para('Eerst'), '', 'Coalitieakkoord', 'In het Coalitieakkoord 2022-2026 geeft het college richting aan de koers in het sociaal domein.'].join('\n');
    expect(headings(body(text))).toEqual(['# Nota', '## 1 Inleiding', '### Coalitieakkoord']);
  });

  it('does not take a sentence, a clause or a table cell for a heading', () => {
    const text = ['Hieronder worden deze ambities kort toegelicht.', '', 'Bijvoorbeeld:', para('Zwolle kent wijkaccommodaties'), '', 'Nvt', '', '8. Individuele voorzieningen: maatwerk'].join('\n');
    expect(headings(body(text))).toEqual(['# Nota']);
  });

  it('moves a chapter title printed in a side box (the last line of its page) to the start of the page', () => {
    const page = (first: string, rest: string[]): string[] => [`\f${first}`, ...rest];
    const text = [
      ...page('3.1 Huidige beleid', [para('Beleid'), '', '3.2 Opdracht', 'Het bevorderen van de samenhang is een doelstelling die', '']),
      '3. Prestatieveld 1: Sociale samenhang',
      '\t Het bevorderen van sociale samenhang in wijken.',
      ...page('dere mate mee identificeren, zoals in de wijken.', ['']),
      ...page('4.1 Huidige beleid', [para('Jeugd'), '', '4.2 Visie', 'Het jeugdbeleid gaat uit van de kracht van ouders en hun', '']),
      '4. Prestatieveld 2: Preventie jongeren',
      ...page('kinderen in de wijk.', ['']),
    ].join('\n');
    const md = body(text);
    expect(headings(md)).toEqual([
      '# Nota',
      '## 3. Prestatieveld 1: Sociale samenhang',
      '### 3.1 Huidige beleid',
      '### 3.2 Opdracht',
      '## 4. Prestatieveld 2: Preventie jongeren',
      '### 4.1 Huidige beleid',
      '### 4.2 Visie',
    ]);
    // The sentence the title interrupted is whole again.
    expect(md).toContain('Het bevorderen van de samenhang is een doelstelling die dere mate mee identificeren, zoals in de wijken.');
  });
});

describe('convertPolicyDocument: headings the reader marked (PDF fonts, DOCX heading styles)', () => {
  const mark = (line: number, level: number, lines = 1) => ({ line, lines, level });
  const marked = (text: string, marks: Array<{ line: number; lines: number; level: number }>, title: string | null = null) => body(text, { title, headings: marks });

  it('takes marked lines for headings where no blank line sets them apart, at the depth of their number', () => {
    const text = [
      'Koers sociaal domein 2023',
      '1. Wat is de huidige koers en het huidige beleid?',
      para('De gemeente Zwolle heeft een grote verantwoordelijkheid'),
      'Coalitieakkoord',
      para('In het Coalitieakkoord geeft het college richting'),
      '1.1 Vier jaar Hervormingsagenda',
      para('Van 2019 tot en met 2023 werkt de gemeente'),
      '2. Welke lessen hebben we geleerd?',
      para('Lessen'),
    ].join('\n');
    expect(headings(marked(text, [mark(1, 1), mark(2, 2), mark(4, 3), mark(6, 3), mark(8, 2)]))).toEqual([
      '# Koers sociaal domein 2023',
      '## 1. Wat is de huidige koers en het huidige beleid?',
      '### Coalitieakkoord',
      '### 1.1 Vier jaar Hervormingsagenda',
      '## 2. Welke lessen hebben we geleerd?',
    ]);
  });

  it('ranks the levels of unnumbered headings below the title from depth 2 on', () => {
    const text = ['Visie op wonen', 'Inleiding', para('Eerst'), 'Aanleiding', para('Dan'), 'Opgave', para('Daarna'), 'Tot slot', para('Ten slotte')].join('\n');
    expect(headings(marked(text, [mark(1, 0), mark(2, 1), mark(4, 2), mark(6, 2), mark(8, 1)]))).toEqual(['# Visie op wonen', '## Inleiding', '### Aanleiding', '### Opgave', '## Tot slot']);
  });

  it('joins a marked heading over two lines', () => {
    const text = ['1 Inleiding', para('Eerst'), 'Vertragen, verdragen, uitzoomen, stap voor stap naar een werkende', 'oplossing', para('Dan'), '2 Slot', para('Ten slotte'), '3 Bijlage', para('Tot slot')].join('\n');
    expect(headings(marked(text, [mark(1, 1), mark(3, 2, 2), mark(6, 1), mark(8, 1)]))).toContain('### Vertragen, verdragen, uitzoomen, stap voor stap naar een werkende oplossing');
  });

  it('once a document marks its headings, takes no short paragraph for one (a list of document names)', () => {
    const text = ['1 Inleiding', para('Eerst'), '', '2 Beleid', para('Dan'), '', '3 Bijlage', 'Deze documenten zijn geanalyseerd voor de agenda zorg en veiligheid.', '', 'Zwolse aanpak verward gedrag in beeld', '', 'Convenant woonoverlast', '', para('Tot slot')].join('\n');
    const md = marked(text, [mark(1, 1), mark(4, 1), mark(7, 1)], 'Nota');
    expect(headings(md)).toEqual(['# Nota', '## 1 Inleiding', '## 2 Beleid', '## 3 Bijlage']);
    expect(md).toContain('\nConvenant woonoverlast\n');
  });

  it('does not take a marked sentence, lead-in or table-of-contents entry for a heading, and keeps its words', () => {
    const text = ['1 Inleiding', para('Eerst'), 'Daarbij waren de onderstaande bewegingen leidend:', 'Dit is een vetgedrukte zin.', '2 Beleid ........ 4', para('Dan'), '2 Beleid', para('Tot slot'), '3 Slot', para('Einde')].join('\n');
    const md = marked(text, [mark(1, 1), mark(3, 2), mark(4, 2), mark(5, 1), mark(7, 1), mark(9, 1)], 'Nota');
    expect(headings(md)).toEqual(['# Nota', '## 1 Inleiding', '## 2 Beleid', '## 3 Slot']);
    expect(md).toContain('Daarbij waren de onderstaande bewegingen leidend:');
    expect(md).toContain('Dit is een vetgedrukte zin.');
  });
});

describe('convertPolicyDocument: text', () => {
  it('joins wrapped lines and undoes line-end hyphenation, keeping shared parts and names', () => {
    const text = [
      'De centrum-',
      'gemeente werkt samen in zorg-',
      'en veiligheid en in het GGZ-',
      'Veiligheidsoverleg met de ZonMW-',
      'subsidie.',
    ].join('\n');
    expect(body(text)).toContain('De centrumgemeente werkt samen in zorg- en veiligheid en in het GGZ-Veiligheidsoverleg met de ZonMW-subsidie.');
  });

  it('keeps the line-end hyphens of a document that breaks no word at a line end (Word does not hyphenate unless asked)', () => {
    const text = ['De gemeente maakt nieuwe prestatie-', 'afspraken met de zorgaanbieders in de care-', 'sector over de zorg voor baby-', 'boomers die met pensioen gaan.'].join('\n');
    expect(body(text)).toContain('De gemeente maakt nieuwe prestatie-afspraken met de zorgaanbieders in de care-sector over de zorg voor baby-boomers die met pensioen gaan.');
    // One broken word the document writes whole elsewhere shows that it does break words.
    expect(body(`${text}\nDe leefbaarheid in de wijk en de leef-\nbaarheid in de stad.`)).toContain('de leefbaarheid in de stad.');
  });

  it('keeps a hyphen the document itself writes on one line ("sociaal-economisch")', () => {
    const text = ['Het sociaal-economische beeld is goed.', '', 'Een sociaal-', 'economische index.'].join('\n');
    expect(body(text)).toContain('Een sociaal-economische index.');
  });

  it('repairs a paragraph broken by a blank line in the middle of a sentence', () => {
    const text = ['We mogen verwachten dat de druk op mantelzorg en taakcom-', '', 'bineerders zal toenemen. Toch is er ook in Zwolle', '', 'duidelijk sprake van vergrijzing.'].join('\n');
    expect(body(text)).toContain('We mogen verwachten dat de druk op mantelzorg en taakcombineerders zal toenemen.\nToch is er ook in Zwolle duidelijk sprake van vergrijzing.');
  });

  it('writes bullets as a markdown list, continuation lines included', () => {
    const text = ['De sterke punten zijn:', '', '• Professionals kennen elkaar. Veel mensen die zich', '', 'professioneel bezighouden doen dat al lang.', '•\t Gegevensdeling is verbeterd.', '– Er is veel vertrouwen.'].join('\n');
    expect(body(text)).toContain('- Professionals kennen elkaar.\n  Veel mensen die zich professioneel bezighouden doen dat al lang.\n- Gegevensdeling is verbeterd.\n- Er is veel vertrouwen.');
  });

  it('does not read a dash inside a sentence as a list item', () => {
    const text = ['De gemeente – met de agenda als vliegwiel', '- op allerlei manieren vernieuwd.'].join('\n');
    expect(body(text)).toContain('De gemeente – met de agenda als vliegwiel - op allerlei manieren vernieuwd.');
  });

  it('moves a footnote from the middle of a paragraph to the end and links its marker', () => {
    const text = [
      ' Het beleid gaat over zorg en veiligheid1. De problemen',
      '',
      '1 Zie bijlage 2 voor een lijst van beleidsdocumenten',
      ' waar de inwoner mee kampt volgen elkaar niet op.',
    ].join('\n');
    const md = body(text);
    expect(md).toContain('Het beleid gaat over zorg en veiligheid[^1].\nDe problemen waar de inwoner mee kampt volgen elkaar niet op.');
    expect(md.trimEnd().endsWith('## Voetnoten\n\n[^1]: Zie bijlage 2 voor een lijst van beleidsdocumenten')).toBe(true);
  });

  it('pairs Word\'s footnotes at the end of a DOCX with their markers anywhere before them', () => {
    const filler = Array.from({ length: 200 }, (_, i) => `Alinea ${i + 1} gaat over zorg en veiligheid in de wijk.`);
    const md = body(['Het beleid gaat over zorg en veiligheid1.', '', ...filler.flatMap((l) => [l, '']), '1 Zie bijlage 2 voor een lijst van beleidsdocumenten'].join('\n'));
    expect(md).toContain('zorg en veiligheid[^1].');
    expect(md).toContain('[^1]: Zie bijlage 2 voor een lijst van beleidsdocumenten');
  });

  it('moves URLs that stand on their own to the end, one too long for its line joined again', () => {
    const text = [
      'Meer over de staat van het sociaal domein leest u in de bronnen.',
      'https://www.scp.nl/actueel/nieuws/2020/11/16/sociaal-domein-stagneert-vijf-jaar-na-decentra',
      'lisatie-is-de-ondersteuning-van-kwetsbare-burgers-nog-niet-op-orde',
      'https://www.zwolle.nl/cijfers-over-zwolle',
    ].join('\n');
    expect(body(text)).toContain(
      '## Voetnoten\n\n- <https://www.scp.nl/actueel/nieuws/2020/11/16/sociaal-domein-stagneert-vijf-jaar-na-decentralisatie-is-de-ondersteuning-van-kwetsbare-burgers-nog-niet-op-orde>\n- <https://www.zwolle.nl/cijfers-over-zwolle>',
    );
  });

  it('pairs footnotes marked with an unreadable glyph in order, labelled v1, v2', () => {
    const text = ['De relatie met de Wcpv\ufffd en de Wwb\ufffd wordt besproken.', '', '\ufffd\t Wcpv: Wet collectieve preventie', '\ufffd\t Wwb: Wet werk en bijstand'].join('\n');
    const md = body(text);
    expect(md).toContain('de Wcpv[^v1] en de Wwb[^v2] wordt');
    expect(md).toContain('[^v1]: Wcpv: Wet collectieve preventie\n\n[^v2]: Wwb: Wet werk en bijstand');
  });

  it('leaves a numbered list item alone when no footnote marker points at it', () => {
    const md = body(['Vier voorwaarden staan centraal.', '', '1\t Basisvoorzieningen kunnen hun functie vervullen.', '2\t Inclusief beleid.'].join('\n'));
    expect(md).toContain('1. Basisvoorzieningen kunnen hun functie vervullen.\n2. Inclusief beleid.');
    expect(md).not.toContain('[^');
  });

  it('drops page numbers and a running footer, and reports each dropped line', () => {
    const pages = [1, 2, 3, 4].map((n) => [`Tekst op pagina ${n} van het document loopt hier door en eindigt netjes.`, '', `Beleidsnota Zwolle ${n}`, '', String(n)].join('\n'));
    const result = convertPolicyDocument(pages.join('\n\f'), { title: 'Nota' });
    expect(result.removed.map((r) => [r.reason, r.text])).toEqual([
      ['running-header', 'Beleidsnota Zwolle 1'], ['page-number', '1'],
      ['running-header', 'Beleidsnota Zwolle 2'], ['page-number', '2'],
      ['running-header', 'Beleidsnota Zwolle 3'], ['page-number', '3'],
      ['running-header', 'Beleidsnota Zwolle 4'], ['page-number', '4'],
    ]);
    expect(result.markdown).not.toMatch(/Beleidsnota Zwolle \d/);
  });

  it('escapes text that markdown would read as syntax', () => {
    const md = body(['Zie *alle* stukken <hier> en [dit].', '', '# geen kop', '', '2005. In dat jaar'].join('\n'));
    expect(md).toContain('\nZie \\*alle\\* stukken \\<hier> en \\[dit\\].\n');
    expect(md).toContain('\n\\# geen kop\n');
    expect(md).toContain('\n2005\\.\nIn dat jaar\n');
  });
});

describe('convertPolicyDocument: title, date, slug', () => {
  it('takes the title from the document’s first line, the date from a year in it, the slug from the file name', () => {
    const result = convertPolicyDocument(['Zwolse agenda zorg en veiligheid 2025-2026', '', para('Zorg en veiligheid gaat over problematiek')].join('\n'), {
      file: 'in/Zwolse Agenda (def).txt',
    });
    expect(result.title).toBe('Zwolse agenda zorg en veiligheid 2025-2026');
    expect(result.date).toBe('2025');
    expect(result.slug).toBe('zwolse-agenda-def');
    expect(result.markdown).toMatch(/^---\ntitle: Zwolse agenda zorg en veiligheid 2025-2026\ndate: "2025"\nsource: Zwolse Agenda \(def\)\.txt\n---\n# Zwolse agenda/);
  });

  it('does not take a section name such as "Samenvatting" for the title; falls back to the file name and says so', () => {
    const result = convertPolicyDocument(['Samenvatting', para('Zorg en veiligheid gaat over problematiek')].join('\n'), { file: 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt' });
    expect(result.title).toBe('Zwolse agenda zorg en veiligheid 2025-2026');
    expect(result.markdown).toContain('\n## Samenvatting\n');
    expect(result.problems.map((p) => p.code)).toContain('corpus/title-from-file-name');
  });

  it('prefers the flags, and leaves the date out (with a warning) when nothing gives one', () => {
    const result = convertPolicyDocument(para('Tekst'), { title: 'Koers', source: 'https://zwolle.nl/koers.pdf', kind: 'koers' });
    expect(result.date).toBeNull();
    expect(result.slug).toBe('koers');
    expect(result.markdown).toMatch(/^---\ntitle: Koers\ndate: null\nsource: https:\/\/zwolle.nl\/koers.pdf\nkind: koers\n---\n/);
    expect(result.problems.map((p) => p.code)).toEqual(['corpus/no-date', 'corpus/no-headings']);
  });

  it('never throws on odd text', () => {
    for (const text of ['', '\n\n\n', '\ufffd\ufffd', '1.', '•', '-', '[^1]: x', 'a'.repeat(10_000), '1\t\n2\t\n3\t']) {
      expect(() => convertPolicyDocument(text, { title: 'T' })).not.toThrow();
    }
  });
});

describe('adoptMarkdownDocument', () => {
  it('keeps a markdown body as written and completes its front matter', () => {
    const result = adoptMarkdownDocument('# Visie op wonen 2024\n\nTekst met *nadruk*.\n', { file: 'visie-wonen.md' });
    expect(result.markdown).toBe('---\ntitle: Visie op wonen 2024\ndate: "2024"\nsource: visie-wonen.md\n---\n# Visie op wonen 2024\n\nTekst met *nadruk*.\n');
    expect(result.slug).toBe('visie-wonen');
  });
});
