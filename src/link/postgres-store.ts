/**
 * The IndexStore on a PostgreSQL server: one database for many officers and many councils, each
 * council's passages in a collection of their own. Terms are analysed in TypeScript (analyze.ts)
 * and stored; a query fetches the postings of its terms, packed by the server into one bytea per
 * term, and scoring runs in TypeScript (score.ts), the same code as for the embedded index, so both
 * rank alike (bench/index.ts measured this against scoring in SQL: see DESIGN.md).
 *
 * Tables (schema `answer`, versioned by `MIGRATIONS`; the tool creates and migrates it):
 *   collections  one row per collection: name, analyzer and passage versions, and the running
 *                statistics a query needs (passages, summed field lengths, live sections and
 *                their summed text length), kept in step by every update
 *   terms        the vocabulary all collections share: term → number
 *   sections     (collection, key) → number, with the section's text length and live passages
 *   passages     one row per passage: its number (insertion order), id, section, field lengths,
 *                the passage as JSON, its term numbers and its text's term vector; a removed
 *                passage is kept for an hour (removed_at) so a query that read postings before
 *                the removal still finds the passages behind them
 *   postings     (collection, term, passage) → section, per-field frequencies and field lengths,
 *                and the same packed as the query reads them (`packed`: passage, section, 3
 *                frequencies, 3 lengths, 32 bytes in network order); the primary key includes
 *                section and packed, so a query reads the index only, a term's postings side by
 *                side (bench/index.ts: with the postings read from the table instead, a 100×
 *                query took 1.6 s p50 against 0.1 s)
 *   files        (collection, file) → content hash, passage ids and the loader's problems
 *
 * Concurrency: an update is one transaction that first locks its collection's row, so two
 * updates of one collection run one after the other and updates of different collections at
 * once; a query reads postings, sections and statistics in one REPEATABLE READ snapshot, so it
 * sees an update whole or not at all.
 */
import pg from 'pg';
import { PASSAGES_VERSION } from '../corpus/load-corpus.js';
import { InputError } from '../errors.js';
import type { Passage, Problem } from '../model.js';
import { ANALYZER_VERSION } from './analyze.js';
import {
  FIELD_COUNT,
  type AnalyzedPassage,
  type CorpusStats,
  type FileEntry,
  type IndexStats,
  type IndexStore,
  type PostingList,
  type Postings,
  type StoredPassage,
  type TermFrequencies,
} from './index-store.js';

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (or a unix socket: ?host=/run/postgresql). */
  url: string;
  /** The collection updates write to. */
  collection: string;
  /** The collections queries read (default: `collection`). */
  search?: readonly string[];
  /** Connections in the pool (default 4). */
  connections?: number;
}

/**
 * The schema, one list of statements per version; never edit a released version, add one.
 * `answer.schema_version` holds the version a database is at.
 */
export const MIGRATIONS: ReadonlyArray<readonly string[]> = [
  [
    `CREATE TABLE answer.collections (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL UNIQUE,
      analyzer integer NOT NULL,
      passages_version integer NOT NULL,
      passages bigint NOT NULL DEFAULT 0,
      len_text double precision NOT NULL DEFAULT 0,
      len_heading double precision NOT NULL DEFAULT 0,
      len_title double precision NOT NULL DEFAULT 0,
      sections bigint NOT NULL DEFAULT 0,
      section_text double precision NOT NULL DEFAULT 0
    )`,
    `CREATE TABLE answer.terms (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      term text NOT NULL UNIQUE
    )`,
    `CREATE TABLE answer.sections (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      collection integer NOT NULL REFERENCES answer.collections ON DELETE CASCADE,
      key text NOT NULL,
      text_length double precision NOT NULL DEFAULT 0,
      live integer NOT NULL DEFAULT 0,
      UNIQUE (collection, key)
    )`,
    `CREATE TABLE answer.passages (
      ref integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      collection integer NOT NULL REFERENCES answer.collections ON DELETE CASCADE,
      id text NOT NULL,
      section integer NOT NULL,
      len_text real NOT NULL,
      len_heading real NOT NULL,
      len_title real NOT NULL,
      passage json NOT NULL,
      terms integer[] NOT NULL,
      vector bytea NOT NULL,
      removed_at timestamptz
    )`,
    `CREATE UNIQUE INDEX passages_live_id ON answer.passages (collection, id) WHERE removed_at IS NULL`,
    `CREATE INDEX passages_removed ON answer.passages (collection, removed_at) WHERE removed_at IS NOT NULL`,
    `CREATE TABLE answer.postings (
      collection integer NOT NULL,
      term integer NOT NULL,
      passage integer NOT NULL,
      section integer NOT NULL,
      tf_text real NOT NULL,
      tf_heading real NOT NULL,
      tf_title real NOT NULL,
      len_text real NOT NULL,
      len_heading real NOT NULL,
      len_title real NOT NULL,
      packed bytea NOT NULL,
      PRIMARY KEY (collection, term, passage) INCLUDE (section, packed)
    )`,
    `CREATE TABLE answer.files (
      collection integer NOT NULL REFERENCES answer.collections ON DELETE CASCADE,
      file text NOT NULL,
      hash text NOT NULL,
      ids text[] NOT NULL,
      problems json,
      PRIMARY KEY (collection, file)
    )`,
  ],
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Removed passages stay readable this long for queries that read their postings before. */
const KEEP_REMOVED = '1 hour';
/** Bytes of a packed posting (postings.packed). */
const POSTING_BYTES = 32;
/**
 * Memory a query may sort in before spilling to disk: a 100× query's postings (88,594, bench
 * corpus) spilled with PostgreSQL's default of 4 MB.
 */
const WORK_MEM = '64MB';
/** Any constant: the advisory lock under which the schema is created or migrated. */
const SCHEMA_LOCK = 4_711_012;

interface CollectionRow {
  id: number;
  name: string;
  analyzer: number;
  passages_version: number;
}

/** Host and port (or socket) of a URL, for messages: never the password. */
function where(url: string): string {
  try {
    const u = new URL(url);
    const socket = u.searchParams.get('host');
    const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
    return `${socket ?? (u.hostname || 'localhost')}${u.port ? `:${u.port}` : ''}${db ? `/${db}` : ''}`;
  } catch {
    return 'the URL given';
  }
}

/**
 * A connection or login failure as one line for the user (InputError: exit 2), or null for any
 * other error (a bug, which keeps its stack).
 */
export function connectionProblem(error: unknown, url: string): InputError | null {
  const e = error as { code?: string; message?: string; errors?: Array<{ code?: string }> };
  const code = e?.code ?? e?.errors?.[0]?.code;
  const at = where(url);
  const hint = '(index.url in answer.config.json, or ANSWER_DATABASE_URL)';
  const fail = (message: string) => new InputError(`index: ${message}`);
  switch (code) {
    case 'ECONNREFUSED':
      return fail(`cannot reach the PostgreSQL server at ${at}: connection refused; is the server running? ${hint}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return fail(`cannot reach the PostgreSQL server at ${at}: no such host ${hint}`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
    case 'ENOENT':
      return fail(`cannot reach the PostgreSQL server at ${at} (${code}) ${hint}`);
    case '28P01':
    case '28000':
      return fail(`the PostgreSQL server at ${at} refused the login: ${e.message ?? 'wrong user or password'}; check the user and password ${hint}`);
    case '3D000':
      return fail(`${e.message ?? 'the database does not exist'} on the server at ${at}; create it (createdb) or fix the URL ${hint}`);
    case '57P01':
    case '57P02':
    case '57P03':
      return fail(`the PostgreSQL server at ${at} is shutting down or starting: ${e.message ?? code}`);
    case '42501':
      return fail(`the database user may not do this at ${at}: ${e.message ?? code}; the tool needs to create the schema "answer" once (CREATE on the database) and write its tables`);
    default:
      break;
  }
  if (typeof e?.message === 'string') {
    if (/timeout|terminated unexpectedly|Connection terminated/i.test(e.message)) return fail(`lost or could not open the connection to the PostgreSQL server at ${at}: ${e.message} ${hint}`);
    if (/password must be a string|SASL|SCRAM/i.test(e.message)) return fail(`the PostgreSQL server at ${at} asks for a password the URL does not give ${hint}`);
    if (/Invalid URL|invalid connection/i.test(e.message)) return fail(`the index URL is not a PostgreSQL URL such as postgres://user@host:5432/database ${hint}`);
  }
  return null;
}

/** Run `work`, turning a connection or login failure into one line (InputError). */
async function guarded<T>(url: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw connectionProblem(error, url) ?? error;
  }
}

/** Bytes of a Buffer as a big-endian DataView (int4send and float4send write network order). */
function view(bytes: Buffer): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A text term vector as stored: n int32 term numbers then n float32 weights, little-endian. */
function packVector(ids: readonly number[], weights: readonly number[]): Buffer {
  const bytes = Buffer.alloc(ids.length * 8);
  ids.forEach((id, i) => bytes.writeInt32LE(id, i * 4));
  weights.forEach((w, i) => bytes.writeFloatLE(w, ids.length * 4 + i * 4));
  return bytes;
}

function unpackVector(bytes: Buffer): StoredPassage['vector'] {
  const n = bytes.length / 8;
  const ids = new Int32Array(n);
  const weights = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = bytes.readInt32LE(i * 4);
    weights[i] = bytes.readFloatLE(n * 4 + i * 4);
  }
  return { ids, weights };
}

export class PostgresIndexStore implements IndexStore {
  private readonly termIds = new Map<string, number>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly url: string,
    private readonly own: CollectionRow,
    private readonly searched: readonly CollectionRow[],
  ) {}

  /**
   * Connect, create or migrate the schema, and open the collections: the own one is created when
   * missing and cleared when an older analyser filled it (the next sync fills it again); a
   * searched one must exist. Throws InputError (one line, exit 2) for a server that is down, a
   * wrong URL or wrong credentials, and never falls back to another index.
   */
  static async open(options: PostgresStoreOptions): Promise<PostgresIndexStore> {
    const { url } = options;
    let pool: pg.Pool;
    try {
      pool = new pg.Pool({
        connectionString: url,
        max: options.connections ?? 4,
        connectionTimeoutMillis: 10_000,
        allowExitOnIdle: true,
        application_name: 'answer',
        options: `-c work_mem=${WORK_MEM}`,
      });
    } catch (error) {
      throw connectionProblem(error, url) ?? error;
    }
    // An idle connection the server closes must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    try {
      return await guarded(url, async () => {
        await migrate(pool);
        const own = await openCollection(pool, options.collection);
        const searched: CollectionRow[] = [];
        for (const name of options.search ?? [options.collection]) {
          if (name === own.name) {
            searched.push(own);
            continue;
          }
          const { rows } = await pool.query<CollectionRow>('SELECT id, name, analyzer, passages_version FROM answer.collections WHERE name = $1', [name]);
          const row = rows[0];
          if (!row) throw new InputError(`index.search: there is no collection "${name}" in the database at ${where(url)}`);
          if (row.analyzer !== ANALYZER_VERSION || row.passages_version !== PASSAGES_VERSION) {
            throw new InputError(`index.search: collection "${name}" was indexed by another version of answer (analyzer ${row.analyzer}, this one ${ANALYZER_VERSION}); update it from a workspace of that collection first`);
          }
          searched.push(row);
        }
        return new PostgresIndexStore(pool, url, own, searched);
      });
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  /** The collection updates write to. */
  get collection(): string {
    return this.own.name;
  }

  private get searchIds(): number[] {
    return this.searched.map((c) => c.id);
  }

  async files(): Promise<Map<string, FileEntry>> {
    return guarded(this.url, async () => {
      const { rows } = await this.pool.query<{ file: string; hash: string; ids: string[]; problems: Problem[] | null }>(
        'SELECT file, hash, ids, problems FROM answer.files WHERE collection = $1 ORDER BY file COLLATE "C"',
        [this.own.id],
      );
      return new Map(rows.map((r) => [r.file, r.problems && r.problems.length > 0 ? { hash: r.hash, ids: r.ids, problems: r.problems } : { hash: r.hash, ids: r.ids }]));
    });
  }

  async update(docs: readonly AnalyzedPassage[], removedIds: readonly string[], files?: ReadonlyMap<string, FileEntry | null>): Promise<void> {
    // A passage given twice counts once, the last (as the in-memory store replaces by id).
    const byId = new Map<string, AnalyzedPassage>();
    for (const doc of docs) {
      byId.delete(doc.passage.id);
      byId.set(doc.passage.id, doc);
    }
    const added = [...byId.values()];
    return guarded(this.url, async () => {
      // Term numbers first, outside the transaction: a term is never removed, and a new term
      // committed at once holds no lock that another collection's update would wait for.
      const termIds = await this.ensureTerms(added.flatMap((d) => [...d.terms.keys()]));
      await transaction(this.pool, 'BEGIN', async (client) => {
        const c = this.own.id;
        // The collection's row locked: updates of one collection one after the other.
        await client.query('SELECT 1 FROM answer.collections WHERE id = $1 FOR UPDATE', [c]);
        const drop = [...new Set([...removedIds, ...added.map((d) => d.passage.id)])];
        const sectionDelta = new Map<number, { live: number; text: number }>();
        const delta = (section: number, live: number, text: number) => {
          const d = sectionDelta.get(section) ?? { live: 0, text: 0 };
          d.live += live;
          d.text += text;
          sectionDelta.set(section, d);
        };
        let passages = 0;
        const lengths = [0, 0, 0];
        if (drop.length > 0) {
          const { rows } = await client.query<{ ref: number; section: number; len_text: number; len_heading: number; len_title: number }>(
            `UPDATE answer.passages SET removed_at = now()
              WHERE collection = $1 AND id = ANY($2::text[]) AND removed_at IS NULL
              RETURNING ref, section, len_text, len_heading, len_title`,
            [c, drop],
          );
          if (rows.length > 0) {
            await client.query(
              `DELETE FROM answer.postings p USING (
                 SELECT ref, unnest(terms) AS term FROM answer.passages WHERE ref = ANY($2::int[])
               ) d
               WHERE p.collection = $1 AND p.term = d.term AND p.passage = d.ref`,
              [c, rows.map((r) => r.ref)],
            );
          }
          for (const r of rows) {
            passages--;
            lengths[0] -= r.len_text;
            lengths[1] -= r.len_heading;
            lengths[2] -= r.len_title;
            delta(r.section, -1, -r.len_text);
          }
        }
        if (added.length > 0) {
          const keys = [...new Set(added.map((d) => d.section))];
          await client.query(
            'INSERT INTO answer.sections (collection, key) SELECT $1, k FROM unnest($2::text[]) AS k ORDER BY k ON CONFLICT (collection, key) DO NOTHING',
            [c, keys],
          );
          const { rows: sectionRows } = await client.query<{ id: number; key: string }>('SELECT id, key FROM answer.sections WHERE collection = $1 AND key = ANY($2::text[])', [c, keys]);
          const sectionOf = new Map(sectionRows.map((r) => [r.key, r.id]));
          const columns = { id: [] as string[], section: [] as number[], lt: [] as number[], lh: [] as number[], ll: [] as number[], passage: [] as string[], terms: [] as string[], vector: [] as Buffer[] };
          for (const doc of added) {
            const section = sectionOf.get(doc.section)!;
            const ids: number[] = [];
            const textIds: number[] = [];
            const textWeights: number[] = [];
            const entries = [...doc.terms].map(([term, freqs]) => [termIds.get(term)!, freqs] as const).sort((a, b) => a[0] - b[0]);
            for (const [id, freqs] of entries) {
              ids.push(id);
              if ((freqs[0] ?? 0) > 0) {
                textIds.push(id);
                textWeights.push(Math.fround(freqs[0]!));
              }
            }
            columns.id.push(doc.passage.id);
            columns.section.push(section);
            columns.lt.push(doc.lengths[0] ?? 0);
            columns.lh.push(doc.lengths[1] ?? 0);
            columns.ll.push(doc.lengths[2] ?? 0);
            columns.passage.push(JSON.stringify(doc.passage));
            columns.terms.push(`{${ids.join(',')}}`);
            columns.vector.push(packVector(textIds, textWeights));
            passages++;
            for (let f = 0; f < FIELD_COUNT; f++) lengths[f]! += Math.fround(doc.lengths[f] ?? 0);
            delta(section, 1, Math.fround(doc.lengths[0] ?? 0));
          }
          // In the order given, so passage numbers follow the order of insertion (index-store.ts).
          const { rows: inserted } = await client.query<{ ref: number; id: string }>(
            `INSERT INTO answer.passages (collection, id, section, len_text, len_heading, len_title, passage, terms, vector)
             SELECT $1, id, section, lt, lh, ll, passage::json, terms::int[], vector
               FROM unnest($2::text[], $3::int[], $4::real[], $5::real[], $6::real[], $7::text[], $8::text[], $9::bytea[])
                    WITH ORDINALITY AS x(id, section, lt, lh, ll, passage, terms, vector, n)
              ORDER BY n
             RETURNING ref, id`,
            [c, columns.id, columns.section, columns.lt, columns.lh, columns.ll, columns.passage, columns.terms, columns.vector],
          );
          const refOf = new Map(inserted.map((r) => [r.id, r.ref]));
          const p = { term: [] as number[], passage: [] as number[], section: [] as number[], tf: [[], [], []] as number[][], len: [[], [], []] as number[][], packed: [] as Buffer[] };
          for (const doc of added) {
            const ref = refOf.get(doc.passage.id)!;
            const section = sectionOf.get(doc.section)!;
            for (const [term, freqs] of doc.terms) {
              p.term.push(termIds.get(term)!);
              p.passage.push(ref);
              p.section.push(section);
              const packed = Buffer.alloc(POSTING_BYTES);
              packed.writeInt32BE(ref, 0);
              packed.writeInt32BE(section, 4);
              for (let f = 0; f < FIELD_COUNT; f++) {
                p.tf[f]!.push(freqs[f] ?? 0);
                p.len[f]!.push(doc.lengths[f] ?? 0);
                packed.writeFloatBE(freqs[f] ?? 0, 8 + f * 4);
                packed.writeFloatBE(doc.lengths[f] ?? 0, 20 + f * 4);
              }
              p.packed.push(packed);
            }
          }
          await client.query(
            `INSERT INTO answer.postings (collection, term, passage, section, tf_text, tf_heading, tf_title, len_text, len_heading, len_title, packed)
             SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::real[], $6::real[], $7::real[], $8::real[], $9::real[], $10::real[], $11::bytea[])`,
            [c, p.term, p.passage, p.section, p.tf[0], p.tf[1], p.tf[2], p.len[0], p.len[1], p.len[2], p.packed],
          );
        }
        let sections = 0;
        let sectionText = 0;
        if (sectionDelta.size > 0) {
          const ids = [...sectionDelta.keys()];
          const { rows } = await client.query<{ live: number; before: number }>(
            `UPDATE answer.sections s SET live = s.live + d.live, text_length = s.text_length + d.text
               FROM unnest($1::int[], $2::int[], $3::float8[]) AS d(id, live, text)
              WHERE s.id = d.id
             RETURNING s.live, s.live - d.live AS before`,
            [ids, ids.map((id) => sectionDelta.get(id)!.live), ids.map((id) => sectionDelta.get(id)!.text)],
          );
          for (const r of rows) {
            if (r.before === 0 && r.live > 0) sections++;
            else if (r.before > 0 && r.live === 0) sections--;
          }
          for (const d of sectionDelta.values()) sectionText += d.text;
        }
        await client.query(
          `UPDATE answer.collections SET passages = passages + $2, len_text = len_text + $3, len_heading = len_heading + $4,
                  len_title = len_title + $5, sections = sections + $6, section_text = section_text + $7
            WHERE id = $1`,
          [c, passages, lengths[0], lengths[1], lengths[2], sections, sectionText],
        );
        if (files) {
          for (const [file, entry] of files) {
            if (entry) {
              await client.query(
                `INSERT INTO answer.files (collection, file, hash, ids, problems) VALUES ($1, $2, $3, $4, $5::json)
                 ON CONFLICT (collection, file) DO UPDATE SET hash = excluded.hash, ids = excluded.ids, problems = excluded.problems`,
                [c, file, entry.hash, entry.ids, entry.problems && entry.problems.length > 0 ? JSON.stringify(entry.problems) : null],
              );
            } else {
              await client.query('DELETE FROM answer.files WHERE collection = $1 AND file = $2', [c, file]);
            }
          }
        }
        await client.query(`DELETE FROM answer.passages WHERE collection = $1 AND removed_at < now() - interval '${KEEP_REMOVED}'`, [c]);
      });
    });
  }

  /** Term numbers for terms, made for the new ones. */
  private async ensureTerms(terms: readonly string[]): Promise<Map<string, number>> {
    const missing = [...new Set(terms.filter((t) => !this.termIds.has(t)))].sort();
    if (missing.length > 0) {
      // Sorted, so two updates that add the same new terms take their locks in one order.
      await this.pool.query('INSERT INTO answer.terms (term) SELECT t FROM unnest($1::text[]) AS t ORDER BY t COLLATE "C" ON CONFLICT (term) DO NOTHING', [missing]);
      const { rows } = await this.pool.query<{ id: number; term: string }>('SELECT id, term FROM answer.terms WHERE term = ANY($1::text[])', [missing]);
      for (const r of rows) this.termIds.set(r.term, r.id);
    }
    return this.termIds;
  }

  async postings(terms: readonly string[]): Promise<Postings> {
    const wanted = [...new Set(terms)];
    // One snapshot for the statistics, the postings and the sections: an update is seen whole or
    // not at all.
    return guarded(this.url, () =>
      transaction(this.pool, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
        // Per term its postings as packed at insertion, read from the primary key alone (an
        // index-only scan: a term's postings lie side by side there) in the key's order, which
        // for one collection is passage order (decodePostings checks, and sorts when it is not);
        // then the statistics. Concatenated per term by a LATERAL aggregate: a GROUP BY over all
        // postings sorted them all (bench/index.ts, 100×: 0.55 s against 0.1 s for 346,163).
        const { rows } = await client.query<PostingsRow>(
          `SELECT 0 AS kind, t.term, x.df, x.data
             FROM answer.terms t,
                  LATERAL (SELECT count(*)::int AS df, string_agg(p.packed, ''::bytea) AS data
                             FROM answer.postings p WHERE p.collection = ANY($2::int[]) AND p.term = t.id) x
            WHERE t.term = ANY($1::text[]) AND x.df > 0
           UNION ALL
           ${statsRow('$2')}`,
          [wanted, this.searchIds],
        );
        const decoded = decodePostings(rows, wanted);
        // The text lengths of the sections the matched passages are in.
        const sections = await client.query<{ data: Buffer | null }>(
          "SELECT string_agg(int4send(id) || float8send(text_length), ''::bytea) AS data FROM answer.sections WHERE id = ANY($1::int[])",
          [decoded.sectionIds],
        );
        return withSections(decoded, sections.rows[0]?.data ?? null);
      }),
    );
  }

  async frequencies(terms: readonly string[]): Promise<TermFrequencies> {
    const wanted = [...new Set(terms)];
    return guarded(this.url, async () => {
      // One statement, one snapshot: the counts from the primary key alone, and the statistics.
      const { rows } = await this.pool.query<PostingsRow>(
        `SELECT 0 AS kind, t.term, x.df, NULL::bytea AS data
           FROM answer.terms t, LATERAL (SELECT count(*)::int AS df FROM answer.postings p WHERE p.collection = ANY($2::int[]) AND p.term = t.id) x
          WHERE t.term = ANY($1::text[]) AND x.df > 0
         UNION ALL
         ${statsRow('$2')}`,
        [wanted, this.searchIds],
      );
      const df = new Map<string, number>();
      let passages = 0;
      for (const r of rows) {
        if (r.kind === 2) passages = readStats(r).passages;
        else df.set(r.term!, r.df);
      }
      return { passages, df: new Map(wanted.filter((t) => df.has(t)).map((t) => [t, df.get(t)!])) };
    });
  }

  async passages(refs: readonly number[]): Promise<StoredPassage[]> {
    if (refs.length === 0) return [];
    return guarded(this.url, async () => {
      const { rows } = await this.pool.query<{ ref: number; passage: Passage; key: string; vector: Buffer }>(
        `SELECT p.ref, p.passage, s.key, p.vector FROM answer.passages p JOIN answer.sections s ON s.id = p.section
          WHERE p.ref = ANY($1::int[]) AND p.collection = ANY($2::int[])`,
        [refs, this.searchIds],
      );
      const byRef = new Map(rows.map((r) => [r.ref, r]));
      const out: StoredPassage[] = [];
      for (const ref of refs) {
        const r = byRef.get(ref);
        if (r) out.push({ ref, passage: r.passage, section: r.key, vector: unpackVector(r.vector) });
      }
      return out;
    });
  }

  async stats(): Promise<IndexStats> {
    return guarded(this.url, async () => {
      const { rows } = await this.pool.query<PostingsRow & { files: number; terms: number }>(
        `SELECT *, (SELECT count(*)::int FROM answer.files WHERE collection = ANY($1::int[])) AS files, (SELECT count(*)::int FROM answer.terms) AS terms
           FROM (${statsRow('$1')}) AS stats`,
        [this.searchIds],
      );
      const corpus = readStats(rows[0]!);
      return { passages: corpus.passages, terms: rows[0]!.terms, files: rows[0]!.files, avgLength: corpus.avgLength };
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The row of a postings query: postings of a term (0) or statistics (2). */
interface PostingsRow {
  kind: number;
  term: string | null;
  df: number;
  data: Buffer | null;
}

/**
 * The statistics of the collections (the int[] parameter `param`) as a postings row: passages,
 * summed field lengths, live sections and their summed text length, packed as six float8.
 */
function statsRow(param: string): string {
  return `SELECT 2 AS kind, NULL AS term, 0 AS df,
                 float8send(coalesce(sum(passages), 0)::float8) || float8send(coalesce(sum(len_text), 0)) || float8send(coalesce(sum(len_heading), 0))
                 || float8send(coalesce(sum(len_title), 0)) || float8send(coalesce(sum(sections), 0)::float8) || float8send(coalesce(sum(section_text), 0)) AS data
            FROM answer.collections WHERE id = ANY(${param}::int[])`;
}

function readStats(row: PostingsRow): CorpusStats {
  const data = view(row.data!);
  const [passages, lt, lh, ll, sections, sectionText] = [0, 1, 2, 3, 4, 5].map((i) => data.getFloat64(i * 8)) as [number, number, number, number, number, number];
  return {
    passages,
    avgLength: [lt, lh, ll].map((sum) => (passages > 0 ? sum / passages : 0)),
    sections,
    avgSectionLength: sections > 0 ? sectionText / sections : 0,
  };
}

/** Postings as read, the matched passages' sections still as section numbers. */
interface DecodedPostings {
  lists: Map<string, PostingList>;
  refs: number[];
  lengths: number[];
  /** Section number by row. */
  sectionOf: number[];
  /** The distinct section numbers, in order of first appearance. */
  sectionIds: number[];
  stats: CorpusStats;
}

/**
 * Scratch for decodePostings: row + 1 by passage number (0: not seen), reset after each use (a Map
 * cost a third of a 100× query). Grown to the largest passage number seen; decoding never awaits,
 * so queries running at once never share it.
 */
let rowScratch = new Int32Array(1024);

/** Unpack the rows of the postings query into posting lists and matched passages. */
function decodePostings(rows: readonly PostingsRow[], wanted: readonly string[]): DecodedPostings {
  const refs: number[] = [];
  const lengths: number[] = [];
  const sectionOf: number[] = [];
  const sectionIds: number[] = [];
  const seenSection = new Set<number>();
  const byTerm = new Map<string, PostingList>();
  let stats: CorpusStats | null = null;
  for (const r of rows) {
    if (r.kind === 2) {
      stats = readStats(r);
      continue;
    }
    const data = view(sortedPostings(r.data!));
    const n = r.df;
    const docs = new Int32Array(n);
    const rowsOf = new Int32Array(n);
    const tf = new Float32Array(n * FIELD_COUNT);
    for (let i = 0; i < n; i++) {
      const at = i * POSTING_BYTES;
      const ref = data.getInt32(at);
      docs[i] = ref;
      if (ref >= rowScratch.length) {
        const grown = new Int32Array(Math.max(ref + 1, rowScratch.length * 2));
        grown.set(rowScratch);
        rowScratch = grown;
      }
      let row = rowScratch[ref]! - 1;
      if (row < 0) {
        row = refs.length;
        rowScratch[ref] = row + 1;
        refs.push(ref);
        const section = data.getInt32(at + 4);
        sectionOf.push(section);
        if (!seenSection.has(section)) {
          seenSection.add(section);
          sectionIds.push(section);
        }
        for (let f = 0; f < FIELD_COUNT; f++) lengths.push(data.getFloat32(at + 20 + f * 4));
      }
      rowsOf[i] = row;
      for (let f = 0; f < FIELD_COUNT; f++) tf[i * FIELD_COUNT + f] = data.getFloat32(at + 8 + f * 4);
    }
    byTerm.set(r.term!, { df: n, docs, rows: rowsOf, tf });
  }
  for (const ref of refs) rowScratch[ref] = 0;
  // In the order the terms were asked, as the in-memory store returns them.
  const lists = new Map<string, PostingList>();
  for (const term of wanted) {
    const list = byTerm.get(term);
    if (list) lists.set(term, list);
  }
  return { lists, refs, lengths, sectionOf, sectionIds, stats: stats! };
}

/**
 * A term's packed postings in passage order: as read (the primary key's order, passage order
 * within one collection), or sorted when several collections interleave.
 */
function sortedPostings(bytes: Buffer): Buffer {
  const n = bytes.length / POSTING_BYTES;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = bytes.readInt32BE(i * POSTING_BYTES) > bytes.readInt32BE((i - 1) * POSTING_BYTES);
  if (sorted) return bytes;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => bytes.readInt32BE(a * POSTING_BYTES) - bytes.readInt32BE(b * POSTING_BYTES));
  const out = Buffer.alloc(bytes.length);
  order.forEach((from, to) => bytes.copy(out, to * POSTING_BYTES, from * POSTING_BYTES, (from + 1) * POSTING_BYTES));
  return out;
}

/** The Postings of decoded postings and the packed text lengths of their sections. */
function withSections(decoded: DecodedPostings, sectionData: Buffer | null): Postings {
  const lengthOf = new Map<number, number>();
  if (sectionData) {
    const data = view(sectionData);
    for (let at = 0; at < sectionData.length; at += 12) lengthOf.set(data.getInt32(at), data.getFloat64(at + 4));
  }
  const sectionRowOf = new Map(decoded.sectionIds.map((id, row) => [id, row]));
  return {
    lists: decoded.lists,
    matched: {
      count: decoded.refs.length,
      refs: Int32Array.from(decoded.refs),
      lengths: Float32Array.from(decoded.lengths),
      sections: Int32Array.from(decoded.sectionOf, (id) => sectionRowOf.get(id)!),
      sectionLengths: Float64Array.from(decoded.sectionIds, (id) => lengthOf.get(id) ?? 0),
    },
    stats: decoded.stats,
  };
}

/** Create the schema, or bring it to SCHEMA_VERSION, under a lock so that two tools never both do. */
async function migrate(pool: pg.Pool): Promise<void> {
  const current = async (client: pg.Pool | pg.PoolClient): Promise<number | null> => {
    const { rows } = await client.query<{ table: string | null }>("SELECT to_regclass('answer.schema_version')::text AS table");
    if (!rows[0]?.table) return null;
    const version = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM answer.schema_version');
    return version.rows[0]?.version ?? 0;
  };
  const tooNew = (version: number) =>
    new InputError(`index: the database's schema is version ${version}, newer than this answer knows (${SCHEMA_VERSION}); upgrade answer`);
  const seen = await current(pool);
  if (seen === SCHEMA_VERSION) return;
  if (seen !== null && seen > SCHEMA_VERSION) throw tooNew(seen);
  await transaction(pool, 'BEGIN', async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query('CREATE SCHEMA IF NOT EXISTS answer');
    await client.query('CREATE TABLE IF NOT EXISTS answer.schema_version (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())');
    const version = (await current(client)) ?? 0;
    if (version > SCHEMA_VERSION) throw tooNew(version);
    for (let v = version; v < SCHEMA_VERSION; v++) {
      for (const statement of MIGRATIONS[v]!) await client.query(statement);
      await client.query('INSERT INTO answer.schema_version (version) VALUES ($1)', [v + 1]);
    }
  });
}

/** Run `work` in a transaction on one connection of the pool: committed, or rolled back when it throws. */
async function transaction<T>(pool: pg.Pool, begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The collection's row, made when missing; emptied when an older analyser or passage splitter
 * filled it (the next sync fills it again), refused when a newer one did.
 */
async function openCollection(pool: pg.Pool, name: string): Promise<CollectionRow> {
  await pool.query('INSERT INTO answer.collections (name, analyzer, passages_version) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [name, ANALYZER_VERSION, PASSAGES_VERSION]);
  const select = 'SELECT id, name, analyzer, passages_version FROM answer.collections WHERE name = $1';
  let row = (await pool.query<CollectionRow>(select, [name])).rows[0]!;
  if (row.analyzer === ANALYZER_VERSION && row.passages_version === PASSAGES_VERSION) return row;
  if (row.analyzer > ANALYZER_VERSION || row.passages_version > PASSAGES_VERSION) {
    throw new InputError(`index: collection "${name}" was indexed by a newer answer (analyzer ${row.analyzer}, passages ${row.passages_version}); upgrade answer`);
  }
  await transaction(pool, 'BEGIN', async (client) => {
    row = (await client.query<CollectionRow>(`${select} FOR UPDATE`, [name])).rows[0]!;
    if (row.analyzer !== ANALYZER_VERSION || row.passages_version !== PASSAGES_VERSION) {
      await client.query('DELETE FROM answer.postings WHERE collection = $1', [row.id]);
      await client.query('DELETE FROM answer.passages WHERE collection = $1', [row.id]);
      await client.query('DELETE FROM answer.sections WHERE collection = $1', [row.id]);
      await client.query('DELETE FROM answer.files WHERE collection = $1', [row.id]);
      await client.query(
        `UPDATE answer.collections SET analyzer = $2, passages_version = $3, passages = 0, len_text = 0, len_heading = 0, len_title = 0, sections = 0, section_text = 0
          WHERE id = $1`,
        [row.id, ANALYZER_VERSION, PASSAGES_VERSION],
      );
    }
  });
  return (await pool.query<CollectionRow>(select, [name])).rows[0]!;
}
