import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertPolicyDocument } from './convert-policy.js';
import { FOOTNOTES_HEADING } from './render-markdown.js';
import { splitPassages } from './split-passages.js';

const SEEDS = new URL('../../test/fixtures/seeds/policy/', import.meta.url);
const CORPUS = new URL('../../corpus/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, SEEDS), 'utf8');

/**
 * Words as the word-loss test counts them: runs of letters and digits after joining hyphenation
 * (a hyphen between word characters is dropped, also across a line end or a space, so
 * "centrum-\ngemeente", "centrumgemeente" and "centrum-gemeente" count alike). Footnote
 * references are read back the way the source printed them ("veiligheid[^1]" → "veiligheid1");
 * references the converter numbered for an unreadable glyph marker ("[^v1]") count as nothing,
 * like the glyph.
 */
function words(text: string): Map<string, number> {
  const normal = text
    .normalize('NFC')
    .replace(/[\u00ad\ufffd]/g, '')
    .replace(/\[\^v\d+\]:?/g, '')
    .replace(/\[\^(\d+)(?:-\d+)?\]:?/g, '$1')
    .replace(/(?<=[\p{L}\p{N}])[-\u2010\u2011][ \t]*\n?[ \t]*(?=\p{L})/gu, '')
    // A word broken over a column end, with a blank line in between ("PGB-hou-" / "" / "ders").
    .replace(/(?<=[\p{L}\p{N}])[-\u2010\u2011][ \t]*(?:\n[ \t]*){2,}(?=\p{Ll})/gu, '');
  const counts = new Map<string, number>();
  for (const w of normal.match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function minus(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [w, n] of a) for (let i = (b.get(w) ?? 0); i < n; i++) out.push(w);
  return out.sort();
}

/**
 * A word broken at a line end with a page's footnotes or a page break in between ("invoe-" …
 * "ringsproces") is joined by the converter but cannot be joined by `words`: accept each joined
 * word whose two halves the source shows as "a-" at a line end and "b" at the start of a line.
 */
function acceptJoins(source: string, missing: string[], added: string[]): { missing: string[]; added: string[]; joined: string[] } {
  const m = [...missing];
  const a = [...added];
  const joined: string[] = [];
  for (const word of added) {
    for (let cut = 1; cut < word.length; cut++) {
      const left = word.slice(0, cut);
      const right = word.slice(cut);
      const i = m.indexOf(left);
      const j = m.indexOf(right);
      if (i < 0 || j < 0 || i === j) continue;
      const broken = new RegExp(`(?:^|[^\\p{L}])${left}-\\s*$`, 'mu').test(source) && new RegExp(`^\\s*${right}(?:[^\\p{L}]|$)`, 'mu').test(source);
      if (!broken) continue;
      m.splice(Math.max(i, j), 1);
      m.splice(Math.min(i, j), 1);
      a.splice(a.indexOf(word), 1);
      joined.push(`${left}-${right}`);
      break;
    }
  }
  return { missing: m, added: a, joined };
}

function wordCheck(name: string, text: string) {
  const result = convertPolicyDocument(text, { file: name });
  const body = result.markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const source = words(text);
  const output = words(body);
  const furniture = words(result.removed.map((r) => r.text).join('\n'));
  const generated = words(`${result.title} ${FOOTNOTES_HEADING}`);
  const { missing, added, joined } = acceptJoins(text, minus(source, output), minus(output, source));
  return { result, missing, added, joined, furniture: minus(furniture, new Map()), generated: minus(generated, new Map()) };
}

describe('converting the three policy seeds loses no word of the body text', () => {
  it('keeps every word of the Zwolse agenda zorg en veiligheid; adds only its title and "Voetnoten"', () => {
    const name = 'zwolse-agenda-zorg-en-veiligheid-2025-2026.txt';
    const check = wordCheck(name, read(name));
    expect(check.result.removed).toEqual([]);
    expect(check.missing).toEqual([]);
    expect(check.added).toEqual(check.generated);
    expect(check.joined).toEqual([]);
  });

  it('keeps every word of the Koers sociaal domein; moves its link lines to the end', () => {
    const name = 'koers-sociaal-domein-2023.txt';
    const check = wordCheck(name, read(name));
    expect(check.result.removed).toEqual([]);
    expect(check.missing).toEqual([]);
    expect(check.added).toEqual(check.generated);
    const body = check.result.markdown;
    expect(body.indexOf('<https://vng.nl/nieuws/nieuw-boek-zo-werkt-het-sociaal-domein>')).toBeGreaterThan(body.indexOf(`## ${FOOTNOTES_HEADING}`));
  });

  it('drops only the running footer of the 2005 beleidsnota, and lists exactly what it dropped', () => {
    const name = 'beleidsnota-welzijn-en-zorg-2005-meedoen-nu-en-later.txt';
    const check = wordCheck(name, read(name));
    expect(check.result.removed.map((r) => [r.line, r.reason, r.text])).toEqual([
      [497, 'running-header', 'tgroei'],
      [499, 'running-header', 'meedoen, nu en later \ufffd'],
      [4814, 'running-header', 'tgroei'],
      [4816, 'running-header', 'meedoen, nu en later56'],
      [6496, 'running-header', 'tgroei'],
      [6498, 'running-header', 'meedoen, nu en later 71'],
    ]);
    // What is missing is exactly the footer's words; what is added is the title and "Voetnoten".
    const missing = new Map<string, number>();
    for (const w of check.missing) missing.set(w, (missing.get(w) ?? 0) + 1);
    const added = new Map<string, number>();
    for (const w of check.added) added.set(w, (added.get(w) ?? 0) + 1);
    const furniture = new Map<string, number>();
    for (const w of check.furniture) furniture.set(w, (furniture.get(w) ?? 0) + 1);
    const generated = new Map<string, number>();
    for (const w of check.generated) generated.set(w, (generated.get(w) ?? 0) + 1);
    // Words in both the title and the footer ("meedoen", "en") cancel out in the difference.
    expect(minus(furniture, generated)).toEqual(minus(missing, added));
    expect(minus(generated, furniture)).toEqual(minus(added, missing));
    // Words broken across a page's footnotes or a page break, joined again.
    expect(check.joined.sort()).toEqual(['ge-baseerd', 'invoe-ringsproces', 'min-dere', 'ontwik-keling', 'samen-hangt']);
  });
});

describe('the shipped corpus/ is what the tool makes of the seeds', () => {
  const seeds = [
    ['zwolse-agenda-zorg-en-veiligheid-2025-2026', {}],
    ['koers-sociaal-domein-2023', {}],
    ['beleidsnota-welzijn-en-zorg-2005-meedoen-nu-en-later', { title: 'Meedoen, nu en later: beleidsnota welzijn en zorg 2005', kind: 'beleidsnota' }],
  ] as const;
  for (const [slug, flags] of seeds) {
    it(`corpus/${slug}.md matches a fresh conversion`, () => {
      const result = convertPolicyDocument(read(`${slug}.txt`), { ...flags, file: `test/fixtures/seeds/policy/${slug}.txt`, source: `${slug}.txt` });
      expect(result.slug).toBe(slug);
      expect(readFileSync(new URL(`${slug}.md`, CORPUS), 'utf8')).toBe(result.markdown);
    });
  }

  it('splits the seed corpus into passages with headings and line ranges inside each file', () => {
    for (const [slug] of seeds) {
      const markdown = readFileSync(new URL(`${slug}.md`, CORPUS), 'utf8');
      const { passages, problems } = splitPassages(markdown, { file: `corpus/${slug}.md`, doc: slug });
      expect(problems).toEqual([]);
      expect(passages.length).toBeGreaterThan(50);
      const lines = markdown.split('\n');
      for (const p of passages) {
        expect(p.lines[0]).toBeGreaterThanOrEqual(1);
        expect(p.lines[1]).toBeLessThanOrEqual(lines.length);
      }
      expect(new Set(passages.map((q) => q.id)).size).toBe(passages.length);
    }
  });
});
