import { Severity } from '../core/model/findings';
import { SEVERITY_FILL, SEVERITY_FONT } from '../core/output/plan';
import { colorHex } from './theme-colors';

/** A list section of the styles part (`<fonts>`, `<fills>`, …): its items as written, and what is appended. */
interface Section {
  tag: string;
  items: string[];
  added: string[];
}

const SECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as const;
type SectionName = (typeof SECTIONS)[number];
const ITEM: Record<SectionName, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };

/** Thrown when a styles part lacks what a highlight needs; the caller refuses the copy. */
export class StylesError extends Error {}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/^(<[\w:.-]+)/, `$1 ${name}="${value}"`);
}

function colorOf(xml: string | undefined, p: string, element: string): Record<string, unknown> | undefined {
  if (!xml) return undefined;
  const m = new RegExp(`<${p}${element}\\b([^>]*)/?>`).exec(xml);
  if (!m) return undefined;
  const c: Record<string, unknown> = {};
  const rgb = attr(m[0], 'rgb');
  const theme = attr(m[0], 'theme');
  const tint = attr(m[0], 'tint');
  if (rgb) c.argb = rgb.length === 6 ? `FF${rgb}` : rgb;
  if (theme !== undefined) c.theme = Number(theme);
  if (tint !== undefined) c.tint = Number(tint);
  return c;
}

/**
 * The styles part of a workbook, edited by appending: a highlight is a new cell format cloned from the
 * cell's own (number format, border, alignment, protection kept) with the severity's fill and its font
 * in the severity's colour, so the cell keeps everything but what the highlight changes. Owned sheets
 * rendered elsewhere bring their formats along, renumbered. What was there is never rewritten: the
 * part's text is kept and only the list sections grow.
 */
export class StylesEditor {
  private readonly sections = new Map<SectionName, Section>();
  private readonly prefix: string;
  private readonly highlights = new Map<string, number>();
  private nextNumFmt = 164;

  constructor(private readonly xml: string, private readonly palette: readonly string[] | null = null) {
    const root = /<([\w.-]+:)?styleSheet\b/.exec(xml);
    if (!root) throw new StylesError('no styleSheet');
    this.prefix = root[1] ?? '';
    const p = this.prefix;
    for (const name of SECTIONS) {
      const whole = new RegExp(`<${p}${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${p}${name}>)`).exec(xml);
      const item = ITEM[name];
      const items = whole?.[1] ? [...whole[1].matchAll(new RegExp(`<${p}${item}\\b(?:[^>]*?/>|[^>]*>[\\s\\S]*?</${p}${item}>)`, 'g'))].map((m) => m[0]) : [];
      this.sections.set(name, { tag: name, items, added: [] });
    }
    for (const f of this.section('numFmts').items) this.nextNumFmt = Math.max(this.nextNumFmt, Number(attr(f, 'numFmtId') ?? 0) + 1);
    if (this.section('cellXfs').items.length === 0) throw new StylesError('no cell formats');
    if (this.section('fonts').items.length === 0) throw new StylesError('no fonts');
  }

  private section(name: SectionName): Section {
    return this.sections.get(name) as Section;
  }

  private count(name: SectionName): number {
    const s = this.section(name);
    return s.items.length + s.added.length;
  }

  private item(name: SectionName, index: number): string | undefined {
    const s = this.section(name);
    return index < s.items.length ? s.items[index] : s.added[index - s.items.length];
  }

  private push(name: SectionName, xml: string): number {
    const s = this.section(name);
    s.added.push(xml);
    return s.items.length + s.added.length - 1;
  }

  /** The index of the cell format a highlighted cell of format `xf` gets (made once per pair). */
  highlight(xf: number, severity: Severity): number {
    const base = xf >= 0 && xf < this.count('cellXfs') ? xf : 0;
    const key = `${base}:${severity}`;
    const known = this.highlights.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const xfXml = this.item('cellXfs', base) as string;
    const fontId = Number(attr(xfXml, 'fontId') ?? 0);
    const font = this.item('fonts', fontId) ?? this.item('fonts', 0) ?? `<${p}font/>`;
    const color = `<${p}color rgb="FF${SEVERITY_FONT[severity]}"/>`;
    let newFont: string;
    if (new RegExp(`<${p}color\\b[^>]*/>`).test(font)) newFont = font.replace(new RegExp(`<${p}color\\b[^>]*/>`), color);
    else if (font.endsWith('/>')) newFont = `${font.slice(0, -2)}>${color}</${p}font>`;
    else if (new RegExp(`<${p}name\\b`).test(font)) newFont = font.replace(new RegExp(`<${p}name\\b`), `${color}<${p}name`);
    else newFont = font.replace(new RegExp(`</${p}font>$`), `${color}</${p}font>`);
    const newFontId = this.push('fonts', newFont);
    const newFillId = this.push('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${SEVERITY_FILL[severity]}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    const start = /^<[^>]*?\/?>/.exec(xfXml)?.[0] ?? `<${p}xf/>`;
    let tag = setAttr(setAttr(setAttr(setAttr(start, 'fontId', String(newFontId)), 'fillId', String(newFillId)), 'applyFont', '1'), 'applyFill', '1');
    if (!attr(tag, 'numFmtId')) tag = setAttr(tag, 'numFmtId', '0');
    if (!attr(tag, 'borderId')) tag = setAttr(tag, 'borderId', '0');
    const newXf = tag + xfXml.slice(start.length);
    const index = this.push('cellXfs', newXf);
    this.highlights.set(key, index);
    return index;
  }

  /**
   * The look of a cell format in the shared `#RRGGBB` form the add-in restores: its solid fill's colour
   * and its font colour (theme colours through the palette), null for none or no RGB meaning.
   */
  look(xf: number): { fill: string | null; fontColor: string | null } {
    const p = this.prefix;
    const xfXml = this.item('cellXfs', xf >= 0 && xf < this.count('cellXfs') ? xf : 0) ?? '';
    const fill = this.item('fills', Number(attr(xfXml, 'fillId') ?? 0));
    const font = this.item('fonts', Number(attr(xfXml, 'fontId') ?? 0));
    const solid = fill && /patternType\s*=\s*["']solid["']/.test(fill);
    return {
      fill: solid ? colorHex(colorOf(fill, p, 'fgColor'), this.palette) : null,
      fontColor: colorHex(colorOf(font, p, 'color'), this.palette),
    };
  }

  /**
   * Brings in every cell format of another styles part (an owned sheet rendered by exceljs), with its
   * fonts, fills, borders, number formats and differential formats, renumbered after this part's own.
   * Returns the maps from the other part's indexes to this one's.
   */
  importAll(other: StylesEditor): { xf: (i: number) => number; dxf: (i: number) => number } {
    const p = this.prefix;
    const retag = (xml: string): string => (other.prefix === p ? xml : xml.replace(new RegExp(`(</?)${other.prefix.replace('.', '\\.')}`, 'g'), `$1${p}`));
    const offsets: Partial<Record<SectionName, number>> = {};
    for (const name of ['fonts', 'fills', 'borders', 'dxfs'] as const) {
      offsets[name] = this.count(name);
      const s = other.section(name);
      for (const item of [...s.items, ...s.added]) this.push(name, retag(item));
    }
    const numFmt = new Map<number, number>();
    for (const f of [...other.section('numFmts').items, ...other.section('numFmts').added]) {
      const id = Number(attr(f, 'numFmtId') ?? 0);
      const fresh = this.nextNumFmt++;
      numFmt.set(id, fresh);
      this.push('numFmts', setAttr(retag(f), 'numFmtId', String(fresh)));
    }
    const xfOffset = this.count('cellXfs');
    for (const xf of [...other.section('cellXfs').items, ...other.section('cellXfs').added]) {
      const start = /^<[^>]*?\/?>/.exec(xf)?.[0] ?? '';
      let tag = start;
      tag = setAttr(tag, 'fontId', String(Number(attr(start, 'fontId') ?? 0) + (offsets.fonts as number)));
      tag = setAttr(tag, 'fillId', String(Number(attr(start, 'fillId') ?? 0) + (offsets.fills as number)));
      tag = setAttr(tag, 'borderId', String(Number(attr(start, 'borderId') ?? 0) + (offsets.borders as number)));
      const fmt = Number(attr(start, 'numFmtId') ?? 0);
      tag = setAttr(tag, 'numFmtId', String(numFmt.get(fmt) ?? fmt));
      tag = setAttr(tag, 'xfId', '0');
      this.push('cellXfs', retag(tag + xf.slice(start.length)));
    }
    const dxfOffset = offsets.dxfs as number;
    return { xf: (i) => i + xfOffset, dxf: (i) => i + dxfOffset };
  }

  /** Whether anything was appended. */
  changed(): boolean {
    return SECTIONS.some((n) => this.section(n).added.length > 0);
  }

  /** The styles part with the appended items and updated counts; the rest of the text as it was. */
  toXml(): string {
    const p = this.prefix;
    let xml = this.xml;
    // Sections in the schema's order, so a missing one is created in its place.
    const order = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
    for (const name of SECTIONS) {
      const s = this.section(name);
      if (!s.added.length) continue;
      const total = s.items.length + s.added.length;
      const re = new RegExp(`<${p}${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}${name}>)`);
      const m = re.exec(xml);
      if (m) {
        const open = setAttr(`<${p}${name}${m[1]}>`, 'count', String(total));
        xml = xml.slice(0, m.index) + open + (m[2] ?? '') + s.added.join('') + `</${p}${name}>` + xml.slice(m.index + m[0].length);
        continue;
      }
      const element = `<${p}${name} count="${total}">${s.added.join('')}</${p}${name}>`;
      const later = order.slice(order.indexOf(name) + 1).map((n) => new RegExp(`<${p}${n}\\b`).exec(xml)).find((x) => x);
      const at = later ? later.index : xml.lastIndexOf(`</${p}styleSheet>`);
      xml = xml.slice(0, at) + element + xml.slice(at);
    }
    return xml;
  }
}
