/** Runs `cleanup` once on Ctrl-C or SIGTERM, then exits; returns a function that removes the handlers. */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  let running = false;
  const handler = (signal: NodeJS.Signals) => {
    if (running) return;
    running = true;
    process.stderr.write(`\n${signal}: cleaning up (finished videos are kept) …\n`);
    void cleanup()
      .catch(() => {})
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
