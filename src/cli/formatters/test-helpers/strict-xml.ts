/**
 * A small strict XML 1.0 reader for tests: it throws on anything not well-formed that our
 * writers could produce (a bare `&` or `<`, an unknown entity, a character XML cannot hold,
 * unbalanced tags, a second root, a duplicate attribute). The XML parser that happens to be in
 * node_modules (@xmldom/xmldom 0.8, via mammoth) accepts `1 & 2`, `x="1 < 2"` and control
 * characters without a word, so it cannot prove the JUnit output valid.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const BAD_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseStrictXml(xml: string): XmlElement {
  const bad = BAD_CHAR.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].codePointAt(0)!.toString(16)} is not allowed in XML at ${bad.index}`);
  let pos = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${pos}: ${JSON.stringify(xml.slice(pos, pos + 30))}`);
  };
  const decode = (raw: string, inAttribute: boolean): string => {
    if (inAttribute && raw.includes('<')) fail('"<" in an attribute value');
    return raw.replace(/&([^;]*);?/g, (match, ref: string) => {
      if (!match.endsWith(';')) fail('"&" that starts no reference');
      const num = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
      if (num) {
        const code = num[1] ? parseInt(num[1], 16) : Number(num[2]);
        const ch = String.fromCodePoint(code);
        if (BAD_CHAR.test(ch)) fail(`character reference to U+${code.toString(16)}`);
        return ch;
      }
      if (!(ref in ENTITIES)) fail(`unknown entity &${ref};`);
      return ENTITIES[ref]!;
    });
  };
  const skipSpace = () => {
    while (pos < xml.length && /\s/.test(xml[pos]!)) pos++;
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unclosed XML declaration');
    pos = end + 2;
  }
  skipSpace();

  const element = (): XmlElement => {
    if (xml[pos] !== '<') fail('expected an element');
    pos++;
    const name = NAME.exec(xml.slice(pos))?.[0] ?? fail('expected an element name');
    pos += name.length;
    const node: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        return node;
      }
      if (xml[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('expected white space before an attribute');
      const attrName = NAME.exec(xml.slice(pos))?.[0] ?? fail('expected an attribute name');
      pos += attrName.length;
      if (xml[pos] !== '=') fail('expected "="');
      pos++;
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = xml.indexOf(quote!, pos + 1);
      if (end < 0) fail('unclosed attribute value');
      if (attrName in node.attributes) fail(`duplicate attribute ${attrName}`);
      node.attributes[attrName] = decode(xml.slice(pos + 1, end), true);
      pos = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', pos);
      if (lt < 0) fail(`unclosed element <${name}>`);
      const raw = xml.slice(pos, lt);
      if (raw.includes(']]>')) fail('"]]>" in text');
      node.text += decode(raw, false);
      pos = lt;
      if (xml.startsWith('</', pos)) {
        pos += 2;
        if (!xml.startsWith(name, pos)) fail(`closing tag does not match <${name}>`);
        pos += name.length;
        skipSpace();
        if (xml[pos] !== '>') fail('expected ">"');
        pos++;
        return node;
      }
      node.children.push(element());
    }
  };

  const root = element();
  skipSpace();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}

/** All elements with the given name, depth first, in document order. */
export function findAll(node: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (n: XmlElement) => {
    if (n.name === name) found.push(n);
    n.children.forEach(walk);
  };
  walk(node);
  return found;
}
