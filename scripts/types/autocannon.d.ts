// The slice of autocannon 8 the benchmark scripts use (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'events';

  type RequestSpec = { method?: string; path?: string; headers?: Record<string, string>; body?: string };

  type Options = {
    url: string;
    connections?: number;
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    /** Seconds before a request without an answer is counted as a timeout (10 by default). */
    timeout?: number;
    requests?: (RequestSpec & {
      setupRequest?: (request: RequestSpec) => RequestSpec;
      /** Called with each answer's status and body. */
      onResponse?: (status: number, body: string) => void;
    })[];
  };

  type Result = {
    /** Seconds the run lasted. */
    duration: number;
    requests: { average: number; total: number };
    latency: { p50: number; p90: number; p99: number; average: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  };

  type Instance = EventEmitter & Promise<Result>;

  function autocannon(options: Options): Instance;
  export = autocannon;
}
