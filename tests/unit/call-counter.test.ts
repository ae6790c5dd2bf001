// The local runtime's call counter: each SpreadsheetApp call classified, and a flush counted for each read after writes.
import { describe, expect, test } from 'vitest';
import { classify, countCalls } from '../../apps-script/local-runtime/call-counter';

describe('classify', () => {
  test.each([
    ['Range', 'getValues', 'read'], ['Sheet', 'getLastRow', 'read'], ['Spreadsheet', 'getSheetByName', 'read'], ['Sheet', 'getFilter', 'read'],
    ['Range', 'setValues', 'write'], ['Sheet', 'clear', 'write'], ['Sheet', 'insertRowsAfter', 'write'], ['Sheet', 'hideColumns', 'write'],
    ['Filter', 'remove', 'write'], ['Range', 'createFilter', 'write'], ['SpreadsheetApp', 'flush', 'write'],
    ['SpreadsheetApp', 'getActiveSpreadsheet', 'local'], ['Sheet', 'getRange', 'local'], ['SpreadsheetApp', 'newDataValidation', 'local'],
    ['DataValidationBuilder', 'build', 'local'], ['FilterCriteriaBuilder', 'whenTextEqualTo', 'local'], ['Ui', 'showSidebar', 'local'],
    ['Properties', 'getProperty', null], ['FileLock', 'tryLock', null], ['TextOutput', 'setMimeType', null],
  ])('%s.%s is %s', (object, method, kind) => {
    expect(classify(object, method)).toBe(kind);
  });
});

describe('countCalls', () => {
  test('reads first, then writes, then flush: one flush', () => {
    expect(countCalls(['Sheet.getLastRow', 'Range.getValues', 'Range.setValues', 'Range.setNotes', 'SpreadsheetApp.flush', 'FileLock.releaseLock']))
      .toEqual({ calls: 6, reads: 2, writes: 3, flushes: 1 });
  });

  test('every read after a write costs a flush; local calls and other services do not', () => {
    const log = ['Range.setValues', 'Sheet.getRange', 'SpreadsheetApp.newDataValidation', 'Properties.getProperty', 'Sheet.getMaxRows',
      'Sheet.showRows', 'Sheet.getMaxColumns', 'Sheet.showColumns', 'SpreadsheetApp.flush', 'SpreadsheetApp.flush'];
    expect(countCalls(log).flushes).toBe(3);
  });

  test('reads alone never flush', () => {
    expect(countCalls(['Range.getValues', 'Sheet.getLastRow', 'SpreadsheetApp.flush']).flushes).toBe(0);
  });
});
