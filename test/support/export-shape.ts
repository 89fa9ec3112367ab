import Decimal from 'decimal.js';
import { CellValue, columnLetter, parseCellAddress, SheetGrid } from '../../src/core/model/cells';
import { parseDate, ymd } from '../../src/core/model/dates';
import { parseMoney } from '../../src/core/model/money';
import { fieldForHeader } from '../../src/core/templates/header-recognition';
import { fieldDef } from '../../src/core/templates/template-fields';
import { TemplateKind } from '../../src/core/templates/templates';
import { prng } from './prng';

/**
 * Export-shaped workbooks: a template-shaped workbook (the generator's or a fixture's, sheets named
 * Customers / Sales / Receipts / Statement with template headers) laid out the way real systems export
 * the same rows — other sheet and column names, shuffled column order, two key columns under names no
 * dictionary knows, title rows above the header, subtotal and total rows, European amounts and
 * day-first dates. The data (and so the truth) is unchanged; {@link ShapedWorkbook} says where each
 * cell went, so expected findings and true links can be followed into the new layout.
 */

export type ExportStyleName = 'en-erp' | 'zh-erp' | 'zh-crm' | 'en-crm';

/** How one system exports. */
export interface ExportStyle {
  name: ExportStyleName;
  sheetNames: Record<TemplateKind, string>;
  /** Header per field; fields left out keep no column (the export does not have them). */
  headers: Record<TemplateKind, Record<string, string>>;
  /** Two key columns under names no dictionary knows ("template.field"). */
  unknown: [string, string];
  /** A merged title and a period line above the header. */
  titleRows: boolean;
  /** Subtotal rows after each customer's block on the statement, and a total row under every table. */
  totalsRows: boolean;
  /** Amounts as text with a decimal comma (7.498,07); dates as day-first text (25/03/2024). */
  european: boolean;
  totalWord: string;
  subtotalWord: string;
}

const EN_ERP: ExportStyle = {
  name: 'en-erp',
  sheetNames: { customers: 'Customer Master', sales: 'AR Invoices', receipts: 'Incoming Payments', statement: 'Customer Ledger' },
  headers: {
    customers: { customerId: 'BP Code', customerName: 'BP Name', taxId: 'Tax Registration No', creditLimit: 'Credit Line', paymentTerms: 'Payment Terms Code', creditRating: 'Risk Rating', status: 'Account Status', contact: 'Contact Person', email: 'E-mail', salesRep: 'Sales Employee', region: 'Territory' },
    sales: { date: 'Posting Date', docNo: 'Sales Order', invoiceNo: 'Invoice Num', customerId: 'BP Code', customerName: 'BP Name', product: 'Item Description', category: 'Item Group', quantity: 'Quantity', unitPrice: 'Price', amount: 'Net Value', taxRate: 'VAT Rate', tax: 'VAT Amount', total: 'Gross Total', dueDate: 'Net Due Date', salesRep: 'Sales Employee' },
    receipts: { date: 'Posting Date', receiptNo: 'Document No', customerId: 'BP Code', amount: 'Amount', method: 'Payment Method', reference: 'Remarks' },
    statement: { customerId: 'BP Code', date: 'Posting Date', reference: 'Voucher No', description: 'Remarks', billed: 'Debit', paid: 'Credit', balance: 'Cumulative Balance' },
  },
  unknown: ['sales.docNo', 'receipts.amount'],
  titleRows: true,
  totalsRows: true,
  european: false,
  totalWord: 'Total',
  subtotalWord: 'Subtotal',
};

const ZH_ERP: ExportStyle = {
  name: 'zh-erp',
  sheetNames: { customers: '客户档案', sales: '销售出库单', receipts: '收款单', statement: '往来对账单' },
  headers: {
    customers: { customerId: '往来单位编码', customerName: '往来单位名称', taxId: '纳税人识别号', creditLimit: '信用额度(元)', paymentTerms: '收款条件', creditRating: '信用等级', status: '启用状态', contact: '联系人', email: '电子邮箱', salesRep: '业务员', region: '所属地区' },
    sales: { date: '单据日期', docNo: '单据编号', invoiceNo: '发票号码', customerId: '往来单位编码', customerName: '往来单位名称', product: '存货名称', category: '存货分类', quantity: '数量', unitPrice: '无税单价', amount: '无税金额', taxRate: '税率(%)', tax: '税额', total: '价税合计', dueDate: '到期日', salesRep: '业务员' },
    receipts: { date: '单据日期', receiptNo: '单据编号', customerId: '往来单位编码', amount: '本币金额', method: '结算方式', reference: '摘要' },
    statement: { customerId: '往来单位编码', date: '凭证日期', reference: '凭证号', description: '摘要', billed: '借方', paid: '贷方', balance: '余额' },
  },
  unknown: ['receipts.receiptNo', 'statement.balance'],
  titleRows: true,
  totalsRows: true,
  european: false,
  totalWord: '合计',
  subtotalWord: '小计',
};

const ZH_CRM: ExportStyle = {
  name: 'zh-crm',
  sheetNames: { customers: '客户', sales: '订单', receipts: '回款', statement: '对账' },
  headers: {
    customers: { customerId: '客户编码', customerName: '客户名称', taxId: '统一社会信用代码', creditLimit: '授信额度', paymentTerms: '账期', creditRating: '客户等级', status: '客户状态', contact: '联系人', email: '邮箱', salesRep: '负责人', region: '区域' },
    sales: { date: '下单日期', docNo: '订单编号', invoiceNo: '发票号', customerId: '客户编码', customerName: '客户名称', product: '产品名称', category: '产品分类', quantity: '数量', unitPrice: '单价', amount: '金额', taxRate: '税率', tax: '税额', total: '订单金额', dueDate: '应收日期', salesRep: '负责人' },
    receipts: { date: '回款日期', receiptNo: '回款编号', customerId: '客户编码', amount: '回款金额', method: '回款方式', reference: '备注' },
    statement: { customerId: '客户编码', date: '日期', reference: '单号', description: '摘要', billed: '应收金额', paid: '已收金额', balance: '应收余额' },
  },
  unknown: ['sales.docNo', 'receipts.receiptNo'],
  titleRows: false,
  totalsRows: true,
  european: false,
  totalWord: '合计',
  subtotalWord: '小计',
};

const EN_CRM: ExportStyle = {
  name: 'en-crm',
  sheetNames: { customers: 'Accounts', sales: 'Orders', receipts: 'Payments', statement: 'Statement of Account' },
  headers: {
    customers: { customerId: 'Account ID', customerName: 'Account Name', taxId: 'VAT Number', creditLimit: 'Credit Limit', paymentTerms: 'Terms', creditRating: 'Rating', status: 'Account Status', contact: 'Primary Contact', email: 'Email Address', salesRep: 'Account Owner', region: 'Region' },
    sales: { date: 'Order Date', docNo: 'Order ID', invoiceNo: 'Invoice #', customerId: 'Account ID', customerName: 'Account Name', product: 'Product', category: 'Product Family', quantity: 'Qty', unitPrice: 'List Price', amount: 'Subtotal', taxRate: 'Tax %', tax: 'Tax Amount', total: 'Grand Total', dueDate: 'Payment Due', salesRep: 'Opportunity Owner' },
    receipts: { date: 'Payment Date', receiptNo: 'Payment ID', customerId: 'Account ID', amount: 'Amount Received', method: 'Payment Method', reference: 'Memo' },
    statement: { customerId: 'Account ID', date: 'Transaction Date', reference: 'Ref No', description: 'Particulars', billed: 'Charges', paid: 'Payments', balance: 'Balance Due' },
  },
  unknown: ['sales.total', 'statement.balance'],
  titleRows: true,
  totalsRows: false,
  european: true,
  totalWord: 'Total',
  subtotalWord: 'Subtotal',
};

/** The four export styles of the acceptance test. */
export const EXPORT_STYLES: readonly ExportStyle[] = [EN_ERP, ZH_ERP, ZH_CRM, EN_CRM];

/** Names no dictionary knows, per style and key column. */
const UNKNOWN_NAMES: Record<string, string> = {
  'sales.docNo': 'Ref Key',
  'receipts.amount': 'Amt LC',
  'receipts.receiptNo': 'Lfd Nr',
  'statement.balance': 'Running Amt',
  'sales.total': 'Deal Value',
};

const KIND_OF_SHEET: Record<string, TemplateKind> = { Customers: 'customers', Sales: 'sales', Receipts: 'receipts', Statement: 'statement' };

/** An export-shaped workbook and where each cell of the template-shaped one went. */
export interface ShapedWorkbook {
  grids: SheetGrid[];
  /** The export's name of a template-shaped sheet. */
  sheetName(sheet: string): string;
  /** The new 1-based row of a template-shaped sheet's row. */
  row(sheet: string, row: number): number;
  /** The new sheet and A1 cell of a template-shaped cell. */
  cell(sheet: string, cell: string): { sheet: string; cell: string };
  /** Headers given names no dictionary knows, as "template.field" → header. */
  unknownHeaders: Record<string, string>;
}

function europeanAmount(v: CellValue): CellValue {
  let d: Decimal | null = null;
  if (typeof v === 'number' && Number.isFinite(v)) d = new Decimal(v);
  else if (typeof v === 'string') {
    const r = parseMoney(v);
    if (r.kind === 'ok') d = r.value;
  }
  if (d === null) return v;
  const fixed = d.abs().toFixed(2);
  const [int, frac] = fixed.split('.');
  return `${d.isNegative() ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
}

function dayFirst(v: CellValue): CellValue {
  const r = parseDate(v ?? null);
  if (r.kind !== 'ok' || (typeof v === 'string' && /年/.test(v))) return v;
  const { y, m, d } = ymd(r.day);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** Sums of a column's amounts over some rows, as a number cell (what an export's total row holds). */
function sumOf(rows: CellValue[][], col: number): CellValue {
  let total = new Decimal(0);
  for (const r of rows) {
    const m = parseMoney(r[col] ?? null);
    if (m.kind === 'ok') total = total.plus(m.value);
  }
  return total.toNumber();
}

/** Lays a template-shaped workbook out as `style` exports it; `seed` shuffles the columns. */
export function shapeExport(grids: readonly SheetGrid[], style: ExportStyle, seed: number): ShapedWorkbook {
  const rand = prng(seed);
  const out: SheetGrid[] = [];
  const rowMaps = new Map<string, Map<number, number>>();
  const colMaps = new Map<string, Map<number, number>>();
  const names = new Map<string, string>();
  const unknownHeaders: Record<string, string> = {};
  for (const grid of grids) {
    const kind = KIND_OF_SHEET[grid.name];
    if (!kind) {
      out.push(grid);
      continue;
    }
    const name = style.sheetNames[kind];
    names.set(grid.name, name);
    const header = (grid.rows[0] ?? []).map((v) => (typeof v === 'string' ? v : ''));
    const fields = header.map((h) => fieldForHeader(kind, h) as string | undefined);
    // Shuffle the columns (Fisher–Yates on the seeded generator).
    const order = header.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const colMap = new Map(order.map((old, j) => [old, j] as const));
    colMaps.set(grid.name, colMap);
    const newHeader = order.map((old) => {
      const field = fields[old];
      if (field === undefined) return header[old];
      const key = `${kind}.${field}`;
      if (style.unknown.includes(key)) {
        unknownHeaders[key] = UNKNOWN_NAMES[key];
        return UNKNOWN_NAMES[key];
      }
      return style.headers[kind][field] ?? header[old];
    });
    const typeOf = (old: number): string | undefined => (fields[old] ? fieldDef(kind, fields[old] as string)?.type : undefined);
    const convert = (v: CellValue, old: number): CellValue => {
      if (!style.european || v === null) return v;
      const t = typeOf(old);
      if (t === 'money') return europeanAmount(v);
      if (t === 'date') return dayFirst(v);
      return v;
    };
    const rows: CellValue[][] = [];
    const merged: string[] = [];
    const rowMap = new Map<number, number>();
    if (style.titleRows) {
      rows.push([`${name} — export`, ...Array(newHeader.length - 1).fill(null)]);
      merged.push(`A1:${columnLetter(Math.max(1, newHeader.length - 1))}1`);
      rows.push([style.name.startsWith('zh') ? '期间：2024-01-01 至 2024-06-30' : 'Period: 2024-01-01 to 2024-06-30', ...Array(newHeader.length - 1).fill(null)]);
    }
    rows.push(newHeader);
    rowMap.set(1, rows.length);
    const moneyCols = order.map((old, j) => (typeOf(old) === 'money' && fields[old] !== 'unitPrice' && fields[old] !== 'balance' && fields[old] !== 'creditLimit' ? j : -1)).filter((j) => j >= 0);
    const custOld = fields.indexOf('customerId');
    let block: CellValue[][] = [];
    const flushSubtotal = (): void => {
      if (block.length === 0) return;
      const row: CellValue[] = Array(newHeader.length).fill(null);
      row[0] = style.subtotalWord;
      for (const j of moneyCols) row[j] = sumOf(block, j);
      rows.push(row);
      block = [];
    };
    let prevCust: CellValue = null;
    const data: CellValue[][] = [];
    for (let r = 1; r < grid.rows.length; r++) {
      const src = grid.rows[r] ?? [];
      if (style.totalsRows && kind === 'statement' && custOld >= 0 && r > 1 && src[custOld] !== prevCust) flushSubtotal();
      if (custOld >= 0) prevCust = src[custOld] ?? null;
      const row = order.map((old) => convert(src[old] ?? null, old));
      rows.push(row);
      data.push(row);
      block.push(row);
      rowMap.set(r + 1, rows.length);
    }
    if (style.totalsRows) {
      if (kind === 'statement') flushSubtotal();
      const total: CellValue[] = Array(newHeader.length).fill(null);
      total[0] = style.totalWord;
      for (const j of moneyCols) total[j] = sumOf(data, j);
      rows.push(total);
    }
    // Merged areas of the data follow their cells.
    for (const range of grid.merged ?? []) {
      merged.push(range.split(':').map((a) => {
        const p = parseCellAddress(a);
        return p ? `${columnLetter(colMap.get(p.col0) ?? p.col0)}${rowMap.get(p.row1) ?? p.row1}` : a;
      }).join(':'));
    }
    rowMaps.set(grid.name, rowMap);
    out.push(merged.length ? { name, rows, merged } : { name, rows });
  }
  return {
    grids: out,
    unknownHeaders,
    sheetName: (sheet) => names.get(sheet) ?? sheet,
    row: (sheet, row) => rowMaps.get(sheet)?.get(row) ?? row,
    cell: (sheet, cell) => {
      const p = parseCellAddress(cell);
      if (!p) return { sheet: names.get(sheet) ?? sheet, cell };
      const col = colMaps.get(sheet)?.get(p.col0) ?? p.col0;
      return { sheet: names.get(sheet) ?? sheet, cell: `${columnLetter(col)}${rowMaps.get(sheet)?.get(p.row1) ?? p.row1}` };
    },
  };
}
