export type ImportKind = 'accounts' | 'advocates' | 'opportunities';

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { accounts: 'Accounts', advocates: 'Advocates', opportunities: 'Opportunities' };
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'completed' | 'failed';
export type ImportRowOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';
export type SourceFormat = 'salesforce' | 'hubspot' | 'generic';

export interface ImportField {
  field: string;
  label: string;
  required: boolean;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  status: ImportStatus;
  dryRun: boolean;
  fileName: string;
  sourceFormat: SourceFormat;
  headers: string[];
  mapping: Record<string, string | null>;
  fields: ImportField[];
  requiredFieldGroups: string[][];
  totalRows: number;
  processedRows: number;
  counts: ImportCounts;
  error: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RowProblem {
  field: string;
  reason: string;
}

export interface ImportPreview {
  sample: string[][];
  rows: { rowNumber: number; cells: Record<string, string>; errors: RowProblem[] }[];
}

export interface ImportRowResult {
  rowNumber: number;
  outcome: ImportRowOutcome;
  recordId: string | null;
  label: string | null;
  errors: RowProblem[];
}
