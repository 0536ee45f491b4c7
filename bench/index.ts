/**
 * bench/index.ts: the index backends side by side, the embedded one (in memory, `.answer/index.bin`)
 * and PostgreSQL, on the seed corpus and on synthetic corpora 100× and 1,000× its size
 * (bench/lib/synthetic.ts): index time, query time per gold question (p50, p95; the query as
 * `answer eval` builds it, ranked as `answer link` ranks), CPU time of indexing and per question
 * (this process and the server's together: the machine is shared, so wall times are noisy), memory
 * (peak RSS of the process that indexes and queries; the server's shared buffers are not in it),
 * size on disk, and 16 clients querying at once (throughput, p95). For
 * PostgreSQL also the two query strategies on the same postings: fetched per query and scored in
 * TypeScript (what the backend does), against BM25F scored in SQL, passage level only, top 10.
 *
 * Each backend and scale runs in its own child process, so peak RSS is its own. The server: the
 * one at ANSWER_BENCH_DATABASE_URL (or ANSWER_TEST_DATABASE_URL), else a throwaway cluster
 * (scripts/pg-test-cluster.sh) removed afterwards; each run gets a new database.
 *
 * Scales: 1 and 100 by default; BENCH_INDEX_SCALES=1,100,1000 adds the 1,000× corpus (30
 * questions, and 3 per client at once): the whole run took 43 minutes on 2 cores shared with other
 * work, 17 of them indexing 1,000× into PostgreSQL. BENCH_INDEX_BACKENDS=postgres (or memory)
 * measures one backend. BENCH_QUICK=1: the seed and a 2× corpus in this process, 12 questions, a
 * smoke run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { evaluate, linkerRanker, type GoldQuery, type LinkedPassage } from '../src/link/index.js';
import { syncIndex } from '../src/link/build-index.js';
import type { IndexStore } from '../src/link/index-store.js';
import { MemoryIndexStore } from '../src/link/memory-store.js';
import { indexPath, writeIndex } from '../src/link/persist.js';
import { PostgresIndexStore } from '../src/link/postgres-store.js';
import { buildQuery, type QueryTerm } from '../src/link/query.js';
import { scoreBm25f, topScores, DEFAULT_SCORING } from '../src/link/score.js';
import { describeCorpus, goldSets, seedCorpus } from './link.js';
import { syntheticCorpus } from './lib/synthetic.js';
import type { BenchOptions } from './run.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCRIPT = join(root, 'scripts/pg-test-cluster.sh');
const CLIENTS = 16;

type Backend = 'memory' | 'postgres';

interface Result {
  backend: Backend;
  scale: number;
  passages: number;
  indexMs: number;
  /** CPU time of the indexing, this process and (PostgreSQL) the server's processes together. */
  indexCpuS: number;
  queries: number;
  /** CPU time per question of the one-at-a-time queries, this process and the server's together. */
  queryCpuMs: number;
  p50: number;
  p95: number;
  peakRssMb: number;
  diskMb: number;
  /** 16 clients at once: queries per second and p95 latency. */
  concurrentQps: number;
  concurrentP95: number;
  /** PostgreSQL only: passage-level BM25F top 10, postings fetched and scored here vs scored in SQL. */
  fetchP50?: number;
  fetchP95?: number;
  sqlP50?: number;
  sqlP95?: number;
  sqlSameTop10?: number;
  /** Per question its links (top 10: id, score), to compare the backends at each scale. */
  links: Array<Array<[string, number]>>;
  /** What went wrong on the way, if anything (the row still has what was measured). */
  note?: string;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0;
}

/** Every gold question as `answer eval` asks it (with the question before, subject, preamble). */
async function goldQueries(): Promise<GoldQuery[]> {
  const queries: GoldQuery[] = [];
  for (const { gold } of await goldSets()) {
    await evaluate(gold, (query) => {
      queries.push(query);
      return [];
    });
  }
  return queries;
}

function queryTerms(query: GoldQuery): QueryTerm[] {
  const { question, previous, subject, preamble } = query;
  return buildQuery(question.q, { previous: question.context ?? previous?.q ?? null, subject: subject ?? null, preamble: preamble ?? null }).terms;
}

/** BM25F in SQL over the same postings, passage level only (no section nudge, no priors): the best 10. */
async function sqlTop10(pool: pg.Pool, collection: number, terms: readonly QueryTerm[], n: number, avg: readonly number[]): Promise<Array<[number, number]>> {
  const { k1, b, fieldWeights: w } = DEFAULT_SCORING;
  const norm = (f: number, column: string) => `(1 - ${b[f]} + ${b[f]} * ${column} / ${avg[f] || 1})`;
  const { rows } = await pool.query<{ passage: number; score: number }>(
    `WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[]) WITH ORDINALITY AS q(term, weight, i)),
     hits AS (
       SELECT q.i, q.weight, p.passage, count(*) OVER (PARTITION BY q.i) AS df,
              ${w[0]} * p.tf_text / ${norm(0, 'p.len_text')} + ${w[1]} * p.tf_heading / ${norm(1, 'p.len_heading')} + ${w[2]} * p.tf_title / ${norm(2, 'p.len_title')} AS tfw
         FROM q JOIN answer.terms t ON t.term = q.term JOIN answer.postings p ON p.term = t.id AND p.collection = $3
     )
     SELECT passage, sum(weight * ln(1 + ($4 - df + 0.5) / (df + 0.5)) * tfw / (${k1} + tfw)) AS score
       FROM hits WHERE tfw > 0 GROUP BY passage ORDER BY score DESC, passage LIMIT 10`,
    [terms.map((t) => t.term), terms.map((t) => t.weight), collection, n],
  );
  return rows.map((r) => [r.passage, r.score]);
}

/** CPU milliseconds used so far by this process. */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU milliseconds used so far by the PostgreSQL server a connection is on: its postmaster, the
 * children it has reaped, and the children alive (read from /proc, so only for a server on this
 * machine; NaN elsewhere). On a machine shared with other work, wall time is noisy; CPU time is not.
 */
function serverCpuMs(postmaster: number | null): number {
  if (postmaster === null) return Number.NaN;
  const ticks = 100; // USER_HZ: 100 on Linux on every architecture (`getconf CLK_TCK`)
  const fields = (pid: number | string): string[] | null => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The fields after the command name, which is in parentheses and may hold spaces.
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    } catch {
      return null;
    }
  };
  const own = fields(postmaster);
  if (!own) return Number.NaN;
  // After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
  let total = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const child = fields(pid);
    if (child && Number(child[1]) === postmaster) total += Number(child[11]) + Number(child[12]);
  }
  return (total / ticks) * 1000;
}

/** The postmaster's process id (the parent of a backend's), or null when it is not on this machine. */
async function postmasterPid(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // Read while the backend is alive: it exits with the connection.
    const stat = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

/** Index, query, measure one backend at one scale (in the process it runs in). */
async function measure(backend: Backend, scale: number, url: string | null, rounds: number, quick = false): Promise<Result> {
  const seed = await seedCorpus();
  await rm(seed.dir, { recursive: true, force: true });
  const corpus = scale > 1 ? syntheticCorpus(seed.passages, scale) : seed;
  // A smoke run asks a few questions only, and so does the 1,000× corpus (its questions take seconds).
  const queries = (await goldQueries()).slice(0, quick ? 12 : scale >= 1000 ? 30 : undefined);
  let store: IndexStore;
  let diskMb: number;
  let database: { url: string; drop: () => Promise<void> } | null = null;
  const dir = await mkdtemp(join(tmpdir(), 'answer-bench-index-'));
  const postmaster = backend === 'postgres' ? await postmasterPid(url!) : null;
  const cpu = () => ownCpuMs() + (backend === 'postgres' ? serverCpuMs(postmaster) : 0);
  const cpu0 = cpu();
  const t0 = performance.now();
  let note = '';
  if (backend === 'memory') {
    const memory = new MemoryIndexStore();
    await syncIndex(memory, corpus);
    try {
      await writeIndex(dir, memory);
    } catch (error) {
      // At 1,000× the file's JSON part (the passages) is longer than V8 lets a string be.
      note = `index file not written: ${(error as Error).message}`;
    }
    store = memory;
  } else {
    database = await newDatabase(url!);
    store = await PostgresIndexStore.open({ url: database.url, collection: 'bench', connections: CLIENTS });
    await syncIndex(store, corpus);
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    await pool.query('VACUUM ANALYZE');
    await pool.end();
  }
  const indexMs = performance.now() - t0;
  const indexCpuS = (cpu() - cpu0) / 1000;
  if (backend === 'memory') diskMb = note ? Number.NaN : (await stat(indexPath(dir))).size / 1024 / 1024;
  else diskMb = await databaseMb(database!.url);

  const rank = linkerRanker(store);
  for (const q of queries.slice(0, 3)) await rank(q);
  const times: number[] = [];
  const links: Array<Array<[string, number]>> = [];
  const queryCpu0 = cpu();
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now();
      const ranked = (await rank(q)) as LinkedPassage[];
      times.push(performance.now() - t);
      if (r === 0) links.push(ranked.map((p) => [p.id, p.score]));
    }
  }
  const queryCpuMs = (cpu() - queryCpu0) / times.length;
  // 16 clients at once, each through the questions from its own starting point.
  const perClient = quick ? 2 : scale >= 1000 ? 3 : Math.max(8, Math.ceil((queries.length * rounds) / CLIENTS));
  const latencies: number[] = [];
  const t1 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const q = queries[(c * 7 + i) % queries.length]!;
        const t = performance.now();
        await rank(q);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const concurrentMs = performance.now() - t1;

  const result: Result = {
    backend,
    scale,
    passages: corpus.passages.length,
    indexMs,
    indexCpuS,
    queries: times.length,
    queryCpuMs,
    links,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    diskMb,
    concurrentQps: (latencies.length / concurrentMs) * 1000,
    concurrentP95: percentile(latencies, 0.95),
    ...(note ? { note } : {}),
  };

  if (backend === 'postgres') {
    // The two query strategies on the same postings, passage-level BM25F, top 10.
    const pool = new pg.Pool({ connectionString: database!.url, max: 1 });
    const { rows } = await pool.query<{ id: number }>("SELECT id FROM answer.collections WHERE name = 'bench'");
    const collection = rows[0]!.id;
    // Scoring in SQL gets an index that covers what it reads, as the fetched postings have theirs.
    await pool.query('CREATE INDEX bench_sql_cover ON answer.postings (collection, term, passage) INCLUDE (tf_text, tf_heading, tf_title, len_text, len_heading, len_title)');
    const fetchTimes: number[] = [];
    const sqlTimes: number[] = [];
    let same = 0;
    // At most 40 questions: scored in SQL, a 1,000× question takes seconds.
    for (const q of queries.slice(0, 40)) {
      // The plain sum over the query's own terms: synonym groups count their best alternative only
      // (score.ts), which the SQL here does not do.
      const terms = queryTerms(q).filter((t) => !t.synonym);
      if (terms.length === 0) continue;
      let t = performance.now();
      const postings = await store.postings(terms.map((x) => x.term));
      const fetched = topScores(scoreBm25f(terms, postings), 10);
      fetchTimes.push(performance.now() - t);
      t = performance.now();
      const inSql = await sqlTop10(pool, collection, terms, postings.stats.passages, postings.stats.avgLength);
      sqlTimes.push(performance.now() - t);
      const agree = fetched.length === inSql.length && fetched.every(([ref, score], i) => inSql[i]![0] === ref && Math.abs(inSql[i]![1] - score) < 1e-6);
      if (agree) same++;
    }
    await pool.end();
    Object.assign(result, {
      fetchP50: percentile(fetchTimes, 0.5),
      fetchP95: percentile(fetchTimes, 0.95),
      sqlP50: percentile(sqlTimes, 0.5),
      sqlP95: percentile(sqlTimes, 0.95),
      sqlSameTop10: same / Math.max(1, fetchTimes.length),
    });
  }
  await store.close();
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
  return result;
}

async function newDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `answer_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Size on disk of the index's tables and indexes. */
async function databaseMb(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ bytes: string }>(
    "SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'answer' AND c.relkind = 'r'",
  );
  await client.end();
  return Number(rows[0]!.bytes) / 1024 / 1024;
}

function inChild(backend: Backend, scale: number, url: string | null): Result {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', self, '--index-worker', backend, String(scale), url ?? ''], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`bench index worker ${backend} ×${scale} failed: ${child.stderr || child.stdout}`);
  return JSON.parse(line) as Result;
}

/** The server to measure on, and how to stop it if this run started it. */
function server(): { url: string | null; stop: () => void; note: string } {
  const given = process.env.ANSWER_BENCH_DATABASE_URL?.trim() || process.env.ANSWER_TEST_DATABASE_URL?.trim();
  if (given) return { url: given, stop: () => undefined, note: 'the server at ANSWER_BENCH_DATABASE_URL / ANSWER_TEST_DATABASE_URL' };
  try {
    const [dir, url] = execFileSync('bash', [SCRIPT, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim().split('\n');
    return { url: url!, stop: () => execFileSync('bash', [SCRIPT, 'stop', dir!], { stdio: 'ignore' }), note: 'a throwaway cluster (scripts/pg-test-cluster.sh: PostgreSQL defaults, fsync off)' };
  } catch (error) {
    return { url: null, stop: () => undefined, note: `no PostgreSQL server (${((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n')[0]}): embedded index only` };
  }
}

/**
 * Whether the PostgreSQL backend linked every question as the embedded index did at this scale:
 * the same passages in the same order, scores within 1e-6 (test/gold/backends.test.ts checks it
 * on the seed corpus; this on the synthetic ones).
 */
function sameLinks(embedded: Result, postgres: Result): string {
  let same = 0;
  const n = Math.min(embedded.links.length, postgres.links.length);
  for (let i = 0; i < n; i++) {
    const a = embedded.links[i]!;
    const b = postgres.links[i]!;
    if (a.length === b.length && a.every(([id, score], j) => b[j]![0] === id && Math.abs(b[j]![1] - score) < 1e-6)) same++;
  }
  return `links as the embedded index's (same passages and order, scores within 1e-6) for ${same} of ${n} questions`;
}

/** A figure, or '-' for none (NaN comes back from a worker's JSON as null). */
const f = (x: number | null | undefined, digits = 1) => (typeof x !== 'number' || Number.isNaN(x) ? '-' : x.toFixed(digits));

function printHeader(): void {
  console.log(
    `${'backend'.padEnd(10)}${'scale'.padStart(6)}${'passages'.padStart(10)}${'index s'.padStart(9)}${'CPU s'.padStart(8)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'CPU ms/q'.padStart(10)}${'peak RSS MB'.padStart(13)}${'disk MB'.padStart(9)}${'16 clients q/s'.padStart(16)}${'p95 ms'.padStart(9)}`,
  );
}

/** One row, printed as soon as it is measured: the 1,000× corpus takes a while. */
function printRow(r: Result): void {
  console.log(
    `${r.backend.padEnd(10)}${`${r.scale}×`.padStart(6)}${r.passages.toLocaleString('en').padStart(10)}${f(r.indexMs / 1000).padStart(9)}${f(r.indexCpuS).padStart(8)}${f(r.p50).padStart(8)}${f(r.p95).padStart(8)}${f(r.queryCpuMs).padStart(10)}${f(r.peakRssMb, 0).padStart(13)}${f(r.diskMb).padStart(9)}${f(r.concurrentQps).padStart(16)}${f(r.concurrentP95).padStart(9)}`,
  );
}

function printStrategies(results: Result[]): void {
  const pgRows = results.filter((r) => r.backend === 'postgres');
  if (pgRows.length > 0) {
    for (const r of pgRows) {
      console.log(`${''.padEnd(16)}query strategies, passage-level BM25F top 10, ms p50 / p95: fetched + scored in TypeScript ${f(r.fetchP50)} / ${f(r.fetchP95)}   scored in SQL ${f(r.sqlP50)} / ${f(r.sqlP95)}   same top 10 for ${f((r.sqlSameTop10 ?? 0) * 100, 0)}% of questions`);
    }
  }
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const scales = quick ? [1, 2] : (process.env.BENCH_INDEX_SCALES ?? '1,100').split(',').map(Number).filter((n) => n >= 1);
  // BENCH_INDEX_BACKENDS=postgres (or memory) measures one backend only.
  const backends = (process.env.BENCH_INDEX_BACKENDS ?? 'memory,postgres').split(',').filter((b): b is Backend => b === 'memory' || b === 'postgres');
  const seed = await seedCorpus();
  await rm(seed.dir, { recursive: true, force: true });
  console.log(describeCorpus(`index backends, seed corpus ×${scales.join(', ×')}`, seed));
  if (!quick && !scales.includes(1000)) console.log('(the 1,000× corpus only with BENCH_INDEX_SCALES=1,100,1000: some 45 minutes on 2 cores)');
  const { url, stop, note } = server();
  console.log(`PostgreSQL: ${note}; ${CLIENTS} clients share one pool of ${CLIENTS} connections (PostgreSQL) or one store (memory)`);
  const results: Result[] = [];
  printHeader();
  try {
    for (const scale of scales) {
      for (const backend of backends) {
        if (backend === 'postgres' && !url) continue;
        let result: Result;
        try {
          result = quick ? await measure(backend, scale, url, 1, true) : inChild(backend, scale, url);
        } catch (error) {
          // One backend failing at one scale (out of memory, say) is a finding, not the end of the run.
          console.log(`${backend.padEnd(10)}${`${scale}×`.padStart(6)}  failed: ${((error as Error).message.split('\n').find((l) => /Error/.test(l)) ?? (error as Error).message).trim()}`);
          continue;
        }
        printRow(result);
        if (result.note) console.log(`${''.padEnd(16)}(${result.note})`);
        if (result.backend === 'postgres') printStrategies([result]);
        const embedded = results.find((r) => r.backend === 'memory' && r.scale === scale);
        if (result.backend === 'postgres' && embedded) console.log(`${''.padEnd(16)}${sameLinks(embedded, result)}`);
        results.push(result);
        // The raw figures, for a note or a table elsewhere (the links left out).
        if (process.env.BENCH_INDEX_JSON) console.log(JSON.stringify({ ...result, links: undefined }));
      }
    }
  } finally {
    stop();
  }
}

if (process.argv[2] === '--index-worker') {
  const [backend, scale, url] = process.argv.slice(3);
  measure(backend as Backend, Number(scale), url || null, Number(scale) > 1 ? 1 : 3)
    .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
