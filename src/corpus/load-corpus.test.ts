import { mkdtemp, mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, MAX_CORPUS_FILE_BYTES } from './load-corpus.js';

const POLICY = `---
title: Zwolse agenda
date: "2025"
source: agenda.txt
---
# Zwolse agenda

## 4.3 Samenwerking met de politie

Het project Triage op straat wordt in 2025 uitgevoerd in Zwolle, waarbij hulpverleners van Team VIA en Dimence samenwerken met de politie bij meldingen van verward gedrag.
`;

const ANSWER = `---
question: 2025-04-12-d66-regionale-zorg-en-veiligheid
status: vastgesteld
---
# Beantwoording

## Vraag 1

> Is het college bekend met de toename van meldingen van verward gedrag?

Ja. Het college is bekend met de toename en werkt met de politie aan Triage op straat.

### Bronnen

- [Zwolse agenda › 4.3, regels 9–9](corpus/agenda.md#L9-L9) agenda:000000-00000000 "Triage op straat"

## Vraag 2

> Wat doet het college?

Zie het antwoord op vraag 1.

## Vraag 3

> En verder?

_Antwoord nog in te vullen._
`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'answer-corpus-'));
  await mkdir(join(dir, 'corpus'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadCorpus', () => {
  it('reads every markdown file of corpus/ into passages, with a content hash per file', async () => {
    await writeFile(join(dir, 'corpus', 'agenda.md'), POLICY);
    await mkdir(join(dir, 'corpus', 'oud'));
    await writeFile(join(dir, 'corpus', 'oud', 'nota.md'), POLICY.replaceAll('Zwolse agenda', 'Oude nota'));
    await writeFile(join(dir, 'corpus', 'notities.txt'), 'geen markdown');
    const corpus = await loadCorpus(dir, { answers: null });
    expect(corpus.problems).toEqual([]);
    expect(corpus.files.map((f) => f.file)).toEqual(['corpus/agenda.md', 'corpus/oud/nota.md']);
    expect(corpus.files[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(corpus.passages.map((p) => [p.doc, p.file, p.heading.join(' › '), p.lines])).toEqual([
      ['agenda', 'corpus/agenda.md', 'Zwolse agenda › 4.3 Samenwerking met de politie', [10, 10]],
      ['nota', 'corpus/oud/nota.md', 'Oude nota › 4.3 Samenwerking met de politie', [10, 10]],
    ]);
  });

  it('reports a bad file and goes on with the others: broken front matter, empty, binary, not UTF-8, too large', async () => {
    await writeFile(join(dir, 'corpus', 'a-goed.md'), POLICY);
    await writeFile(join(dir, 'corpus', 'b-kapot.md'), '---\ntitle: "open\n---\n# x\n');
    await writeFile(join(dir, 'corpus', 'c-leeg.md'), ' \n\n');
    await writeFile(join(dir, 'corpus', 'd-binair.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    await writeFile(join(dir, 'corpus', 'e-latin1.md'), Buffer.from('caf\xe9 en zo', 'latin1'));
    await writeFile(join(dir, 'corpus', 'f-groot.md'), '');
    await truncate(join(dir, 'corpus', 'f-groot.md'), MAX_CORPUS_FILE_BYTES + 1);
    await writeFile(join(dir, 'corpus', 'g-ook-goed.md'), POLICY.replaceAll('Zwolse agenda', 'Tweede'));
    const corpus = await loadCorpus(dir, { answers: null });
    expect(corpus.problems.map((p) => [p.file, p.code, p.severity])).toEqual([
      ['corpus/b-kapot.md', 'corpus/front-matter', 'error'],
      ['corpus/c-leeg.md', 'corpus/empty', 'error'],
      ['corpus/d-binair.md', 'corpus/binary', 'error'],
      ['corpus/e-latin1.md', 'corpus/binary', 'error'],
      ['corpus/f-groot.md', 'corpus/too-large', 'error'],
    ]);
    expect(corpus.problems[0]!.line).toBe(2);
    expect([...new Set(corpus.passages.map((p) => p.file))]).toEqual(['corpus/a-goed.md', 'corpus/g-ook-goed.md']);
  });

  it('parses only the files whose hash `known` does not hold, and gives back the problems recorded for the others', async () => {
    await writeFile(join(dir, 'corpus', 'a-bekend.md'), POLICY);
    await writeFile(join(dir, 'corpus', 'b-gewijzigd.md'), POLICY.replaceAll('Zwolse agenda', 'Tweede'));
    // Broken front matter, recorded as fine: that no problem comes back shows it was not parsed.
    await writeFile(join(dir, 'corpus', 'c-bekend-kapot.md'), '---\ntitle: "open\n---\n# x\n');
    await writeFile(join(dir, 'corpus', 'd-bekend-zonder-titel.md'), '# Zonder titel\n\nTekst.\n');
    await writeFile(join(dir, 'corpus', 'e-binair.md'), Buffer.from([0x25, 0x50, 0x00]));
    const first = await loadCorpus(dir, { answers: null });
    const hash = new Map(first.files.map((f) => [f.file, f.hash]));
    const noTitle = first.problems.filter((p) => p.file === 'corpus/d-bekend-zonder-titel.md');
    expect(noTitle.map((p) => p.code)).toEqual(['corpus/no-title']);
    const known = new Map([
      ['corpus/a-bekend.md', { hash: hash.get('corpus/a-bekend.md')! }],
      ['corpus/b-gewijzigd.md', { hash: 'an older version' }],
      ['corpus/c-bekend-kapot.md', { hash: hash.get('corpus/c-bekend-kapot.md')! }],
      ['corpus/d-bekend-zonder-titel.md', { hash: hash.get('corpus/d-bekend-zonder-titel.md')!, problems: noTitle }],
    ]);
    const warm = await loadCorpus(dir, { answers: null, known });
    expect(warm.files.map((f) => [f.file, f.parsed])).toEqual([
      ['corpus/a-bekend.md', false],
      ['corpus/b-gewijzigd.md', true],
      ['corpus/c-bekend-kapot.md', false],
      ['corpus/d-bekend-zonder-titel.md', false],
    ]);
    expect([...new Set(warm.passages.map((p) => p.file))]).toEqual(['corpus/b-gewijzigd.md']);
    expect(warm.problems.map((p) => [p.file, p.code])).toEqual([
      ['corpus/d-bekend-zonder-titel.md', 'corpus/no-title'],
      ['corpus/e-binair.md', 'corpus/binary'],
    ]);
    expect(warm.files.find((f) => f.file === 'corpus/d-bekend-zonder-titel.md')!.problems).toEqual(noTitle);
  });

  it('says so when the corpus folder is missing', async () => {
    const corpus = await loadCorpus(dir, { folders: ['beleid'], answers: null });
    expect(corpus.problems.map((p) => [p.code, p.file])).toEqual([['corpus/no-folder', 'beleid']]);
    expect(corpus.passages).toEqual([]);
  });

  it('adds one passage per written answer in answers/, marked with the question document it answers', async () => {
    await mkdir(join(dir, 'answers'));
    await writeFile(join(dir, 'answers', '2025-04-12-d66-regionale-zorg-en-veiligheid.md'), ANSWER);
    const corpus = await loadCorpus(dir);
    expect(corpus.files.map((f) => f.file)).toEqual(['answers/2025-04-12-d66-regionale-zorg-en-veiligheid.md']);
    expect(corpus.passages).toHaveLength(1);
    const [p] = corpus.passages;
    expect(p).toMatchObject({
      kind: 'answer',
      question: '2025-04-12-d66-regionale-zorg-en-veiligheid',
      doc: '2025-04-12-d66-regionale-zorg-en-veiligheid',
      file: 'answers/2025-04-12-d66-regionale-zorg-en-veiligheid.md',
      heading: ['Antwoord op 2025-04-12-d66-regionale-zorg-en-veiligheid', 'Vraag 1'],
      lines: [7, 11],
      text: '> Is het college bekend met de toename van meldingen van verward gedrag?\n\nJa. Het college is bekend met de toename en werkt met de politie aan Triage op straat.',
    });
  });
});
