// A short fingerprint of any JSON-able value (two 32-bit FNV-1a lanes): cheap to compute, kept to tell whether a tab is stale.

// Taken once: inside a node:vm context (the local runtime) every global lookup in the loop would cost an interceptor call.
const imul = Math.imul;

/** A 16-hex-digit fingerprint of the value's JSON; linear in its size, no service call. */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = imul(a ^ code, 0x01000193);
    b = imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
