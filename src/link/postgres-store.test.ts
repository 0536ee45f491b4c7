/**
 * The PostgreSQL backend against a real server (test/setup/postgres.ts starts one when none is
 * given; CI sets ANSWER_REQUIRE_POSTGRES=1 so that a missing server fails the run): the
 * conformance suite, collections, concurrent updates and queries, the schema, and connection
 * failures as one line.
 */
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { analyzePassage } from './analyze.js';
import { syncIndex } from './build-index.js';
import { PostgresIndexStore, SCHEMA_VERSION } from './postgres-store.js';
import { stem } from './stem.js';
import { indexStoreConformance } from './test-helpers/conformance.js';
import { passage } from './test-helpers/passages.js';
import { freshDatabase, postgresUrl, withDatabase } from './test-helpers/postgres.js';

let url = '';
let drop: () => Promise<void> = async () => undefined;
let collections = 0;

describe.skipIf(!postgresUrl)('the PostgreSQL index', () => {
  beforeAll(async () => {
    ({ url, drop } = await freshDatabase('store'));
  });
  afterAll(async () => {
    await drop();
  });

  indexStoreConformance('postgres', () => PostgresIndexStore.open({ url, collection: `conformance-${++collections}`, connections: 2 }), { runs: 12 });

  const open = async (collection: string, search?: string[]) => PostgresIndexStore.open({ url, collection, connections: 2, ...(search ? { search } : {}) });
  const ids = async (store: PostgresIndexStore, word: string) => {
    const { lists } = await store.postings([stem(word)]);
    const list = lists.get(stem(word));
    return list ? (await store.passages(Array.from(list.docs))).map((s) => s.passage.id).sort() : [];
  };

  it('keeps collections apart: a query sees only the collections it names', async () => {
    const zwolle = await open('zwolle');
    const deventer = await open('deventer');
    try {
      await zwolle.update([analyzePassage(passage('Mantelzorgers in Zwolle krijgen respijtzorg.', { id: 'p-1' }))], []);
      await deventer.update([analyzePassage(passage('Mantelzorgers in Deventer krijgen een waardering.', { id: 'p-1' })), analyzePassage(passage('Respijtzorg in de wijk.', { id: 'p-2' }))], []);
      expect(await ids(zwolle, 'respijtzorg')).toEqual(['p-1']);
      expect((await zwolle.stats()).passages).toBe(1);
      expect((await zwolle.postings([stem('respijtzorg')])).stats.passages).toBe(1);
      const texts = async (store: PostgresIndexStore) => {
        const { lists } = await store.postings([stem('mantelzorgers')]);
        return (await store.passages(Array.from(lists.get(stem('mantelzorgers'))!.docs))).map((s) => s.passage.text);
      };
      expect(await texts(zwolle)).toEqual(['Mantelzorgers in Zwolle krijgen respijtzorg.']);
      expect(await texts(deventer)).toEqual(['Mantelzorgers in Deventer krijgen een waardering.']);
      // Passage numbers of another collection give nothing.
      const theirs = (await deventer.postings([stem('respijtzorg')])).lists.get(stem('respijtzorg'))!.docs;
      expect(await zwolle.passages(Array.from(theirs))).toEqual([]);
      // A region searching both.
      const regio = await open('zwolle', ['zwolle', 'deventer']);
      try {
        expect((await regio.stats()).passages).toBe(3);
        expect((await regio.postings([stem('respijtzorg')])).lists.get(stem('respijtzorg'))!.df).toBe(2);
      } finally {
        await regio.close();
      }
      await expect(open('zwolle', ['zwolle', 'kampen'])).rejects.toThrow(/index\.search: there is no collection "kampen"/);
    } finally {
      await zwolle.close();
      await deventer.close();
    }
  });

  it('takes two syncs of one collection at once, from two clients, and ends as one sync would', async () => {
    const corpus = (n: number, version: string) => ({
      files: Array.from({ length: n }, (_, i) => ({ file: `corpus/f${i}.md`, hash: `${version}-${i}` })),
      passages: Array.from({ length: n }, (_, i) =>
        Array.from({ length: 3 }, (_, j) => passage(`Beleid ${version} over wonen en zorg, stuk ${j}.`, { id: `f${i}-${j}`, file: `corpus/f${i}.md`, doc: `f${i}`, heading: [`Nota ${i}`, `Deel ${j % 2}`] })),
      ).flat(),
    });
    const a = await open('samen');
    const b = await open('samen');
    const alone = await open('alleen');
    try {
      await Promise.all([syncIndex(a, corpus(12, 'een')), syncIndex(b, corpus(12, 'een'))]);
      await Promise.all([syncIndex(a, corpus(10, 'twee')), syncIndex(b, corpus(10, 'twee'))]);
      await syncIndex(alone, corpus(12, 'een'));
      await syncIndex(alone, corpus(10, 'twee'));
      const view = async (store: PostgresIndexStore) => {
        const p = await store.postings(['beleid', 'twee', 'een', 'won', 'zorg'].map((w) => stem(w)));
        const stored = await store.passages(Array.from(p.matched.refs));
        return {
          stats: p.stats,
          files: await store.files(),
          lists: [...p.lists].map(([term, list]) => [term, list.df]),
          passages: stored.map((s) => s.passage.id).sort(),
        };
      };
      expect(await view(a)).toEqual(await view(alone));
      expect((await a.stats()).passages).toBe(30);
    } finally {
      await Promise.all([a.close(), b.close(), alone.close()]);
    }
  });

  it('lets queries run during updates and shows each update whole or not at all', async () => {
    const writer = await open('live');
    const reader = await open('live');
    const version = (word: string) =>
      Array.from({ length: 40 }, (_, i) => analyzePassage(passage(`${word} in paragraaf ${i}.`, { id: `live-${i}`, heading: ['Nota', `Deel ${i % 4}`] })));
    try {
      await writer.update(version('alfa'), []);
      let writing = true;
      const writes = (async () => {
        for (let i = 0; i < 12; i++) await writer.update(version(i % 2 ? 'alfa' : 'bravo'), []);
        writing = false;
      })();
      const seen = new Set<string>();
      let queries = 0;
      while (writing || queries < 5) {
        const p = await reader.postings([stem('alfa'), stem('bravo')]);
        const alfa = p.lists.get(stem('alfa'))?.df ?? 0;
        const bravo = p.lists.get(stem('bravo'))?.df ?? 0;
        seen.add(`${alfa}/${bravo}/${p.stats.passages}/${p.stats.sections}`);
        // The passages behind a query's postings are there even when an update removed them since.
        const refs = Array.from(p.matched.refs);
        expect((await reader.passages(refs)).length).toBe(refs.length);
        queries++;
      }
      await writes;
      expect([...seen].every((s) => s === '40/0/40/4' || s === '0/40/40/4'), [...seen].join(' ')).toBe(true);
    } finally {
      await Promise.all([writer.close(), reader.close()]);
    }
  });

  it('creates its schema once, at the version it knows, also when two tools open a new database at once', async () => {
    const db = await freshDatabase('schema');
    try {
      const stores = await Promise.all([1, 2, 3].map((i) => PostgresIndexStore.open({ url: db.url, collection: `c${i}`, connections: 1 })));
      await Promise.all(stores.map((s) => s.close()));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query('SELECT version FROM answer.schema_version ORDER BY version');
        expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
        // A database a newer tool migrated is refused, not written to.
        await client.query('INSERT INTO answer.schema_version (version) VALUES ($1)', [SCHEMA_VERSION + 1]);
        await expect(PostgresIndexStore.open({ url: db.url, collection: 'c1' })).rejects.toThrow(/schema is version \d+, newer than this answer knows/);
        await client.query('DELETE FROM answer.schema_version WHERE version = $1', [SCHEMA_VERSION + 1]);
        // A collection an older analyser filled is emptied (the next sync fills it); a newer one's refused.
        const c1 = await PostgresIndexStore.open({ url: db.url, collection: 'c1' });
        await c1.update([analyzePassage(passage('wonen', { id: 'x' }))], [], new Map([['corpus/x.md', { hash: 'h', ids: ['x'] }]]));
        await c1.close();
        await client.query("UPDATE answer.collections SET analyzer = analyzer - 1 WHERE name = 'c1'");
        const again = await PostgresIndexStore.open({ url: db.url, collection: 'c1' });
        expect(await again.stats()).toMatchObject({ passages: 0, files: 0 });
        await again.close();
        await client.query("UPDATE answer.collections SET analyzer = analyzer + 1 WHERE name = 'c1'");
        await expect(PostgresIndexStore.open({ url: db.url, collection: 'c1' })).rejects.toThrow(/collection "c1" was indexed by a newer answer/);
      } finally {
        await client.end();
      }
    } finally {
      await db.drop();
    }
  });

  describe('a server it cannot use is one line (InputError), never another index', () => {
    const failure = async (target: string): Promise<InputError> => {
      const error = await PostgresIndexStore.open({ url: target, collection: 'x' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      const message = (error as InputError).message;
      expect(message.split('\n')).toHaveLength(1);
      return error as InputError;
    };

    it('a server that is down', async () => {
      // A port that was free a moment ago: nothing listens there.
      const port = await new Promise<number>((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      });
      const u = new URL(url);
      u.port = String(port);
      expect((await failure(u.toString())).message).toMatch(/^index: cannot reach the PostgreSQL server at 127\.0\.0\.1:\d+\/\w+: connection refused/);
    });

    it('wrong credentials, without showing the password', async () => {
      const u = new URL(url);
      u.password = 'not-the-password';
      const message = (await failure(u.toString())).message;
      expect(message).toMatch(/refused the login: password authentication failed for user "answer"/);
      expect(message).not.toContain('not-the-password');
      u.username = 'nobody';
      expect((await failure(u.toString())).message).toMatch(/refused the login/);
    });

    it('a wrong URL: no such database, no such host, not a URL', async () => {
      expect((await failure(withDatabase(url, 'no_such_database'))).message).toMatch(/database "no_such_database" does not exist/);
      const u = new URL(url);
      u.hostname = 'no-such-host.invalid';
      expect((await failure(u.toString())).message).toMatch(/no such host/);
      expect((await failure('postgres://answer:x@127.0.0.1:notaport/answer')).message).toMatch(/not a PostgreSQL URL|cannot reach/);
    });
  });
});
