import fc from 'fast-check';
import { checkUscc, orgCodeCheckChar, USCC_CHARSET, usccCheckChar } from '../../../src/core/validation/tax-id';

/** Builds a valid code from a 16-character body: org-code check at 17, USCC check at 18. */
function validFrom(body16: string): string {
  const first17 = body16 + orgCodeCheckChar(body16.slice(8, 16));
  return first17 + usccCheckChar(first17);
}

describe('USCC (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43'], // the worked example of GB 32100-2015
    ['914403001922038216'],
    ['91330100716105852F'],
    ['91440300708461136T'],
    ['91110000802100433B'],
    ['91310000717866186P'],
    [validFrom('9111010812345678')],
    [' 91350100m000100y43 '],
  ])('accepts %p', (code) => {
    expect(checkUscc(code)).toBe('ok');
  });

  it.each<[string, string]>([
    ['91350100M000100Y44', 'check-char'],
    ['91350100M000100Y4', 'length'],
    ['913501000M000100Y43', 'length'],
    ['', 'length'],
    ['91350100M00010OY43', 'charset'],
    ['91350100M000100I43', 'charset'],
    ['91350100-000100Y43', 'charset'],
    ['91350100M000100Y53', 'org-check'],
  ])('refuses %p (%s)', (code, why) => {
    // The last case has a correct USCC check character for its first 17 but a wrong organisation-code check.
    const probe = why === 'org-check' ? code.slice(0, 17) + usccCheckChar(code.slice(0, 17)) : code;
    expect(checkUscc(probe)).toBe(why);
  });

  // Published codes (annual reports, certificates, company registers), not built with the check
  // functions under test: the organisation-code check character X (value 10) and 0 (value 11), and the
  // USCC check character X.
  it.each([
    ['9144030010001686XA', 'China Merchants Bank (招商银行股份有限公司): organisation code 10001686-X', 'X', 'A'],
    ['9131000010000595XD', 'Bank of Communications (交通银行股份有限公司): 10000595-X', 'X', 'D'],
    ['9131000013221158XC', 'Shanghai Pudong Development Bank (上海浦东发展银行股份有限公司): 13221158-X', 'X', 'C'],
    ['91310000132260250X', 'SAIC Motor (上海汽车集团股份有限公司): 13226025-0, USCC check X', '0', 'X'],
    ['91440300192181490G', 'China Vanke (万科企业股份有限公司): 19218149-0', '0', 'G'],
  ])('accepts the published %s of %s', (code, _who, orgCheck, usccCheck) => {
    expect(checkUscc(code)).toBe('ok');
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(orgCheck);
    expect(usccCheckChar(code.slice(0, 17))).toBe(usccCheck);
  });

  it.each([
    ['9144030010001686XA', '91440300100016860A'], // X written as 0
    ['91310000132260250X', '9131000013226025XX'], // 0 written as X
    ['91310000132260250X', '913100001322602500'], // USCC check X written as 0
  ])('refuses %s with its check character swapped: %s', (_real, swapped) => {
    expect(checkUscc(swapped)).not.toBe('ok');
  });

  it('computes the check character of the standard example', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });

  it('catches every single-character substitution of a valid code (property)', () => {
    const ch = fc.constantFrom(...USCC_CHARSET.split(''));
    const digit = fc.constantFrom(...'0123456789'.split(''));
    fc.assert(fc.property(fc.array(digit, { minLength: 8, maxLength: 8 }), fc.array(ch, { minLength: 8, maxLength: 8 }),
      fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (head, org, pos, shift) => {
        const code = validFrom(head.join('') + org.join(''));
        expect(checkUscc(code)).toBe('ok');
        const replaced = USCC_CHARSET[(USCC_CHARSET.indexOf(code[pos]) + shift) % 31];
        const broken = code.slice(0, pos) + replaced + code.slice(pos + 1);
        expect(checkUscc(broken)).not.toBe('ok');
      }));
  });
});
