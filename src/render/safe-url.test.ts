import { describe, expect, it } from 'vitest';
import { decodeCharacterReferences, safeLinkUrl } from './safe-url.js';

describe('safeLinkUrl', () => {
  it('keeps web, mail and relative links', () => {
    for (const url of ['https://www.zwolle.nl/a?b=c#d', 'http://x.nl', 'mailto:griffie@zwolle.nl', '../corpus/a.md#L1-L2', 'nota.md', '#kop', '//cdn.example/x']) {
      expect(safeLinkUrl(url), url).toBe(url);
    }
  });

  it('refuses script and other schemes, however a browser would still read them', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java&#9;script:alert(1)',
      'java&#x0A;script:alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      'java&amp;#9;script:alert(1)',
      '\u0000javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'file:///etc/passwd',
    ]) {
      expect(safeLinkUrl(url), JSON.stringify(url)).toBeNull();
    }
  });

  it('writes the target it checked: decoded, without control characters', () => {
    expect(safeLinkUrl('https://x.nl/a&amp;b')).toBe('https://x.nl/a&b');
    expect(safeLinkUrl('htt\tps://x.nl')).toBe('https://x.nl');
    expect(safeLinkUrl('')).toBeNull();
  });

  it('decodes numeric and named character references, and leaves unknown names alone', () => {
    expect(decodeCharacterReferences('a&#58;b&#x3A;c&colon;d&Tab;e&onbekend;')).toBe('a:b:c:d\te&onbekend;');
  });
});
