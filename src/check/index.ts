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
import { type AnswerHead, display, failure, type LoadedAnswer, type LoadedQuestion, listWorkspace, loadAnswer, loadQuestion, type WorkspaceFiles } from './load-workspace.js';
import { checkOrphans } from './orphan.js';
import { checkOverdue } from './overdue.js';
import { buildReport, type CheckedDocument, type CheckReport } from './report.js';
import { buildStatus, type StatusInput, type StatusReport } from './status.js';

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
    const answer = pair.answer ? loadAnswer(pair.answer) : null;
    const sources = answer?.doc?.answers.flatMap((section) => section.sources) ?? [];
    if (sources.length > 0 && lookup instanceof CorpusLookup) await lookup.load(sources);
    try {
      documents.push(checkDocument(pair, answer, { today, strict, corpus: sources.length > 0 ? lookup : null }));
    } catch (error) {
      // A rule that fails on one pair (a bug, a crafted file) stops only that pair.
      documents.push({ ...emptyDocument(pair, answer), problems: [...pair.question.problems, failure(error, answer?.file ?? pair.question.file)] });
    }
  }
  for (const head of pairing.unclaimed()) {
    if (files.selectedAnswers && !files.selectedAnswers.has(head.file)) continue;
    const answer = loadAnswer(head);
    documents.push({
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
    });
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
  for (const { question, answer: head } of new Pairing(files).pairs()) {
    const doc = question.doc;
    const answer = head ? loadAnswer(head) : null;
    let answered = 0;
    try {
      answered = doc && answer?.doc ? checkAnswers({ question: doc, answer: answer.doc, answerFile: answer.file }).answered : 0;
    } catch (error) {
      question.problems.push(failure(error, answer?.file ?? question.file));
    }
    const uitstel: Uitstel | null = doc?.uitstel ?? null;
    inputs.push({
      id: question.id,
      questionFile: question.file,
      answerFile: answer?.file ?? null,
      party: doc?.party ?? null,
      parties: doc?.parties ?? [],
      subject: doc?.subject ?? doc?.title ?? null,
      received: doc?.received ?? null,
      deadline: doc?.deadline ?? null,
      uitstel,
      questions: doc?.questions.length ?? 0,
      answered,
      status: answer?.doc ? answer.doc.status : null,
      answerDate: answer?.doc?.date ?? null,
      problems: [...question.problems, ...(answer?.problems ?? [])],
    });
  }
  return buildStatus(inputs, today);
}

function resolveToday(today: string | undefined): string {
  if (today === undefined) return todayIso();
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}"`);
  return today;
}

interface Pair {
  question: LoadedQuestion;
  /** The answer document checked with it. */
  answer: AnswerHead | null;
  /** `answers/<id>.md` when it exists but names another question document. */
  misnamed: AnswerHead | null;
  /** Another question document has the same id: only the first is paired and checked. */
  duplicate: boolean;
  /** Problems found while pairing (duplicate ids, extra answer documents). */
  problems: CheckProblem[];
}

/**
 * Pairs question documents with answer documents, one question document at a time. An answer
 * belongs to the question document its front matter names (the file name stands in when the front
 * matter does not say). When several answer documents name one question document,
 * `answers/<id>.md` wins, else the first by path; the others are reported as `orphan`.
 */
class Pairing {
  private readonly byId = new Map<string, AnswerHead[]>();
  private readonly byFile: Map<string, AnswerHead>;
  private readonly answersFolder: string;
  private readonly claimed = new Set<string>();

  constructor(private readonly files: WorkspaceFiles) {
    for (const answer of files.answers) {
      const list = this.byId.get(answer.questionId) ?? [];
      list.push(answer);
      this.byId.set(answer.questionId, list);
    }
    this.byFile = new Map(files.answers.map((a) => [a.file, a]));
    this.answersFolder = files.config.answers.replace(/\\/g, '/').replace(/\/+$/, '');
  }

  /** The question documents to check, read one at a time, in path order. */
  private *questions(): Generator<LoadedQuestion> {
    const { dir, config, questionPaths, byAnswer } = this.files;
    const load = (path: string) => loadQuestion(path, display(dir, path), config);
    if (!byAnswer) {
      for (const path of questionPaths) yield load(path);
      return;
    }
    // The paths given, and the question documents the answer documents given answer.
    const all = [...questionPaths.map((path) => ({ path, given: true })), ...byAnswer.paths.map((path) => ({ path, given: false }))];
    all.sort((a, b) => display(dir, a.path).localeCompare(display(dir, b.path)));
    for (const { path, given } of all) {
      const question = load(path);
      if (given || byAnswer.ids.has(question.id)) yield question;
    }
  }

  *pairs(): Generator<Pair> {
    const firstWithId = new Map<string, string>();
    for (const question of this.questions()) {
      const problems: CheckProblem[] = [];
      const earlier = firstWithId.get(question.id);
      if (earlier !== undefined) {
        problems.push(
          problem('schema', 'error', `The id '${question.id}' is also the id of ${earlier}; each question document needs its own id.`, {
            file: question.file,
            line: question.keyLines.id ?? 1,
          }),
        );
        yield { question, answer: null, misnamed: null, duplicate: true, problems };
        continue;
      }
      firstWithId.set(question.id, question.file);
      const candidates = this.byId.get(question.id) ?? [];
      const preferred = `${this.answersFolder}/${question.id}.md`;
      const answer = candidates.find((a) => a.file === preferred) ?? candidates[0] ?? null;
      for (const other of candidates) {
        this.claimed.add(other.file);
        if (other === answer) continue;
        problems.push(
          problem('orphan', 'error', `A second answer document for '${question.id}'; ${answer!.file} is the one checked. Merge the two or remove this one.`, {
            file: other.file,
            line: other.questionLine ?? 1,
          }),
        );
      }
      const atPreferred = this.byFile.get(preferred);
      const misnamed = !answer && atPreferred && atPreferred.questionId !== question.id ? atPreferred : null;
      yield { question, answer, misnamed, duplicate: false, problems };
    }
  }

  /** Answer documents no question document claimed (after `pairs` has run). */
  unclaimed(): AnswerHead[] {
    return this.files.answers.filter((a) => !this.claimed.has(a.file));
  }
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
