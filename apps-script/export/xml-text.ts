// XML text and attribute values, escaped; characters XML 1.0 does not allow are left out. Pure.

/** Characters outside XML 1.0's Char production (controls other than tab, newline, return; lone surrogates; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what is to be left out
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** An element: attributes (undefined ones left out) and children already serialised, or none. */
export function element(name: string, attributes: Record<string, string | number | boolean | undefined>, children: string[] = []): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`)
    .join('');
  return children.length ? `<${name}${attrs}>${children.join('')}</${name}>` : `<${name}${attrs}/>`;
}

export const textElement = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;
