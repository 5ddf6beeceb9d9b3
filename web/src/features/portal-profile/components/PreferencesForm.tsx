import { Button, Group, Radio, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage } from '@/shared/api/apiError';
import { NumberField } from '@/shared/forms/NumberField';
import { notifySuccess } from '@/shared/ui/notify';
import { SectionCard } from '@/shared/ui/SectionCard';
import { useSavePreferences } from '../api/portalProfile';
import type { PortalPreferences, Willingness } from '../api/types';
import { WillingnessTable } from './WillingnessTable';

const perPeriod = (days: number) => (days === 365 ? 'a year' : `${days} days`);

/** Willingness, pace and messages, saved together and applied at once. */
export function PreferencesForm({ preferences }: { preferences: PortalPreferences }) {
  const save = useSavePreferences();
  const [willingness, setWillingness] = useState<Record<string, Willingness>>(() => Object.fromEntries(preferences.activityTypes.map((t) => [t.key, t.willingness])));
  const [paceMode, setPaceMode] = useState<'program' | 'own'>(preferences.personalCap === null ? 'program' : 'own');
  const [cap, setCap] = useState<string>(preferences.personalCap === null ? String(preferences.cap.programUnits) : String(preferences.personalCap));
  const [enabled, setEnabled] = useState<Record<string, boolean>>(() => Object.fromEntries(preferences.messages.map((m) => [m.kind, m.enabled])));
  const capNumber = Number(cap);
  const capError =
    paceMode === 'own' && (cap.trim() === '' || !Number.isFinite(capNumber) || capNumber < 0.5 || capNumber > preferences.cap.maxUnits)
      ? `Enter a number from 0.5 to ${preferences.cap.maxUnits}`
      : save.error instanceof ApiError
        ? save.error.fieldErrors.personalCap
        : undefined;
  const { windowDays, programUnits } = preferences.cap;

  const onSave = () => {
    if (paceMode === 'own' && capError) return;
    save.mutate(
      {
        willingness,
        personalCap: paceMode === 'own' ? capNumber : null,
        optOuts: preferences.messages.filter((m) => !m.required && !enabled[m.kind]).map((m) => m.kind),
      },
      { onSuccess: () => notifySuccess('Your preferences apply from now on.', 'Preferences saved') },
    );
  };

  return (
    <form
      noValidate
      aria-label="Your preferences"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <Stack gap="md">
        <SectionCard title="What you are willing to do">
          <Text size="sm" c="dimmed">
            “Ask me first” means we check with you before putting your name forward.
          </Text>
          <WillingnessTable types={preferences.activityTypes} values={willingness} onChange={(key, value) => setWillingness((w) => ({ ...w, [key]: value }))} />
        </SectionCard>
        <SectionCard title="How often you are willing to help">
          <Radio.Group value={paceMode} onChange={(value) => setPaceMode(value as 'program' | 'own')} label="Your pace" description={`Each activity counts its units over ${perPeriod(windowDays)}.`}>
            <Stack gap="xs" mt="xs">
              <Radio value="program" label={`The program’s usual pace: at most ${programUnits} units in ${perPeriod(windowDays)}`} />
              <Radio value="own" label="My own limit" />
            </Stack>
          </Radio.Group>
          {paceMode === 'own' && (
            <NumberField
              label={`Units in ${perPeriod(windowDays)}`}
              description={`For example 2 means about two reference calls. At most ${preferences.cap.maxUnits}.`}
              min={0.5}
              max={preferences.cap.maxUnits}
              step={0.5}
              w={220}
              value={cap}
              error={capError}
              onChange={(event) => setCap(event.currentTarget.value)}
            />
          )}
        </SectionCard>
        <SectionCard title="Messages you receive">
          <Stack gap="sm">
            {preferences.messages.map((m) => (
              <Switch
                key={m.kind}
                label={m.required ? `${m.label} (always sent)` : m.label}
                description={m.required ? `${m.description} These carry the process, so they are always on.` : m.description}
                checked={m.required ? true : (enabled[m.kind] ?? true)}
                disabled={m.required}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setEnabled((e) => ({ ...e, [m.kind]: checked }));
                }}
              />
            ))}
          </Stack>
        </SectionCard>
        {save.isError && !capError && (
          <Text role="alert" c="red" size="sm">
            {errorMessage(save.error)}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save preferences
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
