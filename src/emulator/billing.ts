import type { EmulatorState } from './emulator-state';
import { HttpError } from './http-error';

/** HeyGen's three ways an account pays (`billing_type` of `GET /v3/users/me`). */
export type BillingType = 'wallet' | 'subscription' | 'usage_based';

export interface EmulatorBilling {
  type: BillingType;
  /** subscription: plan and pooled credits */
  plan: 'free' | 'starter' | 'creator' | 'pro' | 'team' | 'enterprise' | 'business_plus';
  premiumCredits: number;
  addOnCredits: number;
  /** usage-based: credits included, what is spent, the cap (null: none) */
  includedCredits: number;
  usedCredits: number;
  spendingCurrentUsd: number;
  spendingCapUsd: number | null;
}

export const DEFAULT_BILLING: EmulatorBilling = { type: 'wallet', plan: 'pro', premiumCredits: 300, addOnCredits: 50, includedCredits: 500, usedCredits: 0, spendingCurrentUsd: 0, spendingCapUsd: 100 };

const USD_PER_SECOND = 0.1;
const round = (n: number): number => Math.round(n * 100) / 100;

/** The `data` of `GET /v3/users/me`: exactly one of wallet / subscription / usage_based is set. */
export function accountData(state: EmulatorState, username = 'emulator'): Record<string, unknown> {
  const b = state.billing;
  return {
    username,
    email: `${username}@example.com`,
    first_name: 'Local',
    last_name: 'Emulator',
    billing_type: b.type,
    wallet: b.type === 'wallet' ? { remaining_balance: state.walletUsd, currency: 'usd', auto_reload: { enabled: false, amount_usd: null, threshold_usd: null } } : null,
    subscription: b.type === 'subscription' ? { plan: b.plan, credits: { premium_credits: { remaining: b.premiumCredits, resets_at: '2027-01-01T00:00:00Z' }, add_on_credits: { remaining: b.addOnCredits, resets_at: null } } } : null,
    usage_based:
      b.type === 'usage_based'
        ? { included_credits: b.includedCredits, remaining_credits: Math.max(0, b.includedCredits - b.usedCredits), spending_cap_usd: b.spendingCapUsd, spending_current_usd: round(b.spendingCurrentUsd) }
        : null,
  };
}

/** Charges a finished video to the account (and the legacy quota, which every account has). */
export function chargeVideo(state: EmulatorState, durationSec: number): void {
  const credits = Math.max(1, Math.ceil(durationSec / 30));
  state.quotaCredits -= credits;
  const b = state.billing;
  if (b.type === 'wallet') state.walletUsd = round(state.walletUsd - durationSec * USD_PER_SECOND);
  else if (b.type === 'subscription') {
    const fromPremium = Math.min(b.premiumCredits, credits);
    b.premiumCredits -= fromPremium;
    b.addOnCredits = Math.max(0, b.addOnCredits - (credits - fromPremium));
  } else if (b.usedCredits + credits <= b.includedCredits) b.usedCredits += credits;
  else b.spendingCurrentUsd = round(b.spendingCurrentUsd + durationSec * USD_PER_SECOND);
}

/** Why a new video would be refused for credit (HeyGen's 402), or nothing. */
export function outOfCredit(state: EmulatorState): string | undefined {
  const b = state.billing;
  if (b.type === 'wallet') return state.walletUsd <= 0 ? 'Insufficient credit: top up the API wallet' : undefined;
  if (b.type === 'subscription') return b.premiumCredits + b.addOnCredits <= 0 ? 'Insufficient credit: the plan has no credits left' : undefined;
  const capped = b.spendingCapUsd !== null && b.usedCredits >= b.includedCredits && b.spendingCurrentUsd >= b.spendingCapUsd;
  return capped ? 'Insufficient credit: the spending cap is reached' : undefined;
}

/** HeyGen's 402 `insufficient_credit` when the account cannot pay for new work. */
export function requireCredit(state: EmulatorState): void {
  const reason = outOfCredit(state);
  if (reason) throw new HttpError(402, reason, { code: 'insufficient_credit' });
}
