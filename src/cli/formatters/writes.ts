import type { FileWrite } from '../../index.js';

/**
 * One line for what a write did: `wrote answers/x.md (…)`, `updated …`, `replaced … (backup
 * .answer/backups/…)`, `answers/x.md: unchanged (…)`. `what` says what is in the file.
 */
export function formatWrite(write: FileWrite, what?: string): string {
  const about = what ? ` (${what})` : '';
  switch (write.action) {
    case 'created':
      return `wrote ${write.file}${about}`;
    case 'unchanged':
      return `${write.file}: unchanged${about}`;
    case 'updated':
      return `updated ${write.file}${about}${write.backup ? `; the version before is ${write.backup}` : ''}`;
    case 'replaced':
      return `replaced ${write.file}${about}${write.backup ? `; the old version is ${write.backup}` : ''}`;
  }
}

/** "11 questions", "1 question". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
