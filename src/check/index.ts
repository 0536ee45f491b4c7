/**
 * `answer check`: does every question document have a complete, current answer? The stage lists
 * the workspace, pairs each question document with its answer document, and checks one pair at a
 * time (read, check, keep only the report), running the rules in order: front matter (`schema`),
 * presence (`missing-answer`), answers (`unanswered`, `placeholder`), quoted questions (`drift`),
 * stray sections (`orphan`), sources (`stale-citation`), dates (`overdue`). It reads only;
 * nothing is ever written.
 */
import { UsageError } from '../errors.js';
import type { Uitstel } from '../model.js';
import { checkAnswers } from './answers.js';
import { type CitationLookup, checkCitations, type CorpusIndex, lookupOf } from './citations.js';
import { type CheckProblem, problem } from './codes.js';
import { CorpusLookup } from './corpus-lookup.js';
import { isIsoDate, todayIso } from './dates.js';
import { checkDrift } from './drift.js';
import {
  type AnswerFile, type AnswerHead, display, failure, type LoadedAnswer, type LoadedQuestion, listWorkspace, loadAnswer, loadQuestion, readAnswerHead, type WorkspaceFiles,
} from './load-workspace.js';
import { checkOrphans } from './orphan.js';
import { checkOverdue } from './overdue.js';
import { buildReport, type CheckedDocument, type CheckReport, ownDocument, ownString } from './report.js';
import type { StatusInput, StatusReport } from './status.js';

export interface CheckOptions {
  /** Question documents (or folders, or answer documents) to check; default: the whole workspace. */
  paths?: string[];
  /** The date deadlines are measured against, `YYYY-MM-DD`; default: today. */
  today?: string;
  /** Overdue answers are errors rather than warnings. */
  strict?: boolean;
  /**
   * The corpus passages citations must resolve to; default: the workspace's corpus, read only as
   * far as the answers cite it (the index's passage ids where the cited files are unchanged).
   */
  corpus?: CorpusIndex;
}

/** Check a workspace. Throws only when the check cannot run (`InputError`, `UsageError`). */
export async function checkWorkspace(workspaceDir: string, options: CheckOptions = {}): Promise<CheckReport> {
  const today = resolveToday(options.today);
  const strict = options.strict ?? false;
  const files = await listWorkspace(workspaceDir, { paths: options.paths });
  const lookup = options.corpus ? lookupOf(options.corpus) : new CorpusLookup(files.dir, files.config.corpus, files.answers);
  const documents: CheckedDocument[] = [];
  const pairing = new Pairing(files);
  for (const pair of pairing.pairs()) {
    const answer = pair.answer;
    const sources = answer?.doc?.answers.flatMap((section) => section.sources) ?? [];
    if (sources.length > 0 && lookup instanceof CorpusLookup) await lookup.load(sources);
    try {
      documents.push(ownDocument(checkDocument(pair, answer, { today, strict, corpus: sources.length > 0 ? lookup : null })));
    } catch (error) {
      // A rule that fails on one pair (a bug, a crafted file) stops only that pair.
      documents.push(ownDocument({ ...emptyDocument(pair, answer), problems: [...pair.question.problems, failure(error, answer?.file ?? pair.question.file)] }));
    }
  }
  // Extra answer documents for a question document checked before they were found.
  for (const doc of documents) {
    const late = doc.questionFile !== null ? pairing.late.get(doc.id) : undefined;
    if (late && doc.answerFile !== null) {
      doc.problems.push(...late);
      pairing.late.delete(doc.id);
    }
  }
  for (const head of pairing.unclaimed()) {
    if (files.selectedAnswers && !files.selectedAnswers.has(head.file)) continue;
    const answer = loadAnswer(head);
    documents.push(ownDocument({
      id: head.questionId,
      questionFile: null,
      answerFile: head.file,
      deadline: null,
      questions: 0,
      answered: 0,
      problems: [
        ...answer.problems,
        problem(
          'orphan',
          'error',
          `This answer document is for question document '${head.questionId}', which does not exist${head.named ? '' : ' (the id is taken from the file name)'}.`,
          { file: head.file, line: head.questionLine ?? 1 },
        ),
      ],
    }));
  }
  return buildReport(documents, { today, strict, questionsFolder: files.config.questions });
}

export interface StatusOptions {
  today?: string;
}

/**
 * The status of every question document of a workspace, with the figures councils ask about. A
 * document that cannot be read keeps its row, with the problems `check` gives for its files.
 */
export async function workspaceStatus(workspaceDir: string, options: StatusOptions = {}): Promise<StatusReport> {
  const today = resolveToday(options.today);
  const files = await listWorkspace(workspaceDir);
  const inputs: StatusInput[] = [];
  for (const { question, answer } of new Pairing(files).pairs()) {
    const doc = question.doc;
    let answered = 0;
    try {
      answered = doc && answer?.doc ? checkAnswers({ question: doc, answer: answer.doc, answerFile: answer.file }).answered : 0;
    } catch (error) {
      question.problems.push(failure(error, answer?.file ?? question.file));
    }
    const uitstel: Uitstel | null = doc?.uitstel ?? null;
    // Own copies of the strings kept (see `ownString`): the row must not hold the files' texts.
    const own = (text: string | null | undefined) => (text == null ? null : ownString(text));
    inputs.push({
      id: ownString(question.id),
      questionFile: question.file,
      answerFile: answer?.file ?? null,
      party: own(doc?.party),
      parties: (doc?.parties ?? []).map(ownString),
      subject: own(doc?.subject ?? doc?.title),
      received: own(doc?.received),
      deadline: own(doc?.deadline),
      uitstel: uitstel && { until: ownString(uitstel.until), date: own(uitstel.date), reason: own(uitstel.reason) },
      questions: doc?.questions.length ?? 0,
      answered,
      status: answer?.doc ? answer.doc.status : null,
      answerDate: own(answer?.doc?.date),
      problems: [...question.problems, ...(answer?.problems ?? [])].map((p) => ({ ...p, message: ownString(p.message), file: own(p.file) })),
    });
  }
  // Loaded here: `answer check` never builds the status table.
  const { buildStatus } = await import('./status.js');
  return buildStatus(inputs, today);
}

function resolveToday(today: string | undefined): string {
  if (today === undefined) return todayIso();
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}"`);
  return today;
}

interface Pair {
  question: LoadedQuestion;
  /** The answer document checked with it, read. */
  answer: LoadedAnswer | null;
  /** `answers/<id>.md` when it exists but names another question document. */
  misnamed: AnswerHead | null;
  /** Another question document has the same id: only the first is paired and checked. */
  duplicate: boolean;
  /** Problems found while pairing (duplicate ids, extra answer documents). */
  problems: CheckProblem[];
}

/**
 * Pairs question documents with answer documents, one pair at a time. An answer belongs to the
 * question document its front matter names (the file name stands in when the front matter does
 * not say). When several answer documents name one question document, `answers/<id>.md` wins,
 * else the first by path; the others are reported as `orphan`.
 *
 * Most answer documents are `answers/<id>.md` and name `<id>`: such a pair is read and checked at
 * once, every file read once. Only the other answer files have their front matter read, after
 * the question documents (to find the answer of a question document without `answers/<id>.md`,
 * extra answer documents, and answers to no question document); the question documents still
 * unpaired then are read again. Reading the front matter of every answer first cost 5 % of
 * `answer check` on bench/check.ts.
 */
class Pairing {
  private readonly byFile: Map<string, AnswerFile>;
  private readonly answersFolder: string;
  /** Answer files paired with a question document, or reported as an extra one. */
  private readonly claimed = new Set<string>();
  /** The files of the other answer documents, by the id they name (after `pairs`). */
  private rest: AnswerHead[] = [];
  /** Problems found after a pair was yielded (an extra answer document), by question id. */
  readonly late = new Map<string, CheckProblem[]>();

  constructor(private readonly files: WorkspaceFiles) {
    this.byFile = new Map(files.answers.map((a) => [a.file, a]));
    this.answersFolder = files.config.answers.replace(/\\/g, '/').replace(/\/+$/, '');
  }

  /** The question documents to check, read one at a time, in path order. */
  private *questions(): Generator<LoadedQuestion> {
    const { questionPaths, byAnswer } = this.files;
    if (!byAnswer) {
      for (const path of questionPaths) yield this.load(path);
      return;
    }
    // The paths given, and the question documents the answer documents given answer.
    const all = [...questionPaths.map((path) => ({ path, given: true })), ...byAnswer.paths.map((path) => ({ path, given: false }))];
    all.sort((a, b) => display(this.files.dir, a.path).localeCompare(display(this.files.dir, b.path)));
    for (const { path, given } of all) {
      const question = this.load(path);
      if (given || byAnswer.ids.has(question.id)) yield question;
    }
  }

  private load(path: string): LoadedQuestion {
    return loadQuestion(path, display(this.files.dir, path), this.files.config);
  }

  *pairs(): Generator<Pair> {
    const firstWithId = new Map<string, string>();
    /** Paired after the other answer files are known: the question document's path, and a misnamed answers/<id>.md. */
    const waiting: Array<{ path: string; id: string; misnamed: AnswerHead | null }> = [];
    const pairedIds = new Map<string, string>();
    for (const question of this.questions()) {
      const earlier = firstWithId.get(question.id);
      if (earlier !== undefined) {
        const problems = [
          problem('schema', 'error', `The id '${question.id}' is also the id of ${earlier}; each question document needs its own id.`, {
            file: question.file,
            line: question.keyLines.id ?? 1,
          }),
        ];
        yield { question, answer: null, misnamed: null, duplicate: true, problems };
        continue;
      }
      firstWithId.set(question.id, question.file);
      const preferred = this.byFile.get(`${this.answersFolder}/${question.id}.md`);
      const answer = preferred ? loadAnswer(preferred) : null;
      if (answer && answer.questionId === question.id) {
        this.claimed.add(answer.file);
        pairedIds.set(question.id, answer.file);
        yield { question, answer, misnamed: null, duplicate: false, problems: [] };
        continue;
      }
      waiting.push({ path: question.path, id: question.id, misnamed: answer });
    }

    // The other answer files, by the id their front matter names.
    const byId = new Map<string, AnswerHead[]>();
    this.rest = this.files.answers.filter((a) => !this.claimed.has(a.file)).map((a) => readAnswerHead(a));
    for (const head of this.rest) byId.set(head.questionId, [...(byId.get(head.questionId) ?? []), head]);
    for (const [id, file] of pairedIds) {
      for (const other of byId.get(id) ?? []) {
        this.claimed.add(other.file);
        this.late.set(id, [...(this.late.get(id) ?? []), extraAnswer(id, other, file)]);
      }
    }
    for (const { path, id, misnamed } of waiting) {
      const candidates = (byId.get(id) ?? []).filter((a) => !this.claimed.has(a.file));
      const chosen = candidates[0] ?? null;
      const problems: CheckProblem[] = [];
      for (const other of candidates) {
        this.claimed.add(other.file);
        if (other !== chosen) problems.push(extraAnswer(id, other, chosen!.file));
      }
      const question = this.load(path);
      yield { question, answer: chosen ? loadAnswer(chosen) : null, misnamed: chosen ? null : misnamed, duplicate: false, problems };
    }
  }

  /** Answer documents no question document claimed (after `pairs` has run). */
  unclaimed(): AnswerHead[] {
    return this.rest.filter((a) => !this.claimed.has(a.file));
  }
}

function extraAnswer(id: string, other: AnswerHead, checked: string): CheckProblem {
  return problem('orphan', 'error', `A second answer document for '${id}'; ${checked} is the one checked. Merge the two or remove this one.`, {
    file: other.file,
    line: other.questionLine ?? 1,
  });
}

interface DocumentContext {
  today: string;
  strict: boolean;
  corpus: CitationLookup | null;
}

function emptyDocument({ question }: Pair, answer: LoadedAnswer | null): CheckedDocument {
  const doc = question.doc;
  return {
    id: question.id,
    questionFile: question.file,
    answerFile: answer?.file ?? null,
    deadline: doc?.deadline ?? null,
    questions: doc?.questions.length ?? 0,
    answered: 0,
    problems: [],
  };
}

function checkDocument(pair: Pair, answer: LoadedAnswer | null, context: DocumentContext): CheckedDocument {
  const { question, misnamed, duplicate, problems: pairing } = pair;
  const doc = question.doc;
  const problems: CheckProblem[] = [...question.problems, ...pairing];
  const result: CheckedDocument = { ...emptyDocument(pair, answer), problems };
  // A question document that cannot be read, has no questions or repeats another's id is a
  // `schema` problem: whether it has an answer means nothing until it is fixed.
  if (!doc || doc.questions.length === 0 || duplicate) {
    if (answer) problems.push(...answer.problems);
    return result;
  }
  if (!answer) {
    const message = misnamed
      ? `There is no answer document for '${question.id}': ${misnamed.file} names question document '${misnamed.questionId}' in its front matter.`
      : `There is no answer document for '${question.id}'; run 'answer draft ${question.file}' to start one.`;
    problems.push(problem('missing-answer', 'error', message, { file: question.file, line: null }));
    problems.push(
      ...checkOverdue({ deadline: doc.deadline ?? null, today: context.today, status: null, strict: context.strict, file: question.file, line: deadlineLine(question) }),
    );
    return result;
  }
  problems.push(...answer.problems);
  if (!answer.doc) return result;

  const input = { question: doc, questionFile: question.file, answer: answer.doc, answerFile: answer.file };
  const answers = checkAnswers(input);
  result.answered = answers.answered;
  problems.push(...answers.problems, ...checkDrift(input), ...checkOrphans(input));
  if (context.corpus) problems.push(...checkCitations({ answer: answer.doc, answerFile: answer.file, text: answer.text, corpus: context.corpus }));
  problems.push(
    ...checkOverdue({
      deadline: doc.deadline ?? null,
      today: context.today,
      status: answer.statusKnown ? answer.doc.status : 'unknown',
      strict: context.strict,
      file: answer.file,
      line: answer.keyLines.status ?? 1,
    }),
  );
  return result;
}

/** The line that sets the deadline: the postponement, the deadline itself, or the receipt date. */
function deadlineLine(question: LoadedQuestion): number | null {
  const lines = question.keyLines;
  if (question.doc?.uitstel) return lines['uitstel.until'] ?? lines.uitstel ?? null;
  return lines.deadline ?? lines.received ?? lines.date ?? null;
}
