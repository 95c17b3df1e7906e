import { createHash } from 'crypto';
import type { Context } from 'koa';

export type ReadSlotLimits = {
  /** Reads of one caller that may run at once on this node; 0: no limit. */
  running: number;
  /** Reads of one caller that may wait for a free slot; past them a read is refused. */
  waiting: number;
  /** The longest a read may wait for a slot, in ms, before it is refused. */
  waitMs: number;
};

export type SlotOutcome =
  | { granted: true; release: () => void }
  | { granted: false; reason: 'full' | 'waited' };

type Waiter = { wake: () => void; timer: NodeJS.Timeout };
type Caller = { running: number; queue: Waiter[] };

/**
 * Who sends a content-API read, before Strapi has authenticated it: the bearer credential (an API
 * token or a users-permissions JWT), hashed so that it is not kept in memory as it came, or the
 * client's address when it sends none. A forged credential is a caller of its own, whose reads
 * Strapi refuses anyway.
 */
export const callerKeyOf = (ctx: Context) => {
  const authorization = ctx.get('authorization');
  if (authorization) return `auth:${createHash('sha256').update(authorization).digest('base64url')}`;
  return `ip:${ctx.request.ip || 'unknown'}`;
};

/**
 * Read slots per caller: at most `running` reads of one caller at once, the next `waiting` queued
 * in their order of arrival, each for at most `waitMs`. One caller's many heavy reads thus hold a
 * bounded share of the database's connections and of the machine's CPU, and the others' requests
 * (and `/_health`) keep theirs. The state is this node's own: each node bounds what it runs.
 */
export const createReadSlots = (limits: () => ReadSlotLimits) => {
  const callers = new Map<string, Caller>();

  const releaseOf = (key: string, caller: Caller) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = caller.queue.shift();
      if (next) {
        clearTimeout(next.timer);
        next.wake();
        return;
      }
      caller.running -= 1;
      if (caller.running === 0) callers.delete(key);
    };
  };

  const acquire = (key: string): Promise<SlotOutcome> => {
    const { running, waiting, waitMs } = limits();
    const caller = callers.get(key) ?? { running: 0, queue: [] };
    callers.set(key, caller);
    if (running <= 0 || caller.running < running) {
      caller.running += 1;
      return Promise.resolve({ granted: true, release: releaseOf(key, caller) });
    }
    if (caller.queue.length >= waiting) return Promise.resolve({ granted: false, reason: 'full' });
    return new Promise((resolve) => {
      const waiter: Waiter = {
        // the slot passes from the read that ends to this one: `running` stays as it is
        wake: () => resolve({ granted: true, release: releaseOf(key, caller) }),
        timer: setTimeout(() => {
          caller.queue.splice(caller.queue.indexOf(waiter), 1);
          resolve({ granted: false, reason: 'waited' });
        }, waitMs),
      };
      caller.queue.push(waiter);
    });
  };

  /** Callers with a read running or waiting, for tests. */
  const size = () => callers.size;

  return { acquire, size };
};
