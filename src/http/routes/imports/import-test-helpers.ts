import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ApiClient } from '../../../../test/helpers/app.js';

export interface JobJson {
  id: string;
  kind: string;
  status: string;
  dryRun: boolean;
  sourceFormat: string;
  headers: string[];
  mapping: Record<string, string | null>;
  totalRows: number;
  processedRows: number;
  counts: { created: number; updated: number; unchanged: number; rejected: number };
  error: string | null;
}

export interface RowJson {
  rowNumber: number;
  outcome: string;
  recordId: string | null;
  label: string | null;
  errors: { field: string; reason: string }[];
}

export const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/${name}`, import.meta.url), 'utf8');

export function uploadCsv(client: ApiClient, kind: string, csv: string, fileName = 'test.csv', contentType = 'text/csv') {
  return client.request({
    method: 'POST',
    url: `/api/imports?kind=${encodeURIComponent(kind)}&fileName=${encodeURIComponent(fileName)}`,
    payload: csv,
    headers: { 'content-type': contentType },
  });
}

export async function uploadOk(client: ApiClient, kind: string, csv: string): Promise<{ job: JobJson; sample: string[][] }> {
  const res = await uploadCsv(client, kind, csv);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Polls the job until its run ends. */
export async function waitForRun(client: ApiClient, id: string): Promise<JobJson> {
  for (let i = 0; i < 600; i++) {
    const job = (await client.get(`/api/imports/${id}`)).json<JobJson>();
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

export async function runOk(client: ApiClient, id: string, dryRun: boolean): Promise<JobJson> {
  const res = await client.post(`/api/imports/${id}/runs`, { dryRun });
  expect(res.statusCode, res.body).toBe(202);
  const job = await waitForRun(client, id);
  expect(job.status, job.error ?? '').toBe('completed');
  return job;
}

/** Uploads and imports a file, returning the finished job. */
export async function importCsv(client: ApiClient, kind: string, csv: string, dryRun = false): Promise<JobJson> {
  const { job } = await uploadOk(client, kind, csv);
  return runOk(client, job.id, dryRun);
}

export async function rowsOf(client: ApiClient, id: string, outcome?: string): Promise<RowJson[]> {
  const res = await client.get(`/api/imports/${id}/rows?limit=200${outcome ? `&outcome=${outcome}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: RowJson[] }>().items;
}
