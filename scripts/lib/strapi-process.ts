import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import path from 'path';

/** The app's folder, from scripts/lib/ as from its compiled copy in dist/scripts/lib/. */
const appDirectory = () => {
  const here = path.resolve(__dirname, '..', '..');
  return path.basename(here) === 'dist' ? path.dirname(here) : here;
};

export const APP_DIR = appDirectory();

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * `strapi start` in a child process on a free local port, with the environment given over this
 * one's (the database, say); resolves once `/_health` answers. The built admin must exist.
 */
export const startStrapiProcess = async (env: NodeJS.ProcessEnv) => {
  if (!fs.existsSync(path.join(APP_DIR, 'dist', 'build', 'index.html'))) {
    throw new Error('The admin is not built: run `npm run build:admin` first');
  }
  const port = await freePort();
  const child: ChildProcess = spawn(path.join(APP_DIR, 'node_modules', '.bin', 'strapi'), ['start'], {
    cwd: APP_DIR,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 240; attempt++) {
    const healthy = await fetch(`${baseUrl}/_health`).then(
      (response) => response.ok,
      () => false
    );
    if (healthy) break;
    if (child.exitCode !== null) throw new Error(`strapi start exited:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  return { baseUrl, stop, pid: child.pid };
};
