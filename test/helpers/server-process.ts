import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  url: string;
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/**
 * The node arguments `npm start` runs the server with: the part of package.json's start script
 * after its last `&&` (flags and the bundle). Tests and benches start the server exactly so.
 */
export function npmStartNodeArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [command, ...args] = scripts.start.split('&&').at(-1)!.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start no longer ends with a node command: ${scripts.start}`);
  return args;
}

/**
 * Starts the server as `npm start` does (the bundle that the system tests' global setup or the
 * bench built, with npm start's node flags) and waits until /readyz answers.
 */
export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const chosen = port ?? (await freePort());
  const url = `http://127.0.0.1:${chosen}`;
  const child = spawn(process.execPath, npmStartNodeArgs(), {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(chosen), PUBLIC_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, process: child, output: () => output, exited };
}

/** A tiny browser-like HTTP client for a server process: keeps the cookie and CSRF token. */
export class HttpSession {
  cookie = '';
  csrfToken = '';
  constructor(public baseUrl: string) {}

  async signIn(email: string, password: string): Promise<Response> {
    const res = await fetch(`${this.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.ok) {
      this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      this.csrfToken = ((await res.clone().json()) as { csrfToken: string }).csrfToken;
    }
    return res;
  }

  /** JSON bodies by default; with `contentType`, the body is sent as the string it is (a CSV upload). */
  fetch(path: string, init: { method?: string; body?: unknown; contentType?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: this.cookie };
    if (init.method && init.method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
    const body = init.body === undefined ? undefined : init.contentType ? String(init.body) : JSON.stringify(init.body);
    return fetch(`${this.baseUrl}${path}`, { method: init.method ?? 'GET', headers, body });
  }
}
