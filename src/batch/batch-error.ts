/** Input that stops the whole batch before anything renders (unreadable template or data, unknown --only id). */
export class BatchInputError extends Error {
  override name = 'BatchInputError';
}
