/**
 * Line endings of the documents people edit. Windows editors save CRLF; the readers read every
 * document with `\n` only (so offsets, lines and the text a writer splices back agree), and a
 * writer that puts a document back calls `withLineEnding(text, lineEndingOf(original))`, so a CRLF
 * file stays CRLF throughout instead of coming back with mixed endings.
 */

export type LineEnding = '\n' | '\r\n';

/** `\r\n` and lone `\r` (old Mac) as `\n`. */
export function normalizeLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The line ending a file mostly uses: `\r\n` when at least half of its line breaks are CRLF. */
export function lineEndingOf(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > 0 && crlf >= lf ? '\r\n' : '\n';
}

/** The text with every line break written as `ending` (whatever mix it had). */
export function withLineEnding(text: string, ending: LineEnding): string {
  const plain = normalizeLineEndings(text);
  return ending === '\n' ? plain : plain.replace(/\n/g, '\r\n');
}
