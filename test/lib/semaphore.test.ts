import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../src/lib/semaphore';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('never lets more than its slots in, and lets the next in as each one leaves', async () => {
    const s = new Semaphore(2);
    let inside = 0;
    let most = 0;
    const finish: (() => void)[] = [];
    const task = () =>
      s.run(async () => {
        inside++;
        most = Math.max(most, inside);
        await new Promise<void>((resolve) => finish.push(resolve));
        inside--;
      });
    const all = [task(), task(), task()];
    await tick();
    expect(inside).toBe(2);
    finish.shift()!();
    all.push(task());
    await tick();
    expect(inside).toBe(2);
    expect(most).toBe(2);
    while (finish.length) {
      finish.shift()!();
      await tick();
    }
    await Promise.all(all);
    expect(most).toBe(2);
    expect(inside).toBe(0);
  });

  it('serves waiters in arrival order and gives the slot back when a task throws', async () => {
    const s = new Semaphore(1);
    const order: number[] = [];
    const failing = s.run(async () => {
      throw new Error('boom');
    });
    const rest = [1, 2, 3].map((n) => s.run(async () => void order.push(n)));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all(rest);
    expect(order).toEqual([1, 2, 3]);
  });

  it('takes at least one slot (zero would wait forever)', async () => {
    await expect(new Semaphore(0).run(async () => 'ran')).resolves.toBe('ran');
  });
});
