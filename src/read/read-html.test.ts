import { describe, expect, it } from 'vitest';
import { markedLines } from '../../test/builders/policy-score.js';
import { htmlToText, readHtml } from './read-html.js';

const text = (html: string): string => readHtml(new TextEncoder().encode(html), 'a.html').text;

describe('htmlToText', () => {
  it('writes block elements as lines with a blank line between blocks', () => {
    expect(text('<h1>Schriftelijke vragen</h1><p>Geacht  college,\n  hierbij</p><div>Tweede blok</div>')).toBe(
      'Schriftelijke vragen\n\nGeacht college, hierbij\n\nTweede blok',
    );
  });

  it('marks the lines of <h1>..<h6> as headings of their level, outside lists and tables', () => {
    const html = '<h1>Nota</h1><p>Tekst.</p><h2>1.1 Urgentie</h2><h3>Een kop<br>over twee regels</h3><ul><li><h4>In een lijst</h4></li></ul><table><tr><td><h2>Cel</h2></td></tr></table>';
    const result = readHtml(new TextEncoder().encode(html), 'a.html');
    expect(result.text).toBe('Nota\n\nTekst.\n\n1.1 Urgentie\n\nEen kop\nover twee regels\n\n• In een lijst\n\nCel');
    expect(markedLines(result.text, result.headings)).toEqual([
      [1, 'Nota'],
      [2, '1.1 Urgentie'],
      [3, 'Een kop over twee regels'],
    ]);
  });

  it('makes <br> a line break, and two of them a blank line', () => {
    expect(text('<p>Met vriendelijke groet,<br>Jan Jansen<br><br>D66</p>')).toBe('Met vriendelijke groet,\nJan Jansen\n\nD66');
  });

  it('labels ordered list items, honouring start and value', () => {
    expect(text('<ol start="3"><li>Drie?</li><li>Vier?</li><li value="9">Negen?</li><li>Tien?</li></ol>')).toBe('3. Drie?\n4. Vier?\n9. Negen?\n10. Tien?');
  });

  it('labels ordered lists by their type attribute', () => {
    expect(text('<ol type="a"><li>Een</li><li>Twee</li></ol><ol type="I" start="4"><li>Vier</li></ol>')).toBe('a. Een\nb. Twee\n\nIV. Vier');
  });

  it('bullets unordered items and indents nested lists two spaces per level', () => {
    expect(text('<ul><li>Eerste<ul><li>sub<ol><li>diep</li></ol></li></ul></li><li>Tweede</li></ul>')).toBe(
      '• Eerste\n  o sub\n    1. diep\n• Tweede',
    );
  });

  it('keeps paragraphs inside an item on their own lines, indented under the label', () => {
    expect(text('<ol><li><p>Waarom?</p><p>Graag een toelichting.</p></li></ol>')).toBe('1. Waarom?\n   Graag een toelichting.');
  });

  it('drops scripts, styles, navigation, asides and the site header and footer', () => {
    const html = `<html><head><title>Site</title><style>p{}</style></head><body>
      <header>Logo Menu</header><nav>Home | Nieuws</nav>
      <main><p>Geacht college,</p><script>alert(1)</script><aside>Lees ook</aside></main>
      <div role="navigation">Kruimelpad</div><div hidden>verborgen</div><div aria-hidden="true">x</div>
      <footer>© Partij</footer></body></html>`;
    expect(text(html)).toBe('Geacht college,');
  });

  it('keeps an article’s own header (title and date)', () => {
    expect(text('<header>Site</header><article><header><h1>Vragen over bomenkap</h1><time>12 april 2025</time></header><p>Tekst</p></article>')).toBe(
      'Vragen over bomenkap\n\n12 april 2025\n\nTekst',
    );
  });

  it('decodes entities and keeps inline markup inline', () => {
    expect(text('<p>Caf&eacute; &amp; <strong>terras</strong>&nbsp;&mdash; <a href="#">link</a> &#8216;x&#8217;</p>')).toBe('Café & terras — link ‘x’');
  });

  it('glues a footnote number in <sup> to its word, in superscript digits', () => {
    expect(text('<p>Beschermd Thuis’<sup>1</sup> van Dannenberg</p>')).toBe('Beschermd Thuis’¹ van Dannenberg');
  });

  it('writes a table row as one line with the cells separated by a tab', () => {
    expect(text('<table><tr><td><p>1.</p></td><td><p>Waarom?</p></td></tr><tr><td>2.</td><td>Hoe?</td></tr></table>')).toBe('1.\tWaarom?\n2.\tHoe?');
  });

  it('keeps preformatted text as it is', () => {
    expect(text('<pre>regel 1\n  regel 2</pre>')).toBe('regel 1\n  regel 2');
  });

  it('writes a footnote reference in superscript digits and a note\'s number before its text', () => {
    const html =
      '<p>Thuis’<a class="sdfootnoteanc" href="#sdfootnote1sym"><sup>1</sup></a> en € 50.000<a href="#sdfootnote2sym"><sup>2</sup></a>.</p>' +
      '<div id="sdfootnote1"><p><a class="sdfootnotesym" href="#sdfootnote1anc">1</a>https://example.org/a</p></div>' +
      '<div id="sdfootnote2"><p><a class="sdfootnotesym" href="#sdfootnote2anc">2</a>Rapport 2015</p></div>';
    expect(htmlToText(html)).toBe('Thuis’¹ en € 50.000².\n\n1 https://example.org/a\n\n2 Rapport 2015');
  });

  it('leaves a link or a superscript that is not a number as text', () => {
    expect(htmlToText('<p>m<sup>a</sup> en <a href="#top">3 punten</a></p>')).toBe('ma en 3 punten');
  });
});

describe('readHtml', () => {
  it('does not warn about windows-1252 when the page declares it', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('<meta charset="windows-1252"><p>Caf'), 0xe9, ...new TextEncoder().encode('</p>')]);
    expect(readHtml(bytes, 'a.html')).toMatchObject({ text: 'Café', warnings: [], headings: [] });
  });
});

describe('hostile HTML', () => {
  it('refuses thousands of nested elements with an InputError instead of a stack overflow', () => {
    const html = `${'<div>'.repeat(20000)}Vraag?${'</div>'.repeat(20000)}`;
    expect(() => readHtml(new TextEncoder().encode(html), 'diep.html')).toThrow('the HTML is nested too deeply to read');
  });
});
