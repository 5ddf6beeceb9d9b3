import type { Executor } from '../../db/client.js';
import { organizations } from '../../db/schema/index.js';

/** The organisation running this installation (name and colour for pages and e-mails). */
export async function getOrganization(db: Executor): Promise<{ name: string; primaryColor: string }> {
  const [org] = await db.select({ name: organizations.name, primaryColor: organizations.primaryColor }).from(organizations).limit(1);
  return org ?? { name: 'Vouch', primaryColor: '#4c6ef5' };
}
