import { AreaSeparator } from './addresses';

/**
 * Packs queued Excel work into as few `context.sync()` calls as fit Excel's payload limit. Excel on the
 * web refuses a request or a response above 5 MB (RequestPayloadSizeLimitExceeded); the adapter keeps
 * each under {@link PAYLOAD_BUDGET}, estimating sizes before it queues anything.
 */

/** Target size of one request and of one response, well under Excel's 5 MB and the design's 4 MB. */
export const PAYLOAD_BUDGET = 3_200_000;

/*
 * What a request costs, as office.js's request builder writes it (see test/fake-excel/request-body.ts and
 * the calibration in test/excel/request-costs.test.ts, which holds these figures to what office.js and the
 * fake serialise): `{"Actions":[...],"ObjectPaths":{...}}`, where every proxy an operation goes through is
 * an object path sent once per request with an "instantiate" action, and every operation is one more
 * action. Ids come from one counter per request context and grow through a run; the figures allow ids of
 * up to 8 digits (100 million objects and actions in one Excel.run, far beyond any workbook Excel opens).
 */

/**
 * Bytes of one object path beyond the JSON of its arguments: the path (id, type, a name of up to 20
 * characters, its parent's id), its instantiate action, and its id in a last-use list. A method path with
 * arguments ("GetRangeByIndexes") costs about 200 with 8-digit ids, a property path ("Format") about 175.
 */
export const PATH_BYTES = 220;

/** Bytes of one action (set a property, call a method, load) beyond the JSON of its arguments. */
export const ACTION_BYTES = 125;

/**
 * Bytes every request carries whatever it holds: its frame, and the paths of the workbook, its worksheet
 * and comment collections and the runtime, which any request may go through and which are sent again in
 * each one.
 */
export const REQUEST_BYTES = 4 * PATH_BYTES + 200;

/**
 * Estimated request bytes of an operation that goes through `paths` new object paths and makes `actions`
 * actions, with `data` bytes of arguments (JSON, see {@link jsonBytes}).
 */
export function opBytes(paths: number, actions: number, data = 0): number {
  return paths * PATH_BYTES + actions * ACTION_BYTES + data;
}

/**
 * A proxy several operations go through, made once (a worksheet fetched before a loop over its cells):
 * office.js sends its path (and its ancestors' not already counted) once in each request that uses it,
 * so a batcher charges its `bytes` once per request that a piece naming it is in.
 */
export interface SharedProxy<T> {
  /** What its paths cost a request (see {@link opBytes}). */
  readonly bytes: number;
  /** The proxy. Call only inside the `queue` of a piece (or read) that names it, which pays for it. */
  get(): T;
}

/**
 * A shared proxy made by `make` on first use, inside the first operation that uses it, so its path
 * never lands in an earlier request than the one that pays for it.
 */
export function sharedProxy<T>(make: () => T, bytes: number): SharedProxy<T> {
  let proxy: T | undefined;
  return {
    bytes,
    get: () => {
      if (proxy === undefined) proxy = make();
      return proxy;
    },
  };
}

/** A worksheet fetched by name once for several operations (its path: one indexer on the worksheet collection). */
export function sheetProxy(context: Excel.RequestContext, name: string): SharedProxy<Excel.Worksheet> {
  return sharedProxy(() => context.workbook.worksheets.getItem(name), opBytes(1, 0, jsonBytes(name)));
}

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

/** What a piece of work is estimated to cost. */
export interface PieceCost {
  /** Request bytes of its own operations (see {@link opBytes}). */
  request: number;
  /** Response bytes (0 when omitted: writes answer nothing of size). */
  response?: number;
  /** Shared proxies it goes through: each is charged once per request. */
  via?: readonly SharedProxy<unknown>[];
}

/** What a sync is estimated to cost: the sum over its pieces, shared proxies and frame included. */
export interface SyncEstimate {
  request: number;
  response: number;
}

/** A piece of queued work: its estimated sizes, how to queue it (again), and what to do once it is in. */
interface Piece {
  cost: PieceCost;
  queue: () => void;
  after?: () => void;
}

/** The request bytes `cost` adds to a request already going through `charged`, which it updates. */
function requestOf(cost: PieceCost, charged: Set<SharedProxy<unknown>>): number {
  let bytes = cost.request;
  for (const via of cost.via ?? []) {
    if (charged.has(via)) continue;
    charged.add(via);
    bytes += via.bytes;
  }
  return bytes;
}

/** What a request made of `pieces` is estimated to cost. */
function estimateOf(pieces: readonly { cost: PieceCost }[]): SyncEstimate {
  const charged = new Set<SharedProxy<unknown>>();
  let request = REQUEST_BYTES;
  let response = 0;
  for (const p of pieces) {
    request += requestOf(p.cost, charged);
    response += p.cost.response ?? 0;
  }
  return { request, response };
}

/** The extra request bytes `cost` would add to a request already going through `charged` (left unchanged). */
function extraOf(cost: PieceCost, charged: ReadonlySet<SharedProxy<unknown>>): number {
  return cost.request + (cost.via ?? []).reduce((n, v) => n + (charged.has(v) ? 0 : v.bytes), 0);
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
  private request = REQUEST_BYTES;
  private response = 0;
  private charged = new Set<SharedProxy<unknown>>();
  /** Syncs this batcher made. */
  syncs = 0;

  /** `onSync` is told, after each sync, what the batcher estimated that request and its response to cost. */
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget = PAYLOAD_BUDGET,
    private readonly onSync?: (estimate: SyncEstimate) => void,
  ) {}

  /**
   * Queues a piece of work costing about `cost`, syncing what is pending first if it would not fit;
   * `after` runs once the sync carrying it has succeeded.
   */
  async add(cost: PieceCost, queue: () => void, after?: () => void): Promise<void> {
    const response = cost.response ?? 0;
    if (this.pending.length > 0 && (this.request + extraOf(cost, this.charged) > this.budget || this.response + response > this.budget)) await this.flush();
    queue();
    this.pending.push({ cost, queue, after });
    this.request += requestOf(cost, this.charged);
    this.response += response;
  }

  /** Syncs whatever is pending (nothing to do when nothing is). */
  async flush(): Promise<void> {
    const pieces = this.pending;
    this.pending = [];
    this.request = REQUEST_BYTES;
    this.response = 0;
    this.charged = new Set();
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
    this.onSync?.(estimateOf(pieces));
    pieces.forEach((p) => p.after?.());
  }
}

/** True when Excel refused a request for its size before applying any of it. */
export function isRequestTooLarge(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'RequestPayloadSizeLimitExceeded';
}

/** One read: its estimated cost, and `queue`, which queues the loads and returns what to do with them after the sync. */
export interface ReadTask extends PieceCost {
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
 * refuses as too large is simply run again in halves. `onSync` is told each sync's estimate, as a
 * {@link Batcher}'s is.
 */
export async function runReads(
  context: Excel.RequestContext,
  tasks: readonly ReadTask[],
  budget = PAYLOAD_BUDGET,
  onSync?: (estimate: SyncEstimate) => void,
): Promise<number> {
  const retry: ReadTask[][] = [];
  let next = 0;
  let syncs = 0;
  const nextBatch = (): ReadTask[] => {
    const again = retry.shift();
    if (again) return again;
    const batch: ReadTask[] = [];
    const charged = new Set<SharedProxy<unknown>>();
    let request = REQUEST_BYTES;
    let response = 0;
    while (next < tasks.length) {
      const t = tasks[next];
      if (batch.length > 0 && (request + extraOf(t, charged) > budget || response + t.response > budget)) break;
      batch.push(t);
      request += requestOf(t, charged);
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
    onSync?.(estimateOf(batch.map((cost) => ({ cost }))));
    collect.forEach((c) => c());
  }
  return syncs;
}
