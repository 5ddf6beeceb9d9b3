import { z } from 'zod';
import { THANK_YOU_KINDS } from '../../../db/schema/index.js';
import type { ThankYouWithGiver } from '../../../services/thank-yous/list-thank-yous.js';

export const thankYouSchema = z
  .object({
    id: z.uuid(),
    advocateId: z.uuid(),
    activityId: z.uuid().nullable(),
    kind: z.enum(THANK_YOU_KINDS),
    points: z.number().int(),
    note: z.string().nullable(),
    givenBy: z.object({ id: z.uuid(), name: z.string() }),
    givenAt: z.string(),
  })
  .meta({ id: 'ThankYou' });

export type ThankYouView = z.infer<typeof thankYouSchema>;

export function presentThankYou({ thankYou, givenBy }: ThankYouWithGiver): ThankYouView {
  return {
    id: thankYou.id,
    advocateId: thankYou.advocateId,
    activityId: thankYou.activityId,
    kind: thankYou.kind,
    points: thankYou.points,
    note: thankYou.note,
    givenBy,
    givenAt: thankYou.givenAt.toISOString(),
  };
}
