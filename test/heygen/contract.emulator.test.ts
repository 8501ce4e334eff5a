import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatorExchange } from '../../src/emulator/exchange';
import { loadContract, normalizeRoute, type Contract } from '../helpers/heygen-contract';
import { CONTRACT_SCENARIOS, LEAST_ANSWER_CALLS } from './contract-scenarios';
import { startHarness, type Harness } from './harness';

// Every request the client sends and every answer the emulator gives, for every v3 route the project uses, against
// HeyGen's own schemas. The traffic is recorded by the emulator as it went over HTTP.

let contract: Contract;
let h: Harness;
const exchanges: EmulatorExchange[] = [];

beforeAll(async () => {
  contract = loadContract();
  h = await startHarness({ onExchange: (x) => exchanges.push(x) });
});
afterAll(() => h?.close());

function routeOf(x: EmulatorExchange): string {
  const endpoint = contract.find(x.method, x.path);
  return endpoint ? `${endpoint.method} ${normalizeRoute(endpoint.path)}` : `${x.method} ${x.path} (not in HeyGen's contract)`;
}

async function disagreements(batch: EmulatorExchange[]): Promise<string[]> {
  const lines: string[] = [];
  for (const x of batch) {
    if (x.fault || !x.path.startsWith('/v3/')) continue;
    const problems = x.route === undefined ? [`the emulator has no route for ${x.method} ${x.path}`] : await contract.check(x);
    for (const p of problems) lines.push(`${x.method} ${x.path}${x.query} -> ${x.status}: ${p}`);
  }
  return lines;
}

describe('HeyGen v3 contract: client requests and emulator answers', () => {
  for (const scenario of CONTRACT_SCENARIOS) {
    it(scenario.name, async () => {
      const from = exchanges.length;
      await scenario.run(h);
      const batch = exchanges.slice(from);
      expect(await disagreements(batch)).toEqual([]);
      const seen = new Set(batch.filter((x) => !x.fault && x.status < 400).map(routeOf));
      expect(scenario.routes.filter((r) => !seen.has(normalizeRoute(r))), 'routes the scenario names but never answered successfully').toEqual([]);
    });
  }
});

describe('the client takes the least answer HeyGen may give', () => {
  for (const [route, call] of Object.entries(LEAST_ANSWER_CALLS)) {
    it(route, async () => {
      const [method, template] = route.split(' ');
      const path = new RegExp(`^${(template ?? '').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      const body = contract.minimalAnswer(route);
      const rule = h.emulator.faults.add({ method, path, fault: { type: 'body', body }, times: Infinity });
      try {
        await call(h);
        expect(rule.hits, 'the least answer was served').toBeGreaterThan(0);
      } finally {
        h.emulator.faults.remove(rule.id);
      }
    });
  }
});

/** `'/v3/...'` path literals in the client, `${...}` segments as parameters: what the client can call. */
function clientRoutePaths(): string[] {
  const dir = path.resolve(import.meta.dirname, '..', '..', 'src', 'heygen');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const paths = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(path.join(dir, f), 'utf8').matchAll(/['`](\/v3\/[^'`\s]*)['`]/g)) {
      paths.add((m[1] ?? '').replace(/\$\{[^}]+\}/g, '{}').replace(/\/$/, ''));
    }
  }
  return [...paths].sort();
}

describe('coverage: every route the project uses is in the contract and proven', () => {
  const listed = CONTRACT_SCENARIOS.flatMap((s) => s.routes);

  it('every listed route is one HeyGen publishes', () => {
    expect(listed.filter((r) => !contract.has(r))).toEqual([]);
  });

  it('every v3 route the emulator answers has a scenario', () => {
    const emulatorRoutes = h.emulator.routes().filter((r) => r.pattern.startsWith('/v3/')).map((r) => `${r.method} ${normalizeRoute(r.pattern)}`);
    const covered = new Set(listed.map(normalizeRoute));
    expect(emulatorRoutes.filter((r) => !covered.has(r))).toEqual([]);
    expect(emulatorRoutes.length).toBeGreaterThan(20);
  });

  it('every v3 path the client names is in the contract and has a scenario', () => {
    const covered = new Set(listed.map((r) => normalizeRoute(r).split(' ')[1]));
    const paths = clientRoutePaths();
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !covered.has(p))).toEqual([]);
  });
});
