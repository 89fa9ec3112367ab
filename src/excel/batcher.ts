import { AreaSeparator } from './addresses';

/**
 * Packs queued Excel work into as few `context.sync()` calls as fit Excel's payload limit. Excel on the
 * web refuses a request or a response above 5 MB (RequestPayloadSizeLimitExceeded); the adapter keeps
 * each under {@link PAYLOAD_BUDGET}, estimating sizes before it queues anything.
 */

/** Target size of one request and of one response, well under Excel's 5 MB and the design's 4 MB. */
export const PAYLOAD_BUDGET = 3_200_000;

/** Estimated bytes one queued operation costs beyond its data (object path, action, ids). */
export const OP_OVERHEAD = 300;

/** UTF-8 length of a string: what crosses the wire. */
export function utf8Length(s: string): number {
  // Most payloads are ASCII; the regex scan is native and far cheaper than the loop below.
  if (!/[^\x00-\x7f]/.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 length of a value's JSON. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

/** A piece of queued work: its estimated sizes, how to queue it (again), and what to do once it is in. */
interface Piece {
  request: number;
  response: number;
  queue: () => void;
  after?: () => void;
}

/**
 * Accumulates work for one request context and syncs when the next piece would not fit. A request Excel
 * refuses as too large (RequestPayloadSizeLimitExceeded: refused whole, nothing applied) is queued again
 * in halves, each half synced on its own, down to single pieces; so an estimate that falls short costs
 * syncs, never the write. Pieces must therefore queue the same work each time their `queue` runs.
 */
export class Batcher {
  /** What joins the areas of a `getRanges` address in this run (probed once per run, see list-separator.ts). */
  areaSeparator: AreaSeparator = ',';
  private pending: Piece[] = [];
  private request = 0;
  private response = 0;
  /** Syncs this batcher made. */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = PAYLOAD_BUDGET,
    private readonly onSync?: () => void,
  ) {}

  /**
   * Queues a piece of work costing about `requestBytes` to send and `responseBytes` to answer, syncing
   * what is pending first if it would not fit; `after` runs once the sync carrying it has succeeded.
   */
  async add(requestBytes: number, responseBytes: number, queue: () => void, after?: () => void): Promise<void> {
    if (this.pending.length > 0 && (this.request + requestBytes > this.budget || this.response + responseBytes > this.budget)) await this.flush();
    queue();
    this.pending.push({ request: requestBytes, response: responseBytes, queue, after });
    this.request += requestBytes;
    this.response += responseBytes;
  }

  /** Syncs whatever is pending (nothing to do when nothing is). */
  async flush(): Promise<void> {
    const pieces = this.pending;
    this.pending = [];
    this.request = 0;
    this.response = 0;
    if (pieces.length > 0) await this.send(pieces);
  }

  /** Syncs pieces already queued; when Excel refuses the request as too large, sends them again in halves. */
  private async send(pieces: readonly Piece[]): Promise<void> {
    try {
      await this.context.sync();
    } catch (e) {
      if (!isRequestTooLarge(e) || pieces.length === 1) throw e;
      const mid = pieces.length >> 1;
      for (const half of [pieces.slice(0, mid), pieces.slice(mid)]) {
        half.forEach((p) => p.queue());
        await this.send(half);
      }
      return;
    }
    this.syncs++;
    this.onSync?.();
    pieces.forEach((p) => p.after?.());
  }
}

/** True when Excel refused a request for its size before applying any of it. */
export function isRequestTooLarge(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'RequestPayloadSizeLimitExceeded';
}

/** One read: its estimated request and response bytes, and `queue`, which queues the loads and returns what to do with them after the sync. */
export interface ReadTask {
  request: number;
  response: number;
  queue(): () => void;
}

/** True for the errors Excel raises when a request, a response or a read is too large. */
export function isTooLarge(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}

/**
 * Runs reads packed into as few syncs as the estimates allow. Reads change nothing, so a batch Excel
 * refuses as too large is simply run again in halves.
 */
export async function runReads(context: Excel.RequestContext, tasks: readonly ReadTask[], budget = PAYLOAD_BUDGET): Promise<number> {
  const retry: ReadTask[][] = [];
  let next = 0;
  let syncs = 0;
  const nextBatch = (): ReadTask[] => {
    const again = retry.shift();
    if (again) return again;
    const batch: ReadTask[] = [];
    let request = 0;
    let response = 0;
    while (next < tasks.length) {
      const t = tasks[next];
      if (batch.length > 0 && (request + t.request > budget || response + t.response > budget)) break;
      batch.push(t);
      request += t.request;
      response += t.response;
      next++;
    }
    return batch;
  };
  for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
    const collect = batch.map((t) => t.queue());
    try {
      await context.sync();
      syncs++;
    } catch (e) {
      if (!isTooLarge(e) || batch.length === 1) throw e;
      const mid = batch.length >> 1;
      retry.unshift(batch.slice(0, mid), batch.slice(mid));
      continue;
    }
    collect.forEach((c) => c());
  }
  return syncs;
}
