import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Db } from '../db/client.js';
import type { Role, Team } from '../domain/roles.js';

/** What every use case receives: the database, the configuration and a clock tests can move. */
export interface ServiceDeps {
  db: Db;
  config: Config;
  now: () => Date;
  log: Logger;
}

/** The signed-in person on whose behalf a use case runs. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  team: Team;
  ip: string | null;
}
