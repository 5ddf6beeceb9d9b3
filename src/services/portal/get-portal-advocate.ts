import { eq } from 'drizzle-orm';
import { accounts, advocates } from '../../db/schema/index.js';
import type { AdvocateStatus } from '../../domain/advocate-lifecycle.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { getOrganization } from '../organization/get-organization.js';

export interface PortalAdvocateView {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  status: AdvocateStatus;
  accountName: string;
  points: number;
  withdrawnAt: Date | null;
  orgName: string;
  orgColor: string;
}

/** The signed-in advocate as their own page shows them (their own e-mail is theirs to see). */
export async function getPortalAdvocate(deps: ServiceDeps, advocateId: string): Promise<PortalAdvocateView> {
  const [row] = await deps.db
    .select({
      id: advocates.id,
      firstName: advocates.firstName,
      lastName: advocates.lastName,
      email: advocates.email,
      status: advocates.status,
      accountName: accounts.name,
      points: advocates.points,
      withdrawnAt: advocates.withdrawnAt,
    })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(eq(advocates.id, advocateId))
    .limit(1);
  if (!row) throw notFound('The advocate');
  const org = await getOrganization(deps.db);
  return { ...row, orgName: org.name, orgColor: org.primaryColor };
}
