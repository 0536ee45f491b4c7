import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn, tempWorkspace } from '../test-helpers.js';

const AGENDA = `---
title: Zwolse agenda zorg en veiligheid
date: "2025"
---
# Zwolse agenda zorg en veiligheid

## 1 Urgentie

De politie registreert het aantal meldingen over overlast door een verward persoon of overlast door een dakloos persoon.
De aantallen nemen toe: de politiecijfers zijn in acht jaar tijd verdubbeld.

## 4 Agendapunten

### 4.3 Aanpassen van de systeemwereld op de leefwereld

Uit de signalen vanuit het werkveld blijkt dat de systeemwereld de hulpverlening in de weg zit.
De systeemwereld maakt het onmogelijk om aan te sluiten op de leefwereld van inwoners met complexe problematiek.

De gemeente Zwolle trekt samen met Alkmaar de nieuwe werkgroep Zorg en Veiligheid binnen de G40.
Hier is de kans het grootst om een krachtig gezamenlijk geluid naar het Rijk te laten horen.
`;

const LETTER = `---
id: 2025-04-12-d66-zorg
title: Vragen over zorg en veiligheid
party: D66
date: 2025-04-12
---
## Vraag 1

Hoeveel meldingen over verwarde personen krijgt de politie?

## Vraag 2

Welke pogingen onderneemt het college om bij het Rijk aan te dringen op een andere systeemwereld?
`;

let dir: string;
beforeEach(async () => {
  dir = await tempWorkspace('answer-link-');
  await mkdir(join(dir, 'corpus'));
  await mkdir(join(dir, 'questions'));
  await writeFile(join(dir, 'corpus', 'zwolse-agenda.md'), AGENDA);
  await writeFile(join(dir, 'questions', 'd66.md'), LETTER);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(argv: string[]) {
  return runCliIn(dir, argv);
}

describe('answer link', () => {
  it('prints the contract JSON shape', async () => {
    const { code, out, err } = await run(['link', 'questions/d66.md', '--json', '--top', '2']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out) as { id: string; questions: Array<{ number: number; passages: Array<Record<string, unknown>> }> };
    expect(json.id).toBe('2025-04-12-d66-zorg');
    expect(json.questions.map((q) => q.number)).toEqual([1, 2]);
    const first = json.questions[0]!.passages[0]!;
    expect(Object.keys(first).slice(0, 8)).toEqual(['id', 'doc', 'file', 'heading', 'lines', 'score', 'matched', 'text']);
    expect(first).toMatchObject({ doc: 'zwolse-agenda', file: 'corpus/zwolse-agenda.md', heading: ['Zwolse agenda zorg en veiligheid', '1 Urgentie'] });
    expect(first.matched).toEqual(expect.arrayContaining(['meldingen', 'politie']));
    expect(json.questions[1]!.passages[0]!.heading).toContain('4.3 Aanpassen van de systeemwereld op de leefwereld');
    for (const q of json.questions) expect(q.passages.length).toBeLessThanOrEqual(2);
  });

  it('prints per question the heading path, file and lines, score, matched words and a quote', async () => {
    const { code, out } = await run(['link', 'questions/d66.md']);
    expect(code).toBe(0);
    expect(out).toContain('Vraag 1: Hoeveel meldingen over verwarde personen krijgt de politie?');
    expect(out).toMatch(/1\. +\d+\.\d\d {2}Zwolse agenda zorg en veiligheid › 1 Urgentie/);
    expect(out).toMatch(/corpus\/zwolse-agenda\.md:\d+-\d+ {2}matched: meldingen, verwarde, personen, politie/);
    expect(out).toContain('"De politie registreert het aantal meldingen');
  });

  it('keeps the index in .answer/ and reuses it: a bad file is reported on every run, and deleting the index only costs time', async () => {
    await writeFile(join(dir, 'corpus', 'kapot.md'), '---\ntitle: "open\n---\n# x\n');
    const first = await run(['link', 'questions/d66.md', '--json']);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/^corpus\/kapot\.md:2 {2}error: /);
    expect(await readdir(join(dir, '.answer'))).toContain('index.bin');
    expect(await run(['link', 'questions/d66.md', '--json'])).toEqual(first);
    await rm(join(dir, '.answer'), { recursive: true });
    expect(await run(['link', 'questions/d66.md', '--json'])).toEqual(first);
  });

  it('refuses a bad --top with one line and exit 2', async () => {
    const { code, err } = await run(['link', 'questions/d66.md', '--top', 'veel']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toEqual(['--top must be a whole number from 1 to 1000, not "veel"']);
  });

  it('reads the corpus folders and the default top from answer.config.json', async () => {
    await mkdir(join(dir, 'beleid'));
    await writeFile(join(dir, 'beleid', 'agenda.md'), AGENDA);
    await writeFile(join(dir, 'answer.config.json'), JSON.stringify({ corpus: ['beleid'], top: 1 }));
    const { code, out } = await run(['link', 'questions/d66.md', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { questions: Array<{ passages: Array<{ file: string }> }> };
    for (const q of json.questions) {
      expect(q.passages).toHaveLength(1);
      expect(q.passages[0]!.file).toBe('beleid/agenda.md');
    }
  });

  it('says so when the corpus is empty', async () => {
    await rm(join(dir, 'corpus', 'zwolse-agenda.md'));
    const { code, err } = await run(['link', 'questions/d66.md']);
    expect(code).toBe(2);
    expect(err).toMatch(/^corpus\/ {2}the corpus has no passages/);
  });

  it('reports a letter without questions as an input error', async () => {
    await writeFile(join(dir, 'leeg.txt'), 'Geachte college,\n\nDank voor uw brief.\n');
    const { code, err } = await run(['link', 'leeg.txt']);
    expect(code).toBe(2);
    expect(err).toMatch(/^leeg\.txt {2}no questions found/);
  });
});

describe('answer search', () => {
  it('ranks passages for free words', async () => {
    const { code, out } = await run(['search', 'G40 werkgroep', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { query: string; passages: Array<{ matched: string[]; heading: string[] }> };
    expect(json.query).toBe('G40 werkgroep');
    expect(json.passages[0]!.matched).toEqual(['G40', 'werkgroep']);
  });

  it('uses the synonyms of corpus/synoniemen.txt, says through which phrase a passage matched, and warns about a bad line', async () => {
    await writeFile(join(dir, 'corpus', 'synoniemen.txt'), '# eigen woorden van de griffie\nzwervers => dakloos persoon\nkapot =>\n');
    const text = await run(['search', 'zwervers']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('via synoniem: dakloos persoon');
    expect(text.err).toBe('corpus/synoniemen.txt:3  warning: an arrow needs phrases on both sides; the line is skipped\n');
    const json = JSON.parse((await run(['search', 'zwervers', '--json'])).out) as { passages: Array<{ synonyms: string[]; matched: string[] }> };
    expect(json.passages[0]!.synonyms).toEqual(['dakloos persoon']);
    expect(json.passages[0]!.matched).toEqual([]);
  });

  it('refuses a query of only stopwords or punctuation with one line and exit 2', async () => {
    for (const words of ['de het een', '?!...']) {
      const { code, out, err } = await run(['search', words]);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain('only stopwords or punctuation');
    }
  });
});

describe('answer eval', () => {
  const gold = {
    questions: [
      { n: 1, q: 'Hoeveel meldingen krijgt de politie?', gold: [{ doc: 'zwolse-agenda', snippet: 'politiecijfers zijn in acht jaar tijd verdubbeld' }] },
      { n: 2, q: 'Wat doet het college richting het Rijk?', gold: [{ doc: 'zwolse-agenda', snippet: 'werkgroep Zorg en Veiligheid binnen de G40' }] },
      { n: 3, q: 'Iets anders?', gold: [{ doc: 'zwolse-agenda', snippet: 'tekst die nergens staat' }] },
    ],
  };

  it('prints hit@1, hit@5, recall@5, recall@10, MRR and nDCG@10, and warns about gold no passage holds', async () => {
    await writeFile(join(dir, 'gold.json'), JSON.stringify(gold));
    const { code, out, err } = await run(['eval', 'gold.json', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { questions: number; metrics: Record<string, number> };
    expect(json.questions).toBe(3);
    expect(Object.keys(json.metrics)).toEqual(['hit@1', 'hit@5', 'recall@5', 'recall@10', 'MRR', 'nDCG@10']);
    expect(json.metrics['hit@5']).toBeCloseTo(2 / 3);
    expect(err).toContain('gold.json  question 3: no passage of zwolse-agenda contains "tekst die nergens staat"');
    const text = await run(['eval', 'gold.json']);
    expect(text.out).toMatch(/hit@1 [\d.]+ {2}hit@5 0\.667 {2}recall@5/);
  });

  it('names the gold file when it is broken', async () => {
    await writeFile(join(dir, 'gold.json'), '{"questions": [{"q": "x"}]}');
    const { code, err } = await run(['eval', 'gold.json']);
    expect(code).toBe(2);
    expect(err.trim()).toBe('gold.json  questions[0] needs "gold", a list of {doc, snippet}');
  });
});
