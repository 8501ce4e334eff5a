import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BILLING } from '../../src/emulator/billing';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ walletUsd: 42.5 });
});
afterAll(() => h.close());

const bill = (over: Partial<typeof DEFAULT_BILLING>): void => {
  h.emulator.state.billing = { ...DEFAULT_BILLING, ...over };
};

describe('balance reads every kind of HeyGen account', () => {
  it('a wallet: USD left', async () => {
    bill({ type: 'wallet' });
    expect(await h.client.balance()).toMatchObject({ billing: 'wallet', amount: 42.5, unit: 'usd', summary: '$42.50 in the API wallet' });
  });

  it('a subscription: premium and add-on credits with the plan and when they reset', async () => {
    bill({ type: 'subscription', plan: 'creator', premiumCredits: 80, addOnCredits: 5 });
    const b = await h.client.balance();
    expect(b).toMatchObject({ billing: 'subscription', amount: 85, unit: 'credits' });
    expect(b.summary).toBe('creator plan: 80 premium credits (resets 2027-01-01) + 5 add-on credits');
  });

  it('usage-based: included credits first, then what the spending cap leaves, or no limit', async () => {
    bill({ type: 'usage_based', includedCredits: 500, usedCredits: 200 });
    expect(await h.client.balance()).toMatchObject({ billing: 'usage_based', amount: 300, unit: 'credits' });
    bill({ type: 'usage_based', includedCredits: 500, usedCredits: 500, spendingCurrentUsd: 12.3, spendingCapUsd: 100 });
    expect(await h.client.balance()).toMatchObject({ amount: 87.7, unit: 'usd', summary: 'usage-based: 0 of 500 included credits left; $12.30 spent of a $100.00 cap' });
    bill({ type: 'usage_based', includedCredits: 0, usedCredits: 0, spendingCurrentUsd: 3, spendingCapUsd: null });
    expect(await h.client.balance()).toMatchObject({ amount: null, summary: 'usage-based: 0 of 0 included credits left; $3.00 spent, no spending cap' });
  });

  it('a subscription with no credits left is refused a create (402)', async () => {
    bill({ type: 'subscription', premiumCredits: 0, addOnCredits: 0 });
    await expect(h.client.videos.create({ type: 'avatar', avatar_id: 'josh_lite3_20230714', voice_id: '1bd001e7e50f421d891986aad5158bc8', script: 'Hi.' })).rejects.toMatchObject({ status: 402 });
    bill({ type: 'wallet' });
  });
});
