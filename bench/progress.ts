/** The CLI progress bar on a terminal; in a log (nohup, CI) a line every 10 % with the elapsed time. */
import { progressBar, type Progress } from '../src/platform/cli/progress.js';

export function benchProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) return progressBar(stream);
  let total = 0;
  let label = '';
  let next = 0;
  let started = 0;
  return {
    start(t, l) {
      total = t;
      label = l;
      next = 0.1;
      started = performance.now();
    },
    update(done) {
      if (total > 0 && done / total >= next) {
        stream.write(
          `${label}: ${done}/${total} (${Math.round((100 * done) / total)} %) after ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
        );
        while (done / total >= next) next += 0.1;
      }
    },
    stop() {},
  };
}
