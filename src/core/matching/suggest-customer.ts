import { cellAddress } from '../model/cells';
import { Finding } from '../model/findings';
import { Lang } from '../model/i18n';
import { CustomerRecord, SaleRecord, Table } from '../model/records';
import { MatchReport } from '../output/report';
import { comparableName } from '../validation/validation-customers';
import { rawCentsOf, saleGrossRaw } from './match-amounts';
import { cellOf, CustomerOrdinals, RecItem, rowRef, SaleKeyCache } from './match-items';
import { MatchOutcome } from './match-types';
import { MESSAGES, REASONS, say } from './matching-messages';

/**
 * A likely customer for a sale whose Customer ID is unknown or blank: the one statement line, among
 * those left unmatched, that carries the sale's invoice or document number and its amount, when the
 * names do not disagree. It is offered (`suggested`), never linked: the sale stays out of every balance
 * until someone corrects the ID, and its finding names the customer so they know what to type.
 */

/** One suggestion: the sale, the statement line, and the customer the line belongs to. */
export interface CustomerSuggestion {
  sheet: string;
  row: number;
  /** A1 address of the sale's Customer ID cell, where its finding is. */
  idCell: string;
  customerId: string;
  customerName: string;
  /** Index of the statement line among the billed items. */
  theirs: number;
  /** "Sheet!A1" of the statement line. */
  where: string;
  match: MatchReport;
}

/** Inputs of {@link suggestCustomers}. */
export interface SuggestInput {
  sales: readonly Table<SaleRecord, 'sales'>[];
  saleKeys: SaleKeyCache;
  customers: CustomerOrdinals;
  customerRecords: ReadonlyMap<number, CustomerRecord>;
  billed: readonly RecItem[];
  outcome: MatchOutcome;
  asOf: number;
  lang: Lang;
}

/** The suggestions of one run, at most one per sale and per statement line. */
export function suggestCustomers(input: SuggestInput): CustomerSuggestion[] {
  const { billed, customers } = input;
  // Statement lines nobody matched, by reference key.
  const open = new Map<string, number[]>();
  for (const step of input.outcome.steps) {
    for (const link of step.links) {
      if (link.kind !== 'unmatched') continue;
      for (const t of link.theirs) {
        for (const key of billed[t].refs) {
          const list = open.get(key);
          if (list) list.push(t);
          else open.set(key, [t]);
        }
      }
    }
  }
  if (open.size === 0) return [];
  const found: { sale: SaleRecord; sheet: string; idCell: string; theirs: number }[] = [];
  for (let ti = 0; ti < input.sales.length; ti++) {
    const table = input.sales[ti];
    // Rows of one customer usually come together: a known ID repeated needs no lookup (this runs per sale).
    let knownId: string | null = null;
    for (let ri = 0; ri < table.records.length; ri++) {
      const sale = table.records[ri];
      if (sale.customerId === knownId) continue;
      const id = sale.customerId.trim();
      if (id !== '' && customers.find(id) >= 0) {
        knownId = sale.customerId;
        continue;
      }
      if (sale.date !== null && sale.date > input.asOf) continue;
      const gross = saleGrossRaw(sale);
      if (gross === null) continue;
      const { cents, exact } = rawCentsOf(gross);
      if (!exact || cents === 0) continue;
      let candidate = -1;
      let count = 0;
      for (const key of input.saleKeys.get(ti, ri)) {
        for (const t of open.get(key) ?? []) {
          if (t === candidate || !billed[t].exact || billed[t].cents !== cents) continue;
          candidate = t;
          count++;
        }
      }
      if (count !== 1) continue;
      const record = input.customerRecords.get(billed[candidate].cust);
      const name = sale.customerName.trim();
      if (name !== '' && record && record.customerName.trim() !== '' && comparableName(name) !== comparableName(record.customerName)) continue;
      const idColumn = (table.mapping.columns as Partial<Record<string, number>>).customerId ?? 0;
      found.push({ sale, sheet: table.mapping.sheet, idCell: cellAddress(sale.row, idColumn), theirs: candidate });
    }
  }
  // A line two sales point to suggests neither.
  const perLine = new Map<number, number>();
  for (const f of found) perLine.set(f.theirs, (perLine.get(f.theirs) ?? 0) + 1);
  const out: CustomerSuggestion[] = [];
  for (const f of found) {
    if (perLine.get(f.theirs) !== 1) continue;
    const line = billed[f.theirs];
    const customerId = customers.ids[line.cust];
    const customerName = input.customerRecords.get(line.cust)?.customerName ?? '';
    const where = `${line.table.sheet}!${cellOf(line, 'reference')}`;
    out.push({
      sheet: f.sheet, row: f.sale.row, idCell: f.idCell, customerId, customerName, theirs: f.theirs, where,
      match: {
        pair: 'sales~statement', pass: 'suggested-customer', status: 'suggested', ours: [`${f.sheet}!${f.sale.row}`], theirs: [rowRef(line)],
        difference: '0.00', reason: say(REASONS.suggestedCustomer, input.lang, { customer: customerId, where }), suggestedCustomer: customerId,
      },
    });
  }
  return out;
}

/**
 * Names the likely customer in the finding on the sale's Customer ID cell (`unknown-customer`, or
 * `required` when it is blank), so the user learns which ID to type.
 */
export function nameSuggestedCustomers(findings: Finding[], suggestions: readonly CustomerSuggestion[], lang: Lang): void {
  if (suggestions.length === 0) return;
  const byCell = new Map<string, CustomerSuggestion>();
  for (const s of suggestions) byCell.set(`${s.sheet}!${s.idCell}`, s);
  for (const f of findings) {
    if (f.code !== 'unknown-customer' && f.code !== 'required') continue;
    const s = byCell.get(`${f.sheet}!${f.cell}`);
    if (!s) continue;
    f.message += ' ' + say(MESSAGES.likelyCustomer, lang, { customer: s.customerId, name: s.customerName || '—', where: s.where });
  }
}
