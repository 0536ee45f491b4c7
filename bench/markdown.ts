/**
 * Reading question documents (`readQuestionDocument`: front matter + guarded remark-parse), on
 * rendered documents of growing size, and the guard on crafted markdown that makes remark-parse
 * quadratic. Prints time per document and which path the guard took (inline or worker).
 *
 * What to look for: question documents of realistic size (up to ~100 questions, ~25 KB) read in
 * well under a second on the main thread; remark-parse runs at roughly 100-600 KB/s depending on
 * the markup, so very large documents go to the worker and may hit its limit; crafted inputs either
 * stay under the inline precheck limits (fast) or go to the worker, which is stopped at its time
 * limit instead of hanging for minutes.
 */
import { readQuestionDocument, renderQuestionDocument } from '../src/documents/question-document.js';
import { isCheapMarkdown, parseMarkdown } from '../src/io/markdown.js';
import type { QuestionDocument } from '../src/model.js';
import type { BenchOptions } from './run.js';

function documentWith(questions: number): QuestionDocument {
  return {
    id: 'bench', title: 'Vragen ex. artikel 45 regionale zorg en veiligheid', subject: 'regionale zorg en veiligheid', article: '45',
    municipality: 'Zwolle', party: 'D66', parties: ['D66'], members: [], date: '2025-04-12', addressee: 'college van burgemeester en wethouders',
    preamble: 'Sinds de decentralisatie in het sociaal domein (2015) zijn gemeenten verantwoordelijk voor de *eerste* ondersteuning.\n\n'.repeat(5).trim(),
    questions: Array.from({ length: questions }, (_, i) => ({
      number: i + 1, label: '-', text: `Ziet het college mogelijkheden om de druk op wijken te verlichten [${i}]? Zo ja, op welke wijze? Indien nee, waarom niet?`,
      parts: [{ label: 'o', text: 'Zo ja, op welke wijze?' }, { label: 'o', text: 'Indien nee, waarom niet?' }],
    })),
    footnotes: [{ n: 1, text: 'https://www.youtube.com/watch?v=AWYlvnaryms' }], warnings: [],
  };
}

function time(fn: () => unknown): { ms: number; outcome: string } {
  const started = performance.now();
  let outcome = 'ok';
  try {
    fn();
  } catch (error) {
    outcome = (error as Error).message.slice(0, 50);
  }
  return { ms: performance.now() - started, outcome };
}

export async function run(options: BenchOptions): Promise<void> {
  const sizes = options.quick ? [11, 110] : [11, 110, 1_100, 5_500];
  const crafted: Array<[string, string]> = [
    ['"**_" x 16,000 (39 s unguarded)', '**_'.repeat(options.quick ? 2_000 : 16_000)],
    ['"a**b " x 16,000 (18 s unguarded)', 'a**b '.repeat(options.quick ? 2_000 : 16_000)],
    ['1,000 nested list levels (48 s unguarded)', Array.from({ length: options.quick ? 100 : 1_000 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n')],
    ['"**_" x 333 (inline limit)', '**_'.repeat(333)],
  ];
  const docs = sizes.map((n) => renderQuestionDocument(documentWith(n)));
  const mb = docs.reduce((sum, d) => sum + d.length, 0) / 1024 / 1024;
  console.log(`question documents with ${sizes.join(', ')} questions (${mb.toFixed(2)} MB), then ${crafted.length} crafted markdown inputs`);
  readQuestionDocument(docs[0]!); // warm up
  for (const [i, md] of docs.entries()) {
    const { ms, outcome } = time(() => readQuestionDocument(md));
    const path = isCheapMarkdown(md) ? 'inline' : 'worker';
    console.log(`  ${String(sizes[i]).padStart(5)} questions  ${(md.length / 1024).toFixed(0).padStart(6)} KB  ${ms.toFixed(0).padStart(6)} ms  ${path}  ${outcome}`);
  }
  for (const [name, text] of crafted) {
    const { ms, outcome } = time(() => parseMarkdown(text, { timeLimitMs: options.quick ? 2_000 : 10_000 }));
    const path = isCheapMarkdown(text) ? 'inline' : 'worker';
    console.log(`  ${name.padEnd(42)} ${ms.toFixed(0).padStart(6)} ms  ${path}  ${outcome}`);
  }
}
