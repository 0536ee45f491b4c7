/**
 * `corpus add`: policy documents (PDF, DOCX, ODT, RTF, HTML, text, markdown) become corpus
 * documents `corpus/<slug>.md`. A target that exists is refused before anything is converted
 * when its name is known from the file name (the usual case), so a refused run costs no time;
 * nothing is written unless every document converts.
 */
import { basename } from 'node:path';
import { CORPUS_DATE, convertPolicyFile, type ConvertResult } from '../corpus/index.js';
import { chooseSlug } from '../corpus/document-meta.js';
import { InputError, UsageError } from '../errors.js';
import type { Problem } from '../model.js';
import type { RemovedLine } from '../text/page-furniture.js';
import { existsError, type FileWrite } from './files.js';
import type { Workspace } from './workspace.js';

export interface AddPolicyOptions {
  /** Corpus folder, relative to the workspace (default: the first `corpus` folder in the config). */
  dir?: string;
  /** Replace existing corpus documents (the old version is kept as a backup). */
  force?: boolean;
  /** One file only: its title, date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and source. */
  title?: string;
  date?: string;
  source?: string;
  /** Kind of document, e.g. beleidsnota or agenda. */
  kind?: string;
}

export interface AddedPolicy {
  source: string;
  title: string;
  date: string | null;
  write: FileWrite;
  removed: RemovedLine[];
  problems: Problem[];
}

export interface AddPolicyReport {
  added: AddedPolicy[];
}

export async function addPolicy(ws: Workspace, files: string[], options: AddPolicyOptions): Promise<AddPolicyReport> {
  for (const flag of ['title', 'date', 'source'] as const) {
    if (options[flag] !== undefined && files.length > 1) throw new UsageError(`--${flag} applies to one file; got ${files.length} files`);
  }
  if (options.date !== undefined && !CORPUS_DATE.test(options.date)) throw new UsageError(`--date must be YYYY, YYYY-MM or YYYY-MM-DD, got "${options.date}"`);
  const folder = options.dir ?? ws.config.corpus[0] ?? 'corpus';
  const target = (slug: string) => ws.path(folder, `${slug}.md`);

  // The name a file will get, when the file name decides it: checked before any conversion.
  if (!options.force) {
    for (const file of files) {
      const slug = chooseSlug(options.source ?? basename(file), '');
      if (slug !== 'document' && (await ws.files.readBytes(target(slug)).then((d) => d !== null, () => true))) throw existsError(ws.shown(target(slug)));
    }
  }

  const results: Array<{ file: string; result: ConvertResult }> = [];
  for (const [i, file] of files.entries()) {
    ws.onProgress({ task: 'converting', done: i, total: files.length, item: file });
    const result = await convertPolicyFile(ws.userPath(file), {
      display: file,
      title: options.title ?? null,
      date: options.date ?? null,
      source: options.source ?? basename(file),
      kind: options.kind ?? null,
    });
    results.push({ file, result });
  }
  ws.onProgress({ task: 'converting', done: files.length, total: files.length });
  const seen = new Map<string, string>();
  for (const { file, result } of results) {
    const other = seen.get(result.slug);
    if (other) throw new InputError(`gives the same corpus file ${ws.shown(target(result.slug))} as ${other}; convert it on its own with --title`, { file });
    seen.set(result.slug, file);
  }
  if (!options.force) {
    for (const { result } of results) {
      if ((await ws.files.readBytes(target(result.slug)).catch(() => true)) !== null) throw existsError(ws.shown(target(result.slug)));
    }
  }
  const added: AddedPolicy[] = [];
  for (const { file, result } of results) {
    const write = await ws.files.write({ path: target(result.slug), existing: options.force ? 'replace' : 'refuse', content: () => result.markdown });
    added.push({ source: file, title: result.title, date: result.date, write, removed: result.removed, problems: result.problems });
  }
  return { added };
}
