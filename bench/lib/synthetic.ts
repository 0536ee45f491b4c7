/**
 * A synthetic corpus `scale` times the seed corpus, generated at bench time (never committed):
 * every copy recombines the sentences of the seed passages (a passage keeps its length but takes
 * sentences from other passages of the same document) and varies the vocabulary (one word in
 * eight gets a copy-specific suffix), so the vocabulary grows with the corpus as in a real one
 * instead of repeating 100 times.
 */
import type { Passage } from '../../src/index.js';
import { escapeHeading, escapeLineStart, escapeText } from '../../src/text/markdown-escape.js';

/** Deterministic PRNG (mulberry32), so every run measures the same data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
}

export function syntheticCorpus(seed: readonly Passage[], scale: number): { passages: Passage[]; files: Array<{ file: string; hash: string }> } {
  const rnd = random(42);
  const byDoc = new Map<string, string[]>();
  for (const p of seed) {
    const list = byDoc.get(p.doc) ?? [];
    list.push(...sentences(p.text));
    byDoc.set(p.doc, list);
  }
  const passages: Passage[] = [];
  const files: Array<{ file: string; hash: string }> = [];
  for (let copy = 0; copy < scale; copy++) {
    const seen = new Set<string>();
    for (const p of seed) {
      const doc = `${p.doc}-${copy}`;
      const file = `corpus/${doc}.md`;
      if (!seen.has(file)) {
        seen.add(file);
        files.push({ file, hash: `synthetic-${copy}` });
      }
      const pool = byDoc.get(p.doc)!;
      const n = Math.max(1, sentences(p.text).length);
      const picked: string[] = [];
      for (let i = 0; i < n; i++) picked.push(pool[Math.floor(rnd() * pool.length)]!);
      const text = picked
        .join(' ')
        .replace(/\p{L}{4,}/gu, (w) => (rnd() < 0.125 ? `${w}${String.fromCharCode(97 + (copy % 26))}${Math.floor(copy / 26)}` : w));
      passages.push({ ...p, id: `${p.id}~${copy}`, doc, file, text, heading: p.heading.map((h) => h), lines: p.lines });
    }
  }
  return { passages, files };
}

/**
 * A synthetic corpus as markdown files, one per document, as `answer corpus add` would leave
 * them: front matter with the title (and date), the heading path as headings, each passage a
 * block, escaped as the converter escapes text (render-markdown.ts). Splitting them again gives
 * passages of about the same sizes. Unescaped, the passages' plain text (a line "12." or "-" of a
 * passage cut from a list) wrote empty list items the markdown fast path hands to remark, so the
 * 100× bench measured remark on 2 of 3 files where a converted corpus takes the fast path.
 */
export function syntheticMarkdown(passages: readonly Passage[]): Array<{ file: string; markdown: string }> {
  const byFile = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  return [...byFile].map(([file, list]) => {
    const first = list[0]!;
    const lines = ['---', `title: ${JSON.stringify(first.title)}`, ...(first.date ? [`date: "${first.date}"`] : []), '---', '', `# ${escapeHeading(first.title)}`, ''];
    let path: string[] = [first.title];
    for (const p of list) {
      let same = 0;
      while (same < p.heading.length && same < path.length && p.heading[same] === path[same]) same++;
      for (let level = Math.max(1, same); level < p.heading.length; level++) lines.push(`${'#'.repeat(Math.min(6, level + 1))} ${escapeHeading(p.heading[level]!)}`, '');
      path = p.heading;
      lines.push(p.text.split('\n').map((line) => escapeLineStart(escapeText(line))).join('\n'), '');
    }
    return { file, markdown: lines.join('\n') };
  });
}
