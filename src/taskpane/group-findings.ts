import { Finding, Severity } from '../core/model/findings';

/** Findings of one code on one sheet, in reading order. */
export interface CodeGroup {
  code: string;
  /** The worst severity in the group, for its badge. */
  severity: Severity;
  findings: Finding[];
}

/** Findings of one sheet, grouped by code. */
export interface SheetGroup {
  sheet: string;
  total: number;
  counts: Record<Severity, number>;
  codes: CodeGroup[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Groups findings by sheet, then by code, for the task pane's tree. Sheets keep the order their first
 * finding appears in (the engine sorts by sheet, row, column); codes within a sheet come worst severity
 * first, then by how many findings they have, so the most pressing group is on top.
 */
export function groupFindings(findings: readonly Finding[]): SheetGroup[] {
  const sheets = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    let codes = sheets.get(f.sheet);
    if (!codes) sheets.set(f.sheet, (codes = new Map()));
    const list = codes.get(f.code);
    if (list) list.push(f);
    else codes.set(f.code, [f]);
  }
  const out: SheetGroup[] = [];
  for (const [sheet, codes] of sheets) {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    const groups: CodeGroup[] = [];
    for (const [code, list] of codes) {
      let severity: Severity = 'info';
      for (const f of list) {
        counts[f.severity]++;
        if (RANK[f.severity] < RANK[severity]) severity = f.severity;
      }
      groups.push({ code, severity, findings: list });
    }
    groups.sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.findings.length - a.findings.length || (a.code < b.code ? -1 : 1));
    out.push({ sheet, total: counts.error + counts.warning + counts.info, counts, codes: groups });
  }
  return out;
}
