import { FakeWorkbookModel } from './model';
import { FakeClientObject, FakeOfficeError, FakeRequestContext, ScalarDef } from './runtime';

/**
 * Workbook structure protection (Review › Protect Workbook): while it is on, sheets cannot be added,
 * deleted, renamed, moved, hidden or unhidden; cells stay editable (that is sheet protection's job).
 *
 * The error code is AccessDenied, the code Excel gives for operations its protection forbids (sheet
 * protection, and office-js #6784 for protect/unprotect in the wrong state); Microsoft's reference does
 * not document the code for this case, so it is an inference, kept in this one place.
 */
export function assertStructureUnlocked(model: FakeWorkbookModel, location: string): void {
  if (model.structureProtected) {
    throw new FakeOfficeError('AccessDenied', location, "You can't perform the requested operation. The workbook's structure is protected.");
  }
}

/** `Workbook.protection` (ExcelApi 1.7). */
export class FakeWorkbookProtection extends FakeClientObject {
  constructor(ctx: FakeRequestContext, path: string, version: string, private readonly model: () => FakeWorkbookModel) {
    super(ctx, path, version);
  }

  get _className(): string {
    return 'WorkbookProtection';
  }

  _resolve(): FakeWorkbookModel {
    return this.model();
  }

  override _scalars(): Record<string, ScalarDef> {
    return { protected: { get: (m: FakeWorkbookModel) => m.structureProtected } };
  }

  get protected(): boolean {
    return this._get('protected');
  }

  /** Fails when already protected, as the reference says. */
  protect(password?: string): void {
    this._queue('protect', { call: 'protect', password: password ?? null }, '1.7', () => {
      const m = this.model();
      if (m.structureProtected) throw new FakeOfficeError('AccessDenied', 'WorkbookProtection.protect');
      m.structureProtected = true;
      m.structurePassword = password ?? null;
    });
  }

  unprotect(password?: string): void {
    this._queue('unprotect', { call: 'unprotect', password: password ?? null }, '1.7', () => {
      const m = this.model();
      if (m.structurePassword !== null && m.structurePassword !== (password ?? null)) throw new FakeOfficeError('InvalidArgument', 'WorkbookProtection.unprotect');
      m.structureProtected = false;
      m.structurePassword = null;
    });
  }
}
