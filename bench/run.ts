/**
 * `npm run bench`: runs every benchmark in bench/, one file per operation (link.ts, parse.ts, ...).
 *
 * A bench file exports `run(options: BenchOptions): Promise<void>` and prints its own report; its
 * first line says what it measures (documents, passages, MB). `BENCH_QUICK=1` asks for a smoke
 * run of a few seconds (CI runs that), `npm run bench -- link` runs only bench/link.ts.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

export interface BenchOptions {
  /** Smoke run: small inputs, seconds not minutes. */
  quick: boolean;
}

interface BenchModule {
  run(options: BenchOptions): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const quick = Boolean(process.env.BENCH_QUICK && process.env.BENCH_QUICK !== '0');
  const files = (await readdir(here))
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_') && !f.endsWith('.test.ts'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.ts$/, '')))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as Partial<BenchModule>;
    if (typeof mod.run !== 'function') continue;
    console.log(`\n== bench/${file}${quick ? ' (quick)' : ''}`);
    await mod.run({ quick });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
  });
}
