/** A progress bar on a terminal; silent when output is not a terminal (cron, CI, pipes). */
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number, label: string): void;
  update(done: number): void;
  stop(): void;
}

export function progressBar(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { start() {}, update() {}, stop() {} };
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(total, label) {
      bar = new cliProgress.SingleBar(
        { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
