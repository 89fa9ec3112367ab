import { readFileSync } from 'fs';
import { join } from 'path';
import { PRODUCT_VERSION } from '../../../src/core/model/version';

describe('PRODUCT_VERSION', () => {
  it('is the version package.json states (printed in sheet footers)', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(PRODUCT_VERSION).toBe(pkg.version);
  });
});
