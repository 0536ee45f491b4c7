/**
 * Step 1: the letter's text as lines with their original line numbers; odd characters
 * normalised, markdown syntax stripped, page furniture dropped (text/page-furniture.ts), an item
 * that starts on the same line as its lead-in ("... aan het college:  1. Bent u ...") moved to a
 * line of its own.
 */
import { findPageFurniture } from '../text/page-furniture.js';

export interface Line {
  /** 1-based line number in the input text. */
  no: number;
  /** Text with leading/trailing whitespace removed. */
  text: string;
  /** Leading spaces (tabs count as four). */
  indent: number;
}

export interface PreparedLines {
  /** All lines; blank lines have text ''. */
  lines: Line[];
  /** Lines dropped as page furniture (page numbers, repeated headers). */
  dropped: Line[];
}

export function prepareLines(text: string, format: string | undefined): PreparedLines {
  const normalised = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v]/g, ' ')
    // Other control characters (DEL, C1 too) are no part of a letter; passed on they would reach
    // the terminal, where an ESC starts an escape sequence.
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u00a0\u2007\u202f\u2000-\u200a\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\t/g, '    ');
  let lines: Line[] = normalised.split('\n').map((raw, i) => {
    const indent = /^ */.exec(raw)?.[0].length ?? 0;
    return { no: i + 1, text: raw.trim(), indent };
  });
  if (format === 'markdown') lines = lines.map(stripMarkdown);
  lines = lines.flatMap((line, i) => splitInlineFirstItem(line, lines[i - 1]));
  // Page furniture: the shared step (text/page-furniture.ts), for a text without page boundaries
  // (a PDF's reader has dropped its own by where the lines stand). A bare number is a page number
  // only in text taken from a PDF.
  const furniture = findPageFurniture(
    lines.map((line, i) => ({ n: line.no, text: line.text, pageStart: i === 0 })),
    { withoutPages: { bareNumbers: format === 'pdf' } },
  );
  const dropped: Line[] = [];
  const kept = lines.map((line, i) => {
    if (line.text && furniture.has(i)) {
      dropped.push(line);
      return { ...line, text: '' };
    }
    return line;
  });
  return { lines: kept, dropped };
}

/**
 * "Titel ##" → "Titel": the closing hashes of a heading, with the blanks before them. By hand:
 * `/\s+#+\s*$/` tries again from every blank of a run, quadratic on a line of 200,000 tabs.
 */
function stripClosingHashes(text: string): string {
  const blank = (i: number) => /\s/.test(text[i]!);
  let end = text.length;
  while (end > 0 && blank(end - 1)) end--;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === end || hashes === 0 || !blank(hashes - 1)) return text;
  let start = hashes;
  while (start > 0 && blank(start - 1)) start--;
  return text.slice(0, start);
}

function stripMarkdown(line: Line): Line {
  let text = line.text;
  text = stripClosingHashes(text.replace(/^#{1,6}\s+/, ''));
  text = text.replace(/^>\s?/, '');
  text = text.replace(/^(?:[-*_]\s*){3,}$/, '');
  text = text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/__([^_]+)__/g, '$1');
  text = text.replace(/\[([^\]]+)\]\((?:[^)\s]+)\)/g, '$1');
  text = text.replace(/^\*\s+/, '• ').replace(/^\+\s+/, '• ');
  return { ...line, text };
}

/**
 * A first item glued to its lead-in, as in "... de volgende vragen aan het college van B&W:  1. Bent u
 * ervan op de hoogte ...?" (letter 54): split it so the item starts its own line.
 */
function splitInlineFirstItem(line: Line, previous: Line | undefined): Line[] {
  const m = /^(.*:)\s+((?:1[.)]|1e\.?-?|vraag 1\s*[:.]?)\s+[\p{Lu}"“‘(].*)$/iu.exec(line.text);
  if (!m || !m[1] || !m[2]) return [line];
  // The lead-in may be wrapped: "vragen" on this line or the one before ("... de volgende" / "vragen aan het college:  1. ...").
  if (!/\b(?:vragen|vraag)\b/i.test(m[1]) && !/\b(?:vragen|vraag)\b/i.test(previous?.text ?? '')) return [line];
  return [
    { ...line, text: m[1].trim() },
    { ...line, text: m[2].trim() },
  ];
}
