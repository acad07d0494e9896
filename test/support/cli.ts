/** Runs a CLI command in-process and returns what it printed and the exit code it set. */
export async function capture(fn: () => Promise<void>): Promise<{ out: string; err: string; code: number | undefined }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  const before = process.exitCode;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  process.exitCode = undefined;
  try {
    await fn();
    return { out: out.join('\n'), err: err.join('\n'), code: process.exitCode as number | undefined };
  } finally {
    console.log = log;
    console.error = error;
    process.exitCode = before;
  }
}
