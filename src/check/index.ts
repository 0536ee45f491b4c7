/**
 * `answer check`: does every question document have a complete, current answer? The stage reads
 * the workspace, pairs each question document with its answer document, and runs the rules in
 * order: front matter (`schema`), presence (`missing-answer`), answers (`unanswered`,
 * `placeholder`), quoted questions (`drift`), stray sections (`orphan`), sources
 * (`stale-citation`), dates (`overdue`). It reads only; nothing is ever written.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Passage } from '../model.js';
import { checkAnswers } from './answers.js';
import { checkCitations, corpusIndex, type CorpusIndex } from './citations.js';
import { type CheckProblem, problem } from './codes.js';
import { isIsoDate, todayIso } from './dates.js';
import { checkDrift } from './drift.js';
import { display, type LoadedAnswer, type LoadedQuestion, type LoadedWorkspace, loadWorkspace, markdownFiles, readText } from './load-workspace.js';
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
   * The corpus passages citations must resolve to; default: the workspace's corpus, loaded only
   * when some answer cites a source.
   */
  corpus?: CorpusIndex;
}

/** Check a workspace. Throws only when the check cannot run (`InputError`, `UsageError`). */
export async function checkWorkspace(workspaceDir: string, options: CheckOptions = {}): Promise<CheckReport> {
  const today = resolveToday(options.today);
  const strict = options.strict ?? false;
  const workspace = await loadWorkspace(workspaceDir, { paths: options.paths });
  const pairs = pairDocuments(workspace);
  const corpus = options.corpus ?? (needsCorpus(pairs) ? await loadCorpusIndex(workspace) : null);

  const documents: CheckedDocument[] = pairs.documents.map((pair) => checkDocument(pair, { today, strict, corpus }));
  for (const answer of pairs.unclaimed) {
    if (workspace.selectedAnswers && !workspace.selectedAnswers.has(answer.file)) continue;
    documents.push({
      id: answer.questionId,
      questionFile: null,
      answerFile: answer.file,
      deadline: null,
      questions: 0,
      answered: 0,
      problems: [
        ...answer.problems,
        problem(
          'orphan',
          'error',
          `This answer document is for question document '${answer.questionId}', which does not exist${answer.named ? '' : ' (the id is taken from the file name)'}.`,
          { file: answer.file, line: answer.keyLines.question ?? 1 },
        ),
      ],
    });
  }
  return buildReport(documents, { today, strict, questionsFolder: workspace.config.questions });
}

export interface StatusOptions {
  today?: string;
}

/** The status of every question document of a workspace, with the figures councils ask about. */
export async function workspaceStatus(workspaceDir: string, options: StatusOptions = {}): Promise<StatusReport> {
  const today = resolveToday(options.today);
  const workspace = await loadWorkspace(workspaceDir);
  const pairs = pairDocuments(workspace);
  const inputs: StatusInput[] = pairs.documents.map(({ question, answer }) => {
    const doc = question.doc;
    const answered = doc && answer?.doc ? checkAnswers({ question: doc, answer: answer.doc, answerFile: answer.file }).answered : 0;
    return {
      id: question.id,
      questionFile: question.file,
      answerFile: answer?.file ?? null,
      party: doc?.party ?? null,
      parties: doc?.parties ?? [],
      subject: doc?.subject ?? doc?.title ?? null,
      received: doc?.received ?? null,
      deadline: doc?.deadline ?? null,
      questions: doc?.questions.length ?? 0,
      answered,
      status: answer?.doc ? answer.doc.status : null,
      answerDate: answer?.doc?.date ?? null,
    };
  });
  return buildStatus(inputs, today);
}

function resolveToday(today: string | undefined): string {
  if (today === undefined) return todayIso();
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}"`);
  return today;
}

interface Pair {
  question: LoadedQuestion;
  answer: LoadedAnswer | null;
  /** `answers/<id>.md` when it exists but names another question document. */
  misnamed: LoadedAnswer | null;
  /** Another question document has the same id: only the first is paired and checked. */
  duplicate: boolean;
  /** Problems found while pairing (duplicate ids, extra answer documents). */
  problems: CheckProblem[];
}

/**
 * Pair question documents with answer documents. An answer belongs to the question document its
 * front matter names (the file name stands in when the front matter does not say). When several
 * answer documents name one question document, `answers/<id>.md` wins, else the first by path;
 * the others are reported as `orphan`.
 */
function pairDocuments(workspace: LoadedWorkspace): { documents: Pair[]; unclaimed: LoadedAnswer[] } {
  const byId = new Map<string, LoadedAnswer[]>();
  for (const answer of workspace.answers) {
    const list = byId.get(answer.questionId) ?? [];
    list.push(answer);
    byId.set(answer.questionId, list);
  }
  const answersFolder = workspace.config.answers.replace(/\\/g, '/').replace(/\/+$/, '');
  const firstWithId = new Map<string, string>();
  const claimed = new Set<string>();
  const documents: Pair[] = [];
  const byFile = new Map(workspace.answers.map((a) => [a.file, a]));
  for (const question of workspace.questions) {
    const problems: CheckProblem[] = [];
    const earlier = firstWithId.get(question.id);
    if (earlier !== undefined) {
      problems.push(
        problem('schema', 'error', `The id '${question.id}' is also the id of ${earlier}; each question document needs its own id.`, {
          file: question.file,
          line: question.keyLines.id ?? 1,
        }),
      );
      documents.push({ question, answer: null, misnamed: null, duplicate: true, problems });
      continue;
    }
    firstWithId.set(question.id, question.file);
    const candidates = byId.get(question.id) ?? [];
    const preferred = `${answersFolder}/${question.id}.md`;
    const answer = candidates.find((a) => a.file === preferred) ?? candidates[0] ?? null;
    for (const other of candidates) {
      claimed.add(other.file);
      if (other === answer) continue;
      problems.push(
        problem('orphan', 'error', `A second answer document for '${question.id}'; ${answer!.file} is the one checked. Merge the two or remove this one.`, {
          file: other.file,
          line: other.keyLines.question ?? 1,
        }),
      );
    }
    const atPreferred = byFile.get(preferred);
    const misnamed = !answer && atPreferred && atPreferred.questionId !== question.id ? atPreferred : null;
    documents.push({ question, answer, misnamed, duplicate: false, problems });
  }
  const unclaimed = workspace.answers.filter((a) => !claimed.has(a.file));
  return { documents, unclaimed };
}

interface DocumentContext {
  today: string;
  strict: boolean;
  corpus: CorpusIndex | null;
}

function checkDocument({ question, answer, misnamed, duplicate, problems: pairing }: Pair, context: DocumentContext): CheckedDocument {
  const doc = question.doc;
  const problems: CheckProblem[] = [...question.problems, ...pairing];
  const result: CheckedDocument = {
    id: question.id,
    questionFile: question.file,
    answerFile: answer?.file ?? null,
    deadline: doc?.deadline ?? null,
    questions: doc?.questions.length ?? 0,
    answered: 0,
    problems,
  };
  // A question document that cannot be read, has no questions or repeats another's id is one
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

function needsCorpus(pairs: { documents: Pair[] }): boolean {
  return pairs.documents.some((pair) => pair.answer?.doc?.answers.some((section) => section.sources.length > 0));
}

/**
 * The passages citations may point to: those of the cited corpus documents (split by the corpus
 * stage's `splitPassages`, as `loadCorpus` does) and of the cited answer documents (the linker
 * suggests earlier answers too; `answerPassages` on the answers already read). Only cited
 * documents are split: remark-parse reads about 1 MB/s here, and a council's corpus runs to tens
 * of MB of policy of which an answer cites a few documents. A cited document that cannot be read
 * has no passages, so its citations are stale.
 */
async function loadCorpusIndex(workspace: LoadedWorkspace): Promise<CorpusIndex> {
  const [{ splitPassages }, { answerPassages }, { MAX_CORPUS_FILE_BYTES }] = await Promise.all([
    import('../corpus/split-passages.js'),
    import('../corpus/answer-passages.js'),
    import('../corpus/load-corpus.js'),
  ]);
  const cited = new Set<string>();
  for (const answer of workspace.answers) for (const section of answer.doc?.answers ?? []) for (const source of section.sources) cited.add(source.doc);
  const slug = (file: string) => basename(file).replace(/\.md$/i, '');
  const passages: Passage[] = [];
  for (const folder of workspace.config.corpus) {
    for (const path of await markdownFiles(resolve(workspace.dir, folder), workspace.dir)) {
      const doc = slug(path);
      if (!cited.has(doc) || statSync(path).size > MAX_CORPUS_FILE_BYTES) continue;
      const text = readText(path, display(workspace.dir, path), []);
      if (text !== null) passages.push(...splitPassages(text, { file: display(workspace.dir, path), doc }).passages);
    }
  }
  for (const answer of workspace.answers) {
    if (answer.doc && cited.has(slug(answer.file))) passages.push(...answerPassages(answer.doc, answer.file, { text: answer.text }));
  }
  return corpusIndex(passages);
}
