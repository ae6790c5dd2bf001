// The team token: compared in constant time, made from at least 128 random bits.

/** True when both strings are equal; the time taken depends only on the expected token's length. */
export function tokensMatch(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || expected === '') return false;
  let difference = given.length ^ expected.length;
  for (let i = 0; i < expected.length; i += 1) {
    difference |= expected.charCodeAt(i) ^ (given.charCodeAt(i % Math.max(given.length, 1)) || 0);
  }
  return difference === 0;
}

/** A new token from two random UUIDs (2 × 122 random bits), as 64 hex digits. */
export function newToken(uuid: () => string): string {
  return `${uuid()}${uuid()}`.replace(/-/g, '').toLowerCase();
}
