import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { Response } from 'undici';
import type { EmulatorExchange } from '../../src/emulator/exchange';

/**
 * HeyGen's published v3 shapes (`shared/heygen/contract/heygen-v3-api.json`, outside the repository) as validators.
 * The file is OpenAPI 3.0 flavoured: `nullable` becomes `anyOf [null, schema]`, `discriminator` blocks (which name
 * components the file does not carry) are dropped, and a `oneOf` whose arms are alike but for their discriminator
 * value is checked as `anyOf`. Objects with listed properties are closed (`additionalProperties: false`): a field
 * HeyGen does not document is a disagreement, whichever side invented it.
 */

type Schema = Record<string, unknown>;

export interface QueryParam {
  name: string;
  type: 'string' | 'int' | 'bool' | string;
  required?: boolean;
  min?: number;
  max?: number;
  enum?: string[];
}

export interface ContractEndpoint {
  method: string;
  /** HeyGen's spelling, `{video_id}` for a parameter */
  path: string;
  summary: string;
  query?: QueryParam[];
  paginated?: boolean;
  bodyEncoding?: 'json' | 'multipart';
  requestSchema?: Schema;
  responseSchema?: Schema;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RELATIVE = path.join('shared', 'heygen', 'contract', 'heygen-v3-api.json');

/** Where the contract lives: HEYGEN_CONTRACT_FILE, else `shared/` beside the checkout (CI), else beside a parent (a worktree). */
export function contractFile(): string {
  const candidates = [process.env.HEYGEN_CONTRACT_FILE, path.resolve(ROOT, '..', RELATIVE), path.resolve(ROOT, '..', '..', RELATIVE)].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`HeyGen's contract file is missing: looked for ${candidates.join(', ')}. Clone the shared material beside the repository (../shared/heygen/contract/heygen-v3-api.json) or set HEYGEN_CONTRACT_FILE to the file.`);
  }
  return found;
}

/** Drops descriptions and defaults, so that two oneOf arms can be compared by shape. */
function shapeOf(schema: unknown, ignoreProperty?: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => shapeOf(s));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === 'description' || key === 'default' || key === 'discriminator') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Schema).filter(([name]) => name !== ignoreProperty).map(([name, s]) => [name, shapeOf(s)]));
    } else out[key] = shapeOf(value);
  }
  return out;
}

function armsAlike(arms: unknown[], discriminator: string | undefined): boolean {
  const shapes = arms.map((arm) => JSON.stringify(shapeOf(arm, discriminator)));
  return new Set(shapes).size < shapes.length;
}

/** OpenAPI 3.0 schema -> JSON Schema for ajv (see the file comment). */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, discriminator, oneOf, properties, items, ...rest } = schema as Schema;
  const out: Schema = { ...rest };
  if (properties && typeof properties === 'object') {
    out.properties = Object.fromEntries(Object.entries(properties as Schema).map(([name, s]) => [name, toJsonSchema(s)]));
    if (Object.keys(properties).length > 0) out.additionalProperties = false;
  }
  if (items !== undefined) out.items = toJsonSchema(items);
  if (Array.isArray(oneOf)) {
    const name = (discriminator as { propertyName?: string } | undefined)?.propertyName;
    out[armsAlike(oneOf, name) ? 'anyOf' : 'oneOf'] = oneOf.map(toJsonSchema);
  }
  return nullable === true ? { anyOf: [{ type: 'null' }, out] } : out;
}

/** HeyGen's error body (contract README: `{error: {code, message, param, doc_url}}`). */
const ERROR_SCHEMA: Schema = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: { code: { type: 'string' }, message: { type: 'string' }, param: { type: ['string', 'null'] }, doc_url: { type: ['string', 'null'] } },
    },
  },
};

/**
 * The least HeyGen may answer: only required fields (the `data` envelope always), null wherever nullable, one item
 * per list. A client that rejects it rejects answers HeyGen documents as valid.
 */
export function minimalInstance(schema: unknown, top = true): unknown {
  const s = (schema ?? {}) as Schema;
  if (Array.isArray(s.anyOf)) return (s.anyOf as Schema[]).some((a) => a.type === 'null') ? null : minimalInstance(s.anyOf[0], false);
  if (Array.isArray(s.oneOf)) return minimalInstance(s.oneOf[0], false);
  if (Array.isArray(s.enum)) return s.enum[0];
  const props = (s.properties ?? {}) as Schema;
  const required = [...((s.required as string[] | undefined) ?? []), ...(top && 'data' in props ? ['data'] : [])];
  if (s.type === 'object') return Object.fromEntries([...new Set(required)].map((k) => [k, minimalInstance(props[k], false)]));
  if (s.type === 'array') return [minimalInstance(s.items, false)];
  if (s.type === 'string') return 'x';
  if (s.type === 'integer' || s.type === 'number') return 1;
  if (s.type === 'boolean') return false;
  return null;
}

export interface Contract {
  readonly file: string;
  /** the least answer HeyGen may give on a route (see minimalInstance) */
  minimalAnswer(route: string): unknown;
  readonly endpoints: ContractEndpoint[];
  /** the endpoint a concrete request goes to (`GET /v3/videos/abc` -> `GET /v3/videos/{video_id}`) */
  find(method: string, concretePath: string): ContractEndpoint | undefined;
  /** `METHOD /path/{param}` as HeyGen spells it */
  has(route: string): boolean;
  /** every disagreement of one exchange, as readable lines; empty when it agrees */
  check(exchange: EmulatorExchange): Promise<string[]>;
}

/** `/v3/videos/:id` and `/v3/videos/{video_id}` both become `/v3/videos/{}`. */
export function normalizeRoute(route: string): string {
  return route.replace(/\/(:[^/]+|\{[^}]+\})/g, '/{}');
}

function routeRegex(template: string): RegExp {
  const source = template
    .split('/')
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function ajvErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
}

async function decodeRequestBody(exchange: EmulatorExchange): Promise<{ value?: unknown; problem?: string }> {
  const raw = exchange.requestBody;
  if (!raw || raw.length === 0) return {};
  const type = exchange.requestHeaders['content-type'] ?? '';
  if (type.startsWith('application/json')) {
    try {
      return { value: JSON.parse(raw.toString('utf8')) };
    } catch {
      return { problem: 'request body is not valid JSON' };
    }
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    // a file part is a string in HeyGen's schema (the CLI sends a path); its presence is what counts
    return { value: Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : `<file ${v.name}>`])) };
  }
  return { problem: `request body sent as ${type || 'no content type'}, not JSON or multipart` };
}

/** A list whose answer carries `next_token` takes it back as `token`, even where the CLI spec lists no query (v3.md, pagination). */
function takesToken(endpoint: ContractEndpoint): boolean {
  const props = (endpoint.responseSchema?.properties ?? {}) as Record<string, unknown>;
  return 'next_token' in props;
}

function checkQuery(endpoint: ContractEndpoint, query: URLSearchParams): string[] {
  const problems: string[] = [];
  const params = new Map((endpoint.query ?? []).map((q) => [q.name, q]));
  if (takesToken(endpoint) && !params.has('token')) params.set('token', { name: 'token', type: 'string' });
  for (const [name, value] of query) {
    const spec = params.get(name);
    if (!spec) {
      problems.push(`query parameter ${name} is not one HeyGen takes (it takes ${[...params.keys()].join(', ') || 'none'})`);
      continue;
    }
    if (spec.type === 'int' && (!/^-?\d+$/.test(value) || (spec.min !== undefined && Number(value) < spec.min) || (spec.max !== undefined && Number(value) > spec.max))) {
      problems.push(`query parameter ${name}=${value} must be an integer in ${spec.min ?? '-∞'}..${spec.max ?? '∞'}`);
    }
    if (spec.enum && !spec.enum.includes(value)) problems.push(`query parameter ${name}=${value} must be one of ${spec.enum.join(', ')}`);
  }
  for (const spec of params.values()) if (spec.required && !query.has(spec.name)) problems.push(`query parameter ${spec.name} is required`);
  return problems;
}

/** Loads the contract once per test file; throws with the fix when the file is absent. */
export function loadContract(): Contract {
  const file = contractFile();
  const endpoints = (JSON.parse(readFileSync(file, 'utf8')) as { endpoints: ContractEndpoint[] }).endpoints;
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map<string, { request?: ValidateFunction; response?: ValidateFunction }>();
  const key = (e: ContractEndpoint): string => `${e.method} ${e.path}`;
  const compiled = (e: ContractEndpoint): { request?: ValidateFunction; response?: ValidateFunction } => {
    let v = validators.get(key(e));
    if (!v) {
      v = {
        request: e.requestSchema ? ajv.compile(toJsonSchema(e.requestSchema) as Schema) : undefined,
        response: e.responseSchema ? ajv.compile(toJsonSchema(e.responseSchema) as Schema) : undefined,
      };
      validators.set(key(e), v);
    }
    return v;
  };
  const errorValidator = ajv.compile(ERROR_SCHEMA);
  // literal segments before parameters: `/v3/videos/statuses` is not a video id
  const ordered = [...endpoints].sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0)).map((e) => ({ e, regex: routeRegex(e.path) }));
  const routes = new Set(endpoints.map((e) => `${e.method} ${normalizeRoute(e.path)}`));

  const find = (method: string, concretePath: string): ContractEndpoint | undefined => ordered.find(({ e, regex }) => e.method === method.toUpperCase() && regex.test(concretePath))?.e;

  async function check(x: EmulatorExchange): Promise<string[]> {
    const endpoint = find(x.method, x.path);
    if (!endpoint) return [`HeyGen publishes no ${x.method} ${x.path}`];
    const problems: string[] = checkQuery(endpoint, new URLSearchParams(x.query));
    const v = compiled(endpoint);
    const body = await decodeRequestBody(x);
    if (body.problem) problems.push(body.problem);
    if (body.value !== undefined && !v.request) problems.push('a request body was sent, but this route takes none');
    if (v.request && body.value !== undefined && !v.request(body.value)) problems.push(...ajvErrors(v.request).map((m) => `request ${m}`));
    if (v.request && body.value === undefined && !body.problem && ((endpoint.requestSchema?.required as string[] | undefined)?.length ?? 0) > 0) problems.push('no request body, but HeyGen requires one');
    if (x.status >= 400) {
      if (!errorValidator(x.responseBody)) problems.push(...ajvErrors(errorValidator).map((m) => `error body ${m}`));
    } else if (v.response && !v.response(x.responseBody)) {
      problems.push(...ajvErrors(v.response).map((m) => `response ${m}`));
    }
    return problems;
  }

  const minimalAnswer = (route: string): unknown => {
    const endpoint = endpoints.find((e) => `${e.method} ${normalizeRoute(e.path)}` === normalizeRoute(route));
    if (!endpoint?.responseSchema) throw new Error(`HeyGen publishes no answer for ${route}`);
    return minimalInstance(toJsonSchema(endpoint.responseSchema));
  };

  return { file, endpoints, find, has: (route) => routes.has(normalizeRoute(route)), check, minimalAnswer };
}
