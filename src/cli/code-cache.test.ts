import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle } from './code-cache.js';

describe('loadBundle', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'answer-code-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string) => pathToFileURL(join(dir, name));
  function writeBundle(): URL {
    // A CommonJS script as esbuild writes one: exports, require and __filename from the wrapper.
    // Each text its own: V8 keeps what it compiled in this process and would not look at a cache
    // for a text it has seen.
    writeFileSync(join(dir, 'b.cjs'), `'use strict'; // ${Math.random()}` + "\nconst { basename } = require('node:path');\nfunction twice(n) { return n * 2; }\nmodule.exports.twice = twice;\nmodule.exports.name = basename(__filename);\n");
    return file('b.cjs');
  }

  // That this node takes the cache the build made is bin.test.ts's, in a new process: within one
  // process V8 reuses what it compiled and never looks at a cache for the same text.
  it('runs the script as a CommonJS module and makes a cache of it', () => {
    const first = loadBundle(writeBundle(), null)!;
    expect(first.cached).toBe(false);
    expect((first.exports.twice as (n: number) => number)(21)).toBe(42);
    expect(first.exports.name).toBe('b.cjs');
    expect(first.script.createCachedData().length).toBeGreaterThan(0);
  });

  it('compiles as usual when the cache is missing, foreign or made from another text', () => {
    expect(loadBundle(writeBundle(), file('absent.cache'))!.cached).toBe(false);
    writeFileSync(join(dir, 'junk.cache'), Buffer.from('not a code cache, but bytes of another kind'));
    const junk = loadBundle(writeBundle(), file('junk.cache'))!;
    expect(junk.cached).toBe(false);
    expect((junk.exports.twice as (n: number) => number)(1)).toBe(2);
    // A cache of the old text after the bundle was rebuilt differently.
    const bundle = writeBundle();
    writeFileSync(join(dir, 'old.cache'), loadBundle(bundle, null)!.script.createCachedData());
    writeFileSync(join(dir, 'b.cjs'), `module.exports.twice = (n) => n + n; // ${Math.random()}\n`);
    const rebuilt = loadBundle(bundle, file('old.cache'))!;
    expect(rebuilt.cached).toBe(false);
    expect((rebuilt.exports.twice as (n: number) => number)(5)).toBe(10);
  });

  it('is null when there is no bundle (a build by tsc alone)', () => {
    expect(loadBundle(file('none.cjs'), null)).toBeNull();
  });
});
