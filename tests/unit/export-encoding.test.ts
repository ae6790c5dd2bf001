// The export's own encodings: UTF-8 without TextEncoder, XML escaping, GUIDs from names.
import { describe, expect, test } from 'vitest';
import { base64, utf8Bytes } from '../../apps-script/export/utf8';
import { element, xmlText } from '../../apps-script/export/xml-text';
import { stableGuid } from '../../apps-script/export/stable-guid';

describe('export encodings', () => {
  test.each(['', 'abc', 'åäö Å', '€ ≠ ∞', '🙂 𝄞 ok', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d'])('UTF-8 of %j is what Node encodes', (text) => {
    expect(Buffer.from(utf8Bytes(text))).toEqual(Buffer.from(text, 'utf8'));
  });

  test.each([0, 1, 2, 3, 4, 5, 1000, 30_001])('base64 of %d bytes is what Node encodes', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + 7) % 256);
    expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  test('XML text and attributes are escaped; characters XML 1.0 forbids are left out', () => {
    expect(xmlText('a < b & c > d\u0001\u000b\ufffe')).toBe('a &lt; b &amp; c &gt; d');
    expect(element('Note', { name: 'say "hi"\n', skipped: undefined }, [])).toBe('<Note name="say &quot;hi&quot;&#10;"/>');
  });

  test('GUIDs from names are stable, distinct and of the GUID form', () => {
    expect(stableGuid('theme:tolkar')).toBe(stableGuid('theme:tolkar'));
    expect(stableGuid('theme:tolkar')).not.toBe(stableGuid('theme:tolkarx'));
    expect(stableGuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
