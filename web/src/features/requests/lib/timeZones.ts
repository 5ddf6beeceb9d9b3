/** Wall-clock times in a named time zone ↔ instants, with the browser's Intl data (no library). */

function wallClockOf(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? '0');
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The zone's offset from UTC at that instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  return wallClockOf(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** `2026-08-10T14:30` in `Europe/Paris` → the ISO instant; null when the input is not a date and time. */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  try {
    let instant = wall - offsetAt(wall, timeZone);
    // Around a DST change the offset at the guess may differ: settle it once more.
    instant = wall - offsetAt(instant, timeZone);
    return new Date(instant).toISOString();
  } catch {
    return null;
  }
}

/** An instant as `YYYY-MM-DDTHH:mm` on the wall clock of a time zone (for `datetime-local` inputs). */
export function isoToZonedLocal(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  try {
    return new Date(wallClockOf(instant, timeZone)).toISOString().slice(0, 16);
  } catch {
    return '';
  }
}

/** "Mon 10 Aug 2026, 14:30 (Europe/Paris)". */
export function formatInZone(iso: string | null | undefined, timeZone: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const zone = timeZone || undefined;
  try {
    const text = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
    return zone ? `${text} (${zone})` : text;
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

export function timeZoneOptions(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const list = zones.includes('UTC') ? zones : [...zones, 'UTC'];
  return current && !list.includes(current) ? [current, ...list] : list;
}
