/** A misbehaviour the emulator can be told to show on matching requests. */
export type Fault =
  /** answer this status with HeyGen's error envelope (429 carries Retry-After) */
  | { type: 'status'; status: number; code?: string; message?: string; retryAfter?: number | string }
  /** an error envelope sent with HTTP 200 */
  | { type: 'error-200'; code?: string; message?: string }
  /** answer exactly this JSON body (to show a client shapes HeyGen never documented) */
  | { type: 'body'; status?: number; body: unknown }
  /** a non-JSON gateway page (the request never reached the API) */
  | { type: 'gateway'; status?: number }
  /** drop the connection before handling the request */
  | { type: 'reset' }
  /** handle the request (the video is created), then drop the connection instead of answering */
  | { type: 'reset-after' }
  /** hold the request this long before handling it */
  | { type: 'delay'; ms: number }
  /** the created video never leaves `processing` */
  | { type: 'stuck' }
  /** the created video fails to render */
  | { type: 'fail'; failureCode?: string; failureMessage?: string }
  /** a photo avatar waits for the person's consent (`pending_consent`) */
  | { type: 'pending-consent' }
  /** the file host refuses the signed URL as expired (403) */
  | { type: 'expired-url' }
  /** the file host announces the full length but sends only part of it */
  | { type: 'truncate'; bytes?: number };

export type FaultType = Fault['type'];

export interface FaultRuleInput {
  method?: string;
  /** an exact path, or a RegExp tested against the path (over HTTP: `pathPattern`) */
  path: string | RegExp;
  fault: Fault;
  /** how many matching requests it applies to (default 1; Infinity for all) */
  times?: number;
}

export interface FaultRule {
  id: number;
  method?: string;
  path: string | RegExp;
  fault: Fault;
  remaining: number;
  hits: number;
}

export const BEFORE_FAULTS: readonly FaultType[] = ['status', 'error-200', 'body', 'gateway', 'reset', 'delay'];
export const AFTER_FAULTS: readonly FaultType[] = ['reset-after'];
export const JOB_FAULTS: readonly FaultType[] = ['stuck', 'fail', 'pending-consent'];
export const FILE_FAULTS: readonly FaultType[] = ['expired-url', 'truncate'];

/** The rules a test switched on; each matching request uses up one application of the first matching rule. */
export class FaultRegistry {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { id: this.nextId++, method: input.method?.toUpperCase(), path: input.path, fault: input.fault, remaining: input.times ?? 1, hits: 0 };
    this.rules.push(rule);
    return rule;
  }

  /** Takes the first live rule matching the request whose fault is one of the given types. */
  take(method: string, path: string, types: readonly FaultType[]): Fault | undefined {
    const rule = this.rules.find(
      (r) => r.remaining > 0 && types.includes(r.fault.type) && (!r.method || r.method === method.toUpperCase()) && (typeof r.path === 'string' ? r.path === path : r.path.test(path)),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    rule.hits += 1;
    return rule.fault;
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return [...this.rules];
  }

  toJSON(): unknown[] {
    return this.rules.map((r) => ({
      id: r.id,
      method: r.method,
      path: typeof r.path === 'string' ? r.path : undefined,
      pathPattern: r.path instanceof RegExp ? r.path.source : undefined,
      fault: r.fault,
      remaining: Number.isFinite(r.remaining) ? r.remaining : null,
      hits: r.hits,
    }));
  }
}
