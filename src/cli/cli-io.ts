/** Where a command writes: stdout for results (text or JSON), stderr for progress, warnings and errors. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function writeLine(io: CliIo, line = ""): void {
  io.stdout.write(`${line}\n`);
}

/** Left-aligned text columns for terminal tables; numbers are right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cells = [header, ...rows.map((row) => row.map((c) => (c === null ? "—" : typeof c === "number" ? c.toLocaleString("en-US") : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => String(row[i] ?? "").length)));
  return cells
    .map((row, r) =>
      row
        .map((cell, i) => {
          const text = String(cell ?? "");
          const numeric = r > 0 && typeof rows[r - 1]?.[i] === "number";
          return numeric ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
