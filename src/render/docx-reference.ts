/**
 * A municipality's own Word file as the memo's house style, as pandoc's `--reference-doc` does:
 * the generated memo takes the reference's styles (with its fonts and document defaults), theme,
 * font table, settings, page size and margins (its section properties) and its header and footer
 * parts, with their pictures. The memo's text stays the memo's.
 *
 * Styles are matched by name, as Word itself does on paste: a Dutch Word stores "heading 1" under
 * the id "Kop1", so the memo's paragraphs in "Heading1" are pointed at "Kop1". A style the
 * reference does not have ("Vraag", the memo's question paragraph) is added, based on the
 * reference's Normal. What could make Word offer to repair the file is left out of the copied
 * settings: an attached template, mail merge, document protection, and footnote separators the
 * memo's footnote part does not hold.
 */
import { unzipSync, zipSync, type Unzipped } from 'fflate';
import { InputError } from '../errors.js';

/** Limits for the reference file: its entries, and their inflated size together. */
const MAX_ENTRIES = 5000;
const MAX_INFLATED = 50 * 1024 * 1024;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function text(parts: Unzipped, name: string): string | null {
  const bytes = parts[name];
  return bytes ? decoder.decode(bytes) : null;
}

function unzipReference(data: Uint8Array, name: string): Unzipped {
  let entries = 0;
  let inflated = 0;
  try {
    return unzipSync(data, {
      filter: (file) => {
        entries++;
        inflated += file.originalSize;
        if (entries > MAX_ENTRIES || inflated > MAX_INFLATED) throw new InputError(`${name} is too large for a reference document (more than ${MAX_ENTRIES} parts or 50 MB)`, { file: name });
        return true;
      },
    });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('the reference document is not a Word file (.docx) that can be read', { file: name });
  }
}

interface StyleEntry {
  id: string;
  type: string;
  name: string | null;
  xml: string;
}

const STYLE = /<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;

function styles(xml: string): StyleEntry[] {
  return [...xml.matchAll(STYLE)].map((match) => {
    const open = /^<w:style\b[^>]*>/.exec(match[0])![0];
    return {
      id: /w:styleId="([^"]*)"/.exec(open)?.[1] ?? '',
      type: /w:type="([^"]*)"/.exec(open)?.[1] ?? 'paragraph',
      name: /<w:name w:val="([^"]*)"/.exec(match[0])?.[1]?.toLowerCase() ?? null,
      xml: match[0],
    };
  });
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The reference's styles.xml with the memo's styles it lacks added, the memo's style ids mapped to
 * the reference's by style name, and the text language nl-NL.
 */
function mergeStyles(referenceXml: string, memoXml: string): { xml: string; ids: Map<string, string> } {
  const theirs = styles(referenceXml);
  const byId = new Map(theirs.map((s) => [`${s.type}:${s.id}`, s]));
  const byName = new Map(theirs.filter((s) => s.name).map((s) => [`${s.type}:${s.name}`, s]));
  const ids = new Map<string, string>();
  const added: string[] = [];
  for (const style of styles(memoXml)) {
    const named = style.name ? byName.get(`${style.type}:${style.name}`) : undefined;
    if (named) {
      if (named.id !== style.id) ids.set(style.id, named.id);
      continue;
    }
    if (byId.has(`${style.type}:${style.id}`)) continue;
    added.push(style.xml);
  }
  let xml = referenceXml;
  // The memo is Dutch, whatever language the reference was made in (LibreOffice writes en-US):
  // nl-NL for its text, so spelling and hyphenation are Dutch.
  const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(xml)?.[0] ?? '';
  if (/<w:lang\b/.test(defaults)) {
    const dutch = /<w:lang\b[^>]*\bw:val="[^"]*"/.test(defaults) ? defaults.replace(/(<w:lang\b[^>]*\bw:val=")[^"]*(")/, '$1nl-NL$2') : defaults.replace(/<w:lang\b/, '<w:lang w:val="nl-NL"');
    xml = xml.replace(defaults, dutch);
  } else {
    // w:lang comes late in a w:rPr (the schema's sequence: after w:sz, before w:eastAsianLayout).
    if (/<w:rPrDefault>\s*<w:rPr>[\s\S]*?<\/w:rPr>/.test(xml)) xml = xml.replace(/(<w:rPrDefault>\s*<w:rPr>[\s\S]*?)(<w:eastAsianLayout\b[^>]*\/>)?(<\/w:rPr>)/, '$1<w:lang w:val="nl-NL"/>$2$3');
    else if (/<w:docDefaults>/.test(xml)) xml = xml.replace(/<w:docDefaults>/, '$&<w:rPrDefault><w:rPr><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault>');
    else xml = xml.replace(/(<w:styles\b[^>]*>)/, '$1<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="nl-NL"/></w:rPr></w:rPrDefault></w:docDefaults>');
  }
  // The default paragraph style may set a language of its own (LibreOffice's Normal does, without
  // marking itself the default).
  xml = xml.replace(STYLE, (style) =>
    /^<w:style\b[^>]*w:default="(?:1|true)"/.test(style) || /<w:name w:val="Normal"\/>/i.test(style) ? style.replace(/(<w:lang\b[^>]*\bw:val=")[^"]*(")/, '$1nl-NL$2') : style,
  );
  // Added styles take the reference's fonts (their own Arial would override the house font), and
  // may be based on a style the reference names otherwise.
  const fixed = added.map((style) => renameStyleRefs(style.replace(/<w:rFonts\b[^>]*\/>/g, ''), ids));
  xml = xml.replace(/<\/w:styles>\s*$/, `${fixed.join('')}</w:styles>`);
  return { xml, ids };
}

/** Style references (`pStyle`, `rStyle`, `basedOn`, `next`, `link`) pointed at the reference's ids. */
function renameStyleRefs(xml: string, ids: Map<string, string>): string {
  if (ids.size === 0) return xml;
  return xml.replace(/(<w:(?:pStyle|rStyle|basedOn|next|link|tblStyle) w:val=")([^"]*)(")/g, (all, open: string, id: string, close: string) => (ids.has(id) ? `${open}${ids.get(id)}${close}` : all));
}

/** The reference's settings without what refers to parts the memo does not have. */
function cleanSettings(xml: string): string {
  return xml
    .replace(/<w:attachedTemplate\b[^>]*\/>/g, '')
    .replace(/<w:mailMerge\b[\s\S]*?<\/w:mailMerge>/g, '')
    .replace(/<w:(documentProtection|writeProtection)\b[^>]*\/>/g, '')
    .replace(/<w:(footnotePr|endnotePr)\b[\s\S]*?<\/w:\1>/g, '')
    .replace(/<w:evenAndOddHeaders\b[^>]*\/>/g, '')
    .replace(/<w:updateFields\b[^>]*\/>/g, '');
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

function relationships(xml: string | null): Relationship[] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*\/?>/g)].map((match) => ({
    id: /\bId="([^"]*)"/.exec(match[0])?.[1] ?? '',
    type: /\bType="([^"]*)"/.exec(match[0])?.[1] ?? '',
    target: /\bTarget="([^"]*)"/.exec(match[0])?.[1] ?? '',
    external: /TargetMode="External"/.test(match[0]),
  }));
}

function relationshipsXml(list: Relationship[]): string {
  const items = list.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** `word/` + a target relative to `word/`, normalised. */
function wordPath(target: string): string {
  const parts: string[] = [];
  for (const part of `word/${target.replace(/^\/?word\//, '')}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

const CONTENT_TYPES: Record<string, string> = {
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
};
const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  tif: 'image/tiff',
  tiff: 'image/tiff',
};

/** The body's last section properties in a document.xml. */
const BODY_SECTION = /<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>(?=\s*<\/w:body>)/;

/** The generated memo (DOCX bytes) in the house style of the reference document. */
export function applyReferenceDocument(memo: Uint8Array, reference: Uint8Array, name: string): Uint8Array {
  const ref = unzipReference(reference, name);
  const refDocument = text(ref, 'word/document.xml');
  const refStyles = text(ref, 'word/styles.xml');
  if (refDocument === null || refStyles === null) throw new InputError('the reference document has no word/document.xml or word/styles.xml; save it from Word as .docx', { file: name });
  const out = unzipSync(memo);
  const put = (path: string, value: string) => {
    out[path] = encoder.encode(value);
  };

  // Styles, theme, fonts, settings.
  const { xml: stylesXml, ids } = mergeStyles(refStyles, text(out, 'word/styles.xml') ?? '');
  put('word/styles.xml', stylesXml);
  for (const part of ['word/theme/theme1.xml', 'word/fontTable.xml']) if (ref[part]) out[part] = ref[part];
  const refFontRels = text(ref, 'word/_rels/fontTable.xml.rels');
  if (refFontRels !== null) {
    out['word/_rels/fontTable.xml.rels'] = ref['word/_rels/fontTable.xml.rels']!;
    for (const rel of relationships(refFontRels)) if (!rel.external && ref[wordPath(rel.target)]) out[wordPath(rel.target)] = ref[wordPath(rel.target)]!;
  }
  const refSettings = text(ref, 'word/settings.xml');
  if (refSettings !== null) put('word/settings.xml', cleanSettings(refSettings));

  // Section properties: the reference's page, with its header and footer parts where it has them.
  let documentXml = renameStyleRefs(text(out, 'word/document.xml') ?? '', ids);
  const memoSection = BODY_SECTION.exec(documentXml)?.[0] ?? null;
  const refSection = BODY_SECTION.exec(refDocument)?.[0] ?? /<w:sectPr\b[^>]*>[\s\S]*?<\/w:sectPr>/.exec(refDocument)?.[0] ?? null;
  const memoRels = relationships(text(out, 'word/_rels/document.xml.rels'));
  const refRels = relationships(text(ref, 'word/_rels/document.xml.rels'));
  const overrides: Array<{ part: string; type: string }> = [];
  const defaults = new Set<string>();
  if (refSection && memoSection) {
    const references: string[] = [];
    let n = 0;
    for (const kind of ['header', 'footer'] as const) {
      const theirs = [...refSection.matchAll(new RegExp(`<w:${kind}Reference\\b[^>]*/>`, 'g'))]
        .map((m) => ({ xml: m[0], type: /w:type="([^"]*)"/.exec(m[0])?.[1] ?? 'default', id: /r:id="([^"]*)"/.exec(m[0])?.[1] ?? '' }))
        .filter((r) => r.type !== 'even');
      const copied = theirs.filter((r) => {
        const rel = refRels.find((x) => x.id === r.id);
        return rel && !rel.external && ref[wordPath(rel.target)];
      });
      if (copied.length === 0) {
        // The reference has none of this kind: the memo keeps its own.
        references.push(...[...memoSection.matchAll(new RegExp(`<w:${kind}Reference\\b[^>]*/>`, 'g'))].map((m) => m[0]));
        continue;
      }
      for (const r of copied) {
        const rel = refRels.find((x) => x.id === r.id)!;
        const source = wordPath(rel.target);
        const file = `ref-${kind}-${r.type}.xml`;
        out[`word/${file}`] = ref[source]!;
        overrides.push({ part: `/word/${file}`, type: CONTENT_TYPES[kind]! });
        const partRels = relationships(text(ref, source.replace(/^word\/(.*)$/, 'word/_rels/$1.rels')));
        if (partRels.length > 0) {
          const rewritten = partRels.map((p) => {
            if (p.external) return p;
            const media = wordPath(p.target);
            if (!ref[media]) return p;
            const copy = `media/ref-${kind}-${r.type}-${media.split('/').pop()}`;
            out[`word/${copy}`] = ref[media]!;
            const extension = copy.split('.').pop()!.toLowerCase();
            if (MEDIA_TYPES[extension]) defaults.add(extension);
            return { ...p, target: copy };
          });
          put(`word/_rels/${file}.rels`, relationshipsXml(rewritten));
        }
        const id = `rIdRef${++n}`;
        memoRels.push({ id, type: rel.type, target: file, external: false });
        references.push(`<w:${kind}Reference w:type="${r.type}" r:id="${id}"/>`);
      }
    }
    // The reference's page size, margins, columns, first-page setting and grid, without its
    // header and footer references (replaced above) and printer settings (a part not copied).
    const body = refSection
      .replace(/^<w:sectPr\b[^>]*>/, '')
      .replace(/<\/w:sectPr>$/, '')
      .replace(/<w:(?:header|footer)Reference\b[^>]*\/>/g, '')
      .replace(/<w:printerSettings\b[^>]*\/>/g, '');
    documentXml = documentXml.replace(BODY_SECTION, `<w:sectPr>${references.join('')}${body}</w:sectPr>`);
    put('word/_rels/document.xml.rels', relationshipsXml(memoRels));
  }
  put('word/document.xml', documentXml);

  let types = text(out, '[Content_Types].xml') ?? '';
  for (const extension of defaults) {
    if (!new RegExp(`Extension="${escapeRegExp(extension)}"`, 'i').test(types)) types = types.replace(/<\/Types>/, `<Default Extension="${extension}" ContentType="${MEDIA_TYPES[extension]}"/></Types>`);
  }
  for (const o of overrides) types = types.replace(/<\/Types>/, `<Override PartName="${o.part}" ContentType="${o.type}"/></Types>`);
  put('[Content_Types].xml', types);
  return zipSync(out, { level: 6, mtime: new Date('2025-01-01T00:00:00Z') });
}
