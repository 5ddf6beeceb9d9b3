const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function parse(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(value: string | null | undefined, empty = '—'): string {
  if (!value) return empty;
  const date = parse(value);
  return date ? dateTime.format(date) : empty;
}

export function formatDate(value: string | null | undefined, empty = '—'): string {
  if (!value) return empty;
  const date = parse(value);
  return date ? dateOnly.format(date) : empty;
}

const units: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "in 2 hours", "just now". */
export function formatRelative(value: string | null | undefined, now: number = Date.now(), empty = '—'): string {
  if (!value) return empty;
  const date = parse(value);
  if (!date) return empty;
  const seconds = Math.round((date.getTime() - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

/** ISO instant → value for `<input type="datetime-local">` in the browser's time zone. */
export function isoToLocalInput(value: string | null): string {
  if (!value) return '';
  const date = parse(value);
  if (!date) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `<input type="datetime-local">` value → ISO instant, or null when empty or invalid. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A calendar day as the API sends it ("2026-08-10") → "Aug 10, 2026", without time-zone shifts. */
export function formatDay(value: string | null | undefined, empty = '—'): string {
  if (!value) return empty;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return formatDate(value, empty);
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateOnly.format(date);
}

/** Today as a calendar day ("2026-08-10") in the browser's time zone. */
export function todayDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
