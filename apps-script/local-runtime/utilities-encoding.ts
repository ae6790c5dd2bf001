// Utilities.base64Encode for the local runtime, as Apps Script has it: a Byte[] (signed bytes) or a string (UTF-8).

export function base64Encode(data: unknown): string {
  if (typeof data === 'string') return Buffer.from(data, 'utf8').toString('base64');
  if (!Array.isArray(data) || data.some((b) => !Number.isInteger(b) || b < -128 || b > 127)) {
    throw new Error("The parameters (number[]) don't match the method signature for Utilities.base64Encode: a Byte[] holds whole numbers from -128 to 127.");
  }
  return Buffer.from(data.map((b: number) => b & 255)).toString('base64');
}
