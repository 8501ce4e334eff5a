import os from 'node:os';

/** Core count and load averages: figures from a shared machine mean little without them. */
export function machineLine(): string {
  const [l1, l5, l15] = os.loadavg().map((l) => l.toFixed(2));
  return `machine: ${os.cpus().length} cores, load average ${l1} / ${l5} / ${l15} (1 / 5 / 15 min), ${os.platform()} ${os.arch()}, node ${process.versions.node}`;
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
