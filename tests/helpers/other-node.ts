import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import path from 'path';

export type SecondNode = {
  baseUrl: string;
  /** Stops the node as an operator would (its Strapi is destroyed cleanly). */
  stop(): Promise<void>;
  /** Kills the node mid-work, as a crash or an out-of-memory kill would. */
  kill(): Promise<void>;
};

/**
 * A second Strapi node: a separate Node.js process (Strapi is a process-wide singleton) booted
 * from the same compiled app on the same database and settings as this file's Strapi, plus `env`.
 */
export const startSecondNode = async (env: Record<string, string> = {}): Promise<SecondNode> => {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [path.join(__dirname, 'second-node.js')],
    { env: { ...process.env, ...env } }
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /LISTENING (\d+)/.exec(output);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`the second node exited with ${code}: ${output}`)));
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  return {
    baseUrl,
    async stop() {
      if (!isRunning()) return;
      child.stdin.end();
      await exited;
    },
    async kill() {
      if (!isRunning()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
};
