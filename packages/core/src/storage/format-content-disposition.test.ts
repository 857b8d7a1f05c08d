import { describe, expect, it } from 'vitest';
import { formatContentDisposition } from './format-content-disposition';

describe('formatContentDisposition', () => {
  it('should be a bare attachment without a usable file name', () => {
    expect(formatContentDisposition(undefined)).toBe('attachment');
    expect(formatContentDisposition('   ')).toBe('attachment');
  });

  it('should give an ASCII name both ways', () => {
    expect(formatContentDisposition('report.pdf')).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
  });

  it('should percent-encode UTF-8 and fall back to underscores for old clients', () => {
    expect(formatContentDisposition('Befund März.pdf')).toBe(
      `attachment; filename="Befund M_rz.pdf"; filename*=UTF-8''Befund%20M%C3%A4rz.pdf`,
    );
  });

  it('should encode the characters RFC 8187 does not allow bare', () => {
    expect(formatContentDisposition(`it's (1)*.pdf`)).toBe(
      `attachment; filename="it's (1)*.pdf"; filename*=UTF-8''it%27s%20%281%29%2A.pdf`,
    );
  });

  it('should keep quotes and percent signs out of the quoted fallback', () => {
    expect(formatContentDisposition('a"b%41.txt')).toBe(
      `attachment; filename="a_b_41.txt"; filename*=UTF-8''a%22b%2541.txt`,
    );
  });

  it('should neutralise line breaks, control characters and path separators', () => {
    const header = formatContentDisposition('x\r\nSet-Cookie: y\u0000/..\\evil.html');
    expect(header).not.toMatch(/[\r\n\0\\]/);
    expect(header).toBe(
      `attachment; filename="x__Set-Cookie: y__.._evil.html"; filename*=UTF-8''x__Set-Cookie%3A%20y__.._evil.html`,
    );
  });

  it('should survive a lone surrogate', () => {
    expect(formatContentDisposition('a\uD800b')).toBe(
      `attachment; filename="a_b"; filename*=UTF-8''a%EF%BF%BDb`,
    );
  });
});
