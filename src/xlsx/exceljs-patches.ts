/**
 * Two targeted fixes to exceljs 4.4's xlsx reading and writing, applied once when this module loads.
 *
 * 1. Links to a cell of the same workbook. Excel writes them as `<hyperlink ref location="Sheet!A1"/>`
 *    with no relationship. exceljs writes every link as an external relationship too, so Excel opens
 *    `#Sheet!A1` as a file (exceljs issue #3027), and on reading it drops location-only links, losing a
 *    user's in-workbook links on a round trip. Here a hyperlink value starting with `#` is an in-workbook
 *    link: written as `location` only, and read back as `#` + location.
 * 2. Data validations. exceljs expands a validation's range into one entry per cell on reading, so a
 *    drop-down on a whole column (a template's Status or Tax Rate column) costs a million objects and
 *    seconds of merging when written back. Ranges are kept as ranges instead; the writer accepts them.
 *
 * The patched members are internal to exceljs, hence the local structural types and the require of its
 * lib files; a later exceljs release that changes them fails the xlsx round-trip tests.
 */

interface HyperlinkModel {
  address: string;
  rId?: string;
  target?: string;
  tooltip?: string;
}

interface XmlStream {
  leafNode(name: string, attributes: Record<string, string | undefined>): void;
}

interface Relationship {
  Id: string;
  Type: string;
  Target: string;
  TargetMode?: string;
}

interface WorksheetModel {
  hyperlinks?: HyperlinkModel[];
  rels?: Relationship[];
  relationships?: Relationship[];
}

interface XformPrototype<M> {
  render(xmlStream: XmlStream, model: M): void;
  prepare(model: M, options: unknown): void;
  reconcile(model: M, options: unknown): void;
  parseClose(name: string): boolean;
}

interface DataValidationsXformThis {
  _address: string;
  _dataValidation: { formulae?: unknown[]; operator?: unknown };
  model: Record<string, unknown>;
}

const HYPERLINK_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

function loadPrototype<M>(path: string): XformPrototype<M> {
  // The xform classes are not part of exceljs' public API; see the module comment.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- internal exceljs file without typings
  const cls = require(path) as { prototype: XformPrototype<M> };
  return cls.prototype;
}

let applied = false;

/** Applies the patches (idempotent). Every module of `src/xlsx` that reads or writes calls it. */
export function applyExceljsPatches(): void {
  if (applied) return;
  applied = true;

  const hyperlink = loadPrototype<HyperlinkModel>('exceljs/lib/xlsx/xform/sheet/hyperlink-xform');
  const renderLink = hyperlink.render;
  hyperlink.render = function render(xmlStream, model) {
    if (model.target && model.target.startsWith('#')) {
      xmlStream.leafNode('hyperlink', { ref: model.address, location: model.target.slice(1), tooltip: model.tooltip });
      return;
    }
    renderLink.call(this, xmlStream, model);
  };

  const worksheet = loadPrototype<WorksheetModel>('exceljs/lib/xlsx/xform/sheet/worksheet-xform');
  const prepare = worksheet.prepare;
  worksheet.prepare = function patchedPrepare(model, options) {
    prepare.call(this, model, options);
    // Drop the external relationships exceljs made for in-workbook links; other rIds keep their numbers.
    const internal = new Set<string>();
    for (const h of model.hyperlinks ?? []) {
      if (h.target && h.target.startsWith('#') && h.rId) {
        internal.add(h.rId);
        delete h.rId;
      }
    }
    if (internal.size && model.rels) model.rels = model.rels.filter((r) => !internal.has(r.Id));
  };
  const reconcile = worksheet.reconcile;
  worksheet.reconcile = function patchedReconcile(model, options) {
    const links = model.hyperlinks ?? [];
    let n = 0;
    for (const h of links) {
      if (!h.rId && h.target) {
        const id = `__recon_location_${n++}`;
        h.rId = id;
        model.relationships = [...(model.relationships ?? []), { Id: id, Type: HYPERLINK_REL, Target: `#${h.target}` }];
      }
    }
    reconcile.call(this, model, options);
  };

  const validations = loadPrototype<unknown>('exceljs/lib/xlsx/xform/sheet/data-validations-xform');
  const parseClose = validations.parseClose;
  validations.parseClose = function patchedParseClose(this: DataValidationsXformThis, name: string): boolean {
    if (name !== 'dataValidation') return parseClose.call(this, name);
    const dv = this._dataValidation;
    if (!dv.formulae || !dv.formulae.length) {
      delete dv.formulae;
      delete dv.operator;
    }
    // exceljs' writer looks ranges up by their normalised "A1:B2" form.
    for (const addr of this._address.split(/\s+/g)) if (addr) this.model[addr.replace(/\$/g, '').toUpperCase()] = dv;
    return true;
  };
}
