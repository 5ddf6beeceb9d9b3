import type { ImportJob, ImportRowOutcome, ImportStatus, SourceFormat } from '../api/types';

export const SOURCE_FORMAT_LABELS: Record<SourceFormat, string> = {
  salesforce: 'Salesforce export',
  hubspot: 'HubSpot export',
  generic: 'CSV file',
};

export const STATUS_LABELS: Record<ImportStatus, string> = {
  uploaded: 'Uploaded',
  queued: 'Starting',
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

export const OUTCOME_LABELS: Record<ImportRowOutcome, string> = {
  created: 'Created',
  updated: 'Updated',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
};

export const IGNORE_COLUMN = '__ignore__';

/** The required fields (or groups) no column is mapped to yet, as labels for a person. */
export function missingRequired(job: ImportJob, mapping: Record<string, string | null>): string[] {
  const mapped = new Set(Object.values(mapping).filter((v): v is string => Boolean(v)));
  const labelOf = (field: string) => job.fields.find((f) => f.field === field)?.label ?? field;
  return job.requiredFieldGroups.filter((group) => !group.some((f) => mapped.has(f))).map((group) => group.map(labelOf).join(' or '));
}

export function progressPercent(job: ImportJob): number {
  if (job.totalRows === 0) return job.status === 'completed' ? 100 : 0;
  return Math.min(100, Math.round((job.processedRows / job.totalRows) * 100));
}

export function isRunning(job: ImportJob): boolean {
  return job.status === 'queued' || job.status === 'running';
}
