/**
 * The corpus stage.
 *
 * Converting a policy document (`answer corpus add`):
 *   readSourceFile (PDF font names read: heading lines marked by their look) → convertPolicySource →
 *   toSourceLines → removePageFurniture → extractFootnotes → relocateMarginHeadings → buildBlocks →
 *   title/date/slug → renderPolicyMarkdown (wired in `convertPolicyDocument`, convert-policy.ts).
 *
 * Reading the corpus (`answer link`, `answer check`):
 *   loadCorpus → per file: read → sha256 → a hash the index knows gives its recorded problems,
 *   any other → readFrontMatter → splitPassages (remark AST → sections → pieces → split long /
 *   join tiny → stable ids); answers/ → readAnswerDocument → answerPassages.
 */
import { readSourceFile, type SourceText } from '../read/read-source.js';
import { InputError } from '../errors.js';
import { adoptMarkdownDocument, convertPolicyDocument, type ConvertOptions, type ConvertResult } from './convert-policy.js';

export { answerPassages } from './answer-passages.js';
export type { AnswerPassageOptions } from './answer-passages.js';
export { adoptMarkdownDocument, convertPolicyDocument } from './convert-policy.js';
export type { ConvertOptions, ConvertResult } from './convert-policy.js';
export { CORPUS_DATE } from './document-meta.js';
export { loadCorpus, MAX_CORPUS_FILE_BYTES } from './load-corpus.js';
export type { CorpusFile, KnownFile, LoadCorpusOptions, LoadedCorpus } from './load-corpus.js';
export type { RemovedLine } from '../text/page-furniture.js';
export { normalizeForId, normalizeHeadingPath } from './passage-id.js';
export { countWords, sentenceSpans, splitSentences } from '../text/sentences.js';
export { slugify as corpusSlug } from '../text/slug.js';
export { MAX_WORDS as PASSAGE_MAX_WORDS, MIN_WORDS as PASSAGE_MIN_WORDS, splitPassages } from './split-passages.js';
export type { SplitOptions } from './split-passages.js';

/**
 * Read a policy document (PDF, DOCX, HTML, text, markdown) and convert it; markdown is adopted
 * as written. The reader's warnings come back as problems; an unusable file throws `InputError`
 * naming the file as `display` (default: the path).
 */
export async function convertPolicyFile(path: string, options: Omit<ConvertOptions, 'file'> & { display?: string } = {}): Promise<ConvertResult> {
  const { display = path, ...rest } = options;
  let source;
  try {
    source = await readSourceFile(path, { fontNames: true });
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.message, { file: display, line: error.line });
    throw error;
  }
  return convertPolicySource(source, { ...rest, file: display });
}

/** Convert a document already read (`readSource`); the reader's warnings come back as problems. */
export function convertPolicySource(source: SourceText, options: ConvertOptions = {}): ConvertResult {
  const file = options.file ?? source.name;
  const convert = source.format === 'markdown' ? adoptMarkdownDocument : convertPolicyDocument;
  const result = convert(source.text, { headings: source.headings, ...options, file });
  for (const warning of source.warnings) {
    result.problems.push({ code: 'corpus/read-warning', severity: 'warning', message: warning.message, file, line: warning.line });
  }
  return result;
}
