/**
 * The command line runs from one bundled script (dist/bundle/answer.cjs, made by
 * scripts/bundle-cli.mjs from dist/cli/main.js) compiled with V8's code cache
 * (dist/bundle/answer.cache): the bytecode of every function a set of typical commands ran,
 * made at build time on this machine's node. A process then deserialises that bytecode instead of
 * parsing and compiling the same functions again, and resolves one file instead of some fifty
 * modules. Node 20 offers no code cache for ES modules (module.enableCompileCache is Node 22), so
 * the bundle is a CommonJS script run through `vm.Script`, whose `cachedData` is stable API.
 *
 * Measured on the example workspace and bench/check.ts's 1,000 letters (whole processes against
 * the ES modules of dist/, interleaved, medians of 15 pairs): a cold `answer search` 0.87×, a warm
 * one 0.82×, a check of the 1,000 letters 0.94×; the bundle without the cache took 2-3 % of each.
 *
 * V8 checks the cache against the script's source and its own version and flags; a cache it
 * refuses (another node, a V8 flag such as --always-sparkplug; node's own --cpu-prof is no such
 * flag) is ignored and the script compiled as usual, so a stale cache costs time, never
 * correctness.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export interface LoadedBundle {
  /** What the bundle exports (dist/cli/main.js's exports). */
  exports: Record<string, unknown>;
  /** The compiled script, whose `createCachedData()` makes a new cache. */
  script: Script;
  /** Whether a cache was given and V8 took it. */
  cached: boolean;
}

/**
 * Run a CommonJS bundle with the code cache beside it. Null when the bundle is not there (a build
 * by `tsc` alone): the caller then imports dist/cli/main.js.
 */
export function loadBundle(bundle: URL, cache: URL | null): LoadedBundle | null {
  const file = fileURLToPath(bundle);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let cachedData: Buffer | undefined;
  if (cache) {
    try {
      cachedData = readFileSync(cache);
    } catch {
      cachedData = undefined;
    }
  }
  // The wrapper node gives a CommonJS module, written out: the cache belongs to this exact text.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script, cached: cachedData !== undefined && !script.cachedDataRejected };
}
