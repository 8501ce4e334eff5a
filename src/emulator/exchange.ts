/** One API request the emulator answered with JSON, as it went over the wire (contract tests validate these). */
export interface EmulatorExchange {
  method: string;
  path: string;
  /** the query string, `?` included, or empty */
  query: string;
  /** the route pattern that answered (`/v3/videos/:id`), absent when none matched */
  route?: string;
  /** lowercase names; x-api-key and authorization are redacted */
  requestHeaders: Record<string, string>;
  /** the request body when the route read it */
  requestBody?: Buffer;
  status: number;
  responseBody: unknown;
  /** the answer came from an injected fault, not from the route */
  fault: boolean;
  /** the answer replayed an earlier one for the same Idempotency-Key */
  replayed: boolean;
}
