import { cpus, platform, release } from 'node:os';

/** The machine a benchmark ran on, for its result file. */
export function describeMachine(): { cpu: string; cores: number; node: string; platform: string } {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}
