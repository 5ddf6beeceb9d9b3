import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { formatDateTime } from '@/shared/format/dates';
import { MetaList } from '@/shared/ui/MetaList';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { Advocate } from '../../api/types';

/** Scope entries are activity type keys or free words such as "name_and_logo". */
function scopeLabel(key: string, label: (key: string) => string): string {
  const known = label(key);
  return known === key ? key.replace(/_/g, ' ') : known;
}

/** When and how the advocate agreed to be a reference, and to what. */
export function ConsentSection({ advocate }: { advocate: Advocate }) {
  const activities = useTaxonomyLabels('activity_type');
  const { consent } = advocate;
  return (
    <SectionCard title="Consent">
      {consent ? (
        <>
          <MetaList
            cols={1}
            items={[
              { label: 'Recorded', value: formatDateTime(consent.at) },
              { label: 'How', value: consent.method },
              {
                label: 'Agreed to',
                value: consent.scope.map((key) => scopeLabel(key, (k) => activities.label(k))).join(', '),
              },
            ]}
          />
          {consent.notes && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {consent.notes}
            </Text>
          )}
        </>
      ) : (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} p="sm" role="note">
          No consent on record. An advocate needs one before becoming active.
        </Alert>
      )}
    </SectionCard>
  );
}
