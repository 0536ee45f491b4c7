import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../documents/front-matter.js';
import { convertPolicyDocument } from './convert-policy.js';
import { fastMarkdownTree } from './fast-markdown.js';
import { splitPassagesWith } from './pack-passages.js';
import { simpleFrontMatter } from './simple-front-matter.js';
import { remarkTree } from './split-passages.js';

const root = new URL('../../', import.meta.url);
const options = { file: 'corpus/x.md', doc: 'x' };

/** The passages of a file by the fast readers (null: they cannot read it) and by remark and YAML. */
function both(markdown: string) {
  const fast = splitPassagesWith(markdown, options, { frontMatter: simpleFrontMatter, tree: fastMarkdownTree });
  const remark = splitPassagesWith(markdown, options, { frontMatter: (text, file) => readFrontMatter(text, file), tree: remarkTree });
  return { fast, remark };
}

describe('the fast markdown path', () => {
  it('reads every corpus file of the repository and the converted seeds, with the same passages as remark', () => {
    const files = readdirSync(new URL('corpus/', root)).filter((f) => f.endsWith('.md')).map((f) => readFileSync(new URL(`corpus/${f}`, root), 'utf8'));
    const seeds = readdirSync(new URL('test/fixtures/seeds/policy/', root)).map((f) =>
      convertPolicyDocument(readFileSync(new URL(`test/fixtures/seeds/policy/${f}`, root), 'utf8'), { file: f }).markdown,
    );
    for (const markdown of [...files, ...seeds]) {
      const { fast, remark } = both(markdown);
      expect(fast, markdown.slice(0, 80)).not.toBeNull();
      expect(fast).toEqual(remark);
    }
  });

  it('gives the same passages as remark for the subset it reads, and leaves the rest to remark', () => {
    const cases = [
      '# Titel\n\nEen zin.\nNog een zin.\n\n- een\n- twee\n  verder\n\n1. eerste\n2. tweede\n\nTekst met \\* ster, B&W en <https://example.org/a_b> en [^1].\n',
      'Een alinea\n- die een lijst onderbreekt\n2. maar dit niet\n\n3) een andere lijst\n4) nog een\n\n## Kop ##\n',
      '[^1]: Zie bijlage 2 voor meer.\n\n[^2]: https://example.org\n',
      'Tekst *met nadruk* en `code`.\n',
      '> een citaat\n',
      'Tekst\n===\n',
      '    code\n',
      '- een\n\n  tweede alinea\n',
      '- een\n  - genest\n',
      'Een [link](https://x.nl).\n',
      'A &amp; B\n',
      'regel met harde  \nbreuk\n',
      '* ster\n+ plus\n',
      '1. een\n\n\n2. twee\n\nna\n',
      // Empty headings: the "#"s after the space close them (fast-check found "# #").
      '# #\nzorg\n',
      '### ###\nzorg\n',
      '# # #\nzorg\n',
      '# #zorg\n',
    ];
    for (const body of cases) {
      const markdown = `---\ntitle: "Titel"\n---\n${body}`;
      const { fast, remark } = both(markdown);
      if (fast) expect(fast, body).toEqual(remark);
    }
    expect(fastMarkdownTree('Tekst *met nadruk*.\n')).toBeNull();
    expect(fastMarkdownTree('[^2]: https://example.org\n')).toBeNull();
    expect(fastMarkdownTree('[^1]: Zie bijlage 2.\n')).not.toBeNull();
  });

  it('never gives other passages than remark on generated markdown (fast-check)', () => {
    const word = fc.constantFrom('zorg', 'Wmo', 'B&W', 'a_b', 'x*y', '\\*', '[^1]', '[a](b)', '<https://x.nl>', '<b>', '&amp;', '`c`', '_nadruk_', 'woord.', '2.', '-', '#', '>', '1)', 'Zo ja?');
    const text = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
    const line = fc.oneof(
      text,
      text.map((t) => `# ${t}`),
      text.map((t) => `### ${t}`),
      text.map((t) => `- ${t}`),
      text.map((t) => `1. ${t}`),
      text.map((t) => `2. ${t}`),
      text.map((t) => `   ${t}`),
      text.map((t) => `    ${t}`),
      text.map((t) => `> ${t}`),
      text.map((t) => `[^1]: ${t}`),
      text.map((t) => ` - ${t}`),
      text.map((t) => `  2) ${t}`),
      text.map((t) => `#${t}`),
      text.map((t) => `-  ${t}`),
      text.map((t) => `10. ${t}`),
      fc.constantFrom('', '', '---', '***', '===', '```', '* * *'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
        const markdown = `---\ntitle: Titel\n---\n${lines.join('\n')}\n`;
        const { fast, remark } = both(markdown);
        return fast === null || JSON.stringify(fast) === JSON.stringify(remark);
      }),
      { numRuns: Number(process.env.FAST_CHECK_RUNS ?? 400) },
    );
  });
});

describe('simpleFrontMatter', () => {
  it('reads simple key: value lines as readFrontMatter does, and leaves the rest to it', () => {
    const cases = [
      '---\ntitle: Zwolse agenda\ndate: "2025"\nsource: agenda.txt\n---\n# Zwolse agenda\n',
      '---\ntitle: "Meedoen, nu en later: beleidsnota"\nkind: beleidsnota\nleeg:\nniets: null\n---\n\ntekst\n',
      "---\ntitle: 'enkel'\n---\ntekst",
      '# Geen front matter\n',
      '---\n---\ntekst\n',
    ];
    for (const text of cases) {
      const fast = simpleFrontMatter(text);
      const yaml = readFrontMatter(text, 'x.md');
      expect(fast, text).not.toBeNull();
      expect({ ...fast!.data }).toEqual({ ...yaml.data });
      expect([fast!.body, fast!.bodyStartLine]).toEqual([yaml.body, yaml.bodyStartLine]);
    }
    for (const text of ['---\ntitle: a # b\n---\n', '---\nlijst:\n  - a\n---\n', '---\ntitle: "a\\"b"\n---\n', '---\na: 1\na: 2\n---\n', '---yaml\na: 1\n---\n', '---\na: 1\n']) {
      expect(simpleFrontMatter(text), text).toBeNull();
    }
  });
});
