// Searches a body in the chunks it arrived in, without joining them: a refused body is never copied into one buffer.

/** True when `needle` occurs in the chunks read as one run of bytes, also where it spans a boundary between chunks. */
export function chunksInclude(chunks: readonly Buffer[], needle: string | number): boolean {
  const bytes = typeof needle === 'number' ? Buffer.of(needle) : Buffer.from(needle);
  const keep = bytes.length - 1;
  let tail = Buffer.alloc(0);
  for (const chunk of chunks) {
    if (chunk.includes(bytes) || Buffer.concat([tail, chunk.subarray(0, keep)]).includes(bytes)) return true;
    // The last `keep` bytes seen so far, where a needle that goes on in the next chunk begins.
    if (keep > 0) tail = Buffer.concat([tail, chunk.subarray(-keep)]).subarray(-keep);
  }
  return false;
}
