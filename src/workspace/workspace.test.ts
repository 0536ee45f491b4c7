import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readQuestionDocument } from '../documents/question-document.js';
import { initWorkspace } from './init.js';
import { openWorkspace, type ProgressEvent } from './workspace.js';

let base: string;
let dir: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'answer-workspace-'));
  dir = join(base, 'raad');
  await initWorkspace({ dir, municipality: 'Zwolle' });
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const letter = (title: string, questions: string[], date = '12 april 2025') => `${title}

Zwolle, ${date}

Geacht college,

${questions.map((q, i) => `${i + 1}. ${q}`).join('\n')}

Met vriendelijke groet,

Fractie D66
`;

const QUESTIONS = ['Hoeveel woningen voor beschermd wonen zijn er in Zwolle?', 'Wanneer komt de nieuwe woonzorgvisie naar de raad?'];

async function importOne(name = 'brief.txt', text = letter('Vragen over beschermd wonen', QUESTIONS)) {
  await writeFile(join(dir, name), text);
  const ws = await openWorkspace({ dir });
  return ws.importLetters([name]);
}

describe('openWorkspace', () => {
  it('finds the workspace from a folder inside it, and refuses outside one', async () => {
    const ws = await openWorkspace({ dir: join(dir, 'questions') });
    expect(ws.root).toBe(dir);
    expect(ws.config.municipality).toBe('Zwolle');
    await expect(openWorkspace({ dir: base })).rejects.toThrow('no answer.config.json here or in a parent folder; run `answer init` to make a workspace');
    const optional = await openWorkspace({ dir: base, optional: true });
    expect(optional.config.file).toBeNull();
  });
});

describe('init', () => {
  it('refuses a folder that is a workspace already, and adds only missing lines to a .gitignore', async () => {
    await expect(initWorkspace({ dir })).rejects.toThrow(/answer\.config\.json exists: this folder is a workspace already/);
    const other = join(base, 'ander');
    await mkdir(other);
    await writeFile(join(other, '.gitignore'), 'node_modules/\n.answer/\n');
    const report = await initWorkspace({ dir: other });
    expect(report.enclosing).toBeNull();
    const ignore = await readFile(join(other, '.gitignore'), 'utf8');
    expect(ignore.startsWith('node_modules/\n.answer/\n')).toBe(true);
    expect(ignore.match(/^\.answer\/$/gm)).toHaveLength(1);
    expect(ignore).toContain('answers/*.docx');
  });
});

describe('import', () => {
  it('recognises a letter imported before under another name and refuses it with the existing id', async () => {
    const first = await importOne();
    const id = first.imported[0]!.id;
    const again = await importOne('kopie.txt', letter('Vragen over woonvoorzieningen', QUESTIONS));
    expect(again.imported).toEqual([]);
    expect(again.failed[0]!.error.message).toContain(`this letter is already imported as ${id}`);
    const asNew = await openWorkspace({ dir }).then((ws) => ws.importLetters(['kopie.txt'], { asNew: true }));
    expect(asNew.imported[0]!.id).not.toBe(id);
    expect((await readdir(join(dir, 'questions'))).length).toBe(2);
  });

  it('updates the letter with --force and keeps what people added', async () => {
    const { imported } = await importOne();
    const file = join(dir, 'questions', `${imported[0]!.id}.md`);
    const ws = await openWorkspace({ dir });
    await ws.record(imported[0]!.id, { received: '2025-04-15', uitstelUntil: '2025-06-30', reason: 'overleg met de regio', kind: 'schriftelijke-vragen' });
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n---\n/, '\nbehandelaar: M. de Vries\n---\n'));
    await writeFile(join(dir, 'brief.txt'), letter('Vragen over beschermd wonen', [...QUESTIONS, 'Wat kost een plek per jaar?']));
    const report = await ws.importLetters(['brief.txt'], { force: true });
    expect(report.imported[0]!.write.action).toBe('replaced');
    const text = await readFile(file, 'utf8');
    const doc = readQuestionDocument(text);
    expect(doc.questions).toHaveLength(3);
    expect(doc.received).toBe('2025-04-15');
    expect(doc.uitstel).toEqual({ date: null, reason: 'overleg met de regio', until: '2025-06-30' });
    expect(doc.deadline).toBe('2025-06-30');
    expect(text).toContain('behandelaar: M. de Vries');
  });
});

describe('record', () => {
  it('validates what it is given before writing anything', async () => {
    const { imported } = await importOne();
    const id = imported[0]!.id;
    const ws = await openWorkspace({ dir });
    const file = join(dir, 'questions', `${id}.md`);
    const before = await readFile(file, 'utf8');
    const cases: Array<[Parameters<typeof ws.record>[1], RegExp]> = [
      [{ received: '9999-12-31' }, /--received must be a date between 1900 and 2199/],
      [{ received: '2025-02-30' }, /--received must be a date as YYYY-MM-DD/],
      [{ uitstelUntil: '2025-06-01' }, /an uitstel needs its reason/],
      [{ reason: 'waarom' }, /belong to an uitstel/],
      [{ kind: 'geheime-vragen' }, /--kind must be a kind in answer.config.json \(schriftelijke-vragen\)/],
      [{ uitstelUntil: '2025-01-01', reason: 'x' }, /is before the letter was received/],
      [{}, /nothing to record/],
      [{ vastgesteld: '2025-05-01' }, /no answer document for/],
    ];
    for (const [changes, message] of cases) await expect(ws.record(id, changes), JSON.stringify(changes)).rejects.toThrow(message);
    expect(await readFile(file, 'utf8')).toBe(before);
    await expect(ws.record('bestaat-niet', { received: '2025-05-01' })).rejects.toThrow(/no such file or question document id/);
  });

  it('says an uitstel whose reason spans lines on one line, and keeps the reason as given', async () => {
    const { imported } = await importOne();
    const ws = await openWorkspace({ dir });
    const report = await ws.record(imported[0]!.id, { uitstelUntil: '2025-06-30', reason: 'overleg met\nde regio' });
    expect(report.changes[0]).toBe('uitstel until 2025-06-30 (overleg met de regio)');
    const doc = readQuestionDocument(await readFile(join(dir, 'questions', `${imported[0]!.id}.md`), 'utf8'));
    expect(doc.uitstel?.reason).toBe('overleg met\nde regio');
  });

  it('changes only the front matter: the body a person edited stays byte for byte', async () => {
    const { imported } = await importOne();
    const file = join(dir, 'questions', `${imported[0]!.id}.md`);
    const edited = `${await readFile(file, 'utf8')}\n<!-- opmerking van de griffie -->\n`;
    await writeFile(file, edited);
    const ws = await openWorkspace({ dir });
    const report = await ws.record(imported[0]!.id, { received: '2025-04-20' });
    expect(report.changes).toEqual(['received 2025-04-20 (was 2025-04-12)', 'deadline 2025-05-20 (was 2025-05-12)']);
    const after = await readFile(file, 'utf8');
    expect(after.slice(after.indexOf('\n---\n'))).toBe(edited.slice(edited.indexOf('\n---\n')));
  });
});

describe('restore', () => {
  it('lists the kept versions newest first and puts one back, keeping the current one', async () => {
    const { imported } = await importOne();
    const id = imported[0]!.id;
    const file = join(dir, 'questions', `${id}.md`);
    const original = await readFile(file, 'utf8');
    const ws = await openWorkspace({ dir });
    await ws.record(id, { received: '2025-04-20' });
    const recorded = await readFile(file, 'utf8');
    const listed = await ws.restore(id);
    expect(listed.versions.map((v) => v.n)).toEqual([1]);
    const restored = await ws.restore(id, '1');
    expect(restored.restored?.write.action).toBe('replaced');
    expect(await readFile(file, 'utf8')).toBe(original);
    expect((await ws.restore(id)).versions).toHaveLength(2);
    expect(await readFile(join(dir, (await ws.restore(id)).versions[0]!.file), 'utf8')).toBe(recorded);
    await expect(ws.restore(id, '9')).rejects.toThrow(/no version "9"/);
  });
});

describe('progress', () => {
  it('reports the files read and indexed while the index is built', async () => {
    await writeFile(join(dir, 'corpus', 'nota.md'), '---\ntitle: Nota\n---\n\n# Nota\n\n## Wonen\n\nBeschermd wonen in de wijk, met begeleiding.\n');
    await importOne();
    const events: ProgressEvent[] = [];
    const ws = await openWorkspace({ dir, onProgress: (event) => events.push(event) });
    await ws.search('beschermd wonen');
    expect(events.some((e) => e.task === 'reading corpus')).toBe(true);
    expect(events.some((e) => e.task === 'indexing')).toBe(true);
  });
});
