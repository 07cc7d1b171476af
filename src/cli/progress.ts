/**
 * A progress bar on stderr for long work when stderr is a terminal; silent when piped, so `--json` output
 * and logs stay clean.
 */
export interface ProgressReporter {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  let lastDrawMs = 0;
  let drawn = false;
  return {
    update(done, total, label) {
      const nowMs = Date.now();
      if (nowMs - lastDrawMs < 80 && done < total) return;
      lastDrawMs = nowMs;
      const width = 30;
      const fraction = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(fraction * width);
      const bar = "█".repeat(filled) + "░".repeat(width - filled);
      const percent = (fraction * 100).toFixed(0).padStart(3);
      stream.write(`\r${bar} ${percent}% ${label}`.slice(0, (stream.columns ?? 100) - 1).padEnd(Math.min(99, (stream.columns ?? 100) - 1)));
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
