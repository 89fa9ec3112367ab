import { Day } from './dates';
import { Finding } from './findings';
import { ParsedWorkbook } from './records';
import { Settings } from './settings';

/** Runs every validation rule of DESIGN.md over the typed records. Placeholder until the rules land. */
export function validateWorkbook(_parsed: ParsedWorkbook, _settings: Settings, _asOf: Day): Finding[] {
  return [];
}
