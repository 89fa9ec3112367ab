/**
 * Generates the sample workbook's source data in assets/sample/*.csv: a quarter of sales for a small
 * wholesaler (40 customers, ~430 invoice lines, receipts, three customer statements), then plants the
 * deliberate mistakes listed in assets/sample/README.md. Seeded, so every run writes the same files.
 *
 *   npx tsx scripts/sample-data.ts        # rewrite the CSVs
 *
 * The CSVs are the committed source; scripts/build-sample.ts turns them into the .xlsx.
 */
import Decimal from 'decimal.js';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { Day, dayFromISO, dayToISO, endOfMonth } from '../src/core/model/dates';
import { orgCodeCheckChar, usccCheckChar } from '../src/core/validation/tax-id';
import { prng } from '../test/support/prng';

const OUT = path.join(__dirname, '..', 'assets', 'sample');
const AS_OF = dayFromISO('2024-03-31') as Day;
const START = dayFromISO('2024-01-02') as Day;

const rand = prng(20240331);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const money = (d: Decimal): string => d.toFixed(2);
const cents = (d: Decimal): Decimal => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

// ---------------------------------------------------------------- customers
const NAMES = [
  'Shanghai Hengda Trading Co., Ltd.', 'Blue River Industrial Supply', 'Suzhou Jinhai Electrical Co., Ltd.',
  'Ningbo Oriental Hardware', 'Hangzhou Greenfield Building Materials', '广州华南五金机电有限公司', 'Qingdao Harbour Engineering',
  'Wuxi Precision Tools Co., Ltd.', '深圳市鹏程电气设备有限公司', 'Nanjing Everbright Construction', 'Tianjin Northstar Pipes',
  'Xiamen Seaview Facilities', '成都天府建材贸易有限公司', 'Wuhan Riverside Mechanical', 'Changzhou Sunrise Automation',
  'Hefei Lakeside Electric', 'Dongguan Pearl Fasteners', '苏州工业园区恒通物资有限公司', 'Foshan Dragon Valve Works',
  'Zhengzhou Central Plains HVAC', "Xi'an Silk Road Equipment", '杭州西湖智能科技有限公司', 'Jinan Springs Pump Co.',
  'Shenyang Northeast Steel Trading', 'Kunming Spring City Builders', '厦门鹭岛机电工程有限公司', 'Changsha Xiangjiang Cables',
  'Fuzhou Minjiang Installations', 'Nantong Yangtze Marine Supply', '宁波港城五金制品有限公司', 'Dalian Bayside Logistics',
  'Shijiazhuang Hebei Power Parts', 'Taiyuan Jinyang Mining Supply', '南京紫金电力工程有限公司', 'Guiyang Highland Plumbing',
  'Nanning Green City Projects', 'Yantai Coastal Machinery', '重庆山城建设工程有限公司', 'Harbin Ice City Heating', 'Lanzhou Yellow River Works',
];
const REGIONS = ['East', 'South', 'North', 'Central', 'West'];
const REPS = ['Zhang Wei', 'Li Na', 'Wang Fang', 'Chen Jie', 'Liu Yang'];
const TERMS = ['Net 30', 'Net 45', 'Net 60', '月结30天', 'EOM 30', '30天', 'COD', 'Net 30'];
const AREA_CODES = ['310000', '320500', '330200', '440100', '440300', '510100', '420100', '370200'];

function uscc(i: number): string {
  const body = `${String(60000000 + i * 7919).slice(0, 8)}`;
  const org = body + (orgCodeCheckChar(body) as string);
  const first17 = `91${AREA_CODES[i % AREA_CODES.length]}${org}`;
  return first17 + (usccCheckChar(first17) as string);
}

interface Customer {
  id: string; name: string; taxId: string; limit: Decimal; terms: string; rating: string; status: string;
  contact: string; email: string; rep: string; region: string;
}

function termsDays(terms: string, day: Day): Day {
  if (terms === 'COD') return day;
  const days = Number(/\d+/.exec(terms)?.[0] ?? '0');
  return (terms.startsWith('EOM') || terms.startsWith('月结') ? endOfMonth(day) : day) + days;
}

const customers: Customer[] = NAMES.map((name, i) => {
  const id = `C${String(i + 1).padStart(3, '0')}`;
  return {
    id,
    name,
    taxId: uscc(i + 1),
    limit: new Decimal(between(10, 80) * 10000),
    terms: TERMS[i % TERMS.length],
    rating: i % 5 === 4 ? '' : pick(['A', 'A', 'B', 'B', 'C']),
    status: 'Active',
    contact: pick(['Ms. Zhou', 'Mr. Huang', 'Ms. Xu', 'Mr. Sun', 'Ms. Ma', 'Mr. Zhu']),
    email: `ap${i + 1}@customer${i + 1}.example.cn`,
    rep: REPS[i % REPS.length],
    region: REGIONS[i % REGIONS.length],
  };
});

// ---------------------------------------------------------------- products
const PRODUCTS: { name: string; category: string; price: string; rate: string }[] = [
  { name: 'Steel Pipe DN50', category: 'Pipes', price: '86.50', rate: '0.13' },
  { name: 'Steel Pipe DN100', category: 'Pipes', price: '172.00', rate: '0.13' },
  { name: 'PPR Pipe 32mm', category: 'Pipes', price: '18.40', rate: '0.13' },
  { name: 'Copper Cable 4mm²', category: 'Cables', price: '7.85', rate: '0.13' },
  { name: 'Copper Cable 10mm²', category: 'Cables', price: '19.60', rate: '0.13' },
  { name: 'Gate Valve DN80', category: 'Valves', price: '465.00', rate: '0.13' },
  { name: 'Ball Valve DN25', category: 'Valves', price: '58.20', rate: '0.13' },
  { name: 'Circuit Breaker 63A', category: 'Electrical', price: '132.80', rate: '0.13' },
  { name: 'Distribution Box 12-way', category: 'Electrical', price: '688.00', rate: '0.13' },
  { name: 'Hex Bolt M12 (box of 100)', category: 'Fasteners', price: '45.90', rate: '0.13' },
  { name: 'Anchor Bolt M16 (box of 50)', category: 'Fasteners', price: '96.00', rate: '0.13' },
  { name: 'Centrifugal Pump 2.2kW', category: 'Pumps', price: '2380.00', rate: '0.13' },
  { name: 'Installation Service (per day)', category: 'Services', price: '1200.00', rate: '0.06' },
  { name: 'Freight (per delivery)', category: 'Services', price: '350.00', rate: '0.09' },
];

// ---------------------------------------------------------------- sales
interface Sale {
  date: Day; docNo: string; invoiceNo: string; customerId: string; customerName: string; product: string; category: string;
  quantity: string; unitPrice: string; amount: string; taxRate: string; tax: string; total: string; dueDate: Day | null; rep: string;
}

const sales: Sale[] = [];
// The three customers with statements buy often; the rest now and then.
const weighted = [...customers.slice(0, 3).flatMap((c) => [c, c, c, c, c, c]), ...customers];
for (let day = START, seq = 1; day <= AS_OF - 2; day++) {
  const weekday = (day + 6) % 7; // serial 1 (1900-01-01) was a Monday; 0 = Monday here
  if (weekday >= 5) continue;
  const lines = between(5, 9);
  for (let k = 0; k < lines; k++, seq++) {
    const c = pick(weighted);
    const p = pick(PRODUCTS);
    const qty = p.category === 'Services' ? between(1, 5) : p.category === 'Pumps' ? between(1, 4) : between(10, 220);
    const amount = new Decimal(p.price).times(qty);
    const tax = cents(amount.times(p.rate));
    sales.push({
      date: day,
      docNo: `SO24-${String(seq).padStart(4, '0')}`,
      invoiceNo: String(44010000 + seq * 3),
      customerId: c.id,
      customerName: c.name,
      product: p.name,
      category: p.category,
      quantity: String(qty),
      unitPrice: p.price,
      amount: money(amount),
      taxRate: `${new Decimal(p.rate).times(100).toFixed(0)}%`,
      tax: money(tax),
      total: money(amount.plus(tax)),
      dueDate: rand() < 0.7 ? termsDays(c.terms, day) : null,
      rep: c.rep,
    });
  }
}

// ---------------------------------------------------------------- planted mistakes (see README.md)
const statementCustomers = ['C001', 'C002', 'C003'];
const salesOf = (id: string): Sale[] => sales.filter((s) => s.customerId === id);
const unpaid = (id: string): Sale[] => salesOf(id).filter((s) => !paidBy.has(s.docNo));

/** Notes the planted mistakes as they are made, for the README. */
const planted: string[] = [];

/** The first sale at or after index `i` of a customer without a statement, so a planted mistake stays one mistake. */
function nth(i: number): Sale {
  for (let k = i; k < sales.length; k++) if (!statementCustomers.includes(sales[k].customerId)) return sales[k];
  throw new Error(`no sale after ${i}`);
}

// Validation mistakes on our sales, customers and receipts.
{
  const s = nth(40);
  s.amount = money(new Decimal(s.amount).plus(100));
  // Tax and Total follow the wrong Amount, so the Amount is the only thing wrong.
  s.tax = money(cents(new Decimal(s.amount).times(new Decimal(s.taxRate.replace('%', '')).div(100))));
  s.total = money(new Decimal(s.amount).plus(s.tax));
  planted.push(`amount-calc: ${s.docNo} Amount is Quantity × Unit Price + 100.00`);
}
{
  const s = nth(75);
  s.tax = money(new Decimal(s.tax).plus(9));
  s.total = money(new Decimal(s.amount).plus(s.tax));
  planted.push(`tax-calc: ${s.docNo} Tax is 9.00 more than Amount × Tax Rate`);
}
{
  const s = nth(110);
  s.total = money(new Decimal(s.total).minus(10));
  planted.push(`total-calc: ${s.docNo} Total is 10.00 less than Amount + Tax`);
}
{
  const s = nth(150);
  planted.push(`required: ${s.docNo} has no Customer ID (was ${s.customerId})`);
  s.customerId = '';
}
{
  const s = nth(190);
  planted.push(`unknown-customer: ${s.docNo} is sold to C099, who is not in Customers`);
  s.customerId = 'C099';
  s.customerName = 'Unknown Buyer Ltd';
}
{
  const s = nth(230);
  s.dueDate = s.date - 5;
  planted.push(`date-order: ${s.docNo} Due Date ${dayToISO(s.dueDate)} is before its Date ${dayToISO(s.date)}`);
}
{
  const dup = nth(260);
  const s = nth(sales.indexOf(dup) + 1);
  planted.push(`duplicate: ${s.docNo} reuses Document No ${dup.docNo}`);
  s.docNo = dup.docNo;
}
{
  const s = sales.find((x, i) => i > 280 && x.customerId === 'C010') as Sale;
  s.customerName = 'Nanjing Everbright Constructions';
  planted.push(`name-mismatch: ${s.docNo} Customer Name "${s.customerName}" differs from Customers`);
}
{
  const s = sales.find((x, i) => i > 300 && x.taxRate === '13%' && !statementCustomers.includes(x.customerId)) as Sale;
  s.taxRate = '15%';
  s.tax = money(cents(new Decimal(s.amount).times('0.15')));
  s.total = money(new Decimal(s.amount).plus(s.tax));
  planted.push(`list: ${s.docNo} Tax Rate 15% is not an allowed rate`);
}

// ---------------------------------------------------------------- receipts
interface Receipt { date: Day; receiptNo: string; customerId: string; amount: string; method: string; reference: string }
const receipts: Receipt[] = [];
const METHODS = ['Bank transfer', 'Bank transfer', 'Bank transfer', 'Bank acceptance bill', 'Cash'];
const paidBy = new Map<string, string>();
for (const s of sales) {
  // A sale to no known customer was never paid for.
  const c = customers.find((x) => x.id === s.customerId);
  if (!c) continue;
  const due = s.dueDate ?? termsDays(c.terms, s.date);
  const payDay = Math.max(s.date + 1, due + between(-5, 6));
  if (payDay > AS_OF - 1 || rand() < 0.12) continue;
  const ref = rand() < 0.55 ? `INV ${s.invoiceNo}` : rand() < 0.6 ? `Payment ${s.docNo}` : '';
  receipts.push({ date: payDay, receiptNo: '', customerId: s.customerId, amount: s.total, method: pick(METHODS), reference: ref });
  paidBy.set(s.docNo, ref);
}

// Two invoices of C003 paid by one receipt naming both.
const [p1, p2] = unpaid('C003').filter((s) => s.date < AS_OF - 45);
receipts.push({ date: p2.date + 35, receiptNo: '', customerId: 'C003', amount: money(new Decimal(p1.total).plus(p2.total)), method: 'Bank transfer', reference: `INV ${p1.invoiceNo} + ${p2.invoiceNo}` });
paidBy.set(p1.docNo, 'group');
paidBy.set(p2.docNo, 'group');
// Two invoices of C002 paid by one receipt that names neither (found by the sum).
const [q1, q2] = unpaid('C002').filter((s) => s.date < AS_OF - 40);
receipts.push({ date: q2.date + 30, receiptNo: '', customerId: 'C002', amount: money(new Decimal(q1.total).plus(q2.total)), method: 'Bank transfer', reference: '' });
paidBy.set(q1.docNo, 'group');
paidBy.set(q2.docNo, 'group');

receipts.sort((a, b) => a.date - b.date || a.customerId.localeCompare(b.customerId));
receipts.forEach((r, i) => (r.receiptNo = `RC24-${String(i + 1).padStart(4, '0')}`));

// ---------------------------------------------------------------- statements (their side)
interface StatementLine { customerId: string; date: Day | null; reference: string; description: string; billed: string; paid: string; balance: string }

function statementFor(id: string, lang: 'en' | 'zh'): StatementLine[] {
  const items: { date: Day; reference: string; description: string; billed: Decimal | null; paid: Decimal | null }[] = [];
  for (const s of salesOf(id)) items.push({ date: s.date + (rand() < 0.05 ? between(1, 3) : 0), reference: s.invoiceNo, description: lang === 'zh' ? `发票 ${s.docNo}` : `Invoice ${s.docNo}`, billed: new Decimal(s.total), paid: null });
  for (const r of receipts.filter((x) => x.customerId === id)) {
    items.push({ date: r.date + (rand() < 0.05 ? 1 : 0), reference: '', description: lang === 'zh' ? '付款' : 'Payment', billed: null, paid: new Decimal(r.amount) });
  }
  items.sort((a, b) => a.date - b.date || (a.billed ? -1 : 1));
  return items.map((it) => ({ customerId: id, date: it.date, reference: it.reference, description: it.description, billed: it.billed ? money(it.billed) : '', paid: it.paid ? money(it.paid) : '', balance: '' }));
}

const statements = new Map<string, StatementLine[]>(statementCustomers.map((id, i) => [id, statementFor(id, i === 1 ? 'zh' : 'en')]));

{
  const c = customers[11];
  const last = c.taxId[17];
  c.taxId = c.taxId.slice(0, 17) + (last === 'A' ? 'B' : 'A');
  planted.push(`tax-id: ${c.id} Tax ID ${c.taxId} has a wrong check character`);
}
{
  const c = customers[16];
  c.status = 'On Hold';
  const s = sales.filter((x) => x.customerId === c.id).pop() as Sale;
  planted.push(`customer-on-hold: ${c.id} is On Hold and ${s.docNo} was still sold to them`);
}
{
  const c = customers[4];
  c.limit = new Decimal(30000);
  planted.push(`over-limit / credit-limit-exceeded: ${c.id} has a 30,000.00 credit limit, far below what it owes`);
}
{
  const r = receipts.find((x) => x.customerId === 'C020') as Receipt;
  r.amount = money(new Decimal(r.amount).negated());
  planted.push(`range: receipt ${r.receiptNo} has a negative amount`);
}

// Reconciliation mistakes on the customers' statements.
{
  const lines = statements.get('C001') as StatementLine[];
  const s = salesOf('C001').filter((x) => x.date > AS_OF - 20)[0];
  const i = lines.findIndex((l) => l.reference === s.invoiceNo);
  lines.splice(i, 1);
  planted.push(`unmatched-ours: C001's statement leaves out invoice ${s.invoiceNo} (${s.docNo}, ${s.total})`);
}
{
  const lines = statements.get('C001') as StatementLine[];
  const s = salesOf('C001')[8];
  const l = lines.find((x) => x.reference === s.invoiceNo) as StatementLine;
  l.billed = money(new Decimal(l.billed).minus(50));
  planted.push(`amount-diff: C001 billed ${l.billed} for invoice ${s.invoiceNo}; we invoiced ${s.total}`);
}
{
  const lines = statements.get('C001') as StatementLine[];
  const s = salesOf('C001')[14];
  const l = lines.find((x) => x.reference === s.invoiceNo) as StatementLine;
  const r = l.reference;
  // One digit mistyped (a swap would keep the digit sum and could hit another real invoice number).
  const known = new Set(sales.map((x) => x.invoiceNo));
  for (let k = 1; k < 10; k++) {
    const typo = r.slice(0, 7) + String((Number(r[7]) + k) % 10);
    if (!known.has(typo)) {
      l.reference = typo;
      break;
    }
  }
  planted.push(`near reference: C001 wrote ${l.reference} for our invoice ${r} (last digit mistyped); matched by the near-reference pass`);
}
{
  const lines = statements.get('C002') as StatementLine[];
  const day = AS_OF - 9;
  lines.push({ customerId: 'C002', date: day, reference: 'TT-0309', description: '付款（电汇）', billed: '', paid: '8000.00', balance: '' });
  planted.push(`unmatched-theirs: C002 records a payment of 8,000.00 on ${dayToISO(day)} that we never received`);
}
planted.push(`one receipt, two invoices: C003 paid ${p1.invoiceNo} and ${p2.invoiceNo} with one receipt naming both`);
planted.push(`one receipt, two invoices: C002 paid ${q1.docNo} and ${q2.docNo} with one receipt naming neither (found by the sum)`);
{
  const lines = statements.get('C003') as StatementLine[];
  const s = salesOf('C003').filter((x) => x.date > AS_OF - 30)[1];
  const l = lines.find((x) => x.reference === s.invoiceNo) as StatementLine;
  lines.push({ ...l });
  planted.push(`duplicate-entry: C003's statement lists invoice ${s.invoiceNo} twice`);
}

// Running balances from an opening balance of zero; the opening row comes first.
for (const [id, lines] of statements) {
  lines.sort((a, b) => (a.date as Day) - (b.date as Day) || (a.billed ? -1 : 1));
  let bal = new Decimal(0);
  for (const l of lines) {
    bal = bal.plus(l.billed || 0).minus(l.paid || 0);
    l.balance = money(bal);
  }
  const zh = id === 'C002';
  lines.unshift({ customerId: id, date: START - 1, reference: '', description: zh ? '期初余额' : 'Opening balance', billed: '', paid: '', balance: '0.00' });
}
{
  const lines = statements.get('C003') as StatementLine[];
  const l = lines[Math.floor(lines.length / 2)];
  l.balance = money(new Decimal(l.balance).plus(1000));
  planted.push(`balance-calc: C003's statement balance on ${dayToISO(l.date as Day)} is 1,000.00 off its running total`);
}

// ---------------------------------------------------------------- write
function csv(rows: (string | number)[][]): string {
  const cell = (v: string | number): string => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
const iso = (d: Day | null): string => (d === null ? '' : dayToISO(d));

writeFileSync(path.join(OUT, 'customers.csv'), csv([
  ['Customer ID', 'Customer Name', 'Tax ID', 'Credit Limit', 'Payment Terms', 'Credit Rating', 'Status', 'Contact', 'Email', 'Sales Rep', 'Region'],
  ...customers.map((c) => [c.id, c.name, c.taxId, money(c.limit), c.terms, c.rating, c.status, c.contact, c.email, c.rep, c.region]),
]));
writeFileSync(path.join(OUT, 'sales.csv'), csv([
  ['Date', 'Document No', 'Invoice No', 'Customer ID', 'Customer Name', 'Product', 'Category', 'Quantity', 'Unit Price', 'Amount', 'Tax Rate', 'Tax', 'Total', 'Due Date', 'Sales Rep'],
  ...sales.map((s) => [iso(s.date), s.docNo, s.invoiceNo, s.customerId, s.customerName, s.product, s.category, s.quantity, s.unitPrice, s.amount, s.taxRate, s.tax, s.total, iso(s.dueDate), s.rep]),
]));
writeFileSync(path.join(OUT, 'receipts.csv'), csv([
  ['Date', 'Receipt No', 'Customer ID', 'Amount', 'Method', 'Reference'],
  ...receipts.map((r) => [iso(r.date), r.receiptNo, r.customerId, r.amount, r.method, r.reference]),
]));
for (const [id, lines] of statements) {
  const zh = id === 'C002';
  const header = zh ? ['客户编号', '日期', '单据号', '摘要', '应收金额', '已付金额', '余额'] : ['Customer ID', 'Date', 'Reference', 'Description', 'Billed', 'Paid', 'Balance'];
  writeFileSync(path.join(OUT, `statement-${id}.csv`), csv([header, ...lines.map((l) => [l.customerId, iso(l.date), l.reference, l.description, l.billed, l.paid, l.balance])]));
}
console.log(`customers ${customers.length}, sales ${sales.length}, receipts ${receipts.length}, statements ${[...statements.values()].map((l) => l.length).join('/')}`);
for (const p of planted) console.log(`- ${p}`);
