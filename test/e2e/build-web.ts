import { ensureWebBuild } from '../../scripts/ensure-web.js';

/** Browser tests drive the real built app. */
export default async function setup() {
  await ensureWebBuild();
}
