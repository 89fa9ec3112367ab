import { AlertStyle, RuleOperator, SheetValidation, ValidationRule } from '../core/templates/template-layout';
import { XmlAttributes } from './xml-tokenizer';

/**
 * Excel data validation in an .xlsx file, in the shape the add-in writes through Office.js
 * (`ValidationRule`, prompt, error alert), so a rule laid out in Excel and read back by `recon` compares
 * equal. OOXML keeps an inline list in quotes and a reference or formula without its "=", names
 * operators differently ("greaterThanOrEqual") and stores a date bound as a serial; both directions of
 * that translation live here, with the collector the streaming sheet reader feeds (so `recon` reports a
 * sheet's rules without a second pass over its XML).
 */

export type { SheetValidation };

/** The exceljs model of one validation (what `ws.dataValidations.model` holds per range). */
export interface ExcelJsValidation {
  type: string;
  operator?: string;
  formulae?: unknown[];
  allowBlank?: boolean;
  showInputMessage?: boolean;
  promptTitle?: string;
  prompt?: string;
  showErrorMessage?: boolean;
  errorStyle?: string;
  errorTitle?: string;
  error?: string;
}

const OPERATORS: Record<RuleOperator, string> = {
  Between: 'between', NotBetween: 'notBetween', EqualTo: 'equal', NotEqualTo: 'notEqual', GreaterThan: 'greaterThan',
  LessThan: 'lessThan', GreaterThanOrEqualTo: 'greaterThanOrEqual', LessThanOrEqualTo: 'lessThanOrEqual',
};
const OFFICE_OPERATORS: Record<string, RuleOperator> = Object.fromEntries(
  Object.entries(OPERATORS).map(([office, xml]) => [xml, office as RuleOperator]),
);
const STYLES: Record<string, AlertStyle> = { stop: 'Stop', warning: 'Warning', information: 'Information' };

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, Excel's day 0 in the 1900 system (past the 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

/** A stored formula (without "=") back as Office.js writes it. */
function withEquals(v: unknown): string {
  const s = String(v ?? '');
  return s.startsWith('=') ? s : `=${s}`;
}

/** The Office.js form of an exceljs validation; null for kinds the add-in never writes (whole, time, any). */
export function fromExcelJs(range: string, v: ExcelJsValidation): SheetValidation | null {
  const f = v.formulae ?? [];
  const op = OFFICE_OPERATORS[v.operator ?? 'between'] ?? 'Between';
  let rule: ValidationRule;
  switch (v.type) {
    case 'list': {
      const src = String(f[0] ?? '');
      const inline = /^"(.*)"$/s.exec(src);
      rule = { list: { inCellDropDown: true, source: inline ? inline[1] : withEquals(src) } };
      break;
    }
    case 'decimal':
      rule = { decimal: { operator: op, formula1: num(f[0]), ...(f.length > 1 ? { formula2: num(f[1]) } : {}) } };
      break;
    case 'textLength':
      rule = { textLength: { operator: op, formula1: num(f[0]), ...(f.length > 1 ? { formula2: num(f[1]) } : {}) } };
      break;
    case 'date': {
      const d = f[0];
      const day = d instanceof Date ? isoDay(d) : typeof d === 'number' ? isoDay(new Date(EXCEL_EPOCH + d * MS_PER_DAY)) : String(d);
      rule = { date: { operator: op, formula1: day } };
      break;
    }
    case 'custom':
      rule = { custom: { formula: withEquals(f[0]) } };
      break;
    default:
      return null;
  }
  return {
    range,
    rule,
    prompt: v.showInputMessage ? { title: v.promptTitle ?? '', message: v.prompt ?? '' } : null,
    errorAlert: v.showErrorMessage
      ? { title: v.errorTitle ?? '', message: v.error ?? '', style: STYLES[v.errorStyle ?? 'stop'] ?? 'Stop' }
      : null,
    ignoreBlanks: v.allowBlank === true,
  };
}

/** The exceljs form of an Office.js rule with its prompt and alert (for writing a file). */
export function toExcelJs(v: Omit<SheetValidation, 'range'>): ExcelJsValidation {
  const r = v.rule;
  const base: ExcelJsValidation = { type: 'any', allowBlank: v.ignoreBlanks };
  if ('list' in r) {
    const s = r.list.source;
    Object.assign(base, { type: 'list', formulae: [s.startsWith('=') ? s.slice(1) : `"${s}"`] });
  } else if ('decimal' in r) {
    const d = r.decimal;
    Object.assign(base, { type: 'decimal', operator: OPERATORS[d.operator], formulae: d.formula2 === undefined ? [d.formula1] : [d.formula1, d.formula2] });
  } else if ('textLength' in r) {
    const d = r.textLength;
    Object.assign(base, { type: 'textLength', operator: OPERATORS[d.operator], formulae: d.formula2 === undefined ? [d.formula1] : [d.formula1, d.formula2] });
  } else if ('date' in r) {
    // exceljs writes a date bound from a Date; the add-in's bounds are ISO days.
    Object.assign(base, { type: 'date', operator: OPERATORS[r.date.operator], formulae: [new Date(`${r.date.formula1}T00:00:00Z`)] });
  } else {
    Object.assign(base, { type: 'custom', formulae: [r.custom.formula.replace(/^=/, '')] });
  }
  if (v.prompt) Object.assign(base, { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message });
  if (v.errorAlert) {
    Object.assign(base, {
      showErrorMessage: true, errorStyle: v.errorAlert.style.toLowerCase(), errorTitle: v.errorAlert.title, error: v.errorAlert.message,
    });
  }
  return base;
}

const BOOL = (v: string | undefined): boolean => v === '1' || v === 'true';

/**
 * Collects `<dataValidation>` elements while a worksheet part streams by: the attributes, `formula1` and
 * `formula2` texts, and the `sqref` child that Excel 2010's `x14` extension uses for rules that refer to
 * another sheet. Element names arrive without their namespace prefix.
 */
export class ValidationCollector {
  private current: { attrs: XmlAttributes; formulae: string[]; sqref: string } | null = null;
  private into: 'formula' | 'sqref' | null = null;
  private readonly found: SheetValidation[] = [];

  open(el: string, a: XmlAttributes, selfClosing: boolean): void {
    if (el === 'dataValidation') {
      this.current = { attrs: a, formulae: [], sqref: a.sqref ?? '' };
      if (selfClosing) this.close(el);
    } else if (this.current && (el === 'formula1' || el === 'formula2') && !selfClosing) {
      this.current.formulae.push('');
      this.into = 'formula';
    } else if (this.current && el === 'sqref' && !selfClosing) {
      this.into = 'sqref';
    }
  }

  text(t: string): void {
    const c = this.current;
    if (!c || !this.into) return;
    if (this.into === 'formula') c.formulae[c.formulae.length - 1] += t;
    else c.sqref += t;
  }

  close(el: string): void {
    if (el === 'formula1' || el === 'formula2' || el === 'sqref') this.into = null;
    if (el !== 'dataValidation' || !this.current) return;
    const { attrs: a, formulae, sqref } = this.current;
    this.current = null;
    const type = a.type ?? 'any';
    const numeric = type === 'decimal' || type === 'whole' || type === 'textLength' || type === 'date' || type === 'time';
    const read = fromExcelJs(sqref.trim().replace(/\$/g, '').toUpperCase(), {
      type,
      operator: a.operator,
      formulae: formulae.map((f) => (numeric && f.trim() !== '' && Number.isFinite(Number(f)) ? Number(f) : f)),
      allowBlank: BOOL(a.allowBlank),
      showInputMessage: BOOL(a.showInputMessage),
      promptTitle: a.promptTitle,
      prompt: a.prompt,
      showErrorMessage: BOOL(a.showErrorMessage),
      errorStyle: a.errorStyle,
      errorTitle: a.errorTitle,
      error: a.error,
    });
    if (read && read.range !== '') this.found.push(read);
  }

  /** The rules collected so far, in file order. */
  take(): SheetValidation[] {
    return this.found;
  }
}
