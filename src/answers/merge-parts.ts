/**
 * Merge the memo parts outside the question sections (Onderwerp, Inleiding, Kernboodschap, ...)
 * of an existing answer file into a fresh render. The question sections come from the render
 * (which already carries the written answers); the other parts follow one rule:
 * - a part that is in both, with the same heading: the file's text wins when it differs, because
 *   it may be a person's edit (a rewritten Kernboodschap) and the file does not record what the
 *   template wrote before; the note says so. With `refresh` (`draft --force`) the render's text
 *   wins instead: the template's parts are written anew (the old file is kept as a backup);
 * - a part only the render has: added where the template puts it;
 * - a part only the file has (a person added "## Financiën"): kept, after the part it followed.
 */
import type { AnswerSection } from '../model.js';
import type { LayoutBlock, MemoPart } from '../documents/answer-document.js';

export interface MergeNote {
  level: 'info' | 'warning';
  /** The question number the note is about, if any. */
  question?: number | null;
  message: string;
}

function compact(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Keys with an occurrence count, so two parts with one heading stay apart. */
function keyed(blocks: LayoutBlock[]): Map<LayoutBlock, string> {
  const seen = new Map<string, number>();
  const keys = new Map<LayoutBlock, string>();
  for (const block of blocks) {
    if (block.kind !== 'part') continue;
    const n = seen.get(block.key) ?? 0;
    seen.set(block.key, n + 1);
    keys.set(block, `${block.key}#${n}`);
  }
  return keys;
}

function partName(part: MemoPart): string {
  return part.heading ? `"${compact(part.heading)}"` : 'the text before the first heading';
}

/**
 * The blocks of the render with the file's memo parts merged in, as markdown. `placed` tells
 * where each section of the file went (its question number in the render), so a part a person
 * put after a question section stays after that question.
 */
export function mergeMemoParts(
  existing: LayoutBlock[],
  rendered: LayoutBlock[],
  placed: Map<AnswerSection, number> = new Map(),
  source = 'the file',
  refresh = false,
): { body: string; notes: MergeNote[] } {
  const notes: MergeNote[] = [];
  const existingKeys = keyed(existing);
  const renderedKeys = keyed(rendered);
  const byKey = new Map<string, MemoPart>();
  for (const [block, key] of existingKeys) byKey.set(key, block as MemoPart);

  const out: Array<{ raw: string; key: string | null; question: boolean; number?: number }> = [];
  // One note for all memo parts kept as written, not one per part on every redraft.
  const keptAsWritten: string[] = [];
  const done = new Set<string>();
  for (const block of rendered) {
    if (block.kind !== 'part') {
      out.push({ raw: block.raw, key: null, question: true, number: block.kind === 'question' && !block.orphan ? block.section.number : undefined });
      continue;
    }
    const key = renderedKeys.get(block)!;
    const mine = byKey.get(key);
    if (mine) {
      done.add(key);
      if (refresh && compact(mine.content) !== compact(block.content)) {
        keptAsWritten.push(partName(mine));
      } else if (compact(mine.content) !== compact(block.content)) {
        out.push({ raw: mine.raw, key, question: false });
        if (source === 'the file') keptAsWritten.push(partName(mine));
        else notes.push({ level: 'info', message: `took ${partName(mine)} from ${source}` });
        continue;
      }
    }
    out.push({ raw: block.raw, key, question: false });
  }

  if (keptAsWritten.length > 0) {
    notes.push({
      level: 'info',
      message: refresh
        ? `wrote ${joinParts(keptAsWritten)} anew from the template (the text that was there is in the backup)`
        : `kept ${joinParts(keptAsWritten)} as written in the file, where the template would now write other text (--force writes the template's text, after a backup; answers are always kept)`,
    });
  }

  // Parts only the file has: after the block they followed in the file.
  for (let i = 0; i < existing.length; i++) {
    const block = existing[i]!;
    if (block.kind !== 'part') continue;
    const key = existingKeys.get(block)!;
    if (done.has(key)) continue;
    if (block.key === '' && compact(block.content) === '') continue;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const before = existing[j]!;
      if (before.kind === 'part') {
        const anchor = existingKeys.get(before)!;
        const index = out.findIndex((entry) => entry.key === anchor);
        if (index !== -1) {
          at = index + 1;
          break;
        }
      } else {
        const number = before.kind === 'question' ? placed.get(before.section) : undefined;
        const same = number === undefined ? -1 : out.findIndex((entry) => entry.number === number);
        const last = same !== -1 ? same : out.map((entry) => entry.question).lastIndexOf(true);
        if (last !== -1) {
          at = last + 1;
          break;
        }
      }
    }
    out.splice(at, 0, { raw: block.raw, key, question: false });
    done.add(key);
    notes.push({ level: 'info', message: source === 'the file' ? `kept ${partName(block)}, which the template does not have` : `took ${partName(block)} from ${source}` });
  }

  const body = out
    // trimEnd, not /\s+$/: the expression tries again from every blank of a run (quadratic).
    .map((entry) => entry.raw.trimEnd())
    .filter((raw) => raw !== '')
    .join('\n\n');
  return { body: `${body}\n`, notes };
}

function joinParts(names: string[]): string {
  return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
