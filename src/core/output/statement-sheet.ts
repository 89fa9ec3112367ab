import { Day, dayFromYMD, dayToISO, ymd } from '../model/dates';
import { Bilingual, fmt, Lang } from '../model/i18n';
import { Decimal, toChineseCapitals } from '../model/money';
import { ParsedWorkbook } from '../model/records';
import { Settings } from '../model/settings';
import { centsToString, rawCents, rawCentsOf, receiptAmountRaw } from '../matching/match-amounts';
import { CreditProfile, CreditReview, saleCents } from '../credit/credit-review';
import { CellStyle, OutCell, OwnedSheet } from './plan';
import { ownedSheetName } from './plan-messages';
import { RECEIPT_METHOD_TEXT, STATEMENT_TEXT } from './statement-messages';

/**
 * The printable statement of account (对账单, FORMS.md): letterhead, customer and period, the opening
 * balance, the period's invoices and receipts in date order with a running balance, the totals line
 * (本期合计), the closing balance (期末余额) and, in Chinese, the closing balance in capitals (大写), an
 * aging strip, and the confirmation block the customer signs and seals. A4, one page wide, the table
 * header repeated on every page, "page x of y" in the footer.
 */

/** Statements made when the settings name no customers: every customer with activity, up to this many. */
export const MAX_STATEMENTS = 100;

/** One line of the statement's table. */
export interface StatementEntry {
  date: Day | null;
  docNo: string;
  invoiceNo: string;
  description: string;
  billedCents: number;
  receivedCents: number;
}

/** A customer's account over a period: the opening balance and the period's items in date order. */
export interface AccountPeriod {
  customerId: string;
  from: Day;
  to: Day;
  openingCents: number;
  entries: StatementEntry[];
  closingCents: number;
}

/** The first day of the statements' period: the setting, else the first of the as-of date's month. */
export function statementFrom(settings: Settings, asOf: Day): Day {
  if (settings.statementFrom !== null && settings.statementFrom <= asOf) return settings.statementFrom;
  const { y, m } = ymd(asOf);
  return dayFromYMD(y, m, 1) as Day;
}

function receiptCents(raw: ReturnType<typeof receiptAmountRaw>): number | null {
  if (raw === null) return null;
  const c = rawCents(raw);
  const cents = Number.isNaN(c) ? rawCentsOf(raw).cents : c;
  return Number.isFinite(cents) ? cents : null;
}

/**
 * Each wanted customer's account between `from` and `to`: what was billed and received before `from`
 * is the opening balance; undated records and records after `to` are left out.
 */
export function accountPeriods(parsed: ParsedWorkbook, customerIds: readonly string[], from: Day, to: Day, lang: Lang): AccountPeriod[] {
  const out = new Map<string, AccountPeriod>();
  for (const id of customerIds) out.set(id, { customerId: id, from, to, openingCents: 0, entries: [], closingCents: 0 });
  let seq = 0;
  const ranked: { acc: AccountPeriod; entry: StatementEntry; rank: number }[] = [];
  for (const t of parsed.sales) {
    for (const s of t.records) {
      seq++;
      const acc = out.get(s.customerId.trim());
      const cents = saleCents(s);
      if (!acc || cents === null || s.date === null || s.date > to) continue;
      if (s.date < from) {
        acc.openingCents += cents;
        continue;
      }
      const what = s.product !== '' ? s.product : s.category;
      const kind = fmt(cents < 0 ? STATEMENT_TEXT.creditNote : STATEMENT_TEXT.invoice, lang);
      ranked.push({ acc, rank: seq, entry: { date: s.date, docNo: s.docNo, invoiceNo: s.invoiceNo, description: what !== '' ? `${kind} · ${what}` : kind, billedCents: cents, receivedCents: 0 } });
    }
  }
  for (const t of parsed.receipts) {
    for (const r of t.records) {
      seq++;
      const acc = out.get(r.customerId.trim());
      const cents = receiptCents(receiptAmountRaw(r));
      if (!acc || cents === null || r.date === null || r.date > to) continue;
      if (r.date < from) {
        acc.openingCents -= cents;
        continue;
      }
      const method = r.method ? fmt(RECEIPT_METHOD_TEXT[r.method], lang) : fmt(STATEMENT_TEXT.receipt, lang);
      ranked.push({ acc, rank: seq, entry: { date: r.date, docNo: r.receiptNo, invoiceNo: '', description: r.reference !== '' ? `${method} · ${r.reference}` : method, billedCents: 0, receivedCents: cents } });
    }
  }
  // Date order; on one day invoices before receipts, then as the sheets list them.
  ranked.sort((a, b) => (a.entry.date as number) - (b.entry.date as number) || (a.entry.billedCents !== 0 ? 0 : 1) - (b.entry.billedCents !== 0 ? 0 : 1) || a.rank - b.rank);
  for (const { acc, entry } of ranked) acc.entries.push(entry);
  return customerIds.map((id) => {
    const acc = out.get(id) as AccountPeriod;
    const closing = acc.entries.reduce((s, e) => s + e.billedCents - e.receivedCents, acc.openingCents);
    return { customerId: id, from, to, openingCents: acc.openingCents, entries: acc.entries, closingCents: closing };
  });
}

/** The customers that get a statement: those the settings name (known ones), else all with activity. */
export function statementCustomers(settings: Settings, periods: readonly AccountPeriod[]): string[] {
  if (settings.statementCustomers.length > 0) return periods.map((p) => p.customerId);
  return periods.filter((p) => p.entries.length > 0 || p.openingCents !== 0).slice(0, MAX_STATEMENTS).map((p) => p.customerId);
}

const money = (cents: number): OutCell => ({ money: centsToString(cents) });
const styled = (value: OutCell, style: CellStyle): OutCell => ({ value: value as Exclude<OutCell, { style: CellStyle }>, style });

/** The statement sheets for the run: one per chosen customer (or each with activity). */
export function statementSheets(parsed: ParsedWorkbook, credit: CreditReview, settings: Settings, asOf: Day): OwnedSheet[] {
  const from = statementFrom(settings, asOf);
  // A customer missing from the customers sheet (a mistyped Customer ID) gets its `unknown-customer`
  // finding, not a statement of account sent to nobody; without a customers sheet, every one is known.
  const listed = parsed.customers.some((t) => t.records.length > 0);
  const profiles = new Map(credit.profiles.filter((p) => !listed || p.record !== null).map((p) => [p.customerId, p]));
  const wanted = settings.statementCustomers.length > 0
    ? settings.statementCustomers.map((id) => id.trim()).filter((id) => profiles.has(id))
    : [...profiles.keys()];
  const periods = accountPeriods(parsed, [...new Set(wanted)], from, asOf, settings.lang);
  const chosen = new Set(statementCustomers(settings, periods));
  return periods.filter((p) => chosen.has(p.customerId)).map((p) => statementSheet(p, profiles.get(p.customerId) as CreditProfile, credit.bucketLabels, settings, asOf));
}

const COLS = 7;
const LAST = 'G';
const BOX: CellStyle = { border: 'box' };

/** One customer's statement. */
export function statementSheet(period: AccountPeriod, profile: CreditProfile, bucketLabels: readonly string[], settings: Settings, asOf: Day): OwnedSheet {
  const lang = settings.lang;
  const t = (text: Bilingual, params: Record<string, string> = {}): string => fmt(text, lang, params);
  const rows: OutCell[][] = [];
  const merges: string[] = [];
  const line = (cells: OutCell[], merge?: [string, string][]): number => {
    rows.push(cells);
    const r = rows.length;
    for (const [a, b] of merge ?? []) merges.push(`${a}${r}:${b}${r}`);
    return r;
  };
  const wide = (text: string, style: CellStyle = {}): number => line([styled(text, { align: 'center', ...style })], [['A', LAST]]);

  // Letterhead (甲方): our company.
  wide(settings.companyName !== '' ? settings.companyName : t(STATEMENT_TEXT.companyPlaceholder), { bold: true, size: 14 });
  const join = lang === 'zh' ? '　' : '  ·  ';
  const addr = [settings.companyAddress !== '' ? t(STATEMENT_TEXT.address, { value: settings.companyAddress }) : '', settings.companyTaxId !== '' ? t(STATEMENT_TEXT.taxId, { value: settings.companyTaxId }) : ''].filter((x) => x !== '');
  if (addr.length) wide(addr.join(join));
  const bank = [settings.companyBank !== '' ? t(STATEMENT_TEXT.bank, { value: settings.companyBank }) : '', settings.companyAccount !== '' ? t(STATEMENT_TEXT.account, { value: settings.companyAccount }) : ''].filter((x) => x !== '');
  if (bank.length) wide(bank.join(join));
  wide(t(STATEMENT_TEXT.title), { bold: true, size: 16 });
  // The customer (乙方), the period and the unit.
  const name = profile.name !== '' ? profile.name : profile.customerId;
  line([t(STATEMENT_TEXT.customer, { name, id: profile.customerId }), null, null, null, styled(t(STATEMENT_TEXT.period, { from: dayToISO(period.from), to: dayToISO(period.to) }), { align: 'right' })], [['A', 'D'], ['E', LAST]]);
  line([styled(t(STATEMENT_TEXT.unit), { align: 'right' })], [['A', LAST]]);

  const head: CellStyle = { bold: true, border: 'box', fill: 'D9E1F2', align: 'center', wrap: true };
  const headerRow = line([STATEMENT_TEXT.colDate, STATEMENT_TEXT.colDoc, STATEMENT_TEXT.colInvoice, STATEMENT_TEXT.colDescription, STATEMENT_TEXT.colBilled, STATEMENT_TEXT.colReceived, STATEMENT_TEXT.colBalance].map((h) => styled(t(h), head)));

  let balance = period.openingCents;
  line([styled({ date: period.from }, BOX), styled(null, BOX), styled(null, BOX), styled(t(STATEMENT_TEXT.opening), BOX), styled(null, BOX), styled(null, BOX), styled(money(balance), BOX)]);
  let billed = 0;
  let received = 0;
  for (const e of period.entries) {
    balance += e.billedCents - e.receivedCents;
    billed += e.billedCents;
    received += e.receivedCents;
    line([
      styled(e.date !== null ? { date: e.date } : null, BOX), styled(e.docNo, BOX), styled(e.invoiceNo, BOX), styled(e.description, BOX),
      styled(e.billedCents !== 0 ? money(e.billedCents) : null, BOX), styled(e.receivedCents !== 0 ? money(e.receivedCents) : null, BOX), styled(money(balance), BOX),
    ]);
  }
  const total: CellStyle = { bold: true, border: 'box' };
  line([styled(null, total), styled(null, total), styled(null, total), styled(t(STATEMENT_TEXT.totals), total), styled(money(billed), total), styled(money(received), total), styled(null, total)]);
  line([styled({ date: period.to }, total), styled(null, total), styled(null, total), styled(t(STATEMENT_TEXT.closing), total), styled(null, total), styled(null, total), styled(money(period.closingCents), { ...total, border: 'double-bottom' })]);
  if (lang === 'zh') {
    line([styled(t(STATEMENT_TEXT.capitals, { value: toChineseCapitals(new Decimal(period.closingCents).dividedBy(100)) }), { bold: true })], [['A', LAST]]);
  }

  // Aging strip of the closing balance, up to six buckets a row.
  line([]);
  line([styled(t(STATEMENT_TEXT.agingTitle, { date: dayToISO(asOf) }), { bold: true })], [['A', LAST]]);
  for (let k = 0; k < bucketLabels.length; k += COLS - 1) {
    const labels = bucketLabels.slice(k, k + COLS - 1);
    line([styled(t(STATEMENT_TEXT.agingBucket), head), ...labels.map((l) => styled(l === 'Current' ? t(STATEMENT_TEXT.current) : l, head))]);
    line([styled(t(STATEMENT_TEXT.agingAmount), BOX), ...labels.map((_, j) => styled(money(profile.agingCents[k + j]), BOX))]);
  }

  // Confirmation block: "agreed" on the left (A–C), "not agreed" on the right (E–G).
  line([]);
  line([t(STATEMENT_TEXT.confirmIntro)], [['A', LAST]]);
  line([t(STATEMENT_TEXT.confirmIntro2)], [['A', LAST]]);
  line([]);
  const boxHead: CellStyle = { bold: true, border: 'box', align: 'center', fill: 'F2F2F2' };
  line([styled(t(STATEMENT_TEXT.agreed), boxHead), null, null, null, styled(t(STATEMENT_TEXT.notAgreed), boxHead)], [['A', 'C'], ['E', LAST]]);
  for (let k = 0; k < 3; k++) line([styled(null, { border: 'box' }), null, null, null, styled(null, { border: 'box', unlocked: true })], [['A', 'C'], ['E', LAST]]);
  line([t(STATEMENT_TEXT.signature), null, null, null, t(STATEMENT_TEXT.signature)], [['A', 'C'], ['E', LAST]]);
  line([t(STATEMENT_TEXT.date), null, null, null, t(STATEMENT_TEXT.date)], [['A', 'C'], ['E', LAST]]);

  return {
    key: 'statement',
    name: ownedSheetName('statement', lang, profile.customerId),
    columns: [
      { header: t(STATEMENT_TEXT.colDate), format: 'date', width: 11 },
      { header: t(STATEMENT_TEXT.colDoc), format: 'text', width: 14 },
      { header: t(STATEMENT_TEXT.colInvoice), format: 'text', width: 12 },
      { header: t(STATEMENT_TEXT.colDescription), format: 'text', width: 34 },
      { header: t(STATEMENT_TEXT.colBilled), format: 'money', width: 14 },
      { header: t(STATEMENT_TEXT.colReceived), format: 'money', width: 14 },
      { header: t(STATEMENT_TEXT.colBalance), format: 'money', width: 15 },
    ],
    headerRow: false,
    rows,
    merges,
    freezeRows: 0,
    page: { paper: 'A4', orientation: 'portrait', fitToWidth: true, printTitleRows: { first: headerRow, last: headerRow }, footer: { center: t(STATEMENT_TEXT.footer) } },
  };
}
