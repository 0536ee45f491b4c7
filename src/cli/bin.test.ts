import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { copyExampleWorkspace } from './test-helpers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)));

describe('bin/answer', () => {
  // `npm ci` builds dist/ (the prepare script), so CI always runs this. Piping into `true`, which
  // exits without reading, closes the pipe before the help is written: without the handler every
  // run printed an unhandled EPIPE error and its stack.
  it.skipIf(!built)('ends quietly when the reader of its output has gone (answer --help | true)', () => {
    for (let i = 0; i < 3; i++) {
      const child = spawnSync('sh', ['-c', 'node bin/answer --help | true'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
    }
  });

  // The build's bundle and code cache (scripts/bundle-cli.mjs): bin/answer runs them, and a cache
  // V8 refused would cost every command its start-up gain without a sign.
  const bundled = existsSync(fileURLToPath(new URL('../../dist/bundle/answer.cache', import.meta.url)));
  it.skipIf(!bundled)('runs the bundle, whose code cache this node takes', () => {
    const script = `import('./dist/cli/code-cache.js').then(({ loadBundle }) => {
      const b = loadBundle(new URL('./dist/bundle/answer.cjs', 'file://${root}'), new URL('./dist/bundle/answer.cache', 'file://${root}'));
      process.stdout.write(JSON.stringify({ cached: b.cached, runCli: typeof b.exports.runCli }));
    })`;
    const { NODE_OPTIONS: _flags, ...env } = process.env;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 20_000, env });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({ cached: true, runCli: 'function' });
    const version = spawnSync(process.execPath, ['bin/answer', '--version'], { cwd: root, encoding: 'utf8', timeout: 20_000, env });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  // The modules find their data files from import.meta.url, which the bundle makes its own URL:
  // every file they name must be where the bundle looks (a missing word list pack is no error, only
  // a slow start, so nothing else would notice), and a command gives what the modules give.
  it.skipIf(!bundled)('finds from the bundle every data file the modules name, and answers as they do', async () => {
    const bundle = new URL('../../dist/bundle/answer.cjs', import.meta.url);
    const named = [...readFileSync(bundle, 'utf8').matchAll(/new URL\("([^"]+)", import_meta_url\)/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['../link/lexicon.pack', '../link/lexicon.table', '../link/words.pack', '../link/synonyms.pack.json', '../link/stopwords-nl.json', '../../templates/', '../../package.json']));
    for (const relative of named) expect(existsSync(fileURLToPath(new URL(relative, bundle))), relative).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'answer-bundle-'));
    try {
      await copyExampleWorkspace(dir);
      const entry = fileURLToPath(new URL('./test-helpers/run-modules.mjs', import.meta.url));
      const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      const viaBundle = run([join(root, 'bin', 'answer'), 'search', 'politie', 'meldingen']);
      const viaModules = run([entry, 'search', 'politie', 'meldingen']);
      expect(viaBundle.status).toBe(0);
      expect(viaBundle.stdout).toBe(viaModules.stdout);
      expect(viaBundle.stdout).toContain('politie');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The promise: `--help`, `--version` and `check` load no reader, writer or index code
  // (bench/cli.ts has the start-up figures). Every module the process resolves is listed by a
  // resolution hook; what each command may load is named here, so a new import of the library's
  // barrel, a reader or a renderer into these paths fails this test. The modules are dist/cli/'s,
  // run by test-helpers/run-modules.mjs: bin/answer runs them bundled, where no hook sees them.
  describe.skipIf(!built)('loads only what the command needs', () => {
    function loaded(args: string[]): string[] {
      const dir = mkdtempSync(join(tmpdir(), 'answer-modules-'));
      try {
        mkdirSync(join(dir, 'questions'));
        mkdirSync(join(dir, 'corpus'));
        writeFileSync(join(dir, 'corpus', 'nota.md'), '---\ntitle: Nota\n---\n\n# Nota\n\n## Zorg\n\nDe politie krijgt meldingen over overlast.\n');
        writeFileSync(join(dir, 'answer.config.json'), '{}\n');
        const trace = join(dir, 'modules.txt');
        const hook = fileURLToPath(new URL('./test-helpers/trace-modules.mjs', import.meta.url));
        const entry = fileURLToPath(new URL('./test-helpers/run-modules.mjs', import.meta.url));
        const child = spawnSync(process.execPath, ['--import', hook, entry, ...args], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 20_000,
          env: { ...process.env, ANSWER_TRACE_MODULES: trace },
        });
        expect(child.status).toBe(0);
        const urls = readFileSync(trace, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
        return [...new Set(urls.map((u) => fileURLToPath(u)).filter((p) => p !== entry).map((p) => p.slice(p.lastIndexOf('node_modules') === -1 ? root.length : p.lastIndexOf('node_modules'))))].sort();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const packages = (files: string[]) => [...new Set(files.filter((f) => f.startsWith('node_modules')).map((f) => f.split('/')[1]))].sort();

    it('--help and --version: the command table and commander only', () => {
      for (const args of [['--help'], ['--version']]) {
        const files = loaded(args);
        expect(files.filter((f) => !f.startsWith('node_modules'))).toEqual(
          ['dist/cli/commands.js', 'dist/cli/main.js', 'dist/cli/progress.js', 'dist/cli/terminal.js', 'dist/errors.js'],
        );
        expect(packages(files)).toEqual(['commander']);
      }
    });

    it('check: no letter parser, reader, renderer, index builder or markdown parser', () => {
      const files = loaded(['check']);
      expect(files).toContain('dist/check/index.js');
      // read/read-text.js is the text decoding (UTF-8, UTF-16, Windows-1252) a document file needs;
      // link/index-file.js reads the passage ids the index holds, so cited policy is not split again.
      const allowed = (f: string) => !/^dist\/(read|link)\//.test(f) || f === 'dist/read/read-text.js' || f === 'dist/link/index-file.js';
      expect(files.filter((f) => !allowed(f))).toEqual([]);
      expect(files.filter((f) => /^dist\/(parse|render|answers\/(?!question-similarity)|corpus\/(?!passages-version))/.test(f))).toEqual([]);
      expect(packages(files)).toEqual(['commander', 'mdast-util-to-string']);
    });

    it('search: the linker and the corpus reader, no letter parser, document reader or converter', () => {
      const files = loaded(['search', 'politie', 'meldingen']);
      expect(files).toContain('dist/link/link-questions.js');
      expect(files.filter((f) => /^dist\/(parse|read|render)\//.test(f) || /^dist\/corpus\/(convert-policy|render-markdown)/.test(f))).toEqual([]);
      // remark, the YAML reader and the dates library load only when a file needs them (this one does not).
      expect(packages(files).filter((p) => p !== 'mdast-util-to-string')).toEqual(['commander']);
    });
  });
});

