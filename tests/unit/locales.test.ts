// The extension's words: Swedish (the default locale) and English say the same things, with the same placeholders.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/** "key: message" lines of a messages file, one level of nesting joined with a dot. */
function messages(language: string): Map<string, string> {
  const text = readFileSync(new URL(`../../extension/locales/${language}.yml`, import.meta.url), 'utf8');
  const found = new Map<string, string>();
  let parent = '';
  for (const line of text.split('\n')) {
    const match = /^( *)([\w.]+):\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, indent, key, value] = match;
    if (!indent) parent = value ? '' : key;
    if (value) found.set(indent && parent ? `${parent}.${key}` : key, value.replace(/^"|"$/g, ''));
  }
  return found;
}

describe('_locales', () => {
  const sv = messages('sv');
  const en = messages('en');

  test('every message in both languages, each with the same placeholders', () => {
    expect([...en.keys()].sort()).toEqual([...sv.keys()].sort());
    for (const [key, value] of sv) expect(en.get(key)!.match(/\$\d/g), key).toEqual(value.match(/\$\d/g));
    expect(sv.size).toBeGreaterThan(60);
  });

  test('each file says its language; the words the tests and users rely on are there', () => {
    expect([sv.get('lang'), en.get('lang')]).toEqual(['sv', 'en']);
    expect(sv.get('save')).toBe('Spara');
    expect([sv.get('accept'), sv.get('reject'), sv.get('acceptAll')]).toEqual(['Acceptera', 'Avvisa', 'Acceptera alla']);
    expect(sv.get('errorNetwork')).toBe('Kalkylarket svarar inte just nu. Passagen är sparad och skickas automatiskt.');
  });
});
