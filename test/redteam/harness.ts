/**
 * The red-team harness: every case runs the real command line (`runCli` from the sources) in a
 * child process with a watchdog, so a hang or a blow-up fails the case instead of stalling CI:
 * - time: a case that runs past its limit has its process killed (SIGKILL) and fails;
 * - memory: the process has a heap limit (`--max-old-space-size`), and its resident size is
 *   watched as well (buffers live outside the heap); past the limit it is killed and fails.
 * One child runs the cases of a test file one after the other (starting node with the sources
 * costs about a second); a killed child is replaced for the next case.
 *
 * And the checks every case makes: exit code, one line on stderr naming the file, no stack trace,
 * no "internal error", no terminal control characters, nothing outside the workspace touched,
 * nothing a person wrote lost.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { CaseReply, CaseRequest } from './runner.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = join(HERE, '..', '..');
const RUNNER = join(HERE, 'runner.ts');
const TSX = join(REPO, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs');

/** Heap limit of a case's process: the readers' 20 MB inputs need far less. */
export const HEAP_MB = 384;
/** Resident-size limit (heap, buffers and code): above it the case has blown up. */
export const RSS_MB = 900;
/** Default time limit of one case. A command on the small test workspace takes well under a second. */
export const TIME_MS = 20_000;

export interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
  /** Why the watchdog ended the case, if it did. */
  killed?: 'time' | 'memory' | 'crash';
  /** What the child printed when it died (node's own fatal errors). */
  crash?: string;
}

export interface RunOptions {
  /** Standard input. */
  stdin?: string | Uint8Array;
  timeMs?: number;
  env?: Record<string, string>;
}

function baseEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: tmpdir(), NO_COLOR: '1', CI: '1', ...extra };
}

function rssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** A child process that runs cases one after the other; replaced when the watchdog kills it. */
export class Runner {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private pending: ((reply: CaseReply) => void) | null = null;
  private stderr = '';
  private nextId = 1;

  private start(): Promise<void> {
    this.stderr = '';
    const child = fork(RUNNER, [], {
      execArgv: ['--import', TSX, `--max-old-space-size=${HEAP_MB}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: baseEnv(),
    });
    child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    this.child = child;
    return new Promise((resolve, reject) => {
      const onReady = (reply: CaseReply) => {
        if (reply.id === 0) {
          child.off('message', onReady);
          child.on('message', (r: CaseReply) => this.pending?.(r));
          resolve();
        }
      };
      child.on('message', onReady);
      child.once('exit', (code) => {
        if (this.child === child) {
          this.child = null;
          this.ready = null;
        }
        reject(new Error(`the red-team runner exited (${code}) before it was ready: ${this.stderr}`));
      });
    });
  }

  /** Run one command line in `cwd`, under the watchdog. */
  async run(cwd: string, argv: string[], options: RunOptions = {}): Promise<Run> {
    this.ready ??= this.start();
    await this.ready;
    const child = this.child!;
    const started = Date.now();
    const request: CaseRequest = {
      id: this.nextId++,
      argv,
      cwd,
      env: baseEnv(options.env),
      ...(options.stdin === undefined ? {} : { stdin: Buffer.from(options.stdin).toString('base64') }),
    };
    const limit = options.timeMs ?? TIME_MS;
    const result = await new Promise<Run>((resolve) => {
      let done = false;
      const finish = (run: Omit<Run, 'ms'>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        clearInterval(watch);
        child.off('exit', onExit);
        this.pending = null;
        resolve({ ...run, ms: Date.now() - started });
      };
      const kill = (why: 'time' | 'memory') => {
        this.child = null;
        this.ready = null;
        child.kill('SIGKILL');
        finish({ code: null, out: '', err: '', killed: why, crash: this.stderr });
      };
      const timer = setTimeout(() => kill('time'), limit);
      const watch = setInterval(() => {
        const rss = child.pid === undefined ? null : rssMb(child.pid);
        if (rss !== null && rss > RSS_MB) kill('memory');
      }, 50);
      const onExit = () => {
        this.child = null;
        this.ready = null;
        finish({ code: null, out: '', err: '', killed: 'crash', crash: this.stderr });
      };
      child.once('exit', onExit);
      this.pending = (reply) => {
        if (reply.id !== request.id) return;
        if (reply.thrown) finish({ code: reply.code, out: reply.out, err: `${reply.err}${reply.thrown}`, killed: 'crash' });
        else finish({ code: reply.code, out: reply.out, err: reply.err });
      };
      child.send(request);
    });
    return result;
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
    this.ready = null;
  }
}

/**
 * One whole process running `answer <argv>` (for two at once, or kill -9). Resolves when it ends;
 * `process` is there to kill it.
 */
export function spawnCli(cwd: string, argv: string[], env: Record<string, string> = {}): { process: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> } {
  const child = spawn(process.execPath, ['--import', TSX, `--max-old-space-size=${HEAP_MB}`, RUNNER, '--once', '--', ...argv], { cwd, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
  return { process: child, done };
}

// ---------------------------------------------------------------------------------------------
// What every case checks

/** Control characters a terminal acts on: C0 other than tab and newline, DEL, and C1. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function describe(run: Run): string {
  const why = run.killed ? `killed (${run.killed}) after ${run.ms} ms${run.crash ? `: ${run.crash.slice(-600)}` : ''}` : `exit ${run.code} in ${run.ms} ms`;
  return `${why}\n--- stdout ---\n${run.out.slice(0, 1500)}\n--- stderr ---\n${run.err.slice(0, 3000)}`;
}

/** Checks every run must pass, whatever the input: it ended by itself, without a crash or a leak to the terminal. */
export function expectSane(run: Run): void {
  expect(run.killed, describe(run)).toBeUndefined();
  expect(run.err, describe(run)).not.toMatch(/internal error|Maximum call stack|\n\s+at \S+ \(|heap out of memory|Unhandled|TypeError|RangeError/);
  expect(TERMINAL_CONTROLS.test(run.out), `stdout holds a control character\n${describe(run)}`).toBe(false);
  expect(TERMINAL_CONTROLS.test(run.err), `stderr holds a control character\n${describe(run)}`).toBe(false);
}

/**
 * A refusal: exit 2, one line on stderr that names the file (a string it contains, or a pattern
 * the whole line matches), and nothing on stdout.
 */
export function expectRefused(run: Run, file: string | RegExp, message?: RegExp): void {
  expectSane(run);
  expect(run.code, describe(run)).toBe(2);
  const lines = run.err.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length, `stderr must be one line\n${describe(run)}`).toBe(1);
  const line = lines[0]!;
  if (typeof file === 'string') expect(line.startsWith(file) || line.includes(` ${file}`) || line.includes(file), describe(run)).toBe(true);
  else expect(line, describe(run)).toMatch(file);
  if (message) expect(line, describe(run)).toMatch(message);
}

/** A legal input: exit 0 (or 1 for check's problems), sane output. */
export function expectDone(run: Run, codes: number[] = [0]): void {
  expectSane(run);
  expect(codes, describe(run)).toContain(run.code);
}

// ---------------------------------------------------------------------------------------------
// Workspaces

export const LETTER_ID = '2025-04-12-d66-regionale-zorg-en-veiligheid';
export const LETTER_FILE = `questions/${LETTER_ID}.md`;
export const ANSWER_FILE = `answers/${LETTER_ID}.md`;
/** A sentence a person wrote in the answer document: it must survive every case. */
export const WRITTEN_ANSWER = 'Het college werkt hierin samen met de regiogemeenten (geschreven door een mens).';
export const SEED_LETTER = join(REPO, 'test/fixtures/seeds/questions/2025-04-12-d66-regionale-zorg-en-veiligheid.txt');
export const SEED_MEMO = join(REPO, 'test/fixtures/seeds/answers/2025-05-d66-regionale-zorg-en-veiligheid-beantwoording.txt');

/** A small policy document for the corpus: a few sections the seed letter's words find. */
export const POLICY = `---
title: Koers zorg en veiligheid 2024
date: "2024"
source: koers.txt
---

# Koers zorg en veiligheid 2024

## Regionale samenwerking

De gemeente werkt in de regio samen met de veiligheidsregio en de GGD aan zorg en veiligheid.
Het Zorg- en Veiligheidshuis brengt zorg, straf en veiligheid bij elkaar voor inwoners met
meervoudige problemen.

## Verward gedrag

Voor inwoners met verward gedrag is er een meldpunt en een team van wijkagenten en
zorgverleners dat dag en nacht kan uitrukken.

## Financiering

De regionale zorg wordt betaald uit de decentralisatie-uitkering en een bijdrage van de
gemeenten in de regio.
`;

export interface Workspace {
  /** The workspace folder (holds answer.config.json). */
  dir: string;
  /** A folder beside it that no command may touch. */
  outside: string;
  /** The parent of both, removed by `dispose`. */
  base: string;
  path(...parts: string[]): string;
  dispose(): Promise<void>;
}

let template: Promise<string> | null = null;

/**
 * The workspace every case starts from, made once per test file with the commands themselves:
 * init, import the seed letter, corpus add, draft, and a written answer in the answer document.
 */
async function templateWorkspace(runner: Runner): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'answer-redteam-template-'));
  const dir = join(base, 'ws');
  const must = async (cwd: string, argv: string[]) => {
    const run = await runner.run(cwd, argv, { timeMs: 60_000 });
    if (run.code !== 0) throw new Error(`making the red-team workspace: answer ${argv.join(' ')}: ${describe(run)}`);
  };
  await mkdir(dir);
  await must(dir, ['init', '.', '--municipality', 'Zwolle']);
  await must(dir, ['import', SEED_LETTER, '--received', '2025-04-14']);
  await writeFile(join(base, 'koers.md'), POLICY);
  await must(dir, ['corpus', 'add', join(base, 'koers.md')]);
  await must(dir, ['draft', LETTER_ID]);
  const answer = join(dir, ANSWER_FILE);
  const text = await readFile(answer, 'utf8');
  const withAnswer = text.replace(/(## Vraag 1\b[\s\S]*?)_Antwoord nog in te vullen\._/, `$1${WRITTEN_ANSWER}`);
  if (withAnswer === text) throw new Error('making the red-team workspace: no placeholder under Vraag 1 to write an answer in');
  await writeFile(answer, withAnswer);
  await must(dir, ['search', 'zorg']); // builds .answer/index.bin
  return base;
}

/** A fresh copy of the template workspace, with an `outside` folder beside it. */
export async function workspace(runner: Runner): Promise<Workspace> {
  template ??= templateWorkspace(runner);
  const from = await template;
  const base = await mkdtemp(join(tmpdir(), 'answer-redteam-'));
  const dir = join(base, 'ws');
  await cp(join(from, 'ws'), dir, { recursive: true });
  const outside = join(base, 'outside');
  await mkdir(outside);
  await writeFile(join(outside, 'secret.txt'), 'not for answer\n');
  return {
    dir,
    outside,
    base,
    path: (...parts: string[]) => join(dir, ...parts),
    dispose: () => rm(base, { recursive: true, force: true }),
  };
}

export async function disposeTemplate(): Promise<void> {
  if (template) await rm(await template, { recursive: true, force: true }).catch(() => undefined);
  template = null;
}

/** Every entry under `dir` (not following links): type, mode and content hash. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    for (const name of (await readdir(folder)).sort()) {
      const path = join(folder, name);
      const info = await lstat(path);
      const key = relative(dir, path);
      if (info.isDirectory()) {
        out.set(key, `dir ${info.mode}`);
        await walk(path);
      } else if (info.isSymbolicLink()) out.set(key, `link ${await readlink(path)}`);
      else if (info.isFile()) out.set(key, `file ${info.mode} ${createHash('sha256').update(await readFile(path)).digest('hex')}`);
      else out.set(key, `other ${info.mode}`);
    }
  };
  await walk(dir);
  return out;
}

/**
 * Run a case and check what no case may do: touch anything outside the workspace, or lose the
 * answer a person wrote. Returns the run for the case's own checks.
 */
export async function runIn(ws: Workspace, runner: Runner, argv: string[], options: RunOptions & { cwd?: string } = {}): Promise<Run> {
  const before = await snapshot(ws.outside);
  const answerBefore = await writtenAnswer(ws);
  const run = await runner.run(options.cwd ?? ws.dir, argv, options);
  expect(await snapshot(ws.outside), `answer ${argv.join(' ')} touched a file outside the workspace\n${describe(run)}`).toEqual(before);
  if (answerBefore) expect(await writtenAnswer(ws), `answer ${argv.join(' ')} lost the written answer\n${describe(run)}`).toBe(true);
  return run;
}

/** Whether the answer document is a regular file that holds the written answer (never opens anything else). */
async function writtenAnswer(ws: Workspace): Promise<boolean> {
  const info = await lstat(ws.path(ANSWER_FILE)).catch(() => null);
  if (!info?.isFile()) return false;
  return (await readFile(ws.path(ANSWER_FILE), 'utf8')).includes(WRITTEN_ANSWER);
}

/** What a case expects: a refusal naming a file, or a run that is done (exit codes allowed). */
export type Expect = { refused: string | RegExp; message?: RegExp } | { done: number[] };

/** A red-team case: prepare the workspace, run a command line, check the outcome. */
export interface Case {
  name: string;
  setup?: (ws: Workspace) => Promise<void>;
  argv: string[] | ((ws: Workspace) => string[]);
  expect: Expect;
  stdin?: string | Uint8Array;
  timeMs?: number;
  /** Folder to run in, relative to the workspace (default: the workspace itself). */
  cwd?: string;
  /** More checks after the run. */
  then?: (ws: Workspace, run: Run) => Promise<void>;
}

/** Run one case in a fresh workspace and check it. */
export async function runCase(runner: Runner, c: Case): Promise<void> {
  const ws = await workspace(runner);
  try {
    await c.setup?.(ws);
    const argv = typeof c.argv === 'function' ? c.argv(ws) : c.argv;
    const run = await runIn(ws, runner, argv, {
      ...(c.stdin === undefined ? {} : { stdin: c.stdin }),
      ...(c.timeMs === undefined ? {} : { timeMs: c.timeMs }),
      ...(c.cwd === undefined ? {} : { cwd: join(ws.dir, c.cwd) }),
    });
    if ('refused' in c.expect) expectRefused(run, c.expect.refused, c.expect.message);
    else expectDone(run, c.expect.done);
    await c.then?.(ws, run);
  } finally {
    await ws.dispose();
  }
}

/**
 * The runner of a test file, stopped (and the template workspace removed) after its last test,
 * and `cases`, which defines one test per case.
 */
export function redTeamFile(): { runner: Runner; cases: (list: Case[]) => void } {
  const runner = new Runner();
  afterAll(async () => {
    runner.stop();
    await disposeTemplate();
  });
  return { runner, cases: (list) => list.forEach((c) => it(c.name, () => runCase(runner, c))) };
}
