import type { MergeNote } from '../../index.js';

/** Notes of a merge, one line each: `answers/x.md: warning: …`. */
export function formatMergeNotes(file: string, notes: readonly MergeNote[]): string[] {
  return notes.map((note) => `${file}: ${note.level === 'warning' ? 'warning: ' : ''}${note.message}`);
}
