/**
 * `import`: letters become question documents `questions/<id>.md`. A letter that is already
 * there is recognised by its content (same date, questions at least 80 % alike), whatever the
 * file is called, and refused with the existing id unless it is meant as a new letter. Replacing
 * a question document (`--force`, for a corrected letter) updates what the letter says and keeps
 * what people added: the received date, an uitstel, the kind, and keys the tool does not know.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { questionSimilarity } from '../answers/question-similarity.js';
import { applyDeadline, computeDeadline } from '../documents/deadline.js';
import { mergeFrontMatter } from '../documents/edit-front-matter.js';
import { readFrontMatter, stringifyFrontMatter, type FrontMatterMap, type WritableValue } from '../documents/front-matter.js';
import { MAX_ID_LENGTH, QUESTION_DOCUMENT_KEYS, questionDocumentId, readQuestionDocumentFile, renderQuestionDocument } from '../documents/question-document.js';
import { cutSlug, foldSlug } from '../text/slug.js';
import { InputError, isUserError } from '../errors.js';
import type { ParseWarning, QuestionDocument, Uitstel } from '../model.js';
import { loadQuestionDocument } from '../parse/load.js';
import { userDate } from './dates.js';
import type { FileWrite } from './files.js';
import { loadLetter, type LetterRef } from './letters.js';
import type { Workspace } from './workspace.js';

export type LetterInput = LetterRef;

export interface ImportLettersOptions {
  /** Replace an existing question document (what people added to it is kept). */
  force?: boolean;
  /** Import even when the same letter is already there under another id. */
  asNew?: boolean;
  /** The date the griffie received the letters, `YYYY-MM-DD` (default: each letter's date). */
  received?: string;
  /** Folder to write to, relative to the workspace (default: `questions` in the config). */
  dir?: string;
}

export interface ImportedLetter {
  /** The letter as named on the command line. */
  source: string;
  id: string;
  questions: number;
  deadline: string | null;
  write: FileWrite;
  warnings: ParseWarning[];
}

export interface ImportLettersReport {
  imported: ImportedLetter[];
  /** Letters that could not be imported, each with the one-line reason (the others went on). */
  failed: Array<{ source: string; error: InputError }>;
}

/** Two letters with the same date whose questions are at least this alike are the same letter. */
export const SAME_LETTER = 0.8;

export async function importLetters(ws: Workspace, inputs: LetterInput[], options: ImportLettersOptions): Promise<ImportLettersReport> {
  const received = options.received === undefined ? undefined : userDate(options.received, '--received');
  const folder = ws.path(options.dir ?? ws.config.questions);
  const report: ImportLettersReport = { imported: [], failed: [] };
  const existing = await existingLetters(ws, folder);
  const written = new Map<string, string>();
  let done = 0;
  for (const input of inputs) {
    const source = typeof input === 'string' ? input : '<stdin>';
    ws.onProgress({ task: 'importing', done: done++, total: inputs.length, item: source });
    try {
      const { doc: loaded } = await loadLetter(ws, input);
      if (loaded.questions.length === 0) throw new InputError('no questions found in this letter; nothing written', { file: source });
      let doc = received ? applyDeadline({ ...loaded, received }, ws.config) : loaded;
      const same = existing.find((other) => sameLetter(other.doc, doc));
      let id = fileId(doc);
      if (same && same.id !== id && !options.asNew) {
        if (!options.force) {
          throw new InputError(
            `this letter is already imported as ${same.id} (${ws.shown(same.path)}: same date, questions ${Math.round(letterSimilarity(same.doc, doc) * 100)}% alike); use --force to update it, or --as-new to import it as another letter`,
            { file: source },
          );
        }
        id = same.id;
      }
      const earlier = written.get(id);
      if (earlier !== undefined) {
        throw new InputError(`gets the same id as ${earlier} (${id}); nothing written. Set a different date, party or subject in one of them`, { file: source });
      }
      doc = { ...doc, id };
      const path = join(folder, `${id}.md`);
      const write = await ws.files.write({
        path,
        existing: options.force ? 'replace' : 'refuse',
        content: (before) => (before === null ? renderQuestionDocument({ ...doc, warnings: [] }) : updatedDocument(ws, before, doc, received !== undefined, ws.shown(path))),
      });
      written.set(id, source);
      const final = write.action === 'created' ? doc : await loadQuestionDocument(path, { config: ws.config, display: ws.shown(path) }).catch(() => doc);
      report.imported.push({ source, id, questions: doc.questions.length, deadline: final.deadline ?? null, write, warnings: doc.warnings });
      if (write.action === 'created') existing.push({ id, path, doc });
    } catch (error) {
      if (!isUserError(error)) throw error;
      report.failed.push({ source, error: error instanceof InputError ? error : new InputError(error.message, { file: source }) });
    }
  }
  ws.onProgress({ task: 'importing', done, total: inputs.length });
  return report;
}

/** The id used as the file name: only `[a-z0-9-]`, whatever the front matter says (data, never a path). */
export function fileId(doc: QuestionDocument): string {
  const id = doc.id ? cutSlug(foldSlug(doc.id), MAX_ID_LENGTH) : '';
  return id || questionDocumentId(doc);
}

/** How alike the questions of two letters are: the similarity of all their question text. */
export function letterSimilarity(a: QuestionDocument, b: QuestionDocument): number {
  const text = (doc: QuestionDocument) => doc.questions.map((q) => q.text).join(' ');
  return questionSimilarity(text(a), text(b));
}

function sameLetter(a: QuestionDocument, b: QuestionDocument): boolean {
  return a.date !== null && a.date === b.date && letterSimilarity(a, b) >= SAME_LETTER;
}

async function existingLetters(ws: Workspace, folder: string): Promise<Array<{ id: string; path: string; doc: QuestionDocument }>> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const letters: Array<{ id: string; path: string; doc: QuestionDocument }> = [];
  for (const name of names.filter((n) => n.endsWith('.md')).sort()) {
    const path = join(folder, name);
    const text = await ws.files.readText(path).catch(() => null);
    if (text === null) continue;
    try {
      letters.push({ id: name.slice(0, -3), path, doc: readQuestionDocumentFile(text, ws.shown(path)).document });
    } catch {
      // A document that cannot be read is check's to report; it cannot be a duplicate here.
    }
  }
  return letters;
}

/** Keys people add or set after import; a corrected letter never resets them. */
const KEPT_KEYS = ['received', 'kind', 'uitstel'] as const;

/**
 * The new question document for a letter that replaces `before`: the letter's text and facts,
 * with the received date (unless given again), kind and uitstel of the file, and every key the
 * tool does not know; the deadline is computed anew from those.
 */
function updatedDocument(ws: Workspace, before: string, doc: QuestionDocument, receivedGiven: boolean, file: string): string {
  let old: FrontMatterMap;
  let oldDoc: QuestionDocument | null;
  try {
    old = readFrontMatter(before, file).data;
  } catch {
    return renderQuestionDocument({ ...doc, warnings: [] });
  }
  try {
    oldDoc = readQuestionDocumentFile(before, file).document;
  } catch {
    oldDoc = null;
  }
  const kept: Partial<QuestionDocument> = {};
  if (!receivedGiven && typeof old.received === 'string') kept.received = oldDoc?.received ?? old.received;
  if (typeof old.kind === 'string') kept.kind = oldDoc?.kind ?? old.kind;
  if (oldDoc?.uitstel) kept.uitstel = oldDoc.uitstel as Uitstel;
  const next = { ...doc, ...kept };
  const filled = { ...next, ...computeDeadline(next, ws.config), warnings: [] };
  const rendered = renderQuestionDocument(filled);
  const { data, body } = readFrontMatter(rendered, file);
  const extra: Record<string, WritableValue> = {};
  for (const key of Object.keys(old)) {
    if (!(QUESTION_DOCUMENT_KEYS as readonly string[]).includes(key)) extra[key] = old[key] as WritableValue;
    // A key the new render leaves out but the file had (kind set by hand): keep its value.
    else if ((KEPT_KEYS as readonly string[]).includes(key) && !Object.hasOwn(data, key)) extra[key] = old[key] as WritableValue;
  }
  return stringifyFrontMatter(mergeFrontMatter(data, extra, QUESTION_DOCUMENT_KEYS), body);
}
