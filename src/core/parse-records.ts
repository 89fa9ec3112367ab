import { SheetGrid } from './cells';
import { Finding } from './findings';
import { ParsedWorkbook } from './records';
import { Settings } from './settings';
import { SheetMapping } from './templates';

/**
 * Reads every mapped sheet into typed records, keeping each record's sheet and row. Cells that cannot be
 * read as their field's type become `type` findings (and null fields), never exceptions.
 * Placeholder until the templates land.
 */
export function parseTables(_sheets: SheetGrid[], _mappings: SheetMapping[], _settings: Settings): { parsed: ParsedWorkbook; findings: Finding[] } {
  return { parsed: { customers: [], sales: [], receipts: [], statements: [] }, findings: [] };
}
