import fc from 'fast-check';
import { extractReferences, invoiceFormKey, normalizeReference, referenceKeys, withinOneEdit } from '../../../src/core/matching/references';

describe('normalizeReference', () => {
  it.each([
    ['INV-00012345', 'INV12345'],
    ['inv 12345', 'INV12345'],
    ['ＩＮＶ－００１２３４５', 'INV12345'],
    ['SO-2024-0012', 'SO202412'],
    ['so/2024/12', 'SO202412'],
    ['00012345', '12345'],
    ['000', '0'],
    ['A0B', 'A0B'],
    ['A-00-B', 'A0B'],
    ['  ', ''],
    ['', ''],
    ['—', ''],
    ['发票 0012', '发票12'],
    ['No.00012345', 'NO12345'],
    ['X'.repeat(200) + '-007', 'X'.repeat(200) + '7'],
    // An all-zero run never becomes a leading zero of the key's digits (these once gave 00, 05, 005).
    ['0 0', '0'],
    ['0-5', '5'],
    ['0 0 5', '5'],
    ['1 0', '10'],
    ['1-0-0', '100'],
    ['A 0 B', 'A0B'],
    ['A-0-5', 'A5'],
  ])('%j → %j', (text, key) => {
    expect(normalizeReference(text)).toBe(key);
  });

  it('is idempotent and never keeps case, spaces or separators', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const k = normalizeReference(s);
        expect(normalizeReference(k)).toBe(k);
        expect(k).not.toMatch(/[a-z\s\-_/.]/);
      }),
    );
  });

  it('is idempotent on references made of digits, zeros and separators', () => {
    const piece = fc.constantFrom('0', '00', '1', '05', ' ', '-', '/', 'A', '０');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const k = normalizeReference(pieces.join(''));
        expect(normalizeReference(k)).toBe(k);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same key to the same number written with different separators and zero padding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.constantFrom('', '-', ' ', '/'), fc.integer({ min: 0, max: 4 }), (n, sep, pad) => {
        expect(normalizeReference(`INV${sep}${'0'.repeat(pad)}${n}`)).toBe(normalizeReference(`inv${n}`));
      }),
    );
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['SO202412', 'SO202412', true],
    ['SO202412', 'SO202413', true], // substitution
    ['SO202412', 'SO202421', true], // adjacent transposition
    ['SO202412', 'SO20412', true], // deletion
    ['SO20412', 'SO202412', true], // insertion
    ['SO202412', 'SO203413', false], // two substitutions
    ['ABC', 'CBA', false], // non-adjacent swap
    ['AXB', 'ABY', false],
    ['12345', '123', false],
    ['', 'A', true],
  ])('%s vs %s → %s', (a, b, near) => {
    expect(withinOneEdit(a, b)).toBe(near);
    expect(withinOneEdit(b, a)).toBe(near);
  });

  it('accepts every single substitution, deletion and adjacent transposition', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 20 }), fc.nat(), fc.constantFrom('sub', 'del', 'swap'), (s, at, op) => {
        const i = at % (s.length - 1);
        const edited =
          op === 'sub' ? s.slice(0, i) + 'Z' + s.slice(i + 1) : op === 'del' ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
        expect(withinOneEdit(s, edited)).toBe(true);
      }),
    );
  });
});

describe('extractReferences', () => {
  it.each([
    ['payment for INV-00012345, SO-2024-0012', ['INV-00012345', 'SO-2024-0012']],
    ['付00012345货款', ['00012345']],
    ['货款 SO-2024-0000123。', ['SO-2024-0000123']],
    ['pays 3 invoices', []],
    ['Bank transfer', []],
    ['INV-1, INV-1', ['INV-1']],
    ['', []],
    ['ref: 12345678.', ['12345678']],
  ])('%j → %j', (text, refs) => {
    expect(extractReferences(text)).toEqual(refs);
  });
});

describe('referenceKeys and invoiceFormKey', () => {
  it.each([
    ['INV-00012345', ['INV12345', '12345']],
    ['No. 00012345', ['NO12345', '12345']],
    ['SO-2024-0012', ['SO202412']], // two digit runs: a document number, not a prefixed invoice number
    ['INV-123', ['INV123']], // 3 digits is no invoice number length
    ['00012345', ['12345']],
    ['', []],
  ])('%j → %j', (text, keys) => {
    expect(referenceKeys(text, [8, 20])).toEqual(keys);
  });

  it('only strips a prefix before a configured invoice length', () => {
    expect(invoiceFormKey('INV-1234567', [8, 20])).toBe('');
    expect(invoiceFormKey('INV-1234567', [7])).toBe('1234567');
  });
});

describe('normalizeReference on texts longer than its shared buffer', () => {
  it.each([
    ['ab-'.repeat(100), 'AB'.repeat(100)],
    [`INV-${'0'.repeat(300)}12345`, 'INV12345'],
    [`${'so 0012 '.repeat(3000)}`, 'SO12'.repeat(3000)],
  ])('keeps a long reference whole (%#)', (text, key) => {
    expect(normalizeReference(text)).toBe(key);
  });
});
