import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SLICE_KERNEL_WASM } from "../../src/screening/slice-kernel.ts";

const root = resolve(import.meta.dirname, "../..");

describe("the committed screening slice kernel", () => {
  it("is exactly what `npm run build:kernel` makes from assembly/screening/slice-kernel.ts", () => {
    const dir = mkdtempSync(join(tmpdir(), "concord-kernel-"));
    try {
      const outFile = join(dir, "slice-kernel.wasm");
      const asc = join(root, "node_modules/assemblyscript/bin/asc.js");
      execFileSync(process.execPath, [asc, "assembly/screening/slice-kernel.ts", "--config", "assembly/asconfig.json", "--target", "release", "--outFile", outFile], { cwd: root });
      const built = readFileSync(outFile);
      const committed = readFileSync(SLICE_KERNEL_WASM);
      expect(built.length).toBeGreaterThan(1000);
      expect(built.equals(committed), "src/screening/kernel/slice-kernel.wasm is stale: run npm run build:kernel").toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
