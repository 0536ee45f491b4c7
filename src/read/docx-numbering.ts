/**
 * Word's automatic numbering (numbering.xml) and paragraph styles (styles.xml): which list and
 * level a paragraph is on, the label Word prints for it, and the indentation of the level.
 *
 * Why the labels are computed here: in a Word list the "1." lives in the numbering definition, not
 * in the text. A list interrupted by a paragraph of text (an explanation, the next question) is
 * still one list, and Word prints 1, 2, 3 across the interruption. The numbering format ("1)",
 * "a.", "Vraag %1") is also only in numbering.xml.
 */
import { bulletLook } from './bullets.js';
import { formatNumber } from './counters.js';
import type { WorkBudget } from './limits.js';
import { scanXml } from './xml.js';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  pStyle: string | null;
  /** Restart after a paragraph at this (1-based) level or higher; 0 never; null the default. */
  restart: number | null;
  legal: boolean;
  /** Left indentation of the level's text, in twips (w:ind w:left or w:start). */
  left: number | null;
}

interface AbstractNum {
  levels: Map<number, LevelDef>;
  numStyleLink: string | null;
}

interface NumDef {
  abstractNumId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

export interface StyleDef {
  name: string;
  type: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  left: number | null;
}

export interface Numbering {
  abstractNums: Map<string, AbstractNum>;
  nums: Map<string, NumDef>;
  /** Numbering styles (`w:type="numbering"`): style id → numId. */
  numberingStyles: Map<string, string>;
  /** Every style by id. */
  styles: Map<string, StyleDef>;
}

function toInt(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : null;
}

/** Read numbering.xml and styles.xml. */
export function readNumbering(numberingXml: string, stylesXml: string, budget?: WorkBudget): Numbering {
  const abstractNums = new Map<string, AbstractNum>();
  const nums = new Map<string, NumDef>();
  let abstract: AbstractNum | null = null;
  let num: NumDef | null = null;
  let level: LevelDef | null = null;
  let levelIndex = 0;
  let overrideLevel: number | null = null;
  scanXml(
    numberingXml,
    {
      open(name, attrs) {
        const val = attrs['w:val'];
        switch (name) {
          case 'w:abstractNum':
            abstract = { levels: new Map(), numStyleLink: null };
            abstractNums.set(attrs['w:abstractNumId'] ?? '', abstract);
            return;
          case 'w:num':
            num = { abstractNumId: '', startOverrides: new Map(), levelOverrides: new Map() };
            nums.set(attrs['w:numId'] ?? '', num);
            return;
          case 'w:abstractNumId':
            if (num && val !== undefined) num.abstractNumId = val;
            return;
          case 'w:lvlOverride':
            overrideLevel = toInt(attrs['w:ilvl']) ?? 0;
            return;
          case 'w:startOverride':
            if (num && overrideLevel !== null) num.startOverrides.set(overrideLevel, toInt(val) ?? 0);
            return;
          case 'w:lvl':
            levelIndex = toInt(attrs['w:ilvl']) ?? 0;
            level = { start: 1, numFmt: 'decimal', lvlText: '', pStyle: null, restart: null, legal: false, left: null };
            return;
          case 'w:numStyleLink':
            if (abstract && val) abstract.numStyleLink = val;
            return;
          default:
            if (!level) return;
            if (name === 'w:start') level.start = toInt(val) ?? 1;
            else if (name === 'w:numFmt') level.numFmt = val ?? 'decimal';
            else if (name === 'w:lvlText') level.lvlText = val ?? '';
            else if (name === 'w:pStyle') level.pStyle = val ?? null;
            else if (name === 'w:lvlRestart') level.restart = toInt(val);
            else if (name === 'w:isLgl') level.legal = val !== '0' && val !== 'false';
            else if (name === 'w:ind') level.left = toInt(attrs['w:left'] ?? attrs['w:start']) ?? level.left;
        }
      },
      close(name) {
        if (name === 'w:abstractNum') abstract = null;
        else if (name === 'w:num') num = null;
        else if (name === 'w:lvlOverride') overrideLevel = null;
        else if (name === 'w:lvl' && level) {
          const done: LevelDef = level;
          if (overrideLevel !== null && num) (num as NumDef).levelOverrides.set(overrideLevel, done);
          else (abstract as AbstractNum | null)?.levels.set(levelIndex, done);
          level = null;
        }
      },
      text() {},
    },
    budget,
  );
  const numberingStyles = new Map<string, string>();
  const styles = new Map<string, StyleDef>();
  let style: (StyleDef & { id: string }) | null = null;
  let inPPr = false;
  scanXml(
    stylesXml,
    {
      open(name, attrs) {
        if (name === 'w:style') {
          style = { id: attrs['w:styleId'] ?? '', type: attrs['w:type'] ?? 'paragraph', name: '', basedOn: null, numId: null, ilvl: null, left: null };
          return;
        }
        if (!style) return;
        const s: StyleDef = style;
        if (name === 'w:pPr') inPPr = true;
        else if (name === 'w:name') s.name = attrs['w:val'] ?? '';
        else if (name === 'w:basedOn') s.basedOn = attrs['w:val'] ?? null;
        else if (name === 'w:numId') s.numId = attrs['w:val'] ?? null;
        else if (name === 'w:ilvl') s.ilvl = toInt(attrs['w:val']);
        else if (name === 'w:ind' && inPPr) s.left = toInt(attrs['w:left'] ?? attrs['w:start']) ?? s.left;
      },
      close(name) {
        if (name === 'w:pPr') inPPr = false;
        if (name !== 'w:style' || !style) return;
        const s: StyleDef & { id: string } = style;
        if (s.type === 'numbering' && s.numId) numberingStyles.set(s.id, s.numId);
        styles.set(s.id, s);
        style = null;
      },
      text() {},
    },
    budget,
  );
  return { abstractNums, nums, numberingStyles, styles };
}

/** A numbered paragraph's place in Word's numbering: which list (abstractNum) and level. */
export interface ListRef {
  numId: string;
  abstractNumId: string;
  level: number;
  def: LevelDef;
  /** The num's startOverrides: applied the first time the num is used. */
  startOverrides: Map<number, number>;
}

/** Resolve (numId, ilvl), following a numStyleLink, or null when the numbering names no level. */
export function findLevel(numbering: Numbering, numId: string, level: number, seen = new Set<string>()): ListRef | null {
  if (seen.has(numId)) return null;
  seen.add(numId);
  const num = numbering.nums.get(numId);
  if (!num) return null;
  const abstract = numbering.abstractNums.get(num.abstractNumId);
  if (!abstract) return null;
  if (abstract.numStyleLink !== null) {
    const linked = numbering.numberingStyles.get(abstract.numStyleLink);
    if (linked === undefined) return null;
    const found = findLevel(numbering, linked, level, seen);
    if (!found) return null;
    const override = num.levelOverrides.get(level);
    return { ...found, numId, def: override ?? found.def, startOverrides: num.startOverrides };
  }
  const def = num.levelOverrides.get(level) ?? abstract.levels.get(level);
  if (!def) return null;
  return { numId, abstractNumId: num.abstractNumId, level, def, startOverrides: num.startOverrides };
}

function findLevelByStyle(numbering: Numbering, styleId: string): ListRef | null {
  for (const [abstractNumId, abstract] of numbering.abstractNums) {
    for (const [level, def] of abstract.levels) {
      if (def.pStyle !== styleId) continue;
      // The numId: the style's own numPr (through basedOn), or any num of this abstractNum.
      let numId: string | null = null;
      const seen = new Set<string>();
      for (let s: string | null = styleId; s && !seen.has(s); s = numbering.styles.get(s)?.basedOn ?? null) {
        seen.add(s);
        numId = numbering.styles.get(s)?.numId ?? null;
        if (numId) break;
      }
      if (!numId) numId = [...numbering.nums].find(([, n]) => n.abstractNumId === abstractNumId)?.[0] ?? '';
      return { numId, abstractNumId, level, def, startOverrides: numbering.nums.get(numId)?.startOverrides ?? new Map() };
    }
  }
  // A paragraph style with numbering of its own (numPr in the style, through basedOn).
  const seen = new Set<string>();
  for (let s: string | null = styleId; s && !seen.has(s); s = numbering.styles.get(s)?.basedOn ?? null) {
    seen.add(s);
    const def = numbering.styles.get(s);
    if (def?.numId) return def.numId === '0' ? null : findLevel(numbering, def.numId, def.ilvl ?? 0);
  }
  return null;
}

/** The numbering of a paragraph from its own numPr or its style. `numId` "0" switches numbering off. */
export function resolveParagraph(numbering: Numbering, para: { numId?: string; ilvl?: string; styleId: string | null }): ListRef | null {
  if (para.numId === '0') return null;
  if (para.numId !== undefined) return findLevel(numbering, para.numId, toInt(para.ilvl) ?? numbering.styles.get(para.styleId ?? '')?.ilvl ?? 0);
  if (para.styleId !== null) return findLevelByStyle(numbering, para.styleId);
  return null;
}

/**
 * Word's counters: one set per abstractNum (lists that share a definition continue each other), a
 * num's startOverride restarts its levels the first time that num is used, a paragraph at level L
 * restarts the deeper levels (unless their lvlRestart says otherwise).
 */
export class ListLabeler {
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly defs = new Map<string, Map<number, LevelDef>>();
  private readonly seenNums = new Set<string>();

  /** The label Word prints for the next paragraph on `ref` ('' when the level prints none). */
  next(ref: ListRef): string {
    let c = this.counters.get(ref.abstractNumId);
    if (!c) {
      c = [];
      this.counters.set(ref.abstractNumId, c);
    }
    let d = this.defs.get(ref.abstractNumId);
    if (!d) {
      d = new Map();
      this.defs.set(ref.abstractNumId, d);
    }
    d.set(ref.level, ref.def);
    if (!this.seenNums.has(ref.numId)) {
      this.seenNums.add(ref.numId);
      for (const [level, start] of ref.startOverrides) c[level] = start - 1;
    }
    const current = c[ref.level];
    c[ref.level] = current === undefined ? ref.def.start : current + 1;
    for (let deeper = ref.level + 1; deeper < 10; deeper++) {
      const restart = d.get(deeper)?.restart ?? null;
      if (restart === 0) continue;
      if (restart === null || ref.level < restart) c[deeper] = undefined;
    }
    return formatLabel(ref.def, c, d);
  }
}

function formatLabel(def: LevelDef, counters: (number | undefined)[], defs: Map<number, LevelDef>): string {
  if (def.numFmt === 'none') return '';
  if (def.numFmt === 'bullet') return bulletLook(def.lvlText);
  return def.lvlText
    .replace(/%([1-9])/g, (_, k: string) => {
      const level = Number(k) - 1;
      const levelDef = defs.get(level) ?? def;
      const value = counters[level] ?? levelDef.start;
      return formatNumber(value, def.legal ? 'decimal' : levelDef.numFmt);
    })
    .trim();
}
