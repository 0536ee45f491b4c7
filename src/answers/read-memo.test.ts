import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readAnswerDocument } from '../documents/answer-document.js';
import { readQuestionDocument } from '../documents/question-document.js';
import type { Question } from '../model.js';
import { memoToDocx } from '../render/to-docx.js';
import { memoToHtml } from '../render/to-html.js';
import { readSource } from '../read/read-source.js';
import { buildLetterDocx } from '../../test/builders/letter-docx.js';
import { buildLetterPdf } from '../../test/builders/letter-pdf.js';
import { assignAnswers } from './assign-answers.js';
import { readAnsweredMemo } from './read-memo.js';

const ROOT = new URL('../../', import.meta.url);
const letter = readQuestionDocument(readFileSync(new URL('questions/2025-04-12-d66-regionale-zorg-en-veiligheid.md', ROOT), 'utf8'));
const seedMemo = readFileSync(new URL('test/fixtures/seeds/answers/2025-05-d66-regionale-zorg-en-veiligheid-beantwoording.txt', ROOT), 'utf8');
const seedAnswers = readAnswerDocument(readFileSync(new URL('answers/2025-04-12-d66-regionale-zorg-en-veiligheid.md', ROOT), 'utf8'), 'answers.md').doc.answers;

const Q = [
  'Hoeveel meldingen van overlast door jongeren zijn er in 2024 gedaan in de wijk Holtenbroek?',
  'Welke maatregelen neemt het college om de overlast bij het winkelcentrum terug te dringen?',
  'Is het college bereid om extra jongerenwerkers in te zetten in de avonduren? Zo ja, wanneer?',
];
const questions: Question[] = Q.map((text, i) => ({ number: i + 1, label: `${i + 1}.`, text, parts: [], line: 0 }));
const A = ['Er zijn 112 meldingen gedaan.', 'Het college plaatst camera’s en verlengt de openingstijden van het jongerencentrum.', 'Ja, vanaf september twee extra jongerenwerkers.'];

/** Answers by the letter's number, as import-answers places them. */
function placed(memo: ReturnType<typeof readAnsweredMemo>, qs: Question[] = questions): string[] {
  const { answers } = assignAnswers(memo, qs, 'letter.md');
  return qs.map((q) => answers.get(q.number) ?? '');
}

describe('readAnsweredMemo', () => {
  it('reads the college’s memo ("Vraag N: …", with and without "Antwoord:") into the eleven answers as recorded, PDF page-break debris repaired', () => {
    const memo = readAnsweredMemo(seedMemo, { questions: letter.questions });
    expect(memo.answers.map((a) => a.layout)).toEqual(Array(11).fill('vraag'));
    expect(memo.answers.map((a) => a.answer)).toEqual(seedAnswers.map((s) => s.answer));
    expect(memo.parts.map((p) => p.heading)).toEqual(['Bijlagen', 'Ontwerp besluit', 'Inleiding', 'Kernboodschap', 'Openbaarheid', 'Ondertekening']);
    expect(memo.warnings).toEqual([]);
  });

  it('does not take "antwoord bij vraag 7)" at the start of a wrapped line for a label', () => {
    const memo = readAnsweredMemo(seedMemo, { questions: letter.questions });
    expect(memo.answers[10]!.answer).toContain('netwerksamenwerking (zie antwoord bij vraag 7) en wat ieders inzet daarbij kan zijn.');
  });

  it('reads a memo numbered "1." with "Antwoord:" (typed text)', () => {
    const text = Q.map((q, i) => `${i + 1}. ${q}\n\nAntwoord: ${A[i]}`).join('\n\n');
    const memo = readAnsweredMemo(text);
    expect(memo.answers.map((a) => [a.number, a.layout])).toEqual([[1, 'nummer'], [2, 'nummer'], [3, 'nummer']]);
    expect(placed(memo)).toEqual(A);
  });

  it('ends the last answer at a greeting on a line of its own, with or without a blank line before it; the greeting goes to the signature', () => {
    for (const greeting of ['Met vriendelijke groet,', 'Hoogachtend,', 'Namens het college van burgemeester en wethouders,']) {
      for (const gap of ['\n', '\n\n']) {
        const text = `${Q.map((q, i) => `Vraag ${i + 1}: ${q}\nAntwoord: ${A[i]}`).join('\n')}${gap}${greeting}\nde burgemeester, P. Snijders`;
        const memo = readAnsweredMemo(text);
        expect(placed(memo), `${greeting} ${JSON.stringify(gap)}`).toEqual(A);
        expect(memo.parts.at(-1)?.heading).toBe('Ondertekening');
        expect(memo.parts.at(-1)?.content).toMatch(new RegExp(`^${greeting}\\s+de burgemeester, P\\. Snijders$`));
      }
    }
  });

  it('keeps a greeting inside an answer, and a cover letter\'s signature before the questions as a part, not the start of a signature that takes the answers', () => {
    const cover = 'Geachte raad,\n\nHierbij ontvangt u de antwoorden.\n\nMet vriendelijke groet,\n\nBurgemeester en wethouders van Zwolle,';
    const inside = 'Wij sturen de wijkraad een brief. Met vriendelijke groet, zo eindigt die.';
    const text = `${cover}\n\n${Q.map((q, i) => `Vraag ${i + 1}: ${q}\n\nAntwoord: ${i === 1 ? inside : A[i]}`).join('\n\n')}`;
    const memo = readAnsweredMemo(text);
    expect(placed(memo)).toEqual([A[0], inside, A[2]]);
    expect(memo.parts.map((p) => p.content).join('\n\n')).toContain('Burgemeester en wethouders van Zwolle,');
  });

  it('keeps a last answer that opens with "Het college van burgemeester en wethouders …", or wraps onto a line starting so; the signature line of its own still starts the signature', () => {
    const sentence = 'Het college van burgemeester en wethouders heeft besloten camera’s te plaatsen.';
    const wrapped = 'Na overleg met het college van\nburgemeester en wethouders van Zwolle is besloten camera’s te plaatsen.';
    const last = (answer: string, i: number) => (i === 2 ? answer : A[i]);
    const signature = '\n\nBurgemeester en wethouders van Hendrik-Ido-Ambacht,\nde burgemeester, P. Snijders';
    for (const answer of [sentence, wrapped, `${wrapped}\n\n${sentence}`]) {
      const memo = readAnsweredMemo(`${Q.map((q, i) => `Vraag ${i + 1}: ${q}\n\nAntwoord: ${last(answer, i)}`).join('\n\n')}${signature}`);
      expect(placed(memo), answer).toEqual([A[0], A[1], answer.replace('van\nburgemeester', 'van burgemeester')]);
      expect(memo.parts.at(-1)?.content).toBe('Burgemeester en wethouders van Hendrik-Ido-Ambacht, de burgemeester, P. Snijders');
    }
    const html = `${Q.map((q, i) => `<p><b>Vraag ${i + 1}: ${q}</b></p><p>${last(sentence, i)}</p>`).join('')}<p>Het college van burgemeester en wethouders van Zwolle,</p><p>de burgemeester, P. Snijders</p>`;
    const fromHtml = readAnsweredMemo({ text: '', html });
    expect(placed(fromHtml)).toEqual([A[0], A[1], sentence]);
    expect(fromHtml.parts.at(-1)?.content).toBe('Het college van burgemeester en wethouders van Zwolle,\n\nde burgemeester, P. Snijders');
  });

  it('starts the signature at a greeting whose paragraph goes on after a line break (Shift+Enter in Word), not at the end of the last answer', () => {
    for (const greeting of ['Met vriendelijke groet,', 'Hoogachtend,']) {
      const html = `${Q.map((q, i) => `<p><b>Vraag ${i + 1}: ${q}</b></p><p>${A[i]}</p>`).join('')}<p>${greeting}<br>Burgemeester en wethouders van Zwolle,<br>de burgemeester, P. Snijders</p>`;
      const memo = readAnsweredMemo({ text: '', html });
      expect(placed(memo), greeting).toEqual(A);
      expect(memo.parts.at(-1)?.content).toBe(`${greeting} Burgemeester en wethouders van Zwolle, de burgemeester, P. Snijders`);
    }
  });

  it('keeps a greeting of its own inside an answer that more questions follow: only after the last question it starts the signature', () => {
    const quoted = 'Wij schreven de wijkraad een brief die eindigde met:\n\nMet vriendelijke groet,\n\nde wijkagent';
    const text = `${Q.map((q, i) => `Vraag ${i + 1}: ${q}\n\nAntwoord: ${i === 0 ? quoted : A[i]}`).join('\n\n')}\n\nHoogachtend,\n\nde burgemeester, P. Snijders`;
    const memo = readAnsweredMemo(text);
    expect(placed(memo)).toEqual(['Wij schreven de wijkraad een brief die eindigde met:\n\nMet vriendelijke groet,\n\nde wijkagent', A[1], A[2]]);
    expect(memo.parts.at(-1)?.content).toBe('Hoogachtend,\n\nde burgemeester, P. Snijders');
  });

  it('reads "Vraag 1" on its own line, the question, then "Antwoord 1"', () => {
    const text = Q.map((q, i) => `Vraag ${i + 1}\n${q}\n\nAntwoord ${i + 1}\n${A[i]}`).join('\n\n');
    const memo = readAnsweredMemo(text);
    expect(memo.answers.map((a) => a.layout)).toEqual(['vraag-kop', 'vraag-kop', 'vraag-kop']);
    expect(memo.answers.map((a) => a.question)).toEqual(Q);
    expect(placed(memo)).toEqual(A);
  });

  it('reads the questions as one numbered list followed by "Ad 1." answers', () => {
    const text = `Kernboodschap\n\nDe vragen:\n\n${Q.map((q, i) => `${i + 1}. ${q}`).join('\n')}\n\n${A.map((a, i) => `Ad ${i + 1}. ${a}`).join('\n\n')}\n`;
    const memo = readAnsweredMemo(text);
    expect(memo.answers.map((a) => a.layout)).toEqual(['ad', 'ad', 'ad']);
    expect(memo.answers.map((a) => a.question)).toEqual(Q);
    expect(placed(memo)).toEqual(A);
  });

  it('reads a bold question followed by the plain answer (DOCX, HTML)', () => {
    const html = `<h2>Kernboodschap</h2><p>Hieronder de antwoorden.</p>${Q.map((q, i) => `<p><strong>${q}</strong></p><p>${A[i]}</p>`).join('')}<h2>Openbaarheid</h2><p>Deze nota is openbaar.</p>`;
    const memo = readAnsweredMemo({ text: '', html });
    expect(memo.answers.map((a) => a.layout)).toEqual(['vet', 'vet', 'vet']);
    expect(placed(memo)).toEqual(A);
    expect(memo.parts.map((p) => p.heading)).toEqual(['Kernboodschap', 'Openbaarheid']);
  });

  it('reads a two-column table, question left and answer right, and skips its header row', () => {
    const rows = Q.map((q, i) => `<tr><td><p>${i + 1}. ${q}</p></td><td><p>${A[i]}</p><p>Tweede alinea ${i + 1}.</p></td></tr>`).join('');
    const memo = readAnsweredMemo({ text: '', html: `<table><tr><th>Vraag</th><th>Antwoord</th></tr>${rows}</table>` });
    expect(memo.answers.map((a) => [a.number, a.layout])).toEqual([[1, 'tabel'], [2, 'tabel'], [3, 'tabel']]);
    expect(memo.answers.map((a) => a.question)).toEqual(Q);
    expect(placed(memo)).toEqual(A.map((a, i) => `${a}\n\nTweede alinea ${i + 1}.`));
  });

  it('finds a question quoted without label or look by its text, given the letter', () => {
    const text = Q.map((q, i) => `${q}\n\n${A[i]}`).join('\n\n');
    expect(readAnsweredMemo(text).answers).toEqual([]);
    const memo = readAnsweredMemo(text, { questions });
    expect(memo.answers.map((a) => a.layout)).toEqual(['tekst', 'tekst', 'tekst']);
    expect(placed(memo)).toEqual(A);
  });

  it('gives a combined answer ("Antwoord op vraag 2 en 3") to the first question and points the other to it', () => {
    const text = `Vraag 1\n${Q[0]}\n\nAntwoord 1\n${A[0]}\n\nVraag 2\n${Q[1]}\n\nVraag 3\n${Q[2]}\n\nAntwoord op vraag 2 en 3\n${A[1]}\n`;
    const memo = readAnsweredMemo(text);
    expect(memo.answers.map((a) => [a.number, a.together])).toEqual([[1, null], [2, null], [3, 2]]);
    expect(placed(memo)).toEqual([A[0], A[1], 'Zie het antwoord op vraag 2.']);
  });

  it('places a question a combined answer names but the memo does not quote by its number', () => {
    const text = `Vraag 1: ${Q[0]}\n\nAntwoord: ${A[0]}\n\nVraag 2: ${Q[1]}\n\nAntwoord op vraag 2 en 3: ${A[1]}\n`;
    expect(placed(readAnsweredMemo(text))).toEqual([A[0], A[1], 'Zie het antwoord op vraag 2.']);
  });

  it('keeps "Zie het antwoord op vraag 1" as the answer, and says so when the memo numbers differ from the letter', () => {
    const text = `Vraag 1: ${Q[1]}\n\nAntwoord: ${A[1]}\n\nVraag 2: ${Q[2]}\n\nAntwoord: Zie het antwoord op vraag 1.\n`;
    const memo = readAnsweredMemo(text);
    const { answers, warnings } = assignAnswers(memo, questions, 'letter.md');
    expect(answers.get(2)).toBe(A[1]);
    expect(answers.get(3)).toBe('Zie het antwoord op vraag 1.');
    expect(warnings.map((w) => w.message)).toContain("memo question 2 points to the memo's question 1, which is question 2 of letter.md; check the pointer");
  });

  it('matches by the question’s text, not its number, and reports an answer that fits no question', () => {
    const text = `Vraag 1: ${Q[2]}\n\nAntwoord: ${A[2]}\n\nVraag 2: Hoeveel bomen zijn er in 2024 gekapt in het Westerpark?\n\nAntwoord: Twaalf.\n`;
    const { answers, unmatched, warnings } = assignAnswers(readAnsweredMemo(text), questions, 'letter.md');
    expect([...answers]).toEqual([[3, A[2]]]);
    expect(unmatched).toEqual([{ line: 5, number: 2, question: 'Hoeveel bomen zijn er in 2024 gekapt in het Westerpark?' }]);
    expect(warnings.map((w) => [w.line, w.message])).toContainEqual([5, 'the answer to memo question 2 "Hoeveel bomen zijn er in 2024 gekapt in het Westerpark?" fits no question of letter.md; it is not imported']);
  });

  it('does not place an answer at its number when the quoted question is less than half alike (a misread, not a match)', () => {
    const text = `Vraag 1: ${Q[0]}\n\nAntwoord: ${A[0]}\n\nVraag 2: Welke maatregelen voor het winkelcentrum, camera's en openingstijden en de jongeren en de politie?\n\nAntwoord: Iets anders.\n`;
    const { answers, unmatched } = assignAnswers(readAnsweredMemo(text), questions, 'letter.md');
    expect([...answers.keys()]).toEqual([1]);
    expect(unmatched.map((u) => u.number)).toEqual([2]);
  });

  it('keeps lists, bold, italics and links in an answer as markdown', () => {
    const html = `<p><strong>Vraag 1: ${Q[0]}</strong></p><p><strong>Antwoord:</strong> Er zijn <strong>112</strong> meldingen, zie <a href="https://zwolle.nl/cijfers">de cijfers</a> en <em>het rapport</em>:</p><ul><li>in het voorjaar 40;</li><li>in de zomer 72.</li></ul><ol><li>eerst dit;</li><li>dan dat.</li></ol><p>Een <a href="../corpus/x.md">link in de repo</a> wordt tekst.</p>`;
    const memo = readAnsweredMemo({ text: '', html });
    expect(memo.answers[0]!.answer).toBe(
      'Er zijn **112** meldingen, zie [de cijfers](https://zwolle.nl/cijfers) en *het rapport*:\n\n- in het voorjaar 40;\n- in de zomer 72.\n\n1. eerst dit;\n2. dan dat.\n\nEen link in de repo wordt tekst.',
    );
  });

  it('keeps the Bijlagen list of our own memo as a part, though its "1. Vragen <subject>" is much like a question', () => {
    // Letter 01 of the development set: the subject is nearly the whole of question 3.
    const asked = [{ number: 1, text: 'Is het college op de hoogte van het onderzoek?' }, { number: 2, text: 'Heeft het college inzicht in getallen omtrent vocht en schimmel in Haagse woningen?' }];
    const own = `# Beantwoording\n\n## Bijlagen\n\n1. Vragen Vocht en Schimmel in Haagse woningen\n\n## Inleiding\n\nOp 1 mei 2025.\n\n## Vragen en antwoorden\n\n### Vraag 1\n\n> ${asked[0]!.text}\n\n**Antwoord:**\n\nJa.\n\n### Vraag 2\n\n> ${asked[1]!.text}\n\n**Antwoord:**\n\nNee.\n`;
    for (const memo of [readAnsweredMemo({ text: own, html: memoToHtml(own) }, { questions: asked }), readAnsweredMemo(own.replace(/^#+ /gm, ''), { questions: asked })]) {
      expect(memo.answers.map((a) => [a.number, a.answer])).toEqual([[1, 'Ja.'], [2, 'Nee.']]);
      expect(memo.parts.find((p) => p.heading === 'Bijlagen')?.content).toMatch(/Vragen Vocht en Schimmel in Haagse woningen$/);
    }
  });

  it('reads the lists of an answer in our own Word memo back as markdown lists, not as lists of "●" text', async () => {
    const own = `# Beantwoording\n\n## Vragen en antwoorden\n\n### Vraag 1\n\n> ${Q[0]}\n\n**Antwoord:**\n\nEr zijn **112** meldingen:\n\n- in het voorjaar 40;\n  - waarvan 10 in april;\n    - op zondag;\n- in de zomer 72.\n`;
    const source = await readSource({ name: 'memo.docx', data: await memoToDocx(own) });
    const memo = readAnsweredMemo(source, { questions });
    expect(memo.answers[0]!.answer).toBe('Er zijn **112** meldingen:\n\n- in het voorjaar 40;\n   - waarvan 10 in april;\n      - op zondag;\n- in de zomer 72.');
  });

  it('reads the links of an answer in our own Word memo back as markdown links, a bold link with its bold inside', async () => {
    const own = `# Beantwoording\n\n## Vragen en antwoorden\n\n### Vraag 1\n\n> ${Q[0]}\n\n**Antwoord:**\n\nZie [de nota](https://www.zwolle.nl/nota) en **[het plan](https://www.zwolle.nl/plan?jaar=2025)**, of mail [de griffie](mailto:griffie@zwolle.nl).\n`;
    const source = await readSource({ name: 'memo.docx', data: await memoToDocx(own) });
    const memo = readAnsweredMemo(source, { questions });
    expect(memo.answers[0]!.answer).toBe('Zie [de nota](https://www.zwolle.nl/nota) en [**het plan**](https://www.zwolle.nl/plan?jaar=2025), of mail [de griffie](mailto:griffie@zwolle.nl).');
  });

  it('keeps web and mail links from a DOCX, ODT or RTF memo and leaves javascript:, file:, data: and relative addresses as text, a link without text as nothing', async () => {
    // One memo, its links given as each format writes them: [text, address] pairs between plain text.
    const parts: (string | [string, string])[] = [
      'Zie ',
      ['hier', 'javascript:alert(1)'],
      ', ',
      ['het bestand', 'file:///C:/nota.docx'],
      ', ',
      ['de bijlage', '../bijlage.pdf'],
      ', ',
      ['het plaatje', 'data:text/html,x'],
      ' en',
      // A link without text keeps nothing but its space.
      [' ', 'https://www.zwolle.nl/leeg'],
      ['de site', 'https://www.zwolle.nl/'],
      '.',
    ];
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    const wRun = (text: string, bold = false) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xml(text)}</w:t></w:r>`;
    const wBody =
      `<w:p>${wRun(`Vraag 1: ${Q[0]}`, true)}</w:p>` +
      `<w:p>${wRun('Antwoord: ')}${parts.map((p, i) => (typeof p === 'string' ? wRun(p) : `<w:hyperlink r:id="rIdL${i}">${wRun(p[0])}</w:hyperlink>`)).join('')}</w:p>` +
      // A bold paragraph with a javascript: link in it stays one bold paragraph, as without the link.
      `<w:p>${wRun('Let op: ', true)}<w:hyperlink r:id="rIdL1">${wRun('klik', true)}</w:hyperlink>${wRun(' niet.')}</w:p>`;
    const wRels = parts.map((p, i) => (typeof p === 'string' ? '' : `<Relationship Id="rIdL${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${xml(p[1])}" TargetMode="External"/>`)).join('');
    const docx = zipSync({
      'word/document.xml': utf8(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${wBody}</w:body></w:document>`),
      'word/_rels/document.xml.rels': utf8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wRels}</Relationships>`),
    });
    const odtBody =
      `<text:p><text:span text:style-name="T1">Vraag 1: ${xml(Q[0]!)}</text:span></text:p>` +
      `<text:p>Antwoord: ${parts.map((p) => (typeof p === 'string' ? xml(p) : `<text:a xlink:type="simple" xlink:href="${xml(p[1])}">${xml(p[0])}</text:a>`)).join('')}</text:p>` +
      `<text:p><text:span text:style-name="T1">Let op: <text:a xlink:href="javascript:alert(1)">klik</text:a></text:span> niet.</text:p>`;
    const odtNs = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"';
    const odt = zipSync(
      {
        mimetype: utf8('application/vnd.oasis.opendocument.text'),
        'content.xml': utf8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odtNs}><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles><office:body><office:text>${odtBody}</office:text></office:body></office:document-content>`),
      },
      { level: 0 },
    );
    const rtfField = (text: string, address: string, bold = false) => `{\\field{\\*\\fldinst HYPERLINK "${address}"}{\\fldrslt ${bold ? '\\b ' : ''}${text}}}`;
    const rtf = utf8(
      `{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}\\pard{\\b Vraag 1: ${Q[0]}}\\par\n` +
        `\\pard Antwoord: ${parts.map((p) => (typeof p === 'string' ? p : rtfField(p[0], p[1]))).join('')}\\par\n` +
        `\\pard{\\b Let op: }${rtfField('klik', 'javascript:alert(1)', true)} niet.\\par}`,
    );
    for (const [name, data] of [['memo.docx', docx], ['memo.odt', odt], ['memo.rtf', rtf]] as const) {
      const source = await readSource({ name, data });
      const memo = readAnsweredMemo(source, { questions });
      expect(memo.answers[0]!.answer, name).toBe('Zie hier, het bestand, de bijlage, het plaatje en [de site](https://www.zwolle.nl/).\n\n**Let op: klik** niet.');
    }
  });

  it("keeps an officer's footnote in a DOCX, ODT, RTF or PDF memo: the reference where it stands, the note at the end of the answer that refers to it", async () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const note = 'Beleidsnota welzijn en zorg 2005, p. 12.';
    // Answer 2 refers to the note; answers 1 and 3 do not.
    const memo = `Vraag 1: ${Q[0]}\nAntwoord: ${A[0]}\nVraag 2: ${Q[1]}\nAntwoord: ${A[1]}\nVraag 3: ${Q[2]}\nAntwoord: ${A[2]}`;
    const docx = (await buildLetterDocx(memo, { footnotes: [{ after: 'jongerencentrum.', text: note }] })).data;
    const odtParagraphs = memo
      .split('\n')
      .map((line) => `<text:p>${line.replace('jongerencentrum.', `jongerencentrum.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>${note}</text:p></text:note-body></text:note>`)}</text:p>`)
      .join('');
    const odtNs = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
    const odt = zipSync(
      {
        mimetype: utf8('application/vnd.oasis.opendocument.text'),
        'content.xml': utf8(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odtNs}><office:body><office:text>${odtParagraphs}</office:text></office:body></office:document-content>`),
      },
      { level: 0 },
    );
    const rtfText = (line: string) => line.replace(/[’]/g, "\\'92");
    const rtf = utf8(
      `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}` +
        memo
          .split('\n')
          .map((line) => `\\pard ${rtfText(line).replace('jongerencentrum.', `jongerencentrum.{\\super\\chftn{\\*\\footnote\\pard\\chftn ${note}}}`)}\\par`)
          .join('\n') +
        '}',
    );
    // A PDF: the note at the foot of the page, the reference a raised digit.
    const pdf = (await buildLetterPdf(memo, { footnotes: [{ after: 'jongerencentrum.', text: note }] })).data;
    for (const [name, data] of [['memo.docx', docx], ['memo.odt', odt], ['memo.rtf', rtf], ['memo.pdf', pdf]] as const) {
      const source = await readSource({ name, data });
      expect(placed(readAnsweredMemo(source, { questions })), name).toEqual([A[0], `${A[1]!.replace('jongerencentrum.', 'jongerencentrum.¹')}\n\n¹ ${note}`, A[2]]);
    }
  });

  it('keeps the number of an ODT list item whose text holds a note, and the note itself out of the list', async () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const odtNs = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';
    const note = `<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Noot in de lijst.</text:p></text:note-body></text:note>`;
    const list = `<text:list text:style-name="L1"><text:list-item><text:p>eerst${note} kijken</text:p></text:list-item><text:list-item><text:p>dan doen</text:p></text:list-item></text:list>`;
    const odt = zipSync(
      {
        mimetype: utf8('application/vnd.oasis.opendocument.text'),
        'content.xml': utf8(
          `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odtNs}><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/></text:list-style></office:automatic-styles><office:body><office:text>` +
            Q.map((q, i) => `<text:p>Vraag ${i + 1}: ${q}</text:p><text:p>Antwoord: ${i === 1 ? 'Twee stappen:' : A[i]}</text:p>${i === 1 ? list : ''}`).join('') +
            `</office:text></office:body></office:document-content>`,
        ),
      },
      { level: 0 },
    );
    expect(placed(readAnsweredMemo(await readSource({ name: 'memo.odt', data: odt }), { questions }))).toEqual([A[0], 'Twee stappen:\n\n1. eerst¹ kijken\n2. dan doen\n\n¹ Noot in de lijst.', A[2]]);
  });

  it('keeps all of a DOCX or ODT note that holds a table or a numbered list', async () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const expected = [A[0], `${A[1]!.replace('jongerencentrum.', 'jongerencentrum.¹')}\n\n¹ Meldingen per jaar: 2023 112 2024 98 1. voorjaar 2. zomer`, A[2]];
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const p = (text: string, list = '') => `<w:p>${list}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const cell = (text: string) => `<w:tc>${p(text)}</w:tc>`;
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const item = (text: string) => p(text, '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>');
    const answer2 = A[1]!.split('jongerencentrum.');
    const docx = zipSync({
      'word/document.xml': utf8(
        `<w:document ${W}><w:body>${Q.map((q, i) => `${p(`Vraag ${i + 1}: ${q}`)}${i === 1 ? `<w:p><w:r><w:t xml:space="preserve">Antwoord: ${answer2[0]}jongerencentrum.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve">${answer2[1]}</w:t></w:r></w:p>` : p(`Antwoord: ${A[i]}`)}`).join('')}</w:body></w:document>`,
      ),
      'word/footnotes.xml': utf8(`<w:footnotes ${W}><w:footnote w:id="1">${p('Meldingen per jaar:')}<w:tbl><w:tr>${cell('2023')}${cell('112')}</w:tr><w:tr>${cell('2024')}${cell('98')}</w:tr></w:tbl>${item('voorjaar')}${item('zomer')}</w:footnote></w:footnotes>`),
      'word/numbering.xml': utf8(numbering),
    });
    const odtNs =
      'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';
    const odtCell = (text: string) => `<table:table-cell><text:p>${text}</text:p></table:table-cell>`;
    const odtNote = `<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Meldingen per jaar:</text:p><table:table><table:table-row>${odtCell('2023')}${odtCell('112')}</table:table-row><table:table-row>${odtCell('2024')}${odtCell('98')}</table:table-row></table:table><text:list text:style-name="L1"><text:list-item><text:p>voorjaar</text:p></text:list-item><text:list-item><text:p>zomer</text:p></text:list-item></text:list></text:note-body></text:note>`;
    const odt = zipSync(
      {
        mimetype: utf8('application/vnd.oasis.opendocument.text'),
        'content.xml': utf8(
          `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odtNs}><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/></text:list-style></office:automatic-styles><office:body><office:text>` +
            Q.map((q, i) => `<text:p>Vraag ${i + 1}: ${q}</text:p><text:p>Antwoord: ${i === 1 ? A[1]!.replace('jongerencentrum.', `jongerencentrum.${odtNote}`) : A[i]}</text:p>`).join('') +
            `</office:text></office:body></office:document-content>`,
        ),
      },
      { level: 0 },
    );
    for (const [name, data] of [['memo.docx', docx], ['memo.odt', odt]] as const) {
      expect(placed(readAnsweredMemo(await readSource({ name, data }), { questions })), name).toEqual(expected);
    }
  });

  it('gives a raised digit that is no note reference ("m²") no note: the note of that number stays with its own answer only (DOCX, ODT, RTF)', async () => {
    const utf8 = (text: string) => new TextEncoder().encode(text);
    const own = ['Het gebouw heeft 150 m', '2', ' vloer.'];
    const expected = [`${A[0]} Het gebouw heeft 150 m² vloer.`, 'Zie de agenda¹ en de visie².\n\n¹ Agenda 2025.\n\n² Regiovisie 2022.', A[2]];
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const r = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
    const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
    const docx = zipSync({
      'word/document.xml': utf8(
        `<w:document ${W}><w:body>${p(r(`Vraag 1: ${Q[0]}`))}${p(r(`Antwoord: ${A[0]} ${own[0]}`), r(own[1]!, '<w:vertAlign w:val="superscript"/>'), r(own[2]!))}` +
          `${p(r(`Vraag 2: ${Q[1]}`))}${p(r('Antwoord: Zie de agenda'), '<w:r><w:footnoteReference w:id="1"/></w:r>', r(' en de visie'), '<w:r><w:footnoteReference w:id="2"/></w:r>', r('.'))}` +
          `${p(r(`Vraag 3: ${Q[2]}`))}${p(r(`Antwoord: ${A[2]}`))}</w:body></w:document>`,
      ),
      'word/footnotes.xml': utf8(`<w:footnotes ${W}><w:footnote w:id="1">${p(r('Agenda 2025.'))}</w:footnote><w:footnote w:id="2">${p(r('Regiovisie 2022.'))}</w:footnote></w:footnotes>`),
    });
    const odtNs = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"';
    const note = (n: number, text: string) => `<text:note text:note-class="footnote"><text:note-citation>${n}</text:note-citation><text:note-body><text:p>${text}</text:p></text:note-body></text:note>`;
    const odt = zipSync(
      {
        mimetype: utf8('application/vnd.oasis.opendocument.text'),
        'content.xml': utf8(
          `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${odtNs}><office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style></office:automatic-styles><office:body><office:text>` +
            `<text:p>Vraag 1: ${Q[0]}</text:p><text:p>Antwoord: ${A[0]} ${own[0]}<text:span text:style-name="T1">${own[1]}</text:span>${own[2]}</text:p>` +
            `<text:p>Vraag 2: ${Q[1]}</text:p><text:p>Antwoord: Zie de agenda${note(1, 'Agenda 2025.')} en de visie${note(2, 'Regiovisie 2022.')}.</text:p>` +
            `<text:p>Vraag 3: ${Q[2]}</text:p><text:p>Antwoord: ${A[2]}</text:p></office:text></office:body></office:document-content>`,
        ),
      },
      { level: 0 },
    );
    const rtfText = (line: string) => line.replace(/[’]/g, "\\'92");
    const rtf = utf8(
      `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\pard Vraag 1: ${Q[0]}\\par\\pard Antwoord: ${A[0]} ${own[0]}{\\super ${own[1]}}${own[2]}\\par` +
        `\\pard Vraag 2: ${Q[1]}\\par\\pard Antwoord: Zie de agenda{\\super\\chftn{\\*\\footnote\\pard\\chftn Agenda 2025.}} en de visie{\\super\\chftn{\\*\\footnote\\pard\\chftn Regiovisie 2022.}}.\\par` +
        `\\pard Vraag 3: ${rtfText(Q[2]!)}\\par\\pard Antwoord: ${rtfText(A[2]!)}\\par}`,
    );
    for (const [name, data] of [['memo.docx', docx], ['memo.odt', odt], ['memo.rtf', rtf]] as const) {
      expect(placed(readAnsweredMemo(await readSource({ name, data }), { questions })), name).toEqual(expected);
    }
  });

  it("takes only the notes at the end of a PDF or text memo as notes: an answer's own lines that start with a number stay where they are, notes numbered twice go to their own references, a long note is kept whole", async () => {
    const memo = (answers: string[], notes: string) => `${Q.map((q, i) => `Vraag ${i + 1}: ${q}\n\nAntwoord: ${answers[i]}`).join('\n\n')}\n\nMet vriendelijke groet,\n\nde burgemeester${notes}`;
    // "m²" is no note reference, but the last answer's list numbered "2 …" is no note either.
    const list = 'Het plan kent drie stappen:\n1 inventariseren;\n2 overleggen met de regio;\n3 besluiten.';
    expect(placed(readAnsweredMemo(memo([A[0], 'Het gebouw heeft 150 m² vloer.', list], '')))).toEqual([A[0], 'Het gebouw heeft 150 m² vloer.', list.replace(/\n/g, ' ')]);
    // A paragraph "1 keer per week …" before the notes is the answer's, not a second note 1.
    const own = 'Wij overleggen:\n\n1 keer per week met de regio.';
    expect(placed(readAnsweredMemo(memo([`Zie het centrum.¹`, A[1], own], '\n\n1 Zie de Zwolse agenda.')))).toEqual(['Zie het centrum.¹\n\n¹ Zie de Zwolse agenda.', A[1], own]);
    // Numbered per page: two notes 1, each with the answer that refers to it.
    expect(placed(readAnsweredMemo(memo(['Zie het centrum.¹', A[1], 'Zie de visie.¹'], '\n\n1 Agenda zorg en veiligheid 2025.\n1 Regiovisie 2022.')))).toEqual([
      'Zie het centrum.¹\n\n¹ Agenda zorg en veiligheid 2025.',
      A[1],
      'Zie de visie.¹\n\n¹ Regiovisie 2022.',
    ]);
    // A note that wraps onto many lines, in a PDF too.
    const long = 'Regiovisie beschermd wonen en maatschappelijke opvang 2022-2032, vastgesteld door de gemeenteraad van Zwolle op 12 maart 2022 na een uitgebreid participatietraject met de regiogemeenten, zorgaanbieders, woningcorporaties, cliëntenraden en ervaringsdeskundigen.';
    const text = memo(['Zie het centrum.¹', A[1], 'Zie de visie.²'], `\n\n1 Agenda 2025.\n2 ${long.replace(/(.{60}\S*) /g, '$1\n')}`);
    expect(text.split('\n').length).toBeGreaterThan(20);
    expect(placed(readAnsweredMemo(text))).toEqual(['Zie het centrum.¹\n\n¹ Agenda 2025.', A[1], `Zie de visie.²\n\n² ${long}`]);
    // A note set right after its number, as a PDF of a Word file that a program made prints it ("1Agenda").
    expect(placed(readAnsweredMemo(memo(['Zie het centrum.¹', A[1], 'Zie de visie.²'], '\n\n1Agenda 2025.\n2’s-Hertogenbosch, 2022.')))).toEqual(['Zie het centrum.¹\n\n¹ Agenda 2025.', A[1], 'Zie de visie.²\n\n² ’s-Hertogenbosch, 2022.']);
    const pdf = await buildLetterPdf(memo(['Zie het centrum.', A[1], 'Zie de visie.'], ''), { footnotes: [{ after: 'centrum.', text: 'Agenda 2025.' }, { after: 'visie.', text: `${long} ${long}` }] });
    expect(placed(readAnsweredMemo(await readSource({ name: 'memo.pdf', data: pdf.data }), { questions }))).toEqual(['Zie het centrum.¹\n\n¹ Agenda 2025.', A[1], `Zie de visie.²\n\n² ${long} ${long}`]);
  });

  it("keeps an officer's footnote in an HTML memo as LibreOffice, Word, pandoc and mammoth export it: the reference in superscript digits, the note at the end of the answer that refers to it, not in the signature", async () => {
    const notes = ['Beleidsnota welzijn en zorg 2005, p. 12.', 'Zie <a href="https://www.zwolle.nl/nota">de nota</a>.'];
    // Word wraps its numbers in conditional comments and styled spans; the notes follow in a footnote list after a rule.
    const wordNumber = (n: number) => `<span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference><span style='font-size:11.0pt'>[${n}]</span></span><![endif]></span></span>`;
    const forms: Record<string, { ref: (n: number) => string; body: (n: number, html: string) => string; list?: (bodies: string) => string }> = {
      libreoffice: {
        ref: (n) => `<a class="sdfootnoteanc" name="sdfootnote${n}anc" href="#sdfootnote${n}sym"><sup>${n}</sup></a>`,
        body: (n, html) => `<div id="sdfootnote${n}"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote${n}sym" href="#sdfootnote${n}anc">${n}</a>${html}</p></div>`,
      },
      // Without the names LibreOffice writes: found by its naming, sdfootnote1sym in sdfootnote1.
      'libreoffice without names': {
        ref: (n) => `<a class="sdfootnoteanc" href="#sdfootnote${n}sym"><sup>${n}</sup></a>`,
        body: (n, html) => `<div id="sdfootnote${n}"><p class="sdfootnote"><a class="sdfootnotesym" href="#sdfootnote${n}anc">${n}</a>${html}</p></div>`,
      },
      word: {
        ref: (n) => `<a style='mso-footnote-id:ftn${n}' href="#_ftn${n}" name="_ftnref${n}" title="">${wordNumber(n)}</a>`,
        body: (n, html) => `<div style='mso-element:footnote' id=ftn${n}><p class=MsoFootnoteText><a style='mso-footnote-id:ftn${n}' href="#_ftnref${n}" name="_ftn${n}" title="">${wordNumber(n)}</a> ${html}</p></div>`,
        list: (bodies) => `<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>${bodies}</div>`,
      },
      // Word's note without its own anchor: found by Word's naming, _ftn1 in ftn1; its printed "[1]" is left out.
      'word without anchors in the notes': {
        ref: (n) => `<a href="#_ftn${n}" name="_ftnref${n}">[${n}]</a>`,
        body: (n, html) => `<div id=ftn${n}><p class=MsoFootnoteText>[${n}] ${html}</p></div>`,
      },
      pandoc: {
        ref: (n) => `<a href="#fn${n}" class="footnote-ref" id="fnref${n}" role="doc-noteref"><sup>${n}</sup></a>`,
        body: (n, html) => `<li id="fn${n}"><p>${html}<a href="#fnref${n}" class="footnote-back" role="doc-backlink">↩︎</a></p></li>`,
        list: (bodies) => `<section id="footnotes" class="footnotes" role="doc-endnotes"><hr /><ol>${bodies}</ol></section>`,
      },
      mammoth: {
        ref: (n) => `<sup><a href="#footnote-${n}" id="footnote-ref-${n}">[${n}]</a></sup>`,
        body: (n, html) => `<li id="footnote-${n}"><p>${html} <a href="#footnote-ref-${n}">↑</a></p></li>`,
        list: (bodies) => `<ol>${bodies}</ol>`,
      },
    };
    for (const [name, form] of Object.entries(forms)) {
      const answers = [A[0]!, A[1]!.replace('jongerencentrum.', `jongerencentrum.${form.ref(1)}`), `${A[2]!}${form.ref(2)}`];
      const bodies = notes.map((note, i) => form.body(i + 1, note)).join('\n');
      const html =
        `<html><body>${Q.map((q, i) => `<p><b>Vraag ${i + 1}: ${q}</b></p>\n<p>Antwoord: ${answers[i]}</p>`).join('\n')}\n` +
        `<p>Met vriendelijke groet,</p><p>de burgemeester, P. Snijders</p>\n${form.list ? form.list(bodies) : bodies}</body></html>`;
      const source = await readSource({ name: 'memo.html', data: new TextEncoder().encode(html) });
      const memo = readAnsweredMemo(source, { questions });
      expect(placed(memo), name).toEqual([
        A[0],
        `${A[1]!.replace('jongerencentrum.', 'jongerencentrum.¹')}\n\n¹ ${notes[0]}`,
        `${A[2]}²\n\n² Zie [de nota](https://www.zwolle.nl/nota).`,
      ]);
      expect(memo.parts.map((p) => [p.heading, p.content]), name).toEqual([['Ondertekening', 'Met vriendelijke groet,\n\nde burgemeester, P. Snijders']]);
    }
  });

  it("keeps every note of an HTML memo with its answer: a note referred to twice, a note's link to another note's number, a note in a note, an endnote numbered i or numbered as a footnote is", async () => {
    const read = async (answers: string[], notes: string) => {
      const html = `<html><body>${Q.map((q, i) => `<p><b>Vraag ${i + 1}: ${q}</b></p><p>${answers[i]}</p>`).join('')}<p>Met vriendelijke groet,</p><p>de burgemeester</p>${notes}</body></html>`;
      const memo = readAnsweredMemo(await readSource({ name: 'memo.html', data: new TextEncoder().encode(html) }), { questions });
      return { answers: placed(memo), signature: memo.parts.at(-1)?.content };
    };
    // pandoc's notes; note 1 is referred to twice, names note 2 by a link to its number, and note 2 has a note of its own (3).
    const ref = (n: number, id = `fnref${n}`) => `<a href="#fn${n}" id="${id}"><sup>${n}</sup></a>`;
    const pandoc = await read(
      [`Zie het centrum${ref(1)}.`, `Nogmaals het centrum${ref(1, 'fnref1b')} en de visie${ref(2)}.`, A[2]!],
      `<section><ol><li id="fn1">Centrum De Dobbe, zie ook noot <a href="#fn2">2</a>. <a href="#fnref1">↩</a></li><li id="fn2">Regiovisie, vastgesteld${ref(3)}. <a href="#fnref2">↩</a></li><li id="fn3">Door de raad, in 2022. <a href="#fnref3">↩</a></li></ol></section>`,
    );
    expect(pandoc).toEqual({
      answers: ['Zie het centrum¹.\n\n¹ Centrum De Dobbe, zie ook noot 2.', 'Nogmaals het centrum¹ en de visie².\n\n² Regiovisie, vastgesteld³.\n\n³ Door de raad, in 2022.', A[2]],
      signature: 'Met vriendelijke groet,\n\nde burgemeester',
    });
    // Word's endnote "[i]" beside its footnote "[1]", and LibreOffice's endnote 1 beside its footnote 1: the endnote gets the next number, as from a DOCX.
    const word = await read(
      [`Zie het centrum<a href="#_ftn1" name="_ftnref1">[1]</a>.`, A[1]!, `Zie de visie<a href="#_edn1" name="_ednref1">[i]</a>.`],
      `<div id=ftn1><p><a href="#_ftnref1" name="_ftn1">[1]</a> Centrum De Dobbe.</p></div><div id=edn1><p><a href="#_ednref1" name="_edn1">[i]</a> Regiovisie 2022.</p></div>`,
    );
    const libreoffice = await read(
      [
        `Zie het centrum<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a>.`,
        A[1]!,
        `Zie de visie<a class="sdendnoteanc" name="sdendnote1anc" href="#sdendnote1sym"><sup>1</sup></a>.`,
      ],
      `<div id="sdfootnote1"><p><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>Centrum De Dobbe.</p></div><div id="sdendnote1"><p><a class="sdendnotesym" name="sdendnote1sym" href="#sdendnote1anc">1</a>Regiovisie 2022.</p></div>`,
    );
    // A note with a table: its cells are text of the note.
    const table = await read([`Zie de cijfers${ref(1)}.`, A[1]!, A[2]!], `<section><ol><li id="fn1"><p>Meldingen:</p><table><tr><td>2023</td><td>112</td></tr></table> <a href="#fnref1">↩</a></li></ol></section>`);
    expect(table.answers[0]).toBe('Zie de cijfers¹.\n\n¹ Meldingen: 2023 112');
    for (const memo of [word, libreoffice]) {
      expect(memo).toEqual({ answers: ['Zie het centrum¹.\n\n¹ Centrum De Dobbe.', A[1], 'Zie de visie².\n\n² Regiovisie 2022.'], signature: 'Met vriendelijke groet,\n\nde burgemeester' });
    }
  });

  it('leaves an in-page number link of an HTML memo that is no note as text, and the paragraph it points to where it stands', () => {
    const html =
      `<h2 id="vraag1">Vraag 1: ${Q[0]}</h2><p>Antwoord: ${A[0]}</p>` +
      `<p><b>Vraag 2: ${Q[1]}</b></p><p>Antwoord: Zie bijlage <a href="#bijlage2">2</a> en het antwoord op vraag <a href="#vraag1">1</a>.</p>` +
      `<h2>Bijlagen</h2><p id="bijlage2">2 Meldingen per wijk.</p>`;
    const memo = readAnsweredMemo({ text: '', html }, { questions });
    expect(memo.answers.map((a) => a.answer)).toEqual([A[0], 'Zie bijlage 2 en het antwoord op vraag 1.']);
    expect(memo.parts.map((p) => [p.heading, p.content])).toEqual([['Bijlagen', '2 Meldingen per wijk.']]);
  });

  it('takes only the notes at the end of a text memo, each after a superscript reference to it: a numbered line inside the memo or without a reference stays text', () => {
    const text = [
      `Vraag 1: ${Q[0]}`,
      'Antwoord: Er zijn 112 meldingen gedaan.¹',
      '1 melding is dubbel geteld.',
      `Vraag 2: ${Q[1]}`,
      `Antwoord: ${A[1]}`,
      `Vraag 3: ${Q[2]}`,
      `Antwoord: ${A[2]}`,
      '',
      '2 extra jongerenwerkers',
      '',
      '1 Politie Zwolle, meldingen 2024,',
      'tabel 3.',
    ].join('\n');
    const memo = readAnsweredMemo(text);
    expect(placed(memo)).toEqual([
      'Er zijn 112 meldingen gedaan.¹ 1 melding is dubbel geteld.\n\n¹ Politie Zwolle, meldingen 2024, tabel 3.',
      A[1],
      `${A[2]}\n\n2 extra jongerenwerkers`,
    ]);
  });

  it('reads the tool’s own concept memo back: answers with their markdown, Bronnen left out, the placeholder as no answer', () => {
    const own = `---\nquestion: x\nstatus: concept\n---\n\n# Beantwoording\n\n## Vragen en antwoorden\n\n### Vraag 1\n\n> ${Q[0]}\n\n**Antwoord:**\n\nEr zijn **112** meldingen.\n\n- voorjaar\n- zomer\n\n#### Bronnen\n\n- [koers › 4.3, regels 1–2](../corpus/koers.md#L1-L2) abc "citaat"\n\n### Vraag 2\n\n> ${Q[1]}\n\n**Antwoord:**\n\n_Antwoord nog in te vullen._\n\n## Ondertekening\n\nBurgemeester en wethouders van Zwolle,\n\nburgemeester, P. Snijders\n\nsecretaris, D. Emmer\n`;
    const memo = readAnsweredMemo({ text: own, html: memoToHtml(own) });
    expect(memo.answers.map((a) => [a.number, a.question, a.answer])).toEqual([
      [1, Q[0], 'Er zijn **112** meldingen.\n\n- voorjaar\n- zomer'],
      [2, Q[1], ''],
    ]);
  });
});
