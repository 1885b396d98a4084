// CPU time of the benches' child processes, to show where a request's time goes.
import { existsSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) each process has used so far, every thread counted, and
 * `machine`: every process's together (the bench client and PostgreSQL too), from /proc;
 * empty where there is no /proc. Clock ticks are 100 a second on Linux (CLK_TCK).
 */
export function cpuMsOf(pids) {
  const used = {};
  const machine = machineCpuMs();
  if (machine !== null) used.machine = machine;
  for (const [name, pid] of Object.entries(pids)) {
    const path = `/proc/${pid}/stat`;
    if (!existsSync(path)) continue;
    const fields = readFileSync(path, 'utf8').split(') ')[1].split(' ');
    used[name] = (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return used;
}

/** Busy CPU time of the whole machine so far (ms): all but idle and I/O wait, every core. */
function machineCpuMs() {
  if (!existsSync('/proc/stat')) return null;
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const ticks = line.split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is inside user already)
  const busy = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0) - ticks[3] - ticks[4];
  return busy * 10;
}
