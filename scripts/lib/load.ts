/**
 * Requests per second and latencies under concurrent load, with autocannon run in a child process
 * of its own (this compiled file, started directly): in the benchmark's process the load generator
 * would share the event loop with the Strapi it measures and slow it down. Answers other than 2xx
 * are counted, by status, and the 429 `query.busy` refusals of the read slots apart: a refused
 * request is fast, and would make a side look faster than it is.
 */
import { spawn } from 'child_process';
import autocannon from 'autocannon';

import { percentile } from './percentile';

export type HttpCall = { method: 'GET' | 'POST' | 'PUT'; path: string; body?: string };

/**
 * Where the load generator gets its `sequence`-th request from: a list it cycles through, or the
 * named export `(argument, sequence) => HttpCall` of a compiled module (a request that must differ
 * each time, a create with a new e-mail, say). Plain data: it crosses to the child as JSON.
 */
export type CallSource = { calls: HttpCall[] } | { module: string; exportName: string; argument: unknown };

export type LoadSpec = {
  baseUrl: string;
  /**
   * Bearer tokens: the connections are shared out among them, each token a caller of its own
   * (the read slots count reads per caller). One token: one external app.
   */
  tokens: string[];
  connections: number;
  /** Seconds. */
  duration: number;
  source: CallSource;
};

export type LoadFigures = {
  /** Answers of any status per second (autocannon's average over the seconds of the run). */
  requestsPerSecond: number;
  /** 2xx answers per second over the run. */
  servedPerSecond: number;
  total: number;
  /** Over every answer. */
  p50: number;
  p95: number;
  /** Over the 2xx answers only. */
  servedP95: number;
  non2xx: number;
  /** 429 answers whose error code is `query.busy` (a caller's read slots and queue were full). */
  busy: number;
  /** Socket errors and timeouts: requests that got no answer at all. */
  errors: number;
  statusCodes: Record<string, number>;
};

/** LoadFigures as JSON carries them: a load with no answer has no percentile, and NaN becomes null. */
type Percentiles = 'p50' | 'p95' | 'servedP95';
type LoadFiguresJson = Omit<LoadFigures, Percentiles> & Record<Percentiles, number | null>;

const callOf = (source: CallSource): ((sequence: number) => HttpCall) => {
  if ('calls' in source) {
    if (source.calls.length === 0) throw new Error('a load needs at least one request');
    return (sequence) => source.calls[sequence % source.calls.length] as HttpCall;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a compiled script named at run time
  const build = (require(source.module) as Record<string, unknown>)[source.exportName];
  if (typeof build !== 'function') throw new Error(`${source.module} has no export ${source.exportName}`);
  return (sequence) =>
    (build as (argument: unknown, sequence: number) => HttpCall)(source.argument, sequence);
};

/** The child's side: one autocannon per token, all at once, their answers added up. */
async function runLoad({ baseUrl, tokens, connections, duration, source }: LoadSpec): Promise<LoadFigures> {
  if (tokens.length === 0 || connections < tokens.length)
    throw new Error(`${connections} connections cannot be shared among ${tokens.length} tokens`);
  const call = callOf(source);
  let sequence = 0;
  const latencies: number[] = [];
  const servedLatencies: number[] = [];
  let busy = 0;
  const instances = tokens.map((token, index) => {
    // the connections shared out as evenly as they go: 10 among 3 tokens are 4, 3 and 3
    const share = Math.floor(connections / tokens.length) + (index < connections % tokens.length ? 1 : 0);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const instance = autocannon({
      url: baseUrl,
      connections: share,
      duration,
      requests: [
        {
          headers,
          // called for every request, so that each may differ (a create's new address). Fresh
          // headers each time: autocannon writes a body's Content-Length into the headers object it
          // is given, and a GET after a POST would otherwise announce a body it does not send
          setupRequest: (request) => {
            const next = call(sequence++);
            return {
              ...request,
              headers: { ...headers },
              method: next.method,
              path: next.path,
              body: next.body ?? '',
            };
          },
          onResponse: (status, body) => {
            if (status === 429 && body.includes('"query.busy"')) busy += 1;
          },
        },
      ],
    });
    // from every response rather than autocannon's histogram buckets
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      if (status >= 200 && status < 300) servedLatencies.push(responseTime);
    });
    return instance;
  });
  const results = await Promise.all(instances);
  latencies.sort((a, b) => a - b);
  servedLatencies.sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const result of results)
    for (const [code, { count }] of Object.entries(result.statusCodeStats))
      statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const sum = (pick: (result: (typeof results)[number]) => number) =>
    results.reduce((total, result) => total + pick(result), 0);
  const seconds = Math.max(...results.map((result) => result.duration));
  return {
    requestsPerSecond: sum((result) => result.requests.average),
    servedPerSecond: seconds > 0 ? servedLatencies.length / seconds : 0,
    total: sum((result) => result.requests.total),
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    servedP95: percentile(servedLatencies, 0.95),
    non2xx: sum((result) => result.non2xx),
    busy,
    errors: sum((result) => result.errors + result.timeouts),
    statusCodes,
  };
}

/** Milliseconds as the benchmark tables show them: one decimal under 10, `n/a` for no answer. */
export const ms = (value: number) =>
  Number.isNaN(value) ? 'n/a' : value < 10 ? value.toFixed(1) : value.toFixed(0);
/** Requests per second, one decimal under 10. */
export const perSecond = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

/** Runs `spec` in a child process and resolves with its figures. */
export async function measureUnderLoad(spec: LoadSpec): Promise<LoadFigures> {
  const child = spawn(process.execPath, [__filename], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', resolve);
  });
  child.stdin.end(JSON.stringify(spec));
  const code = await exited;
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  const figures = JSON.parse(output) as LoadFiguresJson;
  return {
    ...figures,
    p50: figures.p50 ?? NaN,
    p95: figures.p95 ?? NaN,
    servedP95: figures.servedP95 ?? NaN,
  };
}

async function loadGeneratorMain() {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const figures = await runLoad(JSON.parse(input) as LoadSpec);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

// started by measureUnderLoad; imported, this file only exports
if (require.main === module) {
  loadGeneratorMain().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
