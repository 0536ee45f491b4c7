/**
 * `record`: what the griffie and the college decide, written into the documents without anyone
 * editing YAML: the date a letter was received, an uitstel (postponement) with its reason, the
 * date the college adopted the answer (`vastgesteld`, which the answer-time figures use), and the
 * kind of question. Values are validated, the deadline is computed anew, only the front matter
 * changes (the body is kept byte for byte), and the report says in one line what changed.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ANSWER_STATUSES } from '../documents/answer-document.js';
import { computeDeadline } from '../documents/deadline.js';
import { editFrontMatter, type FrontMatterChanges } from '../documents/edit-front-matter.js';
import { readFrontMatter } from '../documents/front-matter.js';
import { QUESTION_DOCUMENT_KEYS, readQuestionDocumentFile } from '../documents/question-document.js';
import { InputError, UsageError } from '../errors.js';
import type { QuestionDocument } from '../model.js';
import { userDate } from './dates.js';
import type { FileWrite } from './files.js';
import { resolveLetterPath } from './letters.js';
import type { Workspace } from './workspace.js';

export interface RecordChanges {
  /** The date the griffie received the letter. */
  received?: string;
  /** An uitstel: the new deadline, why, and the date the council was told. */
  uitstelUntil?: string;
  reason?: string;
  notice?: string;
  /** The date the college adopted the answer: the answer document becomes `vastgesteld`. */
  vastgesteld?: string;
  /** The kind of question (a kind in answer.config.json). */
  kind?: string;
}

export interface RecordReport {
  /** What changed, one phrase per field ("received 2025-05-01 (was 2025-04-12)"). */
  changes: string[];
  writes: FileWrite[];
}

/** The order of an answer document's front-matter keys. */
const ANSWER_KEYS = ['question', 'status', 'date', 'portefeuillehouder'];

export async function record(ws: Workspace, ref: string, changes: RecordChanges): Promise<RecordReport> {
  const received = changes.received === undefined ? undefined : userDate(changes.received, '--received');
  const until = changes.uitstelUntil === undefined ? undefined : userDate(changes.uitstelUntil, '--uitstel-until');
  const notice = changes.notice === undefined ? undefined : userDate(changes.notice, '--notice');
  const vastgesteld = changes.vastgesteld === undefined ? undefined : userDate(changes.vastgesteld, '--vastgesteld');
  const reason = changes.reason?.trim();
  if ((reason !== undefined || notice !== undefined) && until === undefined) throw new UsageError('--reason and --notice belong to an uitstel: give --uitstel-until DATE as well');
  if (until !== undefined && !reason) throw new UsageError('an uitstel needs its reason: give --reason TEXT');
  if (changes.kind !== undefined && !Object.hasOwn(ws.config.kinds, changes.kind)) {
    throw new UsageError(`--kind must be a kind in answer.config.json (${Object.keys(ws.config.kinds).join(', ')}), not "${changes.kind}"`);
  }
  if ([received, until, vastgesteld, changes.kind].every((value) => value === undefined)) {
    throw new UsageError('nothing to record: give --received, --uitstel-until with --reason, --vastgesteld or --kind');
  }

  const path = await resolveLetterPath(ws, ref);
  if (path === null) throw new InputError('no such file or question document id', { file: ref });
  const file = path === ws.userPath(ref) && ws.shown(path) === path ? ref : ws.shown(path);
  const text = await ws.files.readText(path).catch((error: unknown) => {
    throw error instanceof InputError ? new InputError(error.message, { file, line: error.line }) : error;
  });
  if (text === null) throw new InputError('no such file', { file });
  const { document: doc, keyLines } = readQuestionDocumentFile(text, file);
  if (doc.questions.length === 0 && doc.id === null) throw new InputError('not a question document (no id and no Vraag sections); import the letter first', { file });
  // The deadline is computed from the kind's term: a kind the configuration does not know has none.
  if (doc.kind && changes.kind === undefined && !Object.hasOwn(ws.config.kinds, doc.kind)) {
    throw new InputError(`kind: "${doc.kind}" is not a kind in answer.config.json (known: ${Object.keys(ws.config.kinds).join(', ')}); set one with --kind`, { file, line: keyLines.kind ?? null });
  }
  const id = doc.id ?? ref;

  const said: string[] = [];
  const writes: FileWrite[] = [];
  const next: QuestionDocument = { ...doc };
  if (received !== undefined) next.received = received;
  if (changes.kind !== undefined) next.kind = changes.kind;
  if (until !== undefined) next.uitstel = { date: notice ?? null, reason: reason ?? null, until };
  const before = computeDeadline(doc, ws.config);
  const after = computeDeadline(next, ws.config);
  if (until !== undefined && after.received !== null && until < after.received) {
    throw new UsageError(`--uitstel-until ${until} is before the letter was received (${after.received})`);
  }
  const questionChanges: FrontMatterChanges = {};
  const note = (what: string, now: string | null, was: string | null) => {
    if (now !== was) said.push(`${what} ${now ?? '(none)'}${was ? ` (was ${was})` : ''}`);
  };
  if (received !== undefined) {
    questionChanges.received = received;
    note('received', received, before.received);
  }
  if (changes.kind !== undefined) {
    questionChanges.kind = changes.kind;
    note('kind', changes.kind, before.kind);
  }
  if (until !== undefined) {
    questionChanges.uitstel = { date: notice ?? null, reason: reason ?? null, until };
    // The summary is one line; the reason is written to the front matter as given.
    said.push(`uitstel until ${until}${reason ? ` (${reason.replace(/\s+/g, ' ')})` : ''}`);
  }
  if (Object.keys(questionChanges).length > 0) {
    questionChanges.deadline = after.deadline;
    note('deadline', after.deadline, before.deadline);
    writes.push(
      await ws.files.write({
        path,
        existing: 'merge',
        content: (current) => editFrontMatter(current ?? text, questionChanges, { file, order: QUESTION_DOCUMENT_KEYS }),
      }),
    );
  }

  if (vastgesteld !== undefined) {
    checkAdoptionDate(vastgesteld, after.received);
    const answerPath = await findAnswerDocument(ws, id);
    if (answerPath === null) throw new InputError(`no answer document for ${id}; draft it first with answer draft ${id}`, { file });
    const answerFile = ws.shown(answerPath);
    writes.push(
      await ws.files.write({
        path: answerPath,
        existing: 'merge',
        content: (current) => {
          if (current === null) throw new InputError('no such file', { file: answerFile });
          const adopted = adoptAnswer(current, answerFile, vastgesteld);
          note('status', 'vastgesteld', adopted.was.status);
          note('vastgesteld on', vastgesteld, adopted.was.date);
          return adopted.text;
        },
      }),
    );
  }
  return { changes: said, writes };
}

/** The college cannot adopt an answer before the letter came in. */
export function checkAdoptionDate(vastgesteld: string, received: string | null): void {
  if (received !== null && vastgesteld < received) throw new UsageError(`--vastgesteld ${vastgesteld} is before the letter was received (${received})`);
}

/**
 * An answer document adopted on `date`: front matter `status: vastgesteld` and `date`, the body
 * byte for byte; with what the front matter said before.
 */
export function adoptAnswer(text: string, file: string, date: string): { text: string; was: { status: string | null; date: string | null } } {
  const { data } = readFrontMatter(text, file);
  const status = typeof data.status === 'string' && (ANSWER_STATUSES as readonly string[]).includes(data.status) ? data.status : null;
  return {
    text: editFrontMatter(text, { status: 'vastgesteld', date }, { file, order: ANSWER_KEYS }),
    was: { status, date: typeof data.date === 'string' ? data.date : null },
  };
}

/** `answers/<id>.md`, else the answer document whose front matter names the question document. */
async function findAnswerDocument(ws: Workspace, id: string): Promise<string | null> {
  const folder = ws.path(ws.config.answers);
  const preferred = join(folder, `${id}.md`);
  // Read to see that it can be: a FIFO or a link there is refused naming it, not taken for absent.
  if ((await ws.files.readBytes(preferred)) !== null) return preferred;
  for (const name of (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith('.md')).sort()) {
    const path = join(folder, name);
    const text = await ws.files.readText(path).catch(() => null);
    if (text === null) continue;
    try {
      if (readFrontMatter(text, name).data.question === id) return path;
    } catch {
      // unreadable front matter: check reports it
    }
  }
  return null;
}
