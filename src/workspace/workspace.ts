/**
 * A workspace: the folder with `answer.config.json`, `questions/`, `answers/` and `corpus/`.
 * `openWorkspace` finds it (upward from the given folder) and offers every operation a person
 * does in it. Each operation returns data — the files it wrote (created, updated, replaced,
 * unchanged, with the backup), notes and problems — and never prints; the CLI formats it.
 * Operations are loaded when called, so opening a workspace for `check` costs no reader,
 * writer or index code.
 */
import { resolve } from 'node:path';
import { DATABASE_URL_ENV, defaultConfig, loadConfig, type AnswerConfig } from '../config/config.js';
import type { QuestionDocument } from '../model.js';
import { WorkspaceFiles } from './files.js';
import { findWorkspaceRoot, requireWorkspaceRoot } from './root.js';
import type { AddPolicyOptions, AddPolicyReport } from './add-policy.js';
import type { CheckOptions, CheckReport, StatusOptions, StatusReport } from './check.js';
import type { DraftOptions, DraftReport } from './draft.js';
import type { EvaluateReport } from './evaluate.js';
import type { ImportAnswersOptions, ImportAnswersReport } from './import-answers.js';
import type { ImportLettersOptions, ImportLettersReport, LetterInput } from './import-letters.js';
import type { LinkOptions, LinkReport, SearchReport } from './link.js';
import type { LetterRef } from './letters.js';
import type { RecordChanges, RecordReport } from './record.js';
import type { RestoreReport } from './restore.js';

/** Progress of work that takes a while, for a progress line on a terminal. */
export interface ProgressEvent {
  /** What is being done, e.g. "converting", "indexing". */
  task: string;
  done: number;
  /** Null when the total is not known. */
  total: number | null;
  /** The item being worked on (a file name), if any. */
  item?: string;
}

export interface WorkspaceOptions {
  /** The folder the user works in: the workspace is this folder or the nearest one above it. */
  dir: string;
  /**
   * Outside a workspace, work in `dir` with the default configuration instead of refusing
   * (for reading letters, which needs no workspace). Default false.
   */
  optional?: boolean;
  /** Called as long work goes on (files converted, passages indexed). */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * The environment (default `process.env`): ANSWER_DATABASE_URL gives the PostgreSQL index's URL
   * when answer.config.json names none, so no password sits in a committed file.
   */
  env?: Record<string, string | undefined>;
}

export class Workspace {
  readonly files: WorkspaceFiles;

  constructor(
    /** The folder with answer.config.json. */
    readonly root: string,
    /** The folder paths on the command line are relative to. */
    readonly cwd: string,
    readonly config: AnswerConfig,
    readonly onProgress: (event: ProgressEvent) => void = () => undefined,
  ) {
    this.files = new WorkspaceFiles(root);
  }

  /** A path inside the workspace (relative to the root). */
  path(...parts: string[]): string {
    return resolve(this.root, ...parts);
  }

  /** A path the user gave (relative to the folder they work in). */
  userPath(given: string): string {
    return resolve(this.cwd, given);
  }

  /** A path as messages show it: workspace-relative, forward slashes. */
  shown(path: string): string {
    return this.files.shown(path);
  }

  /** A question document or letter, named by file or by question document id. */
  async letter(ref: LetterRef): Promise<{ doc: QuestionDocument; file: string; path: string | null }> {
    const { loadLetter } = await import('./letters.js');
    return loadLetter(this, ref);
  }

  /** Import letters as question documents `questions/<id>.md`. */
  async importLetters(inputs: LetterInput[], options: ImportLettersOptions = {}): Promise<ImportLettersReport> {
    const { importLetters } = await import('./import-letters.js');
    return importLetters(this, inputs, options);
  }

  /** Convert policy documents into the corpus (`corpus/<slug>.md`). */
  async addPolicy(files: string[], options: AddPolicyOptions = {}): Promise<AddPolicyReport> {
    const { addPolicy } = await import('./add-policy.js');
    return addPolicy(this, files, options);
  }

  /** Link every question of a letter to the passages that may answer it. */
  async link(ref: LetterRef, options: LinkOptions = {}): Promise<LinkReport> {
    const { link } = await import('./link.js');
    return link(this, ref, options);
  }

  /** Rank passages for free words. */
  async search(words: string, options: LinkOptions = {}): Promise<SearchReport> {
    const { search } = await import('./link.js');
    return search(this, words, options);
  }

  /** Measure the linker against a gold file. */
  async evaluate(goldFile: string): Promise<EvaluateReport> {
    const { evaluate } = await import('./evaluate.js');
    return evaluate(this, goldFile);
  }

  /** Draft (or redraft) the answer document of a letter, or export it as Word or HTML. */
  async draft(ref: LetterRef, options: DraftOptions = {}): Promise<DraftReport> {
    const { draft } = await import('./draft.js');
    return draft(this, ref, options);
  }

  /** Read an answered memo back into the answer document. */
  async importAnswers(memoFile: string, options: ImportAnswersOptions = {}): Promise<ImportAnswersReport> {
    const { importAnswers } = await import('./import-answers.js');
    return importAnswers(this, memoFile, options);
  }

  /** Record what the griffie or the college decided: received, uitstel, vastgesteld, kind. */
  async record(ref: string, changes: RecordChanges): Promise<RecordReport> {
    const { record } = await import('./record.js');
    return record(this, ref, changes);
  }

  /** List the kept versions of a file, or put one back. */
  async restore(file: string, version?: string): Promise<RestoreReport> {
    const { restore } = await import('./restore.js');
    return restore(this, file, version);
  }

  /** Check that every question has a complete, current answer. Reads only. */
  async check(options: CheckOptions = {}): Promise<CheckReport> {
    const { check } = await import('./check.js');
    return check(this, options);
  }

  /** Every question document with its deadline and progress. Reads only. */
  async status(options: StatusOptions = {}): Promise<StatusReport> {
    const { status } = await import('./check.js');
    return status(this, options);
  }
}

/**
 * Open the workspace that holds `dir` (the folder itself or the nearest folder above it with
 * `answer.config.json`). Outside a workspace: a usage error that says to run `answer init`.
 */
export async function openWorkspace(options: WorkspaceOptions): Promise<Workspace> {
  const cwd = resolve(options.dir);
  const found = options.optional ? await findWorkspaceRoot(cwd) : await requireWorkspaceRoot(cwd);
  const root = found ?? cwd;
  const config = found === null ? defaultConfig() : await loadConfig(root);
  const env = options.env ?? process.env;
  const url = env[DATABASE_URL_ENV]?.trim();
  if (config.index.backend === 'postgres' && config.index.url === null && url) config.index = { ...config.index, url };
  return new Workspace(root, cwd, config, options.onProgress);
}
