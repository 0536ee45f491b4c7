/**
 * Red team, input kind: `.answer/index.bin`, the cache search, link and draft read first. It is
 * never a source of truth: whatever stands there — random bytes, a cut-off file, a header of
 * another version, or valid JSON in the right layout with a field of the wrong type — the index is
 * rebuilt from the corpus and the command works.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type Case, LETTER_ID, runCase, type Workspace, redTeamFile } from './harness.js';
import { placeFile } from './setup.js';

const { runner } = redTeamFile();

const INDEX = '.answer/index.bin';

/** The index file's parts: the header line, and the store's JSON and numbers (see memory-store.ts). */
async function readParts(ws: Workspace): Promise<{ header: Buffer; json: Record<string, unknown>; numbers: Buffer }> {
  const bytes = await readFile(ws.path(INDEX));
  const newline = bytes.indexOf(10);
  const header = bytes.subarray(0, newline + 1);
  const store = bytes.subarray(newline + 1);
  const length = store.readUInt32LE(0);
  const json = JSON.parse(store.subarray(4, 4 + length).toString('utf8')) as Record<string, unknown>;
  const start = 4 + length + ((4 - ((4 + length) % 4)) % 4);
  return { header, json, numbers: Buffer.from(store.subarray(start)) };
}

/** Write the index back with `edit` applied to its JSON part, keeping the layout valid. */
function editIndex(edit: (json: Record<string, unknown>, numbers: Buffer) => void) {
  return async (ws: Workspace) => {
    const { header, json, numbers } = await readParts(ws);
    edit(json, numbers);
    const text = Buffer.from(JSON.stringify(json), 'utf8');
    const head = Buffer.alloc(4);
    head.writeUInt32LE(text.length);
    const pad = Buffer.alloc((4 - ((4 + text.length) % 4)) % 4);
    await writeFile(ws.path(INDEX), Buffer.concat([header, head, text, pad, numbers]));
  };
}

type Json = Record<string, unknown> & { passages: Array<Record<string, unknown>>; files: Array<[string, Record<string, unknown>]>; words: unknown[] };

const WRONG: Record<string, (json: Json, numbers: Buffer) => void> = {
  'a passage text that is a number': (j) => (j.passages[0]!.text = 5),
  'a heading path that is a string': (j) => (j.passages[0]!.heading = 'Kop'),
  'a heading path holding an object': (j) => (j.passages[0]!.heading = [{ a: 1 }]),
  'line numbers that are strings': (j) => (j.passages[0]!.lines = ['1', '2']),
  'a passage that is null': (j) => (j.passages[0] = null as unknown as Record<string, unknown>),
  'a passage kind that is unknown': (j) => (j.passages[0]!.kind = 'script'),
  'a title that is an array': (j) => (j.passages[0]!.title = ['x']),
  'a date that is a number': (j) => (j.passages[0]!.date = 2024),
  'files that is an object': (j) => (j.files = {} as unknown as Json['files']),
  "a file's ids that are a string": (j) => (j.files[0]![1].ids = 'abc'),
  "a file's hash that is a number": (j) => (j.files[0]![1].hash = 1),
  "a file's problems that hold a number": (j) => (j.files[0]![1].problems = [1]),
  'words holding a number': (j) => (j.words[0] = 7),
  'words that repeat': (j) => (j.words[1] = j.words[0]),
  'a frequency that is NaN': (_j, n) => n.writeFloatLE(Number.NaN, n.length - 8),
  'a __proto__ passage': (j) => (j.passages[0] = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>),
};

const RAW: Record<string, (ws: Workspace) => Promise<void>> = {
  'random bytes': (ws) => placeFile(ws.path(INDEX), Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 7919 + 13) % 256))),
  'an empty file': (ws) => placeFile(ws.path(INDEX), ''),
  'a header only': async (ws) => placeFile(ws.path(INDEX), (await readParts(ws)).header),
  'a cut-off file': async (ws) => {
    const bytes = await readFile(ws.path(INDEX));
    await placeFile(ws.path(INDEX), bytes.subarray(0, Math.floor(bytes.length / 2)));
  },
  'a JSON length past the end': async (ws) => {
    const { header } = await readParts(ws);
    const head = Buffer.alloc(4);
    head.writeUInt32LE(0xfffffff0);
    await placeFile(ws.path(INDEX), Buffer.concat([header, head, Buffer.from('{}')]));
  },
  'a header of another version': async (ws) => {
    const bytes = await readFile(ws.path(INDEX));
    await placeFile(ws.path(INDEX), Buffer.concat([Buffer.from('{"format":"answer-index","version":99}\n'), bytes.subarray(bytes.indexOf(10) + 1)]));
  },
  'a header of 2 MB without a newline': (ws) => placeFile(ws.path(INDEX), Buffer.alloc(2 * 1024 * 1024, 0x7b)),
};

function commands(name: string, setup: (ws: Workspace) => Promise<void>): Case[] {
  return [
    { name: `search: ${name}`, setup, argv: ['search', 'verward gedrag'], expect: { done: [0] }, then: async (_ws, run) => expect(run.out).toContain('meldpunt') },
    { name: `link: ${name}`, setup, argv: ['link', LETTER_ID], expect: { done: [0] } },
    { name: `draft --stdout: ${name}`, setup, argv: ['draft', LETTER_ID, '--stdout'], expect: { done: [0] }, then: async (_ws, run) => expect(run.out).toContain('corpus/koers') },
  ];
}

describe('an index of the right layout with a field of the wrong type is rebuilt', () => {
  for (const [name, edit] of Object.entries(WRONG)) for (const c of commands(name, editIndex(edit as (json: Record<string, unknown>, numbers: Buffer) => void))) it(c.name, () => runCase(runner, c));
});

describe('a broken index file is rebuilt', () => {
  for (const [name, setup] of Object.entries(RAW)) for (const c of commands(name, setup)) it(c.name, () => runCase(runner, c));
  it('the rebuilt index is written back and used the next time', () =>
    runCase(runner, {
      name: 'rebuilt and written',
      setup: editIndex((j) => ((j as Json).passages[0]!.text = 5)),
      argv: ['search', 'zorg'],
      expect: { done: [0] },
      then: async (ws) => {
        const { json } = await readParts(ws);
        expect((json as Json).passages.every((p) => typeof p.text === 'string')).toBe(true);
      },
    }));
});
