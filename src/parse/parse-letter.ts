/**
 * The letter parser: text of a question letter → question document. Pure and total: it never
 * throws on any text; what it is unsure of goes into `warnings`.
 *
 * Steps, in order: lines (normalise, drop page furniture) → footnotes → units (labels, paragraph
 * breaks) → questions → metadata, preamble and afterword.
 */
import type { ParseWarning, QuestionDocument } from '../model.js';
import type { SourceFormat } from '../read/formats.js';
import { extractMetadata } from './extract-metadata.js';
import { extractFootnotes } from './footnotes.js';
import { prepareLines } from './lines.js';
import { splitQuestions, toUnits } from './split-questions.js';
import { findAfterword, unitParagraphs } from './afterword.js';
import { collapseSpace } from '../text/text-utils.js';

/** Options for parsing a letter's text. */
export interface ParseOptions {
  /** File name, used in warnings and errors. */
  file?: string;
  /** The source format, when known: PDF text gets page-furniture handling. */
  format?: SourceFormat;
}

/** Parse the text of a question letter into a question document. */
export function parseQuestionDocument(text: string, options: ParseOptions = {}): QuestionDocument {
  const input = typeof text === 'string' ? text : '';
  const prepared = prepareLines(input, options.format);
  const { lines, footnotes } = extractFootnotes(prepared.lines);
  const units = toUnits(lines, options.format === 'pdf');
  const split = splitQuestions(units);
  const meta = extractMetadata(units, split.firstQuestionUnit, split.endUnit, split.questions.map((q) => q.text));

  const preamble = unitParagraphs(units.slice(meta.preambleStart, split.firstQuestionUnit)).join('\n\n');
  const afterword = split.questions.length > 0 ? findAfterword(units, split.endUnit, split.closingUnit, meta.parties) : '';

  const warnings: ParseWarning[] = [...split.warnings];
  if (meta.date === null) warnings.push({ line: null, message: 'no date of the letter found' });
  if (meta.party === null && meta.members.length === 0) warnings.push({ line: null, message: 'no party or member found' });

  return {
    id: null,
    title: meta.title ? collapseSpace(meta.title) : null,
    subject: meta.subject,
    article: meta.article,
    municipality: meta.municipality,
    party: meta.party,
    parties: meta.parties,
    members: meta.members,
    date: meta.date,
    addressee: meta.addressee,
    preamble,
    questions: split.questions,
    ...(afterword ? { afterword } : {}),
    footnotes,
    warnings,
  };
}
