import { checkWorkbook } from '../../../src/core/engine';
import { resolveSettings } from '../../../src/core/model/settings';
import { ReceiptRow, SaleRow } from '../../../src/core/model/record-rows';
import { generateWorkbook, NOISE_MIXES } from '../../support/generate-workbook';

/**
 * Balances and aging of generated workbooks against a computation by hand from the generator's own
 * truth (which receipt pays how much of which invoice), with the calendar done through JavaScript's
 * Date rather than the product's day arithmetic.
 */

const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 (the serials of the generator are all after 1900-03-01). */
const EPOCH = 25569;

function endOfMonthSerial(serial: number): number {
  const date = new Date((serial - EPOCH) * MS_PER_DAY);
  const last = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0);
  return last / MS_PER_DAY + EPOCH;
}

function cents(v: number | null | unknown): number {
  return Math.round(Number(v) * 100);
}

function fmt(c: number): string {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Bucket by hand for the default bounds 30, 60, 90, 180. */
function bucketOf(daysPastDue: number): string {
  if (daysPastDue <= 0) return 'Current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  if (daysPastDue <= 180) return '91-180';
  return '>180';
}

describe.each([
  ['clean', 11],
  ['typical', 12],
  ['typical', 13],
  ['heavy', 14],
] as const)('generated workbook (%s noise, seed %d)', (mix, seed) => {
  const wb = generateWorkbook({ seed, customers: 12, salesPerCustomer: 30, noise: NOISE_MIXES[mix], grids: true, openingBalances: true });
  const result = checkWorkbook({ sheets: wb.grids, settings: resolveSettings({ asOf: wb.asOf }) });
  const asOf = wb.asOf;

  // By hand: each sale's gross, less what the truth says receipts paid on it.
  const terms = new Map(wb.parsed.customers[0].records.map((c) => [c.customerId, c.paymentTerms]));
  const open = new Map<string, { cust: string; cents: number; date: number }>();
  for (const s of wb.parsed.sales[0].records as SaleRow[]) open.set(`Sales!${s.row}`, { cust: s.customerId, cents: cents(s.rawTotal), date: s.date as number });
  const receiptCust = new Map<string, { cust: string; cents: number }>();
  for (const r of wb.parsed.receipts[0].records as ReceiptRow[]) receiptCust.set(`Receipts!${r.row}`, { cust: r.customerId, cents: cents(r.rawAmount) });
  const applied = new Map<string, number>();
  for (const a of wb.truth.allocations) {
    const sale = open.get(a.sale);
    if (!sale) throw new Error(`no sale ${a.sale}`);
    sale.cents -= a.cents;
    applied.set(a.receipt, (applied.get(a.receipt) ?? 0) + a.cents);
  }
  // Receipts paying no invoice (advances) go to the customer's oldest open invoices first (FIFO,
  // DESIGN.md "Matching"), the receipts in date order.
  const byDate = [...open.entries()].sort((a, b) => a[1].date - b[1].date || Number(a[0].split('!')[1]) - Number(b[0].split('!')[1]));
  const advances = (wb.parsed.receipts[0].records as ReceiptRow[]).filter((r) => !applied.has(`Receipts!${r.row}`)).sort((a, b) => (a.date as number) - (b.date as number) || a.row - b.row);
  for (const r of advances) {
    let left = cents(r.rawAmount);
    for (const [, sale] of byDate) {
      if (left === 0) break;
      if (sale.cust !== r.customerId || sale.cents <= 0) continue;
      const take = Math.min(left, sale.cents);
      sale.cents -= take;
      left -= take;
    }
    applied.set(`Receipts!${r.row}`, cents(r.rawAmount) - left);
  }
  const expected = new Map<string, { balance: number; aging: Record<string, number>; overdue: number }>();
  const of = (cust: string) => {
    let e = expected.get(cust);
    if (!e) expected.set(cust, (e = { balance: 0, aging: { Current: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91-180': 0, '>180': 0 }, overdue: 0 }));
    return e;
  };
  for (const s of open.values()) {
    if (s.cents === 0) continue;
    const e = of(s.cust);
    e.balance += s.cents;
    if (s.cents < 0) {
      e.aging.Current += s.cents;
      continue;
    }
    const t = terms.get(s.cust);
    if (!t) throw new Error('no terms');
    const due = (t.kind === 'eom' ? endOfMonthSerial(s.date) : s.date) + t.days;
    const bucket = bucketOf(asOf - due);
    e.aging[bucket] += s.cents;
    if (bucket !== 'Current') e.overdue += s.cents;
  }
  for (const [ref, r] of receiptCust) {
    const left = r.cents - (applied.get(ref) ?? 0);
    if (left === 0) continue;
    const e = of(r.cust);
    e.balance -= left;
    e.aging.Current -= left;
  }

  it('has every customer\'s balance equal to its sales less its receipts', () => {
    const sales = new Map<string, number>();
    for (const s of wb.parsed.sales[0].records as SaleRow[]) sales.set(s.customerId, (sales.get(s.customerId) ?? 0) + cents(s.rawTotal));
    for (const r of wb.parsed.receipts[0].records as ReceiptRow[]) sales.set(r.customerId, (sales.get(r.customerId) ?? 0) - cents(r.rawAmount));
    expect(result.report.customers.map((c) => [c.customerId, c.balance])).toEqual([...sales].sort().map(([id, c]) => [id, fmt(c)]));
  });

  it('ages every customer\'s open items as the hand computation does', () => {
    for (const c of result.report.customers) {
      const e = of(c.customerId);
      const want = Object.fromEntries(Object.entries(e.aging).map(([k, v]) => [k, fmt(v)]));
      expect({ id: c.customerId, aging: c.aging, overdue: c.overdue }).toEqual({ id: c.customerId, aging: want, overdue: fmt(e.overdue) });
    }
  });
});
