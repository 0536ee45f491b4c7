/**
 * Text from documents (a letter's title, a question, a file name, a value quoted in a message)
 * goes to the terminal, and a terminal acts on the control characters in it: ESC starts escape
 * sequences that move the cursor, rewrite the screen or the window title, and C1 controls do so
 * in one byte. Everything the CLI prints passes here: each control character other than tab and
 * newline is shown as a visible picture (ESC as ␛), so nothing a document holds reaches the
 * terminal as a command. JSON output is made safe by its formatters, losslessly (see `jsonSafe`).
 */

const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The visible stand-in for a control character: the Unicode control pictures, U+FFFD for C1. */
function picture(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/** `text` with every control character but tab and newline made visible. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, picture);
}

/**
 * JSON text with DEL and the C1 controls escaped (`\u009b`): JSON.stringify escapes only C0, and
 * a raw C1 byte acts on some terminals. The data a script reads back is unchanged.
 */
export function jsonSafe(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
