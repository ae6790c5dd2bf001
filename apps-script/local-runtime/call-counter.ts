// Counts an execution's service calls and its read-after-write flushes, as Google pays for them.
//
// On Google, the Spreadsheet service queues writes and applies them in one go when the script reads spreadsheet state
// again (or calls SpreadsheetApp.flush(), or ends): each such read after a write costs a flush. So every call on the
// SpreadsheetApp tree is classified: a write (changes the spreadsheet), a read (needs its current state), or local
// (makes a reference or a builder and needs neither: getActiveSpreadsheet, getRange, new…/build, getUi and menus).

export type CallKind = 'read' | 'write' | 'local';

const WRITE = /^(?:set|insert|delete|clear|hide|show|create|remove|append|sort|merge|copy|move|activate|protect|auto|add|apply|update|trim|break|uncheck|check)/;
const LOCAL_METHODS = new Set(['getActiveSpreadsheet', 'getActive', 'getUi', 'getRange', 'getRow', 'getColumn', 'getNumRows', 'getNumColumns']);
/** Objects that never reach the spreadsheet: builders, built criteria and rules, the UI and its menus. */
const LOCAL_OBJECTS = /Builder$|^(?:FilterCriteria|DataValidation|Ui|Menu)$/;

/** How a call on an object of the SpreadsheetApp tree touches the spreadsheet. */
export function classify(object: string, method: string): CallKind {
  if (method === 'flush') return 'write';
  if (LOCAL_OBJECTS.test(object) || LOCAL_METHODS.has(method) || method.startsWith('new')) return 'local';
  return WRITE.test(method) ? 'write' : 'read';
}

export interface CallCount {
  /** Every call on every Apps Script service object, in order, as Object.method. */
  log: string[];
  /** Service calls: every call, whatever its service or kind. */
  calls: number;
  reads: number;
  writes: number;
  /** Reads of the spreadsheet that followed a write since the last flush, plus SpreadsheetApp.flush() with writes pending. */
  flushes: number;
}

/** One execution's counter. `spreadsheet`: whether the call is on the SpreadsheetApp tree (only those can flush). */
export class CallCounter {
  private pending = false;
  readonly count: CallCount = { log: [], calls: 0, reads: 0, writes: 0, flushes: 0 };

  record(object: string, method: string, spreadsheet: boolean): void {
    const { count } = this;
    count.log.push(`${object}.${method}`);
    count.calls += 1;
    if (!spreadsheet) return;
    const kind = classify(object, method);
    if (kind === 'local') return;
    if (kind === 'read') count.reads += 1;
    else count.writes += 1;
    if (method === 'flush' || kind === 'read') {
      if (this.pending) count.flushes += 1;
      this.pending = false;
    }
    if (kind === 'write' && method !== 'flush') this.pending = true;
  }
}
