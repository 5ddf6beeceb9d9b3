/** A property of an iCalendar component: its parameters and (unescaped) value. */
export interface IcsProperty {
  params: Record<string, string>;
  value: string;
}

export type IcsComponent = Record<string, IcsProperty[]>;

/**
 * A small RFC 5545 reader for tests: unfolds lines, splits name;params:value, unescapes text.
 * Returns the properties of the first VEVENT and of the VCALENDAR around it.
 */
export function parseIcs(text: string): { calendar: IcsComponent; event: IcsComponent } {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n[ \t]/g, '').split('\n').filter((l) => l.length > 0);
  const calendar: IcsComponent = {};
  const event: IcsComponent = {};
  const stack: string[] = [];
  for (const line of lines) {
    const colon = findValueColon(line);
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const [name = '', ...rawParams] = head.split(';');
    if (name === 'BEGIN') {
      stack.push(value);
      continue;
    }
    if (name === 'END') {
      stack.pop();
      continue;
    }
    const params = Object.fromEntries(
      rawParams.map((p) => {
        const eq = p.indexOf('=');
        return [p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"|"$/g, '')];
      }),
    );
    const target = stack.at(-1) === 'VEVENT' ? event : stack.at(-1) === 'VCALENDAR' ? calendar : null;
    if (!target) continue;
    (target[name.toUpperCase()] ??= []).push({ params, value: unescape(value) });
  }
  return { calendar, event };
}

/** The colon that ends the property name and parameters (not one inside a quoted parameter). */
function findValueColon(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return line.length;
}

function unescape(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** "20300304T150000Z" → Date */
export function icsUtcDate(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not a UTC date-time: ${value}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
}
