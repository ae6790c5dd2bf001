// A string's UTF-8 bytes and bytes as base64, without TextEncoder or btoa, which Apps Script's V8 lacks. Pure.
// (fflate's own UTF-8 fallback mis-encodes characters outside the BMP: `c & 1023 << 10` binds as `c & (1023 << 10)`.)

/** UTF-8 of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 3);
  let at = 0;
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      i += 1;
    } else if (code >= 0xd800 && code < 0xe000) code = 0xfffd;
    if (code < 0x80) bytes[at++] = code;
    else if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6);
      bytes[at++] = 0x80 | (code & 63);
    } else if (code < 0x10000) {
      bytes[at++] = 0xe0 | (code >> 12);
      bytes[at++] = 0x80 | ((code >> 6) & 63);
      bytes[at++] = 0x80 | (code & 63);
    } else {
      bytes[at++] = 0xf0 | (code >> 18);
      bytes[at++] = 0x80 | ((code >> 12) & 63);
      bytes[at++] = 0x80 | ((code >> 6) & 63);
      bytes[at++] = 0x80 | (code & 63);
    }
  }
  return bytes.subarray(0, at);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Array.from(ALPHABET, (c) => c.charCodeAt(0));
const PAD = '='.charCodeAt(0);
/** Characters turned into a string at a time (String.fromCharCode takes its arguments on the stack). */
const CHUNK = 8192;

/**
 * Bytes as standard base64 (with padding). Written here rather than through Utilities.base64Encode, which takes a
 * Byte[] of signed numbers: converting megabytes of a zip into one costs more than encoding them.
 */
export function base64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let at = 0;
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[at++] = CODES[n >> 18];
    out[at++] = CODES[(n >> 12) & 63];
    out[at++] = i + 1 < bytes.length ? CODES[(n >> 6) & 63] : PAD;
    out[at++] = i + 2 < bytes.length ? CODES[n & 63] : PAD;
  }
  const parts: string[] = [];
  for (let i = 0; i < out.length; i += CHUNK) parts.push(String.fromCharCode(...out.subarray(i, i + CHUNK)));
  return parts.join('');
}
