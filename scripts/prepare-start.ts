import { ensureServerBuild } from './ensure-server.js';
import { ensureWebBuild } from './ensure-web.js';

/** What `npm start` does before starting the server: the web app and the server bundle, each only when stale. */
await ensureWebBuild();
await ensureServerBuild();
