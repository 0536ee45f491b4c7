/**
 * The Handlebars helpers a memo template may use. Every `{{value}}` in a template is inserted
 * through `md-inline` (see templates.ts), so letter text is escaped for markdown wherever it
 * lands; values the draft prepares as markdown (an answer as written in the answer file, a list
 * of sources) are `Markdown` objects and go in as they are.
 *
 * | helper | use | output |
 * |---|---|---|
 * | `md-inline x` | one line: heading, list item, inside a sentence (the default for `{{x}}`) | whitespace collapsed, markdown characters escaped |
 * | `md-paragraph x` | text of several paragraphs (the preamble) | paragraphs kept apart by a blank line |
 * | `md-quote x` | a quote (the question as asked) | `> ` before every line |
 * | `datum x [fmt]` | an ISO date | "1 mei 2025" (date-fns, Dutch locale; `fmt` a date-fns pattern) |
 * | `lower x`, `capitalize x` | case | the text in lower case / with a capital first letter, escaped |
 * | `join list [sep] [last]` | names | "D66, VVD en CDA" (`sep` default ", ", `last` default " en ") |
 * | `citation c` | one source under an answer | the citation line of the answer document format |
 * | `eq a b` | in `{{#if (eq a b)}}` | whether a and b are equal |
 * Handlebars' own `if`, `unless`, `each`, `with` and `lookup` work as usual.
 */
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { nl } from 'date-fns/locale/nl';
import { parseISO } from 'date-fns/parseISO';
import { formatCitation } from '../documents/citation.js';
import type { Citation } from '../model.js';
import { escapeInline, escapeParagraphs, escapeQuote, Markdown } from '../text/markdown-escape.js';

/** Options Handlebars passes as the last argument of a helper call. */
interface HelperOptions {
  hash?: Record<string, unknown>;
  name?: string;
}

function isOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'hash' in value && 'data' in value;
}

/** The arguments without Handlebars' trailing options object. */
function args(list: unknown[]): unknown[] {
  return list.length > 0 && isOptions(list[list.length - 1]) ? list.slice(0, -1) : list;
}

/** Text of a value: null and undefined are empty, lists are joined. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(text).filter(Boolean).join(', ');
  if (value instanceof Markdown) return value.value;
  return String(value);
}

/** Insert a value on one line: markdown from the draft as is, anything else escaped. */
export function mdInline(value: unknown): Markdown | string {
  if (value instanceof Markdown) return value;
  return escapeInline(text(value));
}

/** Dutch date: "1 mei 2025". Anything that is not a date comes back as the (escaped) text. */
export function datum(value: unknown, pattern = 'd MMMM yyyy'): string {
  const raw = text(value).trim();
  if (raw === '') return '';
  const date = parseISO(raw);
  if (!isValid(date)) return escapeInline(raw);
  return escapeInline(format(date, pattern, { locale: nl }));
}

/** Names as Dutch prose: "D66", "D66 en VVD", "D66, VVD en CDA". */
export function joinNames(list: unknown, separator = ', ', last = ' en '): string {
  const items = (Array.isArray(list) ? list : [list]).map(text).map((s) => s.trim()).filter(Boolean);
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(separator)}${last}${items[items.length - 1]}`;
}

/** A helper as Handlebars calls it: the arguments, then its options object. */
export type Helper = (...list: unknown[]) => unknown;

/** The helpers, by name, ready for `Handlebars.registerHelper`. */
export const helpers: Record<string, Helper> = {
  'md-inline': (...list: unknown[]) => mdInline(args(list)[0]),
  'md-paragraph': (...list: unknown[]) => {
    const value = args(list)[0];
    return value instanceof Markdown ? value : new Markdown(escapeParagraphs(text(value)));
  },
  'md-quote': (...list: unknown[]) => {
    const value = args(list)[0];
    if (value instanceof Markdown) return new Markdown(value.value.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n'));
    return new Markdown(escapeQuote(text(value)));
  },
  datum: (...list: unknown[]) => {
    const [value, pattern] = args(list);
    return new Markdown(datum(value, typeof pattern === 'string' ? pattern : undefined));
  },
  lower: (...list: unknown[]) => new Markdown(escapeInline(text(args(list)[0]).toLowerCase())),
  capitalize: (...list: unknown[]) => {
    const value = text(args(list)[0]).trim();
    return new Markdown(escapeInline(value.charAt(0).toUpperCase() + value.slice(1)));
  },
  join: (...list: unknown[]) => {
    const [items, separator, last] = args(list);
    return new Markdown(
      escapeInline(joinNames(items, typeof separator === 'string' ? separator : undefined, typeof last === 'string' ? last : undefined)),
    );
  },
  citation: (...list: unknown[]) => {
    const value = args(list)[0] as (Citation & { href?: string | null }) | null | undefined;
    if (!value || typeof value !== 'object') return '';
    return new Markdown(formatCitation(value, value.href ?? value.file ?? null));
  },
  eq: (...list: unknown[]) => {
    const [a, b] = args(list);
    return text(a) === text(b);
  },
};

/** Handlebars' own helpers, which templates may also use. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];
