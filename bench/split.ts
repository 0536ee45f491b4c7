/**
 * bench/split.ts: splitting corpus markdown into passages, the fast path (fast-markdown.ts and
 * simple-front-matter.ts, what `loadCorpus` uses) against remark-parse and the YAML reader (what
 * it falls back to), on the shipped corpus/*.md and on the synthetic corpus written as markdown
 * (bench/lib/synthetic.ts, 10×; 2× with BENCH_QUICK). Prints MB/s of each, whether both gave the
 * same passages, and how many files the fast path read. This is the measurement behind the
 * hand-written path: remark was about 60% of an index build (issue 14).
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import { fastMarkdownTree } from '../src/corpus/fast-markdown.js';
import { splitPassagesWith } from '../src/corpus/pack-passages.js';
import { simpleFrontMatter } from '../src/corpus/simple-front-matter.js';
import { remarkTree } from '../src/corpus/split-passages.js';
import { readFrontMatter } from '../src/documents/front-matter.js';
import type { BenchOptions } from './run.js';
import { syntheticCorpus, syntheticMarkdown } from './lib/synthetic.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function timeAll(files: Array<{ file: string; markdown: string }>, fast: boolean): { ms: number; out: string[]; fastFiles: number } {
  const out: string[] = [];
  let fastFiles = 0;
  const started = performance.now();
  for (const { file, markdown } of files) {
    const options = { file, doc: file.replace(/^.*\//, '').replace(/\.md$/, '') };
    let result = fast ? splitPassagesWith(markdown, options, { frontMatter: simpleFrontMatter, tree: fastMarkdownTree }) : null;
    if (result) fastFiles++;
    result ??= splitPassagesWith(markdown, options, { frontMatter: (text, f) => readFrontMatter(text, f), tree: remarkTree })!;
    out.push(JSON.stringify(result));
  }
  return { ms: performance.now() - started, out, fastFiles };
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const shipped = await Promise.all(
    (await readdir(join(ROOT, 'corpus'))).filter((f) => f.endsWith('.md')).sort().map(async (f) => ({ file: `corpus/${f}`, markdown: await readFile(join(ROOT, 'corpus', f), 'utf8') })),
  );
  const scale = quick ? 2 : 10;
  const seed = await loadCorpus(ROOT, { answers: null });
  const synthetic = syntheticMarkdown(syntheticCorpus(seed.passages, scale).passages);
  const mb = (files: Array<{ markdown: string }>) => files.reduce((n, f) => n + Buffer.byteLength(f.markdown), 0) / 1024 / 1024;
  console.log(`split: corpus markdown into passages, fast path against remark-parse; shipped corpus ${shipped.length} files ${mb(shipped).toFixed(2)} MB, synthetic ${scale}× ${synthetic.length} files ${mb(synthetic).toFixed(1)} MB`);
  console.log(`${'corpus'.padEnd(18)}${'remark MB/s'.padStart(12)}${'fast MB/s'.padStart(12)}${'speed-up'.padStart(10)}${'fast files'.padStart(12)}  same passages`);
  for (const [label, files] of [['shipped', shipped], [`synthetic ${scale}×`, synthetic]] as const) {
    // A first round of each warms the JIT; the second is measured.
    timeAll(files, false);
    timeAll(files, true);
    const slow = timeAll(files, false);
    const fast = timeAll(files, true);
    const same = slow.out.every((o, i) => o === fast.out[i]);
    const size = mb(files);
    console.log(
      `${label.padEnd(18)}${(size / (slow.ms / 1000)).toFixed(2).padStart(12)}${(size / (fast.ms / 1000)).toFixed(2).padStart(12)}${`${(slow.ms / fast.ms).toFixed(1)}×`.padStart(10)}${`${fast.fastFiles}/${files.length}`.padStart(12)}  ${same ? 'yes' : 'NO'}`,
    );
  }
}
