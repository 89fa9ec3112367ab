import { createHash } from 'crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../../src/core/model/sha256';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('hashes %p as FIPS 180-4 says', (text, hex) => {
    expect(sha256Hex(text)).toBe(hex);
  });

  it('agrees with Node\'s crypto on any text, block edges and Chinese included (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }));
    for (const n of [55, 56, 63, 64, 65, 119, 120]) expect(sha256Hex('对'.repeat(n))).toBe(createHash('sha256').update('对'.repeat(n), 'utf8').digest('hex'));
  });
});
