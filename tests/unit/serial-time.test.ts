// Date-time serials in a time zone: an instant survives the round trip (bar the hour clocks go back, which a wall clock
// cannot tell apart), and known instants give Google's serials.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { instantFromSerial, serialFromInstant, zoneOffsetMs } from '../../apps-script/serial-time';

const HOUR = 3_600_000;

describe('serial-time', () => {
  test.each([
    ['Etc/UTC', '1899-12-30T00:00:00.000Z', 0],
    ['Etc/UTC', '1970-01-01T00:00:00.000Z', 25_569],
    ['Europe/Stockholm', '2016-01-15T11:00:00.000Z', 42_384.5],
    ['Europe/Stockholm', '2016-07-15T10:00:00.000Z', 42_566.5],
  ])('%s: %s is serial %d', (zone, iso, serial) => {
    expect(serialFromInstant(Date.parse(iso), zone)).toBeCloseTo(serial, 9);
    expect(new Date(instantFromSerial(serial, zone)).toISOString()).toBe(iso);
  });

  test('where clocks go back, a repeated wall time is the earlier instant; a skipped one is read with the old offset', () => {
    const zone = 'Europe/Stockholm';
    // 2016-10-30 03:00 CEST became 02:00 CET: 02:30 happened at 00:30Z and again at 01:30Z.
    const repeated = serialFromInstant(Date.parse('2016-10-30T01:30:00Z'), zone);
    expect(new Date(instantFromSerial(repeated, zone)).toISOString()).toBe('2016-10-30T00:30:00.000Z');
    // 2016-03-27 02:00 CET became 03:00 CEST: 02:30 never showed; read as CET it is 01:30Z.
    const skipped = (Date.UTC(2016, 2, 27, 2, 30) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(new Date(instantFromSerial(skipped, zone)).toISOString()).toBe('2016-03-27T01:30:00.000Z');
  });

  test('Stockholm is an hour ahead of UTC in winter and two in summer', () => {
    expect(zoneOffsetMs('Europe/Stockholm', Date.parse('2016-01-15T12:00:00Z'))).toBe(HOUR);
    expect(zoneOffsetMs('Europe/Stockholm', Date.parse('2016-07-15T12:00:00Z'))).toBe(2 * HOUR);
  });

  test('any instant to the millisecond comes back from its serial, outside the hour clocks go back', () => {
    const zone = 'Europe/Stockholm';
    fc.assert(fc.property(fc.integer({ min: Date.parse('1900-01-01'), max: Date.parse('2100-01-01') }), (instant) => {
      // In the hour after clocks go back, each wall-clock time stands for two instants; the serial gives the earlier.
      const repeated = zoneOffsetMs(zone, instant) < zoneOffsetMs(zone, instant - HOUR);
      if (!repeated) expect(instantFromSerial(serialFromInstant(instant, zone), zone)).toBe(instant);
    }), { numRuns: 2000 });
  });
});
