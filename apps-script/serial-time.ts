// Date-time cells as the Sheets API gives them: serial numbers (days since 1899-12-30) of the wall-clock time in the
// spreadsheet's time zone; converted to and from instants with Intl (which Apps Script's V8 runtime has), no service call.

const MS_PER_DAY = 86_400_000;
/** 1899-12-30T00:00 as milliseconds of the Unix epoch: serial 0. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in milliseconds (Stockholm: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return wall - whole;
}

/** An instant as the serial number a date-time cell in that zone holds. */
export function serialFromInstant(instant: number, timeZone: string): number {
  return (instant + zoneOffsetMs(timeZone, instant) - SERIAL_EPOCH_MS) / MS_PER_DAY;
}

const HALF_DAY_MS = MS_PER_DAY / 2;

/**
 * The instant a date-time cell's serial number stands for in that zone: of the offsets in force half a day either side,
 * the earliest instant whose wall clock shows it (where clocks go back, a wall time stands for two instants); a wall
 * time that clocks skip is read with the offset from before the change.
 */
export function instantFromSerial(serial: number, timeZone: string): number {
  const wall = Math.round(serial * MS_PER_DAY) + SERIAL_EPOCH_MS;
  const before = wall - zoneOffsetMs(timeZone, wall - HALF_DAY_MS);
  const after = wall - zoneOffsetMs(timeZone, wall + HALF_DAY_MS);
  const fits = [before, after].filter((instant) => instant + zoneOffsetMs(timeZone, instant) === wall);
  return fits.length ? Math.min(...fits) : before;
}
