import os from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

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

/** One process as /proc/<pid>/stat tells it: name, parent, and CPU ticks (USER_HZ) of its own and of its reaped children. */
export interface ProcStat {
  comm: string;
  ppid: number;
  ticks: number;
  childTicks: number;
}

/** Every process on the machine (Linux, /proc); empty elsewhere. */
export function readProcesses(): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  if (process.platform !== 'linux') return all;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const text = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the ")" that ends the command name: state ppid … utime(14) stime(15) cutime(16) cstime(17).
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      all.set(Number(name), { comm: text.slice(text.indexOf('(') + 1, text.lastIndexOf(')')), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), childTicks: Number(f[13]) + Number(f[14]) });
    } catch {
      // The process ended while the list was read.
    }
  }
  return all;
}

/** Whether `pid` is `root` or below it. */
export function isInTree(all: Map<number, ProcStat>, pid: number, root: number = process.pid): boolean {
  for (let p = pid, hops = 0; p > 1 && hops < 64; p = all.get(p)?.ppid ?? 0, hops++) if (p === root) return true;
  return false;
}

/**
 * CPU seconds (user + system) used so far by this process and every process below it (the browser, the
 * compositor, ffmpeg; children that have exited count through their parent's cutime/cstime). On a machine others
 * share, the CPU a render uses moves far less than its wall time. Linux only (/proc); null elsewhere.
 */
export function cpuSecondsOfTree(root: number = process.pid): number | null {
  if (process.platform !== 'linux') return null;
  const tick = 100; // USER_HZ: 100 on every Linux that Node supports
  const all = readProcesses();
  let ticks = 0;
  for (const [pid, p] of all) if (isInTree(all, pid, root)) ticks += p.ticks + p.childTicks;
  return ticks / tick;
}
