// The bundle clasp pushes: one Code.js whose entry points are top-level functions in a bare script context.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { expect, test } from 'vitest';

const DIST = new URL('../../dist/apps-script/', import.meta.url);

test('Code.js defines doGet and doPost as global functions with no require, module, exports or process', () => {
  const context = vm.createContext({});
  vm.runInContext(readFileSync(new URL('Code.js', DIST), 'utf8'), context, { filename: 'Code.js' });
  const globals: unknown = vm.runInContext('({ doGet: typeof doGet, doPost: typeof doPost, require: typeof require, module: typeof module, process: typeof process })', context);
  expect(globals).toEqual({ doGet: 'function', doPost: 'function', require: 'undefined', module: 'undefined', process: 'undefined' });
});

test('appsscript.json sits beside it and runs on V8', () => {
  const manifest = JSON.parse(readFileSync(new URL('appsscript.json', DIST), 'utf8')) as { runtimeVersion: string; oauthScopes: string[] };
  expect(manifest.runtimeVersion).toBe('V8');
  expect(manifest.oauthScopes.every((scope: string) => scope.startsWith('https://www.googleapis.com/auth/'))).toBe(true);
});
