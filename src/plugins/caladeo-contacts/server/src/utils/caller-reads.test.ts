import { describe, expect, it } from '@jest/globals';
import { createReadSlots, type ReadSlotLimits, type SlotOutcome } from './caller-reads';

const slotsWith = (limits: Partial<ReadSlotLimits>) =>
  createReadSlots(() => ({ running: 2, waiting: 1, waitMs: 1_000, ...limits }));

const granted = (outcome: SlotOutcome) => {
  if (!outcome.granted) throw new Error(`refused: ${outcome.reason}`);
  return outcome.release;
};

/** Whether a promise has settled by the end of the current turn of the event loop. */
const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('read slots per caller', () => {
  it('runs a caller’s reads up to its slots, queues the next and refuses past the queue', async () => {
    const slots = slotsWith({ running: 2, waiting: 1 });
    granted(await slots.acquire('a'));
    const second = granted(await slots.acquire('a'));
    const queued = slots.acquire('a');
    expect(await settled(queued)).toBe(false);
    expect(await slots.acquire('a')).toEqual({ granted: false, reason: 'full' });
    second();
    expect(granted(await queued)).toEqual(expect.any(Function));
  });

  it('counts each caller apart: one caller’s full slots leave another’s free', async () => {
    const slots = slotsWith({ running: 1, waiting: 0 });
    granted(await slots.acquire('a'));
    expect(await slots.acquire('a')).toEqual({ granted: false, reason: 'full' });
    expect((await slots.acquire('b')).granted).toBe(true);
  });

  it('hands freed slots to the waiting reads in their order of arrival', async () => {
    const slots = slotsWith({ running: 1, waiting: 3 });
    const first = granted(await slots.acquire('a'));
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) =>
      slots.acquire('a').then((outcome) => {
        order.push(n);
        return granted(outcome);
      })
    );
    first();
    (await waiting[0])?.();
    (await waiting[1])?.();
    (await waiting[2])?.();
    expect(order).toEqual([1, 2, 3]);
    expect(slots.size()).toBe(0);
  });

  it('refuses a read that waited longer than allowed and forgets it', async () => {
    const slots = slotsWith({ running: 1, waiting: 1, waitMs: 20 });
    const first = granted(await slots.acquire('a'));
    expect(await slots.acquire('a')).toEqual({ granted: false, reason: 'waited' });
    // the refused read left the queue: the next one may wait again
    const next = slots.acquire('a');
    first();
    expect((await next).granted).toBe(true);
  });

  it('releases a slot once however often its release is called, and has no limit at 0', async () => {
    const slots = slotsWith({ running: 1, waiting: 0 });
    const release = granted(await slots.acquire('a'));
    release();
    release();
    granted(await slots.acquire('a'));
    expect(await slots.acquire('a')).toEqual({ granted: false, reason: 'full' });
    const unlimited = slotsWith({ running: 0, waiting: 0 });
    for (let n = 0; n < 10; n += 1) granted(await unlimited.acquire('a'));
  });
});
