import { stopTestRedis } from './redis';

/** Stops what the global setup started for the run. */
export default async function globalTeardown() {
  stopTestRedis();
}
