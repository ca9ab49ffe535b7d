// Run `npm start` as a user does, on a free port with its own state dir, and stop its whole process tree afterwards.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface Started {
  origin: string;
  /** The lines npm start prints on its first screen, by label ("share page", "API token", …). */
  printed: Record<string, string>;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * A copy of the project to run or edit (node_modules and fonts linked, not copied), so this tree is never touched.
 * Remove it with `rmSync(copy, { recursive: true, force: true })`.
 */
export function projectCopy(): string {
  const root = new URL('../..', import.meta.url).pathname;
  const copy = mkdtempSync(join(tmpdir(), 'storycard-copy-'));
  for (const entry of ['package.json', 'tsconfig.json', 'wrangler.toml', 'src', 'templates', 'scripts', 'migrations']) {
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  symlinkSync(join(root, 'fonts'), join(copy, 'fonts'));
  return copy;
}

export interface StartOptions {
  /** Another checkout of the project (a projectCopy(): tests edit a copy, never this tree). */
  cwd?: string;
  /**
   * How npm start learns its port: from the environment (default), or from `.dev.vars` in `cwd` (a copy only),
   * with PORT removed from the environment, as a developer who keeps settings in .dev.vars runs it.
   */
  portFrom?: 'env' | 'dev-vars';
  /** A port chosen beforehand (freePort()), for settings that name the server's own origin (PUBLIC_BASE_URL). */
  port?: number;
}

/**
 * Start `npm start` with `env` on top of this process's environment; resolves once it printed its first screen.
 * API_TOKEN and SIGNING_SECRET are blank unless `env` sets them, so npm start generates and prints them.
 */
export async function startServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<Started> {
  const port = options.port ?? (await freePort());
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    API_TOKEN: '',
    SIGNING_SECRET: '',
    ...env,
    PORT: String(port),
  };
  if (options.portFrom === 'dev-vars') {
    if (!options.cwd) throw new Error('portFrom: dev-vars writes .dev.vars: give a projectCopy() as cwd');
    writeFileSync(join(options.cwd, '.dev.vars'), `PORT=${port}\n`);
    delete childEnv.PORT;
  }
  const stateDir = mkdtempSync(join(tmpdir(), 'storycard-e2e-'));
  // Its own process group, so the whole tree (npm → start.mjs → wrangler → workerd) stops together at the end.
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...childEnv, STORYCARD_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const printed: Record<string, string> = {};
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start printed no share URL in 150 s:\n${output}`)), 150_000);
      const onData = (d: Buffer) => {
        output += d;
        for (const key of ['share page', 'card', 'studio', 'API token']) {
          const m = new RegExp(`^\\s+${key}\\s+(\\S+)`, 'm').exec(output);
          if (m?.[1]) printed[key] = m[1];
        }
        if (printed['API token'] && printed['share page']) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, printed, output: () => output, stop };
}

/** An outbox row as GET /api/posts shows it (the fields the e2e tests read). */
export interface PostView {
  state: string;
  platform: string;
  text: string;
  platformPostId: string | null;
  url: string | null;
  attempts: number;
  lastError: string | null;
}

/**
 * The server's API with the token it printed: `api(path, init)` and `postsOf(storyId)`. `server` is a getter, as the
 * server starts in beforeAll.
 */
export function storycardApi(server: () => Started) {
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server().origin}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${server().printed['API token']}`, 'Content-Type': 'application/json' },
    });
  const postsOf = async (storyId: string): Promise<PostView[]> => {
    const res = await api(`/api/posts?storyId=${storyId}`);
    if (res.status !== 200) throw new Error(`GET /api/posts answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { items: PostView[] }).items;
  };
  return { api, postsOf };
}
