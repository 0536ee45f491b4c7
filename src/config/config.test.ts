import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { defaultConfig, loadConfig, parseConfig } from './config.js';

function error(text: string): InputError {
  try {
    parseConfig(text);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('loadConfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'answer-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('uses the defaults when there is no answer.config.json', async () => {
    const config = await loadConfig(dir);
    expect(config).toEqual(defaultConfig());
    expect(config.kinds['schriftelijke-vragen']).toEqual({ articles: [], termDays: 30 });
    expect(config.defaultKind).toBe('schriftelijke-vragen');
    expect(config.corpus).toEqual(['corpus']);
    expect(config.questions).toBe('questions');
    expect(config.answers).toBe('answers');
  });

  it('reads the file at the workspace root', async () => {
    await writeFile(join(dir, 'answer.config.json'), JSON.stringify({ municipality: 'Zwolle', top: 8 }));
    const config = await loadConfig(dir);
    expect(config.municipality).toBe('Zwolle');
    expect(config.top).toBe(8);
    expect(config.file).toBe(join(dir, 'answer.config.json'));
  });
});

describe('parseConfig', () => {
  it('normalises terms in days and weeks, in Dutch and English', () => {
    const config = parseConfig(JSON.stringify({
      kinds: {
        'art-33': { articles: ['33'], term: '28 dagen' },
        'art-34': { articles: ['art. 34', 35], term: '10 days' },
        technisch: { term: '3 weken' },
        overig: { term: '4 weeks' },
        kort: { term: 21 },
        'een-week': { term: '1 week' },
      },
      defaultKind: 'technisch',
    }));
    expect(Object.fromEntries(Object.entries(config.kinds).map(([k, v]) => [k, v.termDays]))).toEqual({
      'art-33': 28, 'art-34': 10, technisch: 21, overig: 28, kort: 21, 'een-week': 7,
    });
    expect(config.kinds['art-34']!.articles).toEqual(['34', '35']);
    expect(config.defaultKind).toBe('technisch');
  });

  it('makes the first kind the default when defaultKind is not given', () => {
    expect(parseConfig('{"kinds": {"art-42": {"term": 21}, "art-43": {"term": 10}}}').defaultKind).toBe('art-42');
  });

  it('rejects unknown keys and suggests the right one', () => {
    const e = error('{"defaultkind": "x"}');
    expect(e.file).toBe('answer.config.json');
    expect(e.message).toMatch(/^defaultkind: unknown key \(did you mean "defaultKind"\?\)/);
    expect(error('{"kinds": {"a": {"term": 3, "artikelen": ["45"]}}}').message).toMatch(/^kinds\.a\.artikelen: unknown key/);
    expect(error('{"signatories": {"burgemeester": "x", "griffier": "y"}}').message).toMatch(/^signatories\.griffier: unknown key/);
  });

  it('rejects bad terms with the key path and the value', () => {
    expect(error('{"kinds": {"a": {"term": -5}}}').message).toBe('kinds.a.term: -5 must be a positive whole number of days (at most 3660)');
    expect(error('{"kinds": {"a": {"term": 0}}}').message).toMatch(/positive/);
    expect(error('{"kinds": {"a": {"term": 2.5}}}').message).toMatch(/whole number/);
    expect(error('{"kinds": {"a": {"term": "drie weken"}}}').message).toMatch(/^kinds\.a\.term: "drie weken" is not a term/);
    expect(error('{"kinds": {"a": {"term": "3 maanden"}}}').message).toMatch(/is not a term/);
    expect(error('{"kinds": {"a": {"term": "10 werkdagen"}}}').message).toMatch(/working days/);
    expect(error('{"kinds": {"a": {"articles": ["45"]}}}').message).toMatch(/^kinds\.a\.term: is missing/);
  });

  it('rejects wrong types', () => {
    expect(error('{"municipality": 12}').message).toBe('municipality: must be text, not 12');
    expect(error('{"top": 0}').message).toMatch(/^top: 0 must be a whole number/);
    expect(error('{"top": "5"}').message).toMatch(/^top: "5"/);
    expect(error('{"corpus": []}').message).toMatch(/^corpus: must be a list of folders/);
    expect(error('{"corpus": ["ok", 3]}').message).toMatch(/^corpus\.1: must be a folder name, not 3/);
    expect(error('{"kinds": []}').message).toMatch(/^kinds: must be an object/);
    expect(error('{"kinds": {}}').message).toMatch(/at least one kind/);
    expect(error('{"kinds": {"a": {"term": 3, "articles": ["zes"]}}}').message).toMatch(/^kinds\.a\.articles\.0: "zes" is not an article number/);
    expect(error('[1]').message).toMatch(/must be a JSON object/);
  });

  it('reads the Word settings: author and reference file, checked like the other keys', () => {
    expect(parseConfig('{"docx": {"author": " Gemeente Zwolle ", "reference": "huisstijl.docx"}}').docx).toEqual({ author: 'Gemeente Zwolle', reference: 'huisstijl.docx' });
    expect(parseConfig('{}').docx).toEqual({ author: null, reference: null });
    expect(error('{"docx": "huisstijl.docx"}').message).toMatch(/^docx: must be an object like/);
    expect(error('{"docx": {"auteur": "x"}}').message).toMatch(/^docx\.auteur: unknown key \(did you mean "author"\?\)/);
    expect(error('{"docx": {"reference": "huisstijl.pdf"}}').message).toBe('docx.reference: "huisstijl.pdf" must be a Word file (.docx or .dotx)');
    expect(error('{"docx": {"author": 3}}').message).toBe('docx.author: must be text, not 3');
  });

  it('reads the index settings: memory by default, or a PostgreSQL collection, checked like the other keys', () => {
    expect(parseConfig('{}').index).toEqual({ backend: 'memory' });
    expect(parseConfig('{"index": {"backend": "memory"}}').index).toEqual({ backend: 'memory' });
    expect(parseConfig('{"index": {"backend": "postgres", "collection": "zwolle"}}').index).toEqual({ backend: 'postgres', url: null, collection: 'zwolle', search: ['zwolle'] });
    expect(parseConfig('{"index": {"backend": "postgres", "url": "postgres://griffie@db.zwolle.nl/answer", "collection": "zwolle", "search": ["zwolle", "regio-ijsselland"]}}').index).toEqual({
      backend: 'postgres',
      url: 'postgres://griffie@db.zwolle.nl/answer',
      collection: 'zwolle',
      search: ['zwolle', 'regio-ijsselland'],
    });
    expect(error('{"index": "postgres"}').message).toMatch(/^index: must be an object like/);
    expect(error('{"index": {"backend": "sqlite"}}').message).toBe('index.backend: "sqlite" must be "memory" or "postgres"');
    expect(error('{"index": {"backend": "postgres"}}').message).toMatch(/^index\.collection: is missing/);
    expect(error('{"index": {"backend": "postgres", "collection": "Zwolle"}}').message).toMatch(/^index\.collection: "Zwolle" must be a collection name/);
    expect(error('{"index": {"backend": "memory", "collection": "zwolle"}}').message).toBe('index.collection: is for "backend": "postgres" only');
    expect(error('{"index": {"backend": "postgres", "collection": "z", "colection": "x"}}').message).toMatch(/^index\.colection: unknown key \(did you mean "collection"\?\)/);
    // A URL that is not one is refused without being shown: it may hold a password.
    const bad = error('{"index": {"backend": "postgres", "collection": "z", "url": "answer:geheim@db/answer"}}').message;
    expect(bad).toMatch(/^index\.url: must be a URL such as/);
    expect(bad).not.toContain('geheim');
  });

  it('rejects a defaultKind that is not a kind, and an article in two kinds', () => {
    expect(error('{"defaultKind": "art-99"}').message).toMatch(/^defaultKind: "art-99" is not one of the kinds \(schriftelijke-vragen\)/);
    expect(error('{"kinds": {"a": {"term": 3, "articles": ["45"]}, "b": {"term": 4, "articles": ["45"]}}}').message).toMatch(/already listed under kinds\.a/);
  });

  it('reports broken JSON with its line', () => {
    const e = error('{\n  "municipality": "Zwolle",\n  "top": 5,\n}\n');
    expect(e.message).toMatch(/^not valid JSON/);
    expect(e.line).toBe(4);
  });

  it('accepts a $schema key and a single corpus folder as text', () => {
    expect(parseConfig('{"$schema": "x", "corpus": "beleid"}').corpus).toEqual(['beleid']);
  });
});
