import type { Team } from '@domain/roles';
import { Box, Button, Group, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { taxonomyOptions } from '@/features/taxonomy/lib/options';
import { errorMessage } from '@/shared/api/apiError';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation } from '@/shared/forms/validators';
import { Columns } from '@/shared/ui/Columns';
import { notifySuccess } from '@/shared/ui/notify';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { OpportunityForRequest } from '../api/opportunity';
import { useMatchPreview, useRequestPreview } from '../api/preview';
import { useCreateRequest, useSaveExistingRequest } from '../api/requests';
import type { Relaxation, RequestDetail } from '../api/types';
import { CRITERION_LABELS, requestReference } from '../lib/labels';
import {
  initialRequestValues,
  matchInputOf,
  prefillFromOpportunity,
  previewInputOf,
  REQUEST_FIELD_ALIASES,
  requestInputOf,
  valuesFromRequest,
  type RequestFormValues,
} from '../lib/requestForm';
import { useSettledValue } from '../lib/useSettledValue';
import { CriteriaFields } from './form/CriteriaFields';
import { NeedFields } from './form/NeedFields';
import { ProspectFields } from './form/ProspectFields';
import { LiveCheckPanel } from './LiveCheckPanel';
import { MatchList } from './MatchList';

interface RequestFormProps {
  opportunity: OpportunityForRequest | null;
  team: Team;
  /** Marketing: no opportunity, a purpose instead. */
  withPurpose: boolean;
  /** Editing this draft or blocked request instead of creating one. */
  existing?: RequestDetail;
}

function relaxedKind(relaxation: Relaxation): string {
  return relaxation.kind.replace(/^(criterion|must_have|musthave)[:._-]?/i, '');
}

/** The request form: prefilled, judged live, with ranked matches to pick from. */
export function RequestForm({ opportunity, team, withPurpose, existing }: RequestFormProps) {
  const navigate = useNavigate();
  const topics = useTaxonomyLabels('topic');
  const [initial] = useState(() => {
    if (existing) return valuesFromRequest(existing);
    const base = initialRequestValues({ marketing: withPurpose });
    return opportunity ? prefillFromOpportunity(base, opportunity) : base;
  });
  const form = useForm<RequestFormValues>({
    ...liveValidation,
    initialValues: initial,
    validate: {
      purpose: (value) => (withPurpose && !value ? 'Choose what the advocate is for' : null),
      activityTypeKey: (value) => (value ? null : 'Choose an activity'),
      neededBy: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Choose the date you need it by'),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form, REQUEST_FIELD_ALIASES);
  const createRequest = useCreateRequest();
  const saveExisting = useSaveExistingRequest(existing?.id ?? '');
  const create = existing ? saveExisting : createRequest;
  const values = form.getValues();
  const opportunityId = opportunity?.id ?? null;

  const previewInput = useSettledValue(previewInputOf(values, opportunityId));
  const matchInput = useSettledValue(matchInputOf(values, opportunityId));
  const preview = useRequestPreview(previewInput);
  const matches = useMatchPreview(matchInput);
  const checks = preview.data;
  const rush = checks?.leadTime.rush ?? false;
  const picking = (checks?.selectionMode ?? 'seller_picks') === 'seller_picks';

  // Picks of advocates who no longer match are dropped.
  const matchIds = matches.data?.candidates.map((match) => match.advocateId).join(',');
  const lastMatchIds = useRef(matchIds);
  useEffect(() => {
    if (matchIds === undefined || matchIds === lastMatchIds.current) return;
    lastMatchIds.current = matchIds;
    const still = new Set(matchIds.split(','));
    const kept = form.getValues().pickedAdvocateIds.filter((id) => still.has(id));
    if (kept.length !== form.getValues().pickedAdvocateIds.length) form.setFieldValue('pickedAdvocateIds', kept);
  }, [matchIds, form]);

  const togglePick = (advocateId: string, picked: boolean) => {
    const current = form.getValues().pickedAdvocateIds;
    form.setFieldValue('pickedAdvocateIds', picked ? [...current, advocateId] : current.filter((id) => id !== advocateId));
    form.clearFieldError('pickedAdvocateIds');
  };

  const canRelax = (relaxation: Relaxation) =>
    values.criteria.some((row) => row.kind === relaxedKind(relaxation) && row.mustHave && row.values.length > 0);
  const relax = (relaxation: Relaxation) => {
    const kind = relaxedKind(relaxation);
    form.setFieldValue(
      'criteria',
      form.getValues().criteria.map((row) => (row.kind === kind ? { ...row, mustHave: false } : row)),
    );
    notifySuccess(`${CRITERION_LABELS[kind as keyof typeof CRITERION_LABELS] ?? relaxation.label} is now a nice-to-have.`);
  };

  const finish = (request: RequestDetail) => {
    if (request.status === 'blocked') notifySuccess('It waits as blocked until the deal is ready.', `${requestReference(request.number)} saved`);
    else if (request.status === 'draft') notifySuccess('Submit it when you are ready.', `Draft ${requestReference(request.number)} saved`);
    else notifySuccess('The relationship owners are asked first; you will be told when someone says yes.', `${requestReference(request.number)} submitted`);
    navigate(`/requests/${request.id}`);
  };

  const save = (submit: boolean) =>
    form.onSubmit((formValues) => {
      clearProblem();
      if (submit && rush && !formValues.rushJustification.trim()) {
        form.setFieldError('rushJustification', 'Say why the request cannot wait for the lead time');
        return;
      }
      const hasMatches = (matches.data?.candidates.length ?? 0) > 0;
      const ready = checks?.readiness.ready ?? true;
      if (submit && picking && ready && hasMatches && formValues.pickedAdvocateIds.length === 0) {
        form.setFieldError('pickedAdvocateIds', 'Pick at least one advocate from the matches');
        return;
      }
      const input = requestInputOf(formValues, { opportunityId, rush, submit, picks: picking && ready });
      create.mutate(input, { onError: handleError, onSuccess: finish });
    });

  const pickError = form.errors['pickedAdvocateIds'];

  return (
    <form onSubmit={save(true)} noValidate aria-label="Reference request">
      <Columns layout="aside">
        <Stack gap="lg">
          <FormAlert problem={problem} title="The request was not saved" />
          <SectionCard title="What you need">
            <NeedFields form={form} team={team} withPurpose={withPurpose} rush={rush} leadTimeMessage={null} />
          </SectionCard>
          <SectionCard title={withPurpose ? 'Audience (optional)' : 'The prospect'}>
            <ProspectFields form={form} fromOpportunity={opportunity !== null} />
          </SectionCard>
          <SectionCard title="Ideal reference">
            <CriteriaFields form={form} />
            <MultiSelect
              label="Concerns to put to rest"
              description="Topics the prospect worries about; advocates who can speak to them rank higher"
              placeholder={values.topicKeys.length === 0 ? 'Implementation, security, ROI…' : undefined}
              data={taxonomyOptions(topics, values.topicKeys)}
              searchable
              clearable
              clearButtonProps={{ 'aria-label': 'Clear Concerns to put to rest' }}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('topicKeys')}
            />
            <Textarea
              label="Note"
              description="Anything the program team, the owner or the advocate should know"
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('note')}
            />
          </SectionCard>
          <SectionCard title={picking ? 'Matches: pick whom to ask' : 'Likely matches'}>
            <MatchList
              result={matches.data}
              loading={matches.isFetching}
              error={matches.error}
              needed={Math.max(1, values.referencesNeeded)}
              picking={picking}
              picked={values.pickedAdvocateIds}
              onTogglePick={togglePick}
              onRelax={relax}
              canRelax={canRelax}
            />
            {pickError && (
              <Text size="sm" c="red" role="alert">
                {pickError}
              </Text>
            )}
          </SectionCard>
        </Stack>
        <Box pos={{ lg: 'sticky' }} top={{ lg: 72 }}>
          <Stack gap="md">
            <LiveCheckPanel
              preview={checks}
              loading={preview.isFetching}
              error={preview.error}
              idle={previewInput === null}
              onUseEarliestDate={(date) => form.setFieldValue('neededBy', date)}
            />
            <Group gap="sm">
              <Button type="submit" loading={create.isPending}>
                {checks && !checks.readiness.ready ? 'Submit (it will wait as blocked)' : 'Submit request'}
              </Button>
              {(!existing || existing.status === 'draft') && (
                <Button variant="default" onClick={() => save(false)()} disabled={create.isPending}>
                  {existing ? 'Save draft' : 'Save as draft'}
                </Button>
              )}
            </Group>
            {create.isError && !problem && (
              <Text size="sm" c="red">
                {errorMessage(create.error)}
              </Text>
            )}
          </Stack>
        </Box>
      </Columns>
    </form>
  );
}
