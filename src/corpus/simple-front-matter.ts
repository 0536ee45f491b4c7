/**
 * A fast path for the front matter corpus files hold (`title`, `date`, `source`, `kind`: one
 * `key: value` line each, as convert-policy.ts writes them), read without loading the YAML
 * libraries (about 65 ms of module loading in every index build that parses a file). It gives what
 * `readFrontMatter` gives (io/front-matter.ts: every value a string, a plain null/~/empty value
 * null) for plain scalars and simply quoted strings, and null for anything else, which then goes
 * to `readFrontMatter`: comments, lists, maps, escapes, anchors, block scalars, a repeated key, a
 * fence with trailing text. load-corpus.test.ts compares both on every corpus file.
 */
import type { FrontMatter, FrontMatterMap } from '../documents/front-matter.js';

const KEY_VALUE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]+(.*?))?[ ]*$/;
/** A plain scalar this reader takes as it is: no indicator first, no ": " or " #" inside. */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:(?!: | #)[^\t])*$/;
const NULL_PLAIN = /^(?:~|null|Null|NULL)?$/;

/** The front matter of a corpus file, or null when it is not of the simple kind (or absent but unsure). */
export function simpleFrontMatter(text: string): FrontMatter | null {
  if (text.charCodeAt(0) === 0xfeff || text.includes('\r')) return null;
  const data = Object.create(null) as FrontMatterMap;
  const keyLines = Object.create(null) as Record<string, number>;
  if (!text.startsWith('---')) {
    return { data, body: text, bodyStartLine: 1, keyLines };
  }
  // Line by line up to the closing fence, the body a cut of the text from there: splitting the
  // whole file into lines and joining the body's lines again made a second copy of every corpus
  // file (the example's largest: 640 kB, two-byte), allocated straight into the old generation,
  // where it counted towards the cold run's one mark-compact.
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0 || text.slice(0, firstEnd) !== '---') return null;
  let close = -1;
  let bodyAt = text.length;
  for (let i = 1, at = firstEnd + 1; at <= text.length; i++) {
    const nl = text.indexOf('\n', at);
    const next = nl < 0 ? text.length + 1 : nl + 1;
    const line = text.slice(at, next - 1);
    at = next;
    if (line.startsWith('---')) {
      if (line !== '---') return null;
      close = i;
      bodyAt = next;
      break;
    }
    const m = KEY_VALUE.exec(line);
    if (!m || m[1]! in data) return null;
    const raw = m[2] ?? '';
    let value: string | null;
    if (/^"[^"\\]*"$/.test(raw) || /^'[^']*'$/.test(raw)) value = raw.slice(1, -1);
    else if (NULL_PLAIN.test(raw)) value = null;
    else if (PLAIN.test(raw)) value = raw;
    else return null;
    data[m[1]!] = value;
    keyLines[m[1]!] = i + 1;
  }
  if (close < 0) return null;
  return { data, body: text.slice(bodyAt), bodyStartLine: close + 2, keyLines };
}
