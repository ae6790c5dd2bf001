// GUIDs made from names, so that exporting the same sheet twice gives the same GUIDs (tools can match re-imports). Pure.

/** 32-bit FNV-1a of a string's UTF-16 units, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const BASES = [0x811c9dc5, 0x050c5d1f, 0x2b5d7a3e, 0x6a09e667];

/** A GUID (UUID layout, version 8: custom) derived from the name. */
export function stableGuid(name: string): string {
  const hex = BASES.map((basis) => fnv1a(name, basis).toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
