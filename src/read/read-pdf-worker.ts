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
 * `commonObjs`, where their real names are. It stays alive between jobs, so a batch of PDFs loads
 * pdf.js once.
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
  /** Also give each item's font name (a second pass over the page: its operator list). */
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

export interface RawPage {
  width: number;
  height: number;
  items: RawTextItem[];
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
      if (job.fontNames) {
        try {
          await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
          names = new Map();
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
      pages.push({ width: viewport.width, height: viewport.height, items });
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
