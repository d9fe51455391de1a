import { spawnSync } from 'node:child_process';

/** The id of a process that has ended (until the system gives it to another). */
export function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}
