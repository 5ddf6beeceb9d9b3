import type { ProgramPolicy } from '@domain/requests/program-policy';

/** One stage of the sales pipeline (`GET /api/pipeline-stages`). */
export interface PipelineStage {
  id: string;
  key: string;
  label: string;
  description: string | null;
  position: number;
  retired: boolean;
  /** Open opportunities at this stage. */
  openOpportunityCount: number;
}

/** A stage as `PUT /api/pipeline-stages` takes it: no key for a new stage. */
export interface PipelineStageInput {
  key?: string;
  label: string;
  description: string | null;
  retired: boolean;
}

/** `GET /api/program-policies`. */
export interface ProgramPolicies {
  policy: ProgramPolicy;
  defaults: ProgramPolicy;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}
