/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, with the East Asian ids). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/**
 * Whether a number format shows its number as a date or time: a built-in date id, or a format code with
 * a day, month, year, hour or second token outside quoted text, escapes and bracketed colours or
 * conditions (`[Red]`, `[$-409]`); `General` and scientific `E+` are not dates.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATE_IDS.has(id);
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/general/gi, '')
    .replace(/E[+-]/g, '');
  return /[dmyhs]/i.test(bare);
}

/** The xf index → shows-a-date table of a styles part, from its number formats and cell formats. */
export interface DateStyles {
  isDate(styleIndex: number): boolean;
}

/** Collects `<numFmt>` and the `<cellXfs>` entries' `numFmtId` while a styles part is tokenized. */
export class DateStyleCollector {
  private readonly codes = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private inCellXfs = false;

  open(name: string, a: Record<string, string>): void {
    if (name === 'numFmt' && a.numFmtId !== undefined) this.codes.set(Number(a.numFmtId), a.formatCode ?? '');
    else if (name === 'cellXfs') this.inCellXfs = true;
    else if (name === 'xf' && this.inCellXfs) this.xfFormats.push(Number(a.numFmtId ?? 0));
  }

  close(name: string): void {
    if (name === 'cellXfs') this.inCellXfs = false;
  }

  /** The finished table. */
  result(): DateStyles {
    const flags = this.xfFormats.map((id) => isDateFormat(id, this.codes.get(id)));
    return { isDate: (i) => flags[i] === true };
  }
}
