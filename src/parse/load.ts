/**
 * Load a question document from any file: a `questions/<id>.md` written by import (or by hand),
 * or a letter in any format the readers know. Then fill in `received`, `kind` and `deadline`.
 *
 * A markdown file counts as a question document when it has front matter and either an `id`
 * key or a `Vraag N` heading; any other file is a letter and goes through the readers and the
 * letter parser.
 */
import { basename, extname } from 'node:path';
import { defaultConfig, type AnswerConfig } from '../config/config.js';
import { InputError } from '../errors.js';
import { hasFrontMatter, parseFrontMatter } from '../documents/front-matter.js';
import type { ParseWarning, QuestionDocument } from '../model.js';
import { computeDeadline, deadlineMismatch, isIsoDate } from '../documents/deadline.js';
import { refuseErrors } from '../documents/schema.js';
import { parseQuestionDocument } from './parse-letter.js';
import { normalizeQuestionDocument, questionDocumentId, readQuestionDocumentFile } from '../documents/question-document.js';
import { DEFAULT_READ_LIMITS, readFileBytes, readSource, type ReadOptions } from '../read/read-source.js';
import { decodeText } from '../read/read-text.js';

export interface LoadOptions {
  /** The workspace configuration (kinds and terms); defaults when absent. */
  config?: AnswerConfig;
  /** How to name the file in errors and warnings (default: the path). */
  display?: string;
  /** Limits for the readers. */
  read?: ReadOptions;
}

const MARKDOWN_NAME = /\.(?:md|markdown)$/i;

/** Whether markdown text is a question document (front matter with an `id`, or `Vraag N` sections). */
export function isQuestionDocumentText(text: string): boolean {
  if (!hasFrontMatter(text)) return false;
  return /^id[ \t]*:/m.test(text) || /^[ \t]{0,3}#{1,6}[ \t]+Vraag[ \t]+\d+/im.test(text);
}

/** Load a question document or a letter from disk. */
export async function loadQuestionDocument(path: string, options: LoadOptions = {}): Promise<QuestionDocument> {
  const display = options.display ?? path;
  const data = await readFileBytes(path, { display, maxBytes: options.read?.maxBytes ?? DEFAULT_READ_LIMITS.maxBytes });
  return loadQuestionSource({ name: display, data }, options);
}

/**
 * Load from bytes already in memory (standard input is named `-`). A markdown name, or standard
 * input, whose text is a question document is read as one; anything else is parsed as a letter.
 */
export async function loadQuestionSource(input: { name: string; data: Uint8Array }, options: LoadOptions = {}): Promise<QuestionDocument> {
  const config = options.config ?? defaultConfig();
  const display = input.name === '-' ? '<stdin>' : input.name;
  if (MARKDOWN_NAME.test(input.name) || input.name === '-') {
    const { text } = decodeText(input.data);
    if (isQuestionDocumentText(text)) return fromQuestionFile(text, display, config);
    // A "---js" (or other non-YAML) fence is front matter that is refused, never a letter's first line.
    const fence = parseFrontMatter(text, display);
    if (fence.present && /must be YAML/.test(fence.problems[0]?.message ?? '')) refuseErrors(fence.problems, display);
  }
  const source = await readSource(input, options.read);
  const parsed = parseQuestionDocument(source.text, { file: display, format: source.format });
  const doc = normalizeQuestionDocument(parsed);
  doc.warnings = [...source.warnings, ...parsed.warnings];
  doc.source = input.name === '-' ? null : basename(input.name);
  doc.id ??= questionDocumentId(doc);
  return { ...doc, ...computeDeadline(doc, config) };
}

function fromQuestionFile(text: string, file: string, config: AnswerConfig): QuestionDocument {
  // The file name stands in for a missing id; any other problem refuses the file.
  const { document, keyLines, problems } = readQuestionDocumentFile(text, { file, kinds: Object.keys(config.kinds) });
  refuseErrors(problems, file);
  const filled = computeDeadline(document, config);
  if (filled.deadline !== null && !isIsoDate(filled.deadline)) {
    // "received: 9999-12-31" is a real date, but its deadline has a five-digit year that no
    // reader (ours included) takes back: a typo, said here rather than written into the file.
    const key = document.received ? 'received' : 'date';
    throw new InputError(`${key}: ${document.received ?? document.date} puts the deadline past the year 9999 (${filled.deadline}); correct the date`, { file, line: keyLines[key] ?? null });
  }
  const warnings: ParseWarning[] = [...document.warnings];
  if (document.id === null) document.id = basename(file, extname(file)) || null;
  const mismatch = deadlineMismatch(document, filled.deadline);
  if (mismatch) warnings.push({ line: keyLines.deadline ?? null, message: mismatch });
  return { ...document, ...filled, warnings };
}

