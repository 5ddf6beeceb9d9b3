import { pipeline, Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { invalidInput } from '../errors.js';

export type CsvDelimiter = ',' | ';' | '\t';

/** What the upload learns from a file without keeping its rows. */
export interface CsvOverview {
  delimiter: CsvDelimiter;
  headers: string[];
  /** The first data records, as parsed. */
  sample: string[][];
  totalRows: number;
}

const CHUNK = 64 * 1024;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Semicolons (European Excel) or tabs when the header line has more of them than commas. */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => outsideQuotes.split(c).length - 1;
  const counts: [CsvDelimiter, number][] = [[',', count(',')], [';', count(';')], ['\t', count('\t')]];
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

function parserOptions(delimiter: CsvDelimiter): Options {
  return { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 1_000_000 };
}

/** The text in 64 kB slices, so the parser streams with back-pressure instead of buffering every record. */
function sliced(text: string): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < text.length; i += CHUNK) yield text.slice(i, i + CHUNK);
    })(),
    { objectMode: false },
  );
}

function csvProblem(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  return invalidInput([{ field: '(body)', reason: `is not readable CSV: ${message}` }], 'The file is not valid CSV.');
}

/** Every record of the file (the whole text, or its consecutive parts), header included, one at a time. */
export async function* readCsvRecords(text: string | AsyncIterable<string>, delimiter: CsvDelimiter): AsyncGenerator<string[]> {
  const input = typeof text === 'string' ? sliced(text) : Readable.from(text, { objectMode: false });
  // pipeline, not pipe: a failed read of the stored file ends the iteration with its error.
  const parser = pipeline(input, parse(parserOptions(delimiter)), () => undefined);
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    throw csvProblem(error);
  } finally {
    parser.destroy();
  }
}

/** A line of separators only (",,,"), as spreadsheets leave at the end of an export. */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

/** Header cells made unique and never blank ("Email", "Email (2)", "Column 3"). */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const used = new Set<string>();
  return cells.map((cell, i) => {
    const base = cell.trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Reads a whole uploaded file once: delimiter, headers, a sample and the row count. Refuses
 * empty files, files without a header and unreadable CSV with a 400 naming the problem.
 */
export async function readCsvOverview(raw: string, sampleSize = 5): Promise<CsvOverview> {
  const text = stripBom(raw);
  if (text.trim() === '') throw invalidInput([{ field: '(body)', reason: 'the file is empty' }], 'The file is empty.');
  const delimiter = detectDelimiter(text);
  let headers: string[] | null = null;
  const sample: string[][] = [];
  let totalRows = 0;
  for await (const record of readCsvRecords(text, delimiter)) {
    if (!headers) {
      headers = uniqueHeaders(record);
      continue;
    }
    if (isBlankRecord(record)) continue;
    totalRows++;
    if (sample.length < sampleSize) sample.push(record);
  }
  if (!headers || headers.every((h) => /^Column \d+$/.test(h))) {
    throw invalidInput([{ field: '(body)', reason: 'has no header row: the first line must name the columns' }], 'The file has no header row.');
  }
  return { delimiter, headers, sample, totalRows };
}

/** The first records of a file from its first bytes only (for previews of big files). */
export async function readCsvPrefix(prefix: string, truncated: boolean, delimiter: CsvDelimiter, limit: number): Promise<string[][]> {
  const text = stripBom(prefix);
  // A cut file ends mid-record: keep only what comes before the last line break.
  const usable = truncated ? text.slice(0, Math.max(0, text.lastIndexOf('\n'))) : text;
  const records: string[][] = [];
  try {
    for await (const record of readCsvRecords(usable, delimiter)) {
      if (records.length > 0 && isBlankRecord(record)) continue;
      records.push(record);
      if (records.length > limit) break;
    }
  } catch {
    // A quoted field spanning the cut: show what was read.
  }
  return records.slice(1, limit + 1);
}
