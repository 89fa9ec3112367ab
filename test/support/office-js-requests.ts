import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

/**
 * Microsoft's own request builder, for measuring what Excel is sent. Loads the debug build of the Excel
 * client script for Excel on the web (the host with the 5 MB request limit) from @microsoft/office-js
 * into a sandbox and serialises a batch without sending it: `ClientRequest.buildRequestMessageBodyAndRequestFlags`
 * is what `context.sync()` hands to the transport, and the transport sends `JSON.stringify` of it.
 *
 * The npm build (1.1.110) predates the Notes API (ExcelApi 1.18). Notes are added here with the library's
 * own helpers, exactly as its generated classes build their comment counterparts (Worksheet.comments,
 * CommentCollection.add/getItem/getItemOrNullObject, Comment.content/delete): a property path "Notes",
 * "Add" and "GetItemOrNullObject" method paths, the indexer, a "Content" set and a "Delete" call.
 */

/** The script: Excel on the web, debug build. */
export const OFFICE_JS_EXCEL_WEB = path.join(__dirname, '../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js');

interface BatchHelper {
  createPropertyObject(type: unknown, parent: unknown, name: string, isCollection: boolean, flags: number): unknown;
  createMethodObject(type: unknown, parent: unknown, name: string, operationType: number, args: unknown[], isCollection: boolean, invalidAfterRequest: boolean, getById: string | null, flags: number): unknown;
  createIndexerObject(type: unknown, parent: unknown, args: unknown[]): unknown;
}

interface Sandbox {
  Excel: { RequestContext: new (url: string) => Excel.RequestContext; Worksheet: { prototype: object }; CommentCollection: new (...a: unknown[]) => object; Comment: new (...a: unknown[]) => object };
  OfficeExtension: { BatchApiHelper: BatchHelper };
}

let loaded: Sandbox | null = null;

function load(): Sandbox {
  if (loaded) return loaded;
  const sandbox: Record<string, unknown> = { console, setTimeout, clearTimeout, setInterval, clearInterval, Promise, navigator: { userAgent: 'node' } };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(OFFICE_JS_EXCEL_WEB, 'utf8'), sandbox, { filename: path.basename(OFFICE_JS_EXCEL_WEB) });
  const box = sandbox as unknown as Sandbox;
  const helper = box.OfficeExtension.BatchApiHelper;
  class Note extends box.Excel.Comment {}
  class NoteCollection extends box.Excel.CommentCollection {
    add(cellAddress: unknown, content: unknown): unknown {
      return helper.createMethodObject(Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0);
    }
    getItem(key: unknown): unknown {
      return helper.createIndexerObject(Note, this, [key]);
    }
    getItemOrNullObject(key: unknown): unknown {
      return helper.createMethodObject(Note, this, 'GetItemOrNullObject', 1, [key], false, false, null, 4);
    }
  }
  const cache = new WeakMap<object, unknown>();
  Object.defineProperty(box.Excel.Worksheet.prototype, 'notes', {
    configurable: true,
    get(this: object) {
      if (!cache.has(this)) cache.set(this, helper.createPropertyObject(NoteCollection, this, 'Notes', true, 4));
      return cache.get(this);
    },
  });
  loaded = box;
  return box;
}

/**
 * UTF-8 bytes of the request office.js builds for what `batch` queues on a fresh request context. A batch
 * is written against the typed API and runs unchanged on the fake, so both sides see the same calls.
 */
export function officeJsRequestBytes(batch: (context: Excel.RequestContext) => void): number {
  const { Excel } = load();
  const context = new Excel.RequestContext('https://excel.invalid/');
  batch(context);
  const pending = (context as unknown as { _pendingRequest: { buildRequestMessageBodyAndRequestFlags(): { body: unknown } } })._pendingRequest;
  return Buffer.byteLength(JSON.stringify(pending.buildRequestMessageBodyAndRequestFlags().body), 'utf8');
}
