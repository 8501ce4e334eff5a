export type ParsedEnvelope =
  | { ok: true; data: unknown; body: Record<string, unknown> }
  | { ok: false; code?: string; message: string; param?: string; docUrl?: string; body: unknown };

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * Reads any of HeyGen's three envelopes: v1 `{code:100,data,message}`, v2 `{error,data}` (error a string or an
 * object) and v3 `{data}` / `{error:{code,message,param,doc_url}}`. The body decides, never the HTTP status alone.
 */
export function parseEnvelope(body: unknown): ParsedEnvelope {
  const record = asRecord(body);
  if (!record) return { ok: false, message: 'response body is not a JSON object', body };
  const error = record.error;
  if (typeof error === 'string' && error.length > 0) return { ok: false, message: error, body };
  const errorObject = asRecord(error);
  if (errorObject) {
    return {
      ok: false,
      code: text(errorObject.code)?.toLowerCase(),
      message: text(errorObject.message) ?? text(errorObject.detail) ?? text(errorObject.code) ?? 'unknown error',
      param: text(errorObject.param),
      docUrl: text(errorObject.doc_url),
      body,
    };
  }
  const v1Code = record.code;
  if ((typeof v1Code === 'number' || typeof v1Code === 'string') && String(v1Code) !== '100') {
    return { ok: false, code: String(v1Code).toLowerCase(), message: text(record.message) ?? text(record.msg) ?? `HeyGen code ${String(v1Code)}`, body };
  }
  return { ok: true, data: record.data, body: record };
}
