// Loaded with `node --import` by bin.test.ts: registers trace-modules-hook.mjs, which appends
// every module URL the process resolves to the file named by ANSWER_TRACE_MODULES.
import { register } from 'node:module';

register('./trace-modules-hook.mjs', import.meta.url);
