import { describe, expect, it } from 'vitest';
import { MAX_WORDS, MIN_WORDS, splitPassages } from './split-passages.js';

const sentence = (n: number, word = 'woord'): string => `${'Dit '.concat(Array.from({ length: n - 2 }, () => word).join(' '))} eind.`;
const words = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

const DOC = `---
title: Zwolse agenda zorg en veiligheid
date: "2025"
source: agenda.txt
---
# Zwolse agenda zorg en veiligheid

## 4 Agendapunten

${sentence(40, 'agenda')}

### 4.3 Samenwerking met de politie

${sentence(30, 'politie')}
${sentence(30, 'triage')}

De sterke punten zijn:

- ${sentence(20, 'netwerk')}
- ${sentence(20, 'vertrouwen')}

### 4.4 Communicatie

${sentence(35, 'communicatie')}
`;

const split = (markdown: string) => splitPassages(markdown, { file: 'corpus/agenda.md', doc: 'agenda' });

describe('splitPassages', () => {
  it('gives each passage its heading path from the document title down', () => {
    const { passages, problems } = split(DOC);
    expect(problems).toEqual([]);
    expect(passages.map((p) => p.heading)).toEqual([
      ['Zwolse agenda zorg en veiligheid', '4 Agendapunten'],
      ['Zwolse agenda zorg en veiligheid', '4 Agendapunten', '4.3 Samenwerking met de politie'],
      ['Zwolse agenda zorg en veiligheid', '4 Agendapunten', '4.4 Communicatie'],
    ]);
    expect(passages.every((p) => p.doc === 'agenda' && p.file === 'corpus/agenda.md' && p.title === 'Zwolse agenda zorg en veiligheid' && p.kind === 'policy')).toBe(true);
  });

  it('gives line ranges in the file (front matter counted) that hold the passage text', () => {
    const lines = DOC.split('\n');
    for (const p of split(DOC).passages) {
      const slice = lines.slice(p.lines[0] - 1, p.lines[1]).join(' ').replace(/^[-#>\s]+|\s+-\s/g, ' ').replace(/\s+/g, ' ');
      for (const part of p.text.split('\n')) expect(slice).toContain(part.replace(/^- /, '').trim());
    }
    expect(split(DOC).passages[0]!.lines).toEqual([10, 10]);
  });

  it('packs the blocks of one section into passages of at most MAX_WORDS, whole blocks, in order', () => {
    const { passages } = split(DOC);
    const section = passages[1]!;
    expect(section.text).toBe(`${sentence(30, 'politie')} ${sentence(30, 'triage')}\n\nDe sterke punten zijn:\n\n- ${sentence(20, 'netwerk')}\n- ${sentence(20, 'vertrouwen')}`);
    expect(section.lines).toEqual([14, 20]);
    const four = Array.from({ length: 4 }, (_, i) => sentence(60, `p${i}`)).join('\n\n');
    expect(split(`# T\n\n${four}\n`).passages.map((p) => words(p.text))).toEqual([120, 120]);
    expect(MAX_WORDS).toBe(150);
  });

  it('keeps an intro with the list after it when the list does not fit in the passage before', () => {
    const md = `# T\n\n${sentence(120, 'lang')}\n\nDe sterke punten zijn:\n\n- ${sentence(20, 'netwerk')}\n- ${sentence(20, 'vertrouwen')}\n`;
    const { passages } = split(md);
    expect(passages.map((p) => words(p.text))).toEqual([120, 44]);
    expect(passages[1]!.text.startsWith('De sterke punten zijn:\n\n- Dit netwerk')).toBe(true);
  });

  it('joins an intro under MIN_WORDS to a list too long to share a passage with it', () => {
    const items = Array.from({ length: 8 }, (_, i) => `- ${sentence(30, `item${i}`)}`).join('\n');
    const { passages } = split(`# T\n\nDe punten zijn:\n\n${items}\n`);
    expect(passages[0]!.text.startsWith('De punten zijn:\n\n- Dit item0')).toBe(true);
    expect(MIN_WORDS).toBe(25);
  });

  it('joins a tiny last block to the one before it, within its section only', () => {
    const md = `# T\n\n## A\n\n${sentence(40)}\n\nKort slot.\n\n## B\n\nOok kort.\n`;
    const { passages } = split(md);
    expect(passages.map((p) => [p.heading.at(-1), words(p.text)])).toEqual([['A', 42], ['B', 2]]);
  });

  it('splits a block over MAX_WORDS between sentences into near-equal parts', () => {
    const long = Array.from({ length: 10 }, (_, i) => sentence(30, `w${i}`)).join('\n');
    const { passages } = split(`# T\n\n${long}\n`);
    expect(passages.map((p) => words(p.text))).toEqual([150, 150]);
    for (const p of passages) {
      expect(words(p.text)).toBeLessThanOrEqual(MAX_WORDS);
      expect(p.text).toMatch(/^Dit .* eind\.$/);
    }
    // One sentence per line in the file: the parts' line ranges follow each other.
    expect(passages[0]!.lines).toEqual([3, 7]);
    expect(passages[1]!.lines[0]).toBe(passages[0]!.lines[1] + 1);
  });

  it('splits a long list between items', () => {
    const items = Array.from({ length: 8 }, (_, i) => `- ${sentence(30, `item${i}`)}`).join('\n');
    const { passages } = split(`# T\n\n${items}\n`);
    expect(passages.length).toBe(2);
    expect(passages.map((p) => p.text.split('\n').length)).toEqual([4, 4]);
  });

  it('keeps ids when text in another section changes, and changes only the edited section’s ids', () => {
    const before = split(DOC).passages.map((p) => p.id);
    const edited = DOC.replace('## 4 Agendapunten\n', '## 4 Agendapunten\n\nEen nieuwe alinea vooraan in dit hoofdstuk van de agenda.\n').replace(
      sentence(35, 'communicatie'),
      sentence(36, 'communicatie'),
    );
    const after = split(edited).passages.map((p) => p.id);
    expect(after).toHaveLength(3);
    expect(after[1]).toBe(before[1]);
    expect(after[0]).not.toBe(before[0]);
    expect(after[2]).not.toBe(before[2]);
    // Renumbering a section ("4.3" → "5.3") keeps the ids below it.
    expect(split(DOC.replace('### 4.3 Samenwerking', '### 5.3 Samenwerking')).passages.map((p) => p.id)).toEqual(before);
  });

  it('numbers exact duplicates within a section, and only those', () => {
    const para = sentence(100, 'herhaald');
    const { passages } = split(`# T\n\n## A\n\n${para}\n\n${para}\n\n## B\n\n${para}\n`);
    const [a1, a2, b] = passages.map((p) => p.id);
    expect(a2).toBe(`${a1}-2`);
    expect(b!.endsWith('-2')).toBe(false);
    expect(a1).toMatch(/^agenda:[0-9a-f]{6}-[0-9a-f]{8}$/);
  });

  it('reports broken front matter as a problem instead of throwing', () => {
    const { passages, problems } = split('---\ntitle: [unclosed\n---\n# T\n\nTekst.\n');
    expect(passages).toEqual([]);
    expect(problems.map((p) => [p.code, p.severity, p.file])).toEqual([['corpus/front-matter', 'error', 'corpus/agenda.md']]);
  });

  it('uses the slug for a document without a title, with a warning', () => {
    const { passages, problems } = split(`${sentence(30)}\n`);
    expect(passages[0]!.heading).toEqual(['agenda']);
    expect(problems.map((p) => p.code)).toEqual(['corpus/no-title']);
  });
});
