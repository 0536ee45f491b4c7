// Part of `npm run build`, after tsc: the command line as one CommonJS script
// (dist/bundle/answer.cjs) and V8's code cache for it (dist/bundle/answer.cache), which bin/answer
// runs (src/cli/code-cache.ts says why, with the figures).
//
// The cache is made by running typical commands on a copy of the example workspace in this process
// and asking V8 for the bytecode of every function they compiled. Packages stay outside the bundle
// (required from node_modules as before) but for the small ones most commands load (INSIDE). The
// commands that main.js loads on demand stay on demand: `import()` becomes a `require` inside the
// bundle, and a module reached only that way runs its top level when first required.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../dist/cli/code-cache.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The packages bundled: small, plain JavaScript, needed by most commands. */
const INSIDE = new Set(['commander', 'mdast-util-to-string']);
const bundle = new URL('../dist/bundle/answer.cjs', import.meta.url);
const cache = new URL('../dist/bundle/answer.cache', import.meta.url);

rmSync(cache, { force: true });
await build({
  entryPoints: [join(root, 'dist', 'cli', 'main.js')],
  outfile: fileURLToPath(bundle),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Packages stay outside, but for those every command loads (commander, and mdast-util-to-string
  // for check): inside, their code is in the code cache too. Against the bundle without them
  // (interleaved, medians of 15-20 pairs): check in an empty workspace 0.93×, --help 0.93×, a warm
  // search 0.95×, a cold one 0.97×, check of bench/check.ts's 1,000 letters 0.97×.
  external: Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies).filter((name) => !INSIDE.has(name)),
  supported: { 'dynamic-import': false },
  // The modules find their data files from import.meta.url: the bundle's own URL, two folders
  // below the package as dist/<stage>/ is, so '../link/' and '../../templates/' still hold.
  banner: { js: "var import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': 'import_meta_url' },
  logLevel: 'warning',
});

const loaded = loadBundle(bundle, null);
if (!loaded) throw new Error(`bundle-cli: ${fileURLToPath(bundle)} was not written`);
const { runCli } = loaded.exports;

const workspace = mkdtempSync(join(tmpdir(), 'answer-code-cache-'));
try {
  for (const part of ['answer.config.json', 'questions', 'answers', 'corpus']) {
    if (existsSync(join(root, part))) cpSync(join(root, part), join(workspace, part), { recursive: true });
  }
  const letter = '2025-04-12-d66-regionale-zorg-en-veiligheid';
  // Without the example (a copy of the package without it) only what needs no workspace.
  const example = existsSync(join(workspace, 'questions', `${letter}.md`));
  const commands = [
    ['--help'],
    ['--version'],
  ];
  if (example) commands.push(
    ['check'],
    ['check', '--format', 'json'],
    ['status'],
    ['search', 'politie', 'meldingen'],
    ['search', 'wachtlijst', 'jeugdzorg'],
    ['link', letter],
    ['draft', letter],
  );
  const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });
  for (const argv of commands) {
    const code = await runCli({ argv, stdout: sink(), stderr: sink(), stdin: Readable.from([]), cwd: workspace, env: {} });
    // Exit 1 is a check that found problems: a run like any other.
    if (code !== 0 && code !== 1) throw new Error(`bundle-cli: answer ${argv.join(' ')} exited ${code} in ${workspace}`);
  }
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

const data = loaded.script.createCachedData();
const temporary = `${fileURLToPath(cache)}.${process.pid}.tmp`;
writeFileSync(temporary, data);
renameSync(temporary, cache);
console.log(`bundled: ${fileURLToPath(bundle)} with a code cache of ${(data.length / 1024).toFixed(0)} kB`);
