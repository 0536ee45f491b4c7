/**
 * `draft`: the answer document `answers/<id>.md` of a letter, drafted from the memo template and
 * merged with the file as it is, so a redraft never loses an answer; or the memo exported as
 * Word or HTML from the answer document as it stands. `force` writes the template's memo parts
 * anew and keeps every answer (answers of questions that left the letter go under "Vervallen
 * vragen"); the old file is kept as a backup either way.
 */
import { dirname, join, relative, sep } from 'node:path';
import { stat } from 'node:fs/promises';
import { citationOf } from '../documents/citation.js';
import { InputError, UsageError } from '../errors.js';
import type { Citation, Problem, QuestionDocument } from '../model.js';
import type { MergeNote } from '../answers/merge-parts.js';
import type { CompiledTemplate } from '../render/templates.js';
import type { MemoSettings } from '../render/view.js';
import type { FileWrite } from './files.js';
import { fileId } from './import-letters.js';
import type { LetterRef } from './letters.js';
import { suggestSources } from './link.js';
import type { Workspace } from './workspace.js';

export const DRAFT_FORMATS = ['md', 'docx', 'html'] as const;
export type DraftFormat = (typeof DRAFT_FORMATS)[number];

export interface DraftOptions {
  /** md (the answer document), docx (Word) or html. Default md. */
  format?: DraftFormat;
  /** File to write instead of `answers/<id>.<format>` (relative to the folder the user works in). */
  output?: string;
  /** Memo template: a name in templates/ or a .hbs file (default: `templates` in the config, else memo). */
  template?: string;
  /** Sources suggested under each answer (default: `top` in the config; 0 for none). */
  top?: number;
  /** Give the memo back instead of writing it (`output` in the report). */
  stdout?: boolean;
  /** Write the template's memo parts anew; for Word and HTML, replace an existing export. */
  force?: boolean;
  /**
   * Word and HTML: keep the source lists under the answers. They are the officer's working
   * notes, left out of the memo that goes to the council by default.
   */
  withSources?: boolean;
}

export interface DraftReport {
  /** The question document or letter, as named. */
  letter: string;
  /** The answer document the memo is merged with (workspace-relative). */
  answerFile: string;
  /** What was written; null with `stdout`. */
  write: FileWrite | null;
  /** The memo, with `stdout`. */
  output: string | Uint8Array | null;
  notes: MergeNote[];
  questions: number;
  answered: number[];
  /** Why there are no suggested sources, when there are none. */
  notice: string | null;
  corpusProblems: Problem[];
}

/** The template from the option, else `templates` in answer.config.json: a folder there is where templates are looked up, anything else names the template. */
export async function templateFor(ws: Workspace, option: string | undefined): Promise<CompiledTemplate> {
  const { loadTemplate } = await import('../render/templates.js');
  let templatesDir: string | null = null;
  let template: string | null = option ?? null;
  if (ws.config.templates) {
    const isDir = await stat(ws.path(ws.config.templates)).then((s) => s.isDirectory(), () => false);
    if (isDir) templatesDir = ws.config.templates;
    else template ??= ws.config.templates;
  }
  return loadTemplate({ workspace: ws.root, template, templatesDir, displayBase: ws.cwd });
}

/** The memo settings from answer.config.json. */
export function memoSettings(ws: Workspace): MemoSettings {
  return { municipality: ws.config.municipality, burgemeester: ws.config.signatories.burgemeester, secretaris: ws.config.signatories.secretaris };
}

/** Where citations link to from the answer file's folder: the corpus file, relative. */
export function hrefFrom(ws: Workspace, answerPath: string): (file: string) => string {
  const from = dirname(answerPath);
  return (file: string) => relative(from, ws.path(file)).split(sep).join('/');
}

/** The id of a letter's answer document, and the letter with that id filled in. */
export function withId(letter: QuestionDocument): { id: string; letter: QuestionDocument } {
  const id = fileId(letter);
  return { id, letter: { ...letter, id: letter.id ?? id } };
}

export async function draft(ws: Workspace, ref: LetterRef, options: DraftOptions): Promise<DraftReport> {
  const format = (options.format ?? 'md').toLowerCase() as DraftFormat;
  if (!DRAFT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${DRAFT_FORMATS.join(', ')}, not "${options.format}"`);
  const top = options.top ?? ws.config.top;
  const template = await templateFor(ws, options.template);
  const loaded = await ws.letter(ref);
  if (loaded.doc.questions.length === 0) throw new InputError('no questions in this document; nothing to draft', { file: loaded.file });
  const { id, letter } = withId(loaded.doc);

  const answerPath = format === 'md' && options.output ? ws.userPath(options.output) : ws.path(ws.config.answers, `${id}.md`);
  const answerFile = ws.shown(answerPath);
  const target = format === 'md' ? answerPath : options.output ? ws.userPath(options.output) : ws.path(ws.config.answers, `${id}.${format}`);

  // Sources are a help: a corpus that cannot be read costs the suggestions, not the draft.
  let notice: string | null = null;
  let corpusProblems: Problem[] = [];
  const sources = new Map<number, Citation[]>();
  if (top > 0) {
    try {
      const suggested = await suggestSources(ws, letter, top);
      notice = suggested.notice;
      corpusProblems = suggested.corpusProblems;
      for (const [number, passages] of suggested.sources) sources.set(number, passages.map((p) => citationOf(p)));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      notice = `no suggested sources: ${error.file ? `${error.file}${error.line ? `:${error.line}` : ''}  ` : ''}${error.message}`;
    }
  }

  const { draftAnswerDocument } = await import('../render/draft.js');
  const settings = memoSettings(ws);
  const href = hrefFrom(ws, answerPath);
  const merge = (existing: string | null) =>
    draftAnswerDocument({
      letter,
      template,
      sources,
      href,
      settings,
      refresh: options.force ?? false,
      existing: existing === null ? null : { text: existing, file: answerFile },
    });
  const report = (result: { notes: MergeNote[]; answered: number[] }, write: FileWrite | null, output: string | Uint8Array | null): DraftReport => ({
    letter: loaded.file,
    answerFile,
    write,
    output,
    notes: result.notes,
    questions: letter.questions.length,
    answered: result.answered,
    notice,
    corpusProblems,
  });
  const withSources = options.withSources ?? false;
  const exported = async (markdown: string): Promise<string | Uint8Array> => {
    try {
      if (format === 'html') return (await import('../render/to-html.js')).memoToHtml(markdown, { export: { withSources } });
      const reference = await referenceDocument(ws);
      return await (await import('../render/to-docx.js')).memoToDocx(markdown, {
        withSources,
        author: ws.config.docx.author,
        municipality: ws.config.municipality ?? letter.municipality,
        subject: letter.subject,
        reference: reference?.data ?? null,
        referenceName: reference?.file,
      });
    } catch (error) {
      // The memo is made from the answer document: a problem in its markdown names that file.
      if (error instanceof InputError && error.file === null) throw new InputError(error.message, { file: answerFile, line: error.line });
      throw error;
    }
  };

  if (options.stdout) {
    const result = merge(await ws.files.readText(answerPath));
    return report(result, null, format === 'md' ? result.text : await exported(result.text));
  }
  if (format !== 'md') {
    // Word and HTML are made from the answer document as it stands, with its written answers.
    const result = merge(await ws.files.readText(answerPath));
    const content = await exported(result.text);
    const write = await ws.files.write({ path: target, existing: options.force ? 'replace' : 'refuse', content: () => content });
    return report(result, write, null);
  }
  // Read, merge and write under the file's lock: two drafts of one letter at once run one after
  // the other, and the second merges what the first wrote.
  let result: ReturnType<typeof merge> | null = null;
  const write = await ws.files.write({
    path: answerPath,
    existing: 'merge',
    content: (existing) => {
      result = merge(existing);
      return result.text;
    },
  });
  return report(result!, write, null);
}

/** The largest reference Word file read (`docx.reference`): a house-style template is far smaller. */
const MAX_REFERENCE_BYTES = 20 * 1024 * 1024;

/** The reference Word file of `docx.reference` in answer.config.json, or null. */
async function referenceDocument(ws: Workspace): Promise<{ data: Uint8Array; file: string } | null> {
  if (ws.config.docx.reference === null) return null;
  const path = ws.path(ws.config.docx.reference);
  const file = ws.shown(path);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new InputError('no such file: docx.reference in answer.config.json names a Word file that is not there', { file });
  if (info.size > MAX_REFERENCE_BYTES) throw new InputError('the reference document is larger than 20 MB', { file });
  const data = await ws.files.readBytes(path);
  if (data === null) throw new InputError('no such file', { file });
  return { data, file };
}

/** `answers/<id>.md` of a letter (for messages). */
export function answerPathOf(ws: Workspace, id: string): string {
  return ws.path(join(ws.config.answers, `${id}.md`));
}
