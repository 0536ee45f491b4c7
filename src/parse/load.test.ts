import { loadConfig } from '../config/config.js';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../config/config.js';
import { InputError } from '../errors.js';
import { addDaysIso } from '../documents/deadline.js';
import { isQuestionDocumentText, loadQuestionDocument, loadQuestionSource } from './load.js';
import { renderQuestionDocument } from '../documents/question-document.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'answer-load-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const letter = [
  'Schriftelijke vragen ex artikel 42 RvO over de kermis',
  '',
  'Tilburg, 3 oktober 2024',
  '',
  'Geacht college,',
  '',
  'De kermis is weer voorbij. Wij hebben de volgende vragen:',
  '',
  '1. Hoeveel bezoekers had de kermis dit jaar?',
  '2. Wat kostte de schoonmaak?',
  '',
  'Met vriendelijke groet,',
  'Jan Jansen, GroenLinks',
].join('\n');

describe('isQuestionDocumentText', () => {
  it('needs front matter and an id or a Vraag heading', () => {
    expect(isQuestionDocumentText('---\nid: x\n---\n')).toBe(true);
    expect(isQuestionDocumentText('---\ntitle: x\n---\n## Vraag 1\n\nWat?')).toBe(true);
    expect(isQuestionDocumentText('---\ntitle: x\nlayout: post\n---\nEen brief met vragen.')).toBe(false);
    expect(isQuestionDocumentText('## Vraag 1\n\nWat?')).toBe(false);
  });
});

describe('loadQuestionDocument', () => {
  it('parses a letter and fills id, source, received, kind and deadline', async () => {
    await writeFile(join(dir, 'kermis.txt'), letter);
    const doc = await loadQuestionDocument(join(dir, 'kermis.txt'), { display: 'kermis.txt' });
    expect(doc.source).toBe('kermis.txt');
    expect(doc.id).toMatch(/^[a-z0-9-]+$/);
    expect(doc.kind).toBe('schriftelijke-vragen');
    if (doc.date !== null) {
      expect(doc.received).toBe(doc.date);
      expect(doc.deadline).toBe(addDaysIso(doc.date, 30));
    } else {
      expect(doc.deadline).toBeNull();
    }
  });

  it('reads a question document and recomputes the deadline, warning when the written one differs', async () => {
    const config = parseConfig('{"kinds": {"art-42": {"articles": ["42"], "term": "4 weeks"}}}');
    const md = '---\nid: kermis\narticle: "42"\ndate: 2024-10-03\ndeadline: 2024-12-01\n---\n## Vraag 1\n\nHoeveel?\n';
    await writeFile(join(dir, 'kermis.md'), md);
    const doc = await loadQuestionDocument(join(dir, 'kermis.md'), { config, display: 'questions/kermis.md' });
    expect(doc).toMatchObject({ id: 'kermis', kind: 'art-42', received: '2024-10-03', deadline: '2024-10-31' });
    expect(doc.warnings).toEqual([{ line: 5, message: expect.stringMatching(/^deadline 2024-12-01 differs from received \+ the answer term \(2024-10-31\)/) }]);
  });

  it('takes the id from the file name when the front matter has none', async () => {
    await writeFile(join(dir, 'mijn-vragen.md'), '---\ntitle: x\n---\n## Vraag 1\n\nWat?\n');
    expect((await loadQuestionDocument(join(dir, 'mijn-vragen.md'))).id).toBe('mijn-vragen');
  });

  it('reads a question document from standard input', async () => {
    const md = renderQuestionDocument({
      id: 'x', title: 't', subject: null, article: null, municipality: null, party: null, parties: [], members: [], date: '2025-01-31',
      addressee: null, preamble: '', questions: [{ number: 1, label: null, text: 'Wat?', parts: [] }], footnotes: [], warnings: [],
    });
    const doc = await loadQuestionSource({ name: '-', data: Buffer.from(md) }, { config: defaultConfig() });
    expect(doc.questions[0]!.text).toBe('Wat?');
    expect(doc.deadline).toBe('2025-03-02');
  });

  it('refuses a markdown file opening with a ---js fence instead of reading it as a letter', async () => {
    await writeFile(join(dir, 'brief.md'), '---js\n{ title: "x" }\n---\nGeachte voorzitter,\n\n1. Wat doet het college?\n');
    await expect(loadQuestionDocument(join(dir, 'brief.md'), { display: 'brief.md' })).rejects.toMatchObject({ file: 'brief.md', line: 1, message: expect.stringMatching(/must be YAML/) });
  });

  it('names the file in errors', async () => {
    await expect(loadQuestionDocument(join(dir, 'nope.txt'), { display: 'nope.txt' })).rejects.toMatchObject({ file: 'nope.txt', message: 'no such file' });
    await expect(loadQuestionDocument(dir, { display: 'map' })).rejects.toBeInstanceOf(InputError);
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(2_000));
    await expect(loadQuestionDocument(join(dir, 'big.txt'), { read: { maxBytes: 1_000 } })).rejects.toThrow(/larger than/);
  });
});

describe('the example workspace', () => {
  it('holds question documents that read back without warnings', async () => {
    const folder = fileURLToPath(new URL('../../questions/', import.meta.url));
    const config = await loadConfig(fileURLToPath(new URL('../../', import.meta.url)));
    const files = (await readdir(folder)).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const doc = await loadQuestionDocument(join(folder, file), { display: `questions/${file}`, config });
      expect(doc.warnings).toEqual([]);
      expect(doc.questions.length).toBeGreaterThan(0);
      expect(`${doc.id}.md`).toBe(file);
    }
  });
});
