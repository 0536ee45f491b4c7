// Run by bin.test.ts in place of bin/answer: the command line from dist/cli/'s ES modules, not
// from the bundle, so that the resolution hook sees each module a command loads. The bundle keeps
// the same laziness (esbuild turns a module reached only by import() into one run on first use).
import { runCli } from '../../../dist/cli/main.js';

process.exitCode = await runCli({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), env: process.env });
