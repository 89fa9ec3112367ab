import { appendRun, AuditEntry, AuditRow, auditHash, GENESIS, RunRecord, verifyAuditLog } from '../../../src/core/output/audit-log';
import { resolveSettings } from '../../../src/core/model/settings';
import { Review } from '../../../src/core/output/review';
import { sha256Hex } from '../../../src/core/model/sha256';

const run = (time: string, reviews: [string, Review][] = []): RunRecord => ({
  info: { time, user: 'tester', file: 'book.xlsx' }, asOf: '2024-03-31', settings: resolveSettings(),
  counts: { error: 1, warning: 2, info: 3, matches: 4, customers: 5 }, reviews: new Map(reviews),
});
const accepted: Review = { status: 'accepted', reviewer: 'Li Na', reviewedAt: '2024-04-01T09:00', comment: 'ok' };
const rows = (entries: AuditEntry[]): AuditRow[] => entries.map((entry, k) => ({ row: k + 3, entry }));

describe('the Audit Log chain', () => {
  const log = appendRun(appendRun(appendRun([], run('2024-04-01T08:00:00Z')), run('2024-04-01T10:00:00Z', [['f1', accepted]])), run('2024-04-02T08:00:00Z', [['f1', accepted]]));

  it('chains each row over the one before, from 64 zeros', () => {
    expect(log.map((e) => [e.seq, e.event, e.findingId])).toEqual([['1', 'run', ''], ['2', 'review', 'f1'], ['3', 'run', ''], ['4', 'run', '']]);
    const first = log[0];
    const fields = [first.seq, first.time, first.event, first.user, first.file, first.asOf, first.findingId, first.status, first.details, first.settingsHash];
    expect(first.hash).toBe(sha256Hex([GENESIS, ...fields].join('\u241f')));
    expect(log[1].hash).toBe(auditHash(log[0].hash, log[1]));
    expect(verifyAuditLog(rows(log))).toEqual({ ok: true, rows: 4 });
  });

  it('names the edited row', () => {
    const edited = log.map((e) => ({ ...e }));
    edited[1].details = 'changed';
    expect(verifyAuditLog(rows(edited))).toEqual({ ok: false, row: 4, seq: '2' });
  });

  it('names the row after a deleted one, and an inserted one', () => {
    expect(verifyAuditLog(rows([log[0], log[2], log[3]]))).toEqual({ ok: false, row: 4, seq: '3' });
    const forged = { ...log[1], seq: '9', hash: 'f'.repeat(64) };
    expect(verifyAuditLog(rows([log[0], forged, ...log.slice(1)]))).toEqual({ ok: false, row: 4, seq: '9' });
  });

  it('logs a decision again only when it changes', () => {
    const changed = appendRun(log, run('2024-04-03T08:00:00Z', [['f1', { ...accepted, comment: 'ok, paid' }]]));
    expect(changed.slice(4).map((e) => [e.event, e.details])).toEqual([['review', 'ok, paid'], ['run', expect.stringContaining('errors 1')]]);
  });
});
