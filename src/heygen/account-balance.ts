import type { User } from './schemas/catalog';

export interface Balance {
  /** how the account pays: a prepaid wallet, a plan's credits, metered usage; `legacy` is the v2 quota */
  billing: 'wallet' | 'subscription' | 'usage_based' | 'legacy' | 'unknown';
  /** what is left to spend, in `unit`; null when HeyGen does not say */
  amount: number | null;
  unit: 'usd' | 'credits';
  /** one line for people, e.g. "$12.34 in the API wallet" */
  summary: string;
  source: 'GET /v3/users/me' | 'GET /v2/user/remaining_quota';
  raw: unknown;
}

const usd = (n: number): string => `$${n.toFixed(2)}`;
const amountText = (amount: number | null, unit: 'usd' | 'credits'): string => (amount === null ? 'an unknown amount' : unit === 'usd' ? usd(amount) : `${amount} credits`);
const day = (iso: string | null | undefined): string => (iso ? ` (resets ${iso.slice(0, 10)})` : '');

function wallet(w: NonNullable<User['wallet']>): Omit<Balance, 'source' | 'raw'> {
  const unit = w.currency === 'credits' ? 'credits' : 'usd';
  const amount = w.remaining_balance ?? null;
  const reload = w.auto_reload?.enabled ? `; auto-reload${w.auto_reload.amount_usd != null ? ` ${usd(w.auto_reload.amount_usd)}` : ''}${w.auto_reload.threshold_usd != null ? ` below ${usd(w.auto_reload.threshold_usd)}` : ''}` : '';
  return { billing: 'wallet', amount, unit, summary: `${amountText(amount, unit)} in the API wallet${reload}` };
}

function subscription(s: NonNullable<User['subscription']>): Omit<Balance, 'source' | 'raw'> {
  const premium = s.credits?.premium_credits;
  const addOn = s.credits?.add_on_credits;
  const known = [premium?.remaining, addOn?.remaining].filter((n): n is number => typeof n === 'number');
  const amount = known.length ? known.reduce((a, b) => a + b, 0) : null;
  const parts = [premium?.remaining != null ? `${premium.remaining} premium credits${day(premium.resets_at)}` : '', addOn?.remaining != null ? `${addOn.remaining} add-on credits${day(addOn.resets_at)}` : ''].filter(Boolean);
  return { billing: 'subscription', amount, unit: 'credits', summary: `${s.plan ?? 'subscription'} plan: ${parts.join(' + ') || 'credits not reported'}` };
}

function usageBased(u: NonNullable<User['usage_based']>): Omit<Balance, 'source' | 'raw'> {
  const cap = u.spending_cap_usd ?? null;
  const spent = u.spending_current_usd ?? null;
  const credits = u.remaining_credits != null ? `${u.remaining_credits}${u.included_credits != null ? ` of ${u.included_credits}` : ''} included credits left` : '';
  const spending = spent !== null ? `${usd(spent)} spent${cap !== null ? ` of a ${usd(cap)} cap` : ', no spending cap'}` : cap !== null ? `a ${usd(cap)} spending cap` : 'no spending cap';
  const summary = `usage-based: ${[credits, spending].filter(Boolean).join('; ')}`;
  // what can still be spent: the included credits first, else what the cap leaves
  if (u.remaining_credits != null && u.remaining_credits > 0) return { billing: 'usage_based', amount: u.remaining_credits, unit: 'credits', summary };
  return { billing: 'usage_based', amount: cap !== null ? Math.max(0, cap - (spent ?? 0)) : null, unit: 'usd', summary };
}

/** Reads whichever of wallet, subscription or usage-based the account has (`billing_type`, else the field that is set). */
export function balanceFromUser(user: User): Balance {
  const base = { source: 'GET /v3/users/me' as const, raw: user };
  const type = user.billing_type ?? (user.wallet ? 'wallet' : user.subscription ? 'subscription' : user.usage_based ? 'usage_based' : undefined);
  if (type === 'wallet' && user.wallet) return { ...wallet(user.wallet), ...base };
  if (type === 'subscription' && user.subscription) return { ...subscription(user.subscription), ...base };
  if (type === 'usage_based' && user.usage_based) return { ...usageBased(user.usage_based), ...base };
  return { billing: 'unknown', amount: null, unit: 'usd', summary: `HeyGen reported no balance${type ? ` for billing type ${type}` : ''}`, ...base };
}
