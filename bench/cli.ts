/**
 * bench/cli.ts: `answer search` and `answer link` as a user runs them, each a new process
 * (`node bin/answer`, so it measures dist/: run `npm run build` first), in three states:
 * - cold: no index in .answer/: every corpus file parsed and analysed, the index written;
 * - warm: nothing changed since the last run: the index read, the corpus files only hashed;
 * - one file changed: a paragraph added to one corpus document: that file parsed and analysed
 *   again, the index written again.
 * On the example workspace (corpus/, answers/, questions/ of this repository, copied) and on a
 * generated one with the synthetic 100× corpus (bench/lib/synthetic.ts written as markdown); both
 * in a temp folder, removed after. Wall time in ms, the best of the runs.
 *
 * Then issue 14's comparison: `answer search` cold and warm against a MiniSearch script over the
 * same files (bench/lib/minisearch-search.mjs), interleaved, whole processes.
 *
 * BENCH_QUICK=1: the example workspace only, few runs. ANSWER_BIN=<path to bin/answer> measures
 * another build the same way (a checkout of an earlier commit, for a before/after).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../src/corpus/index.js';
import type { BenchOptions } from './run.js';
import { syntheticCorpus, syntheticMarkdown } from './lib/synthetic.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUERY = 'politie meldingen';

interface Workspace {
  label: string;
  dir: string;
  /** A question document to link, workspace-relative. */
  letter: string;
  /** The corpus document the "one file changed" runs edit, workspace-relative. */
  edited: string;
  description: string;
}

interface Runs {
  cold: number;
  warm: number;
  changed: number;
}

/** The example workspace of this repository, copied into `dir`. */
async function exampleWorkspace(dir: string): Promise<Workspace> {
  for (const entry of ['corpus', 'answers', 'questions', 'answer.config.json']) await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  return describeWorkspace('example', dir);
}

/** The example workspace with its corpus replaced by the synthetic corpus `scale` times its size. */
async function syntheticWorkspace(dir: string, scale: number): Promise<Workspace> {
  for (const entry of ['answers', 'questions', 'answer.config.json']) await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  const seed = await loadCorpus(ROOT, { answers: null });
  for (const { file, markdown } of syntheticMarkdown(syntheticCorpus(seed.passages, scale).passages)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), markdown);
  }
  return describeWorkspace(`synthetic ${scale}×`, dir);
}

async function describeWorkspace(label: string, dir: string): Promise<Workspace> {
  const corpus = (await readdir(join(dir, 'corpus'))).filter((f) => f.endsWith('.md')).sort();
  let bytes = 0;
  for (const f of corpus) bytes += statSync(join(dir, 'corpus', f)).size;
  const letters = (await readdir(join(dir, 'questions'))).filter((f) => f.endsWith('.md')).sort();
  const answers = existsSync(join(dir, 'answers')) ? (await readdir(join(dir, 'answers'))).length : 0;
  return {
    label,
    dir,
    letter: `questions/${letters[0]!}`,
    edited: `corpus/${corpus[0]!}`,
    description: `${label}: ${corpus.length} corpus documents, ${(bytes / 1024 / 1024).toFixed(1)} MB of markdown, ${answers} answer memo(s); the one changed: ${corpus[0]!} (${(statSync(join(dir, 'corpus', corpus[0]!)).size / 1024).toFixed(0)} KB)`,
  };
}

/** Wall time of one `answer` process in `cwd`; throws when it fails. */
function timed(bin: string, cwd: string, argv: string[]): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`answer ${argv.join(' ')} failed (exit ${child.status}) in ${cwd}: ${child.stderr}`);
  return ms;
}

function best(times: number[]): string {
  return Math.min(...times).toFixed(0);
}

/** The MiniSearch script of bench/lib/minisearch-search.mjs over the same workspace, as a process. */
const MINISEARCH_SCRIPT = join(ROOT, 'bench', 'lib', 'minisearch-search.mjs');

/**
 * Issue 14's speed targets: `answer search` against the MiniSearch script over the same files, whole
 * processes, in one run: the three interleaved round by round (so load on the machine falls on all
 * alike), the best of each. Targets: cold (no index) at most 1.2×, warm at most 0.8× the script.
 */
async function versusMiniSearch(bin: string, ws: Workspace, rounds: number): Promise<void> {
  const cold: number[] = [];
  const warm: number[] = [];
  const mini: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await rm(join(ws.dir, '.answer'), { recursive: true, force: true });
    cold.push(timed(bin, ws.dir, ['search', QUERY]));
    warm.push(timed(bin, ws.dir, ['search', QUERY]));
    mini.push(timed(MINISEARCH_SCRIPT, ws.dir, [ws.dir, QUERY]));
  }
  const m = Math.min(...mini);
  console.log(
    `${ws.label.padEnd(16)}search vs MiniSearch script (${best(mini)} ms): cold ${(Math.min(...cold) / m).toFixed(2)}×, warm ${(Math.min(...warm) / m).toFixed(2)}× (targets ≤ 1.2×, ≤ 0.8×; best of ${rounds})`,
  );
}

async function measure(bin: string, ws: Workspace, runs: Runs): Promise<void> {
  const original = await readFile(join(ws.dir, ws.edited));
  for (const [command, argv] of [
    ['search', ['search', QUERY]],
    ['link', ['link', ws.letter]],
  ] as const) {
    const cold: number[] = [];
    for (let i = 0; i < runs.cold; i++) {
      await rm(join(ws.dir, '.answer'), { recursive: true, force: true });
      cold.push(timed(bin, ws.dir, [...argv]));
    }
    const warm: number[] = [];
    for (let i = 0; i < runs.warm; i++) warm.push(timed(bin, ws.dir, [...argv]));
    const changed: number[] = [];
    for (let i = 0; i < runs.changed; i++) {
      await appendFile(join(ws.dir, ws.edited), `\nEen alinea die er bij run ${i + 1} bij kwam, over meldingen bij de politie.\n`);
      changed.push(timed(bin, ws.dir, [...argv]));
    }
    await writeFile(join(ws.dir, ws.edited), original);
    console.log(`${ws.label.padEnd(16)}${command.padEnd(8)}${best(cold).padStart(10)}${best(warm).padStart(10)}${best(changed).padStart(16)}`);
  }
}

/** Wall time of a node process running `args` (no `answer`): the floor every command starts from. */
function timedNode(args: string[], cwd: string): number {
  const start = performance.now();
  spawnSync(process.execPath, args, { cwd });
  return performance.now() - start;
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Start-up as a user meets it: `--version`, `--help` and `check` on the example workspace, each a
 * new process, against `node -e 0` measured in the same run (median of `runs`, interleaved so a
 * busy moment hits all alike). Issue 13's aim: `--help` within 2× node's own start.
 */
function startup(bin: string, workspace: string, runs: number): void {
  const rows: Array<[string, () => number]> = [
    ['node -e 0', () => timedNode(['-e', '0'], workspace)],
    ['answer --version', () => timed(bin, workspace, ['--version'])],
    ['answer --help', () => timed(bin, workspace, ['--help'])],
    ['answer check', () => timed(bin, workspace, ['check', '--today', '2025-06-01'])],
  ];
  const times = rows.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) rows.forEach(([, measure], r) => times[r]!.push(measure()));
  const floor = median(times[0]!);
  console.log(`  start-up, median of ${runs} new processes:`);
  rows.forEach(([label], r) => {
    const ms = median(times[r]!);
    console.log(`    ${label.padEnd(18)}${ms.toFixed(0).padStart(6)} ms${r === 0 ? '' : `  ${(ms / floor).toFixed(2)}× node`}`);
  });
}

/** Whether some source file is newer than the build the bench runs. */
async function distIsStale(): Promise<boolean> {
  const built = statSync(join(ROOT, 'dist', 'cli', 'main.js')).mtimeMs;
  const newer = async (dir: string): Promise<boolean> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() ? await newer(path) : entry.name.endsWith('.ts') && statSync(path).mtimeMs > built) return true;
    }
    return false;
  };
  return newer(join(ROOT, 'src'));
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const custom = process.env.ANSWER_BIN;
  const bin = custom ? resolve(custom) : join(ROOT, 'bin', 'answer');
  if (!custom && !existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    console.log('cli: skipped, dist/ is not built (npm run build)');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'answer-bench-cli-'));
  try {
    await mkdir(join(dir, 'example'));
    const workspaces = [await exampleWorkspace(join(dir, 'example'))];
    if (!quick) {
      await mkdir(join(dir, 'synthetic'));
      workspaces.push(await syntheticWorkspace(join(dir, 'synthetic'), 100));
    }
    console.log(`cli: answer search "${QUERY}" and answer link <letter>, each a new process of ${custom ? bin : 'bin/answer (dist/)'}; ${workspaces.map((w) => w.description).join('; ')}`);
    if (!custom && (await distIsStale())) console.log('  (dist/ is older than src/: these are the figures of the last build; npm run build)');
    startup(bin, workspaces[0]!.dir, quick ? 5 : 15);
    console.log(`${'workspace'.padEnd(16)}${'command'.padEnd(8)}${'cold ms'.padStart(10)}${'warm ms'.padStart(10)}${'1 changed ms'.padStart(16)}`);
    for (const ws of workspaces) {
      const large = ws.label !== 'example';
      await measure(bin, ws, large ? { cold: 1, warm: 3, changed: 2 } : quick ? { cold: 1, warm: 2, changed: 1 } : { cold: 3, warm: 5, changed: 3 });
    }
    for (const ws of workspaces) await versusMiniSearch(bin, ws, ws.label !== 'example' ? 1 : quick ? 2 : 7);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
