/**
 * The code that runs pdf.js, as the source of a worker thread. pdf.js has looped forever on malformed
 * files; in a worker, a time limit can stop it (`worker.terminate()` interrupts a running loop,
 * a promise race in the same thread cannot), and its memory has a ceiling of its own.
 *
 * It is plain JavaScript in a string, run with `eval: true`: that works the same from the compiled
 * `dist/` and from the TypeScript sources under test, without a second build entry.
 *
 * The worker reads one document per job message and answers `{ id, ok: true, numPages, pages }`
 * with each page's size and text items in viewport space (y down, page rotation applied), or
 * `{ id, ok: false, name, message }`. The text content names fonts only by an internal id; a job
 * with `fontNames` also builds each page's operator list, which loads the fonts into the page's
 * `commonObjs`, where their real names are; from that list it also takes the page's ruling lines
 * (table borders), which pdf.js gives no other way. It stays alive between jobs, so a batch of PDFs
 * loads pdf.js once.
 */

/** What the worker needs for its whole life; passed as `workerData`. */
export interface PdfWorkerInput {
  /** file: URL of pdfjs-dist's legacy build. */
  pdfjsUrl: string;
  /** Directory paths (ending in a slash) of pdfjs-dist's own CMaps and standard font data. */
  cMapUrl: string;
  standardFontDataUrl: string;
}

/** One document to read; posted to the worker. */
export interface PdfJob {
  id: number;
  data: Uint8Array;
  maxPages: number;
  /** Also give each item's font name and the page's ruling lines (a second pass over the page: its operator list). */
  fontNames: boolean;
}

export interface RawTextItem {
  str: string;
  /** The item's transform in viewport space: [a, b, c, d, e, f]. */
  m: number[];
  /** Advance width in viewport units. */
  width: number;
  fontName: string;
  /** The font's PostScript name ("ABCDEF+Calibri-Bold"), when font names were asked for and known. */
  font?: string | null;
}

/** A horizontal line drawn on the page (a table border), in viewport space: from `x0` to `x1` at height `y`. */
export interface RawRule {
  x0: number;
  x1: number;
  y: number;
}

export interface RawPage {
  width: number;
  height: number;
  items: RawTextItem[];
  /** Horizontal ruling lines, when font names were asked for (the same operator list holds them). */
  rules?: RawRule[];
}

export type PdfWorkerOutput =
  | { id: number; ok: true; numPages: number; pages: RawPage[] }
  | { id: number; ok: false; name: string; message: string };

export const PDF_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
// pdf.js reports font and structure problems on the console; a reader must not print.
for (const key of ['log', 'info', 'warn', 'error', 'debug', 'trace']) console[key] = () => {};

// pdf.js's display layer builds a DOMMatrix when it loads. In Node it takes one from the optional
// @napi-rs/canvas package, which is not always installed; text extraction only needs the affine
// arithmetic below.
if (typeof globalThis.DOMMatrix === 'undefined') {
  globalThis.DOMMatrix = class DOMMatrix {
    constructor(init) {
      const v = Array.isArray(init) || ArrayBuffer.isView(init) ? Array.from(init) : [1, 0, 0, 1, 0, 0];
      [this.a, this.b, this.c, this.d, this.e, this.f] = v.length === 6 ? v : [1, 0, 0, 1, 0, 0];
      this.is2D = true;
    }
    get m11() { return this.a; } get m12() { return this.b; } get m21() { return this.c; }
    get m22() { return this.d; } get m41() { return this.e; } get m42() { return this.f; }
    get isIdentity() { return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0; }
    multiplySelf(o) {
      const { a, b, c, d, e, f } = this;
      this.a = a * o.a + c * o.b; this.b = b * o.a + d * o.b;
      this.c = a * o.c + c * o.d; this.d = b * o.c + d * o.d;
      this.e = a * o.e + c * o.f + e; this.f = b * o.e + d * o.f + f;
      return this;
    }
    preMultiplySelf(o) {
      const m = new DOMMatrix([o.a, o.b, o.c, o.d, o.e, o.f]).multiplySelf(this);
      [this.a, this.b, this.c, this.d, this.e, this.f] = [m.a, m.b, m.c, m.d, m.e, m.f];
      return this;
    }
    multiply(o) { return new DOMMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(o); }
    translateSelf(x = 0, y = 0) { return this.multiplySelf({ a: 1, b: 0, c: 0, d: 1, e: x, f: y }); }
    translate(x, y) { return this.multiply({ a: 1, b: 0, c: 0, d: 1, e: x || 0, f: y || 0 }); }
    scaleSelf(sx = 1, sy = sx) { return this.multiplySelf({ a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 }); }
    scale(sx = 1, sy = sx) { return this.multiply({ a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 }); }
    invertSelf() {
      const { a, b, c, d, e, f } = this;
      const det = a * d - b * c;
      if (!det) { this.a = this.b = this.c = this.d = this.e = this.f = NaN; return this; }
      this.a = d / det; this.b = -b / det; this.c = -c / det; this.d = a / det;
      this.e = (c * f - d * e) / det; this.f = (b * e - a * f) / det;
      return this;
    }
    inverse() { return new DOMMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).invertSelf(); }
    transformPoint(p = {}) {
      const x = p.x || 0, y = p.y || 0;
      return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f, z: 0, w: 1 };
    }
  };
}

// Horizontal ruling lines from a page's operator list: stroked horizontal segments (LibreOffice
// strokes a table's borders, 0.1 to 0.75 pt wide in the office fixtures' tabel memos), and filled
// rectangles at most MAX_RULE_HEIGHT high (a border drawn as a thin filled box). At most MAX_RULES per
// page, so a hostile page of a million paths costs nothing further. pdf.js 5 gives a path as
// [drawing operator, [path data], bounding box], the data as codes 0 moveTo, 1 lineTo, 2 curveTo,
// 3 quadraticCurveTo, 4 closePath with their coordinates; anything else is skipped.
const MAX_RULE_HEIGHT = 2.5;
const MIN_RULE_WIDTH = 10;
const MAX_RULES = 2000;
// multiply: pdf.js's own matrix product (Util.transform), as the text items' matrices use.
function rulesOf(list, OPS, multiply, viewportTransform) {
  const rules = [];
  const stack = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const isMatrix = (m) => m && m.length === 6 && Array.prototype.every.call(m, Number.isFinite);
  for (let i = 0; i < list.fnArray.length && rules.length < MAX_RULES; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() || ctm;
    else if (fn === OPS.transform && args && isMatrix(args)) ctm = multiply(ctm, Array.from(args));
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (args && isMatrix(args[0])) ctm = multiply(ctm, Array.from(args[0]));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() || ctm;
    else if (fn === OPS.constructPath && args && args[0] !== OPS.endPath && Array.isArray(args[1])) {
      const full = multiply(viewportTransform, ctm);
      const at = (x, y) => [full[0] * x + full[2] * y + full[4], full[1] * x + full[3] * y + full[5]];
      for (const data of args[1]) {
        if (!data || typeof data.length !== 'number') continue;
        // The subpath's bounding box and its last point; a curve makes it no rule.
        let box = null;
        let last = null;
        const close = () => {
          if (box && box.x1 - box.x0 >= MIN_RULE_WIDTH && box.y1 - box.y0 <= MAX_RULE_HEIGHT) rules.push({ x0: box.x0, x1: box.x1, y: (box.y0 + box.y1) / 2 });
          box = null;
          last = null;
        };
        const add = (p) => {
          if (!box) box = { x0: p[0], x1: p[0], y0: p[1], y1: p[1] };
          else box = { x0: Math.min(box.x0, p[0]), x1: Math.max(box.x1, p[0]), y0: Math.min(box.y0, p[1]), y1: Math.max(box.y1, p[1]) };
          last = p;
        };
        for (let k = 0; k < data.length; ) {
          const code = data[k];
          if (code === 0) { close(); add(at(data[k + 1], data[k + 2])); k += 3; }
          else if (code === 1) {
            const p = at(data[k + 1], data[k + 2]);
            if (last && Math.abs(p[1] - last[1]) < 0.5 && Math.abs(p[0] - last[0]) >= MIN_RULE_WIDTH) rules.push({ x0: Math.min(p[0], last[0]), x1: Math.max(p[0], last[0]), y: (p[1] + last[1]) / 2 });
            add(p);
            k += 3;
          }
          else if (code === 2) { add(at(data[k + 5], data[k + 6])); box.y1 = Infinity; k += 7; }
          else if (code === 3) { add(at(data[k + 3], data[k + 4])); box.y1 = Infinity; k += 5; }
          else if (code === 4) { close(); k += 1; }
          else break;
        }
        close();
      }
    }
  }
  return rules.filter((r) => Number.isFinite(r.x0) && Number.isFinite(r.x1) && Number.isFinite(r.y)).slice(0, MAX_RULES);
}

const settings = workerData;
let loading = null;
parentPort.on('message', async (job) => {
  let doc = null;
  try {
    loading = loading || import(settings.pdfjsUrl);
    const pdfjs = await loading;
    const task = pdfjs.getDocument({
      data: job.data,
      // CVE-2024-4367: never compile font code with eval / new Function.
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      disableAutoFetch: true,
      disableStream: true,
      disableRange: true,
      enableXfa: false,
      isOffscreenCanvasSupported: false,
      isImageDecoderSupported: false,
      cMapUrl: settings.cMapUrl,
      cMapPacked: true,
      standardFontDataUrl: settings.standardFontDataUrl,
      stopAtErrors: false,
      verbosity: 0,
    });
    doc = await task.promise;
    const pages = [];
    const count = Math.min(doc.numPages, job.maxPages);
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      let names = null;
      let rules;
      if (job.fontNames) {
        try {
          const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
          names = new Map();
          try {
            rules = rulesOf(list, pdfjs.OPS, pdfjs.Util.transform, viewport.transform);
          } catch (error) {
            rules = undefined;
          }
        } catch (error) {
          names = null;
        }
      }
      const fontOf = (id) => {
        if (!names || typeof id !== 'string') return null;
        if (!names.has(id)) {
          let name = null;
          try {
            if (page.commonObjs.has(id)) name = String(page.commonObjs.get(id).name || '') || null;
          } catch (error) {
            name = null;
          }
          names.set(id, name);
        }
        return names.get(id);
      };
      const items = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || item.str === '') continue;
        items.push({ str: item.str, m: pdfjs.Util.transform(viewport.transform, item.transform), width: item.width, fontName: item.fontName, font: fontOf(item.fontName) });
      }
      pages.push(rules ? { width: viewport.width, height: viewport.height, items, rules } : { width: viewport.width, height: viewport.height, items });
      page.cleanup();
    }
    parentPort.postMessage({ id: job.id, ok: true, numPages: doc.numPages, pages });
  } catch (error) {
    parentPort.postMessage({ id: job.id, ok: false, name: String((error && error.name) || 'Error'), message: String((error && error.message) || error) });
  } finally {
    if (doc) await doc.destroy().catch(() => {});
  }
});
`;
