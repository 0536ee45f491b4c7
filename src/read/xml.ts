/**
 * A small streaming XML scanner for the office formats (DOCX's WordprocessingML, ODT's
 * OpenDocument): tags with their attributes and text with the five entities and character
 * references decoded; comments, processing instructions and DOCTYPEs skipped, so no entity is
 * ever expanded from a DTD (no billion laughs). One pass, linear in the input, and it ticks the
 * reader's work budget as it goes. Namespaces are not resolved: office files use fixed prefixes
 * (`w:`, `text:`), as the readers expect.
 */
import type { WorkBudget } from './limits.js';

export interface XmlHandler {
  /** A start tag; a self-closing tag gets `open` and then `close`. */
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(value: string): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ref] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const NO_ATTRIBUTES: Record<string, string> = Object.freeze(Object.create(null) as Record<string, string>);

function attributes(source: string): Record<string, string> {
  if (!source.includes('=')) return NO_ATTRIBUTES;
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m; m = ATTRIBUTE.exec(source)) attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/** Scan `xml`, calling the handler for every tag and text run. Never throws for malformed XML: it reads what it can. */
export function scanXml(xml: string, handler: XmlHandler, budget?: WorkBudget): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    budget?.tick();
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) handler.text(decodeEntities(xml.slice(i, textEnd)));
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      handler.text(xml.slice(lt + 9, end < 0 ? n : end));
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    // The tag's end: the first '>' outside a quoted attribute value (quotes are rare before it).
    let j = xml.indexOf('>', lt + 1);
    if (j < 0) return;
    const head = xml.slice(lt + 1, j);
    if (head.includes('"') || head.includes("'")) {
      let quote = '';
      for (j = lt + 1; j < n; j++) {
        const c = xml[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
      }
      if (j >= n) return;
    }
    const inner = xml.slice(lt + 1, j);
    i = j + 1;
    if (inner.startsWith('/')) {
      handler.close(inner.slice(1).trim());
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    let space = -1;
    for (let k = 0; k < body.length; k++) {
      const c = body.charCodeAt(k);
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        space = k;
        break;
      }
    }
    const name = space < 0 ? body : body.slice(0, space);
    if (name === '') continue;
    handler.open(name, attributes(space < 0 ? '' : body.slice(space)));
    if (selfClosing) handler.close(name);
  }
}
