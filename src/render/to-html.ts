/**
 * The answer memo as a standalone HTML page, built from the markdown's syntax tree (mdast) by a
 * small renderer: the memo uses headings, paragraphs, quotes, lists, emphasis and links, and a
 * renderer of that size is easier to keep safe than a general one. Raw HTML in the markdown is
 * shown as text, never passed through: the memo quotes letters, and letters are data.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { readFrontMatter } from '../documents/front-matter.js';
import { parseMarkdown } from '../io/markdown.js';
import { safeLinkUrl } from './safe-url.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function children(node: Parent): string {
  return node.children.map((child) => renderNode(child as Nodes)).join('');
}

function renderNode(node: Nodes): string {
  switch (node.type) {
    case 'root':
      return children(node);
    case 'heading':
      return `<h${node.depth}>${children(node)}</h${node.depth}>\n`;
    case 'paragraph':
      return `<p>${children(node)}</p>\n`;
    case 'blockquote':
      return `<blockquote>\n${children(node)}</blockquote>\n`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start !== null && node.start !== undefined && node.start !== 1 ? ` start="${node.start}"` : '';
      return `<${tag}${start}>\n${children(node)}</${tag}>\n`;
    }
    case 'listItem': {
      // A tight list item's paragraphs are shown without <p>, as markdown renderers do.
      const inner = node.spread ? children(node) : node.children.map((child) => (child.type === 'paragraph' ? children(child) : renderNode(child))).join('');
      return `<li>${inner.replace(/\n$/, '')}</li>\n`;
    }
    case 'thematicBreak':
      return '<hr>\n';
    case 'code':
      return `<pre><code>${escapeHtml(node.value)}</code></pre>\n`;
    case 'html':
      return escapeHtml(node.value);
    case 'text':
      return escapeHtml(node.value);
    case 'emphasis':
      return `<em>${children(node)}</em>`;
    case 'strong':
      return `<strong>${children(node)}</strong>`;
    case 'delete':
      return `<del>${children(node)}</del>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'break':
      return '<br>\n';
    case 'link': {
      // Web, mail and relative links only (see safe-url.ts); any other link becomes its text.
      const url = safeLinkUrl(node.url);
      return url === null ? children(node) : `<a href="${escapeHtml(url)}">${children(node)}</a>`;
    }
    case 'image':
      return escapeHtml(node.alt ?? '');
    case 'linkReference':
    case 'imageReference':
      return 'children' in node ? children(node as Parent) : '';
    default:
      return 'children' in node ? children(node as Parent) : 'value' in node ? escapeHtml(String((node as { value: unknown }).value)) : '';
  }
}

/** The markdown body of an answer document as an mdast tree (front matter left out). */
export function memoTree(markdown: string): Root {
  let body = markdown;
  try {
    body = readFrontMatter(markdown).body;
  } catch {
    // not our front matter: render the text as it is
  }
  return parseMarkdown(body);
}

export interface ExportOptions {
  /** Keep the source lists (`Bronnen`) under the answers: working notes, left out by default. */
  withSources?: boolean;
}

/** A link that may leave the repository: the web and mail. */
export function isWebLink(url: string): boolean {
  return /^(?:https?:|mailto:)/i.test(url.trim());
}

/**
 * The memo as it goes to the council (Word, web page): the source lists under the answers left
 * out unless `withSources` (they are the officer's working notes: passage ids and links into the
 * corpus), and every link that does not go to the web or mail as its plain text, so nothing in
 * the exported file points into the repository (`../corpus/x.md#L1-L5` breaks outside it).
 */
export function exportTree(tree: Root, options: ExportOptions = {}): Root {
  const children: Root['children'] = [];
  let skipBelow: number | null = null;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (skipBelow !== null && node.depth <= skipBelow) skipBelow = null;
      if (!options.withSources && /^bronnen:?$/i.test(plainText(node).trim())) {
        skipBelow = node.depth;
        continue;
      }
    }
    if (skipBelow !== null) continue;
    children.push(node);
  }
  return { ...tree, children: children.map((node) => unlink(node) as Root['children'][number]) };
}

/** Links into the repository (or anything but the web and mail) as their text. */
function unlink(node: Nodes): Nodes {
  if (!('children' in node)) return node;
  const kids: Nodes[] = [];
  for (const child of (node as Parent).children as Nodes[]) {
    if (child.type === 'link' && !isWebLink(child.url)) kids.push(...child.children.map((c) => unlink(c)));
    else kids.push(unlink(child));
  }
  return { ...node, children: kids } as Nodes;
}

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}
blockquote{margin:0 0 1em 0;padding:.2em 1em;border-left:4px solid #888;color:#333;font-style:italic}
h1{font-size:1.5em}h2{font-size:1.25em;margin-top:1.6em}h3{font-size:1.1em;margin-top:1.4em}h4{font-size:1em}
code{font-family:Consolas,monospace}`;

/**
 * A standalone HTML page of an answer document (markdown with front matter). `export` makes it the
 * page that goes to the council (see `exportTree`); without it the page shows the answer document
 * as it is (the memo reader reads our markdown memo through it).
 */
export function memoToHtml(markdown: string, options: { title?: string | null; export?: ExportOptions } = {}): string {
  const tree = options.export ? exportTree(memoTree(markdown), options.export) : memoTree(markdown);
  const firstHeading = tree.children.find((node) => node.type === 'heading');
  const title = options.title ?? (firstHeading ? plainText(firstHeading) : 'Beantwoording');
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
${renderNode(tree)}</body>
</html>
`;
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node as Parent).children.map((child) => plainText(child as Nodes)).join('');
  return '';
}
