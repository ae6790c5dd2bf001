// Counts an execution's service calls and its read-after-write flushes, as Google pays for them, from its call log.
//
// On Google, the Spreadsheet service queues writes and applies them in one go when the script reads spreadsheet state
// again (or calls SpreadsheetApp.flush(), or ends): each such read after a write costs a flush. So every call on the
// SpreadsheetApp tree is classified: a write (changes the spreadsheet), a read (needs its current state), or local
// (makes a reference or a builder and needs neither: getActiveSpreadsheet, getRange, new…/build, getUi and menus).
// Calls on the other services (Properties, Lock, Content, Html, Script, Utilities) count as calls but never flush; nor do
// the Sheets advanced service's (Sheets.Spreadsheets.get/batchUpdate): they are one API request each and do not apply
// SpreadsheetApp's queued writes, which is why the add-on never mixes the two in one execution.

export type CallKind = 'read' | 'write' | 'local';

/** Objects outside the SpreadsheetApp tree, by the name the call log gives them (Service or class name). */
const OTHER_SERVICES = /^(?:Spreadsheets|PropertiesService|Properties|LockService|\w*Lock|ContentService|TextOutput|HtmlService|Html\w*|ScriptApp|Service|Utilities|Session|Logger)$/;
const WRITE = /^(?:set|insert|delete|clear|hide|show|create|remove|append|sort|merge|copy|move|activate|protect|auto|add|apply|update|trim|uncheck|check|flush)/;
const LOCAL_METHODS = new Set(['getActiveSpreadsheet', 'getActive', 'getUi', 'getRange', 'getRow', 'getColumn', 'getNumRows', 'getNumColumns']);
/** Objects that never reach the spreadsheet: builders, built criteria and rules, the UI and its menus. */
const LOCAL_OBJECTS = /Builder$|^(?:FilterCriteria|DataValidation|Ui|Menu)$/;

/** How a call touches the spreadsheet; null when it is not on the SpreadsheetApp tree. */
export function classify(object: string, method: string): CallKind | null {
  if (OTHER_SERVICES.test(object)) return null;
  if (LOCAL_OBJECTS.test(object) || LOCAL_METHODS.has(method) || method.startsWith('new')) return 'local';
  return WRITE.test(method) ? 'write' : 'read';
}

export interface CallCount {
  /** Every call on every Apps Script service object. */
  calls: number;
  /** Spreadsheet reads and writes among them. */
  reads: number;
  writes: number;
  /** Reads of the spreadsheet that followed a write since the last flush, plus SpreadsheetApp.flush() with writes pending. */
  flushes: number;
}

/** Counts a call log of `Object.method` entries, in order. */
export function countCalls(log: readonly string[]): CallCount {
  const count: CallCount = { calls: log.length, reads: 0, writes: 0, flushes: 0 };
  let pending = false;
  for (const entry of log) {
    const dot = entry.indexOf('.');
    const method = entry.slice(dot + 1);
    const kind = classify(entry.slice(0, dot), method);
    if (kind === 'read') count.reads += 1;
    if (kind === 'write') count.writes += 1;
    if (kind === 'read' || (kind === 'write' && method === 'flush')) {
      if (pending) count.flushes += 1;
      pending = false;
    } else if (kind === 'write') pending = true;
  }
  return count;
}
