// A module resolution hook (see trace-modules.mjs). Hooks run on their own thread, so the list
// goes to a file rather than to the process's memory.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.ANSWER_TRACE_MODULES) appendFileSync(process.env.ANSWER_TRACE_MODULES, `${result.url}\n`);
  return result;
}
