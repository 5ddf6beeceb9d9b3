import { ensureServerBuild } from '../../scripts/ensure-server.js';

/** System tests start the server as `npm start` does: from the bundle, rebuilt when stale. */
export default async function setup() {
  await ensureServerBuild();
}
