/**
 * Naming a letter: a file (a question document or a letter in any format the readers know),
 * standard input, or the id of a question document as `answer status` prints it
 * (`2018-04-04-cda-brunssum` means `questions/2018-04-04-cda-brunssum.md`).
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import type { QuestionDocument } from '../model.js';
import type { Workspace } from './workspace.js';

/** A file or id as given on the command line, or bytes read from standard input. */
export type LetterRef = string | { name: '-'; data: Uint8Array };

/** The id shape of question documents: what `import` writes and `status` prints. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;

/**
 * The path a reference names: the file when it exists, else the question document with that id.
 * Null when neither exists (the caller says so, naming the reference).
 */
export async function resolveLetterPath(ws: Workspace, ref: string): Promise<string | null> {
  // Whatever stands there (a link, a FIFO, a folder): the reader says what is wrong with it,
  // naming the file, rather than "no such file".
  const asFile = ws.userPath(ref);
  if ((await lstat(asFile).catch(() => null)) !== null) return asFile;
  const id = ref.replace(/\.md$/i, '');
  if (ID_PATTERN.test(id)) {
    const asId = ws.path(ws.config.questions, `${id}.md`);
    if ((await lstat(asId).catch(() => null)) !== null) return asId;
  }
  return null;
}

export async function loadLetter(ws: Workspace, ref: LetterRef): Promise<{ doc: QuestionDocument; file: string; path: string | null }> {
  // The parser and the readers load here, not with this module: `answer check` resolves the
  // paths it is given with `resolveLetterPath` and reads no letter (parse/ and read/ were some
  // 30 ms of its start-up).
  const { loadQuestionDocument, loadQuestionSource } = await import('../parse/load.js');
  if (typeof ref !== 'string') {
    const doc = await loadQuestionSource({ name: '-', data: ref.data }, { config: ws.config });
    return { doc, file: '<stdin>', path: null };
  }
  const path = await resolveLetterPath(ws, ref);
  if (path === null) {
    const hint = ID_PATTERN.test(ref) ? ` and no question document ${join(ws.config.questions, `${ref}.md`).split('\\').join('/')}` : '';
    throw new InputError(`no such file${hint}`, { file: ref });
  }
  // Named by id, the file is shown as the workspace has it (and read by its real name: a
  // question document is told from a letter by its `.md` name).
  const file = path === ws.userPath(ref) ? ref : ws.shown(path);
  const doc = await loadQuestionDocument(path, { config: ws.config, display: file });
  return { doc, file, path };
}
