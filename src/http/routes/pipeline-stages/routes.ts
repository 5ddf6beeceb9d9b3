import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { programSettingsPolicy } from '../../../policies/program-settings.js';
import { listPipelineStages, type PipelineStageWithUse } from '../../../services/pipeline-stages/list-pipeline-stages.js';
import { replacePipelineStages } from '../../../services/pipeline-stages/replace-pipeline-stages.js';
import { requireActor } from '../../plugins/auth.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export const pipelineStageSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    description: z.string().nullable(),
    position: z.number().int(),
    retired: z.boolean(),
    openOpportunityCount: z.number().int().describe('Open opportunities at this stage'),
  })
  .meta({ id: 'PipelineStage' });

const pipelineSchema = z.object({ stages: z.array(pipelineStageSchema) }).meta({ id: 'Pipeline' });

const putBody = z
  .object({
    stages: z
      .array(
        z
          .object({
            key: z.string().trim().min(1).max(80).optional().describe("An existing stage's key; leave out to add a stage (its key is made from the label)"),
            label: z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters'),
            description: z.string().trim().max(500, 'must be at most 500 characters').nullable().optional(),
            retired: z.boolean().optional(),
          })
          .strict(),
      )
      .min(1, 'must have at least one stage')
      .max(50, 'must have at most 50 stages'),
  })
  .strict();

function present(stages: PipelineStageWithUse[]) {
  return {
    stages: stages.map(({ stage, openOpportunityCount }) => ({
      id: stage.id,
      key: stage.key,
      label: stage.label,
      description: stage.description,
      position: stage.position,
      retired: stage.retiredAt !== null,
      openOpportunityCount,
    })),
  };
}

export function registerPipelineStageRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/pipeline-stages',
    {
      schema: {
        tags: ['program settings'],
        summary: 'The sales pipeline in order, retired stages included (every internal role)',
        response: { 200: pipelineSchema, ...errors },
      },
    },
    async (request) => {
      authorize(programSettingsPolicy.view(requireActor(request)));
      return present(await listPipelineStages(deps.db));
    },
  );

  app.put(
    '/api/pipeline-stages',
    {
      schema: {
        tags: ['program settings'],
        summary:
          'Replace the ordered pipeline (admins): every existing stage in its new place, renamed or retired; new stages without a key. Stages are never deleted.',
        body: putBody,
        response: { 200: pipelineSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(programSettingsPolicy.change(actor));
      return present(await replacePipelineStages(deps, actor, request.body.stages));
    },
  );
}
