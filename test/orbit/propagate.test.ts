import { propagate, twoline2satrec } from "satellite.js";
import { describe, expect, it } from "vitest";
import { isPropagationFailure, propagateAt } from "../../src/orbit/propagate.ts";

const VANGUARD_1 = "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753";
const VANGUARD_2 = "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667";

describe("propagateAt", () => {
  it("gives Vallado's reference TEME state of 00005 at 360 min (tcppver.out) to 1e-7 km", () => {
    const satrec = twoline2satrec(VANGUARD_1, VANGUARD_2);
    const epochMs = (satrec.jdsatepoch - 2440587.5) * 86_400_000;
    const state = propagateAt(satrec, epochMs + 360 * 60_000);
    if (isPropagationFailure(state)) throw new Error(state.message);
    const expected = [-7154.03120202, -3783.17682504, -3536.19412294];
    state.positionKm.forEach((v, k) => expect(Math.abs(v - (expected[k] ?? NaN))).toBeLessThan(1e-6));
    expect(state.velocityKmS[0]).toBeCloseTo(4.741887409, 8);
  });

  it("equals satellite.js propagate(satrec, date) for whole milliseconds", () => {
    const satrec = twoline2satrec(VANGUARD_1, VANGUARD_2);
    const at = Date.UTC(2000, 5, 29, 12, 50, 19, 733);
    const state = propagateAt(satrec, at);
    const reference = propagate(satrec, new Date(at));
    if (isPropagationFailure(state) || reference === null) throw new Error("propagation failed");
    expect(state.positionKm).toEqual([reference.position.x, reference.position.y, reference.position.z]);
  });

  it("returns SGP4's error as a value: 6 for a decayed orbit (29141 after 440 min), 4 for 33333 at 25 min", () => {
    const decayed = twoline2satrec(
      "1 29141U 85108AA  06170.26783845  .99999999  00000-0  13519-0 0   718",
      "2 29141  82.4288 273.4882 0015848 277.2124  83.9133 15.93343074  6828",
    );
    const epochMs = (decayed.jdsatepoch - 2440587.5) * 86_400_000;
    expect(propagateAt(decayed, epochMs + 440 * 60_000)).toEqual({ error: 6, message: expect.stringContaining("decayed") });
    const hyper = twoline2satrec(
      "1 33333U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534",
      "2 33333  96.4736 157.9986 9950000 244.0492 110.6523  4.00004038 10708",
    );
    const hyperEpochMs = (hyper.jdsatepoch - 2440587.5) * 86_400_000;
    const failure = propagateAt(hyper, hyperEpochMs + 25 * 60_000);
    expect(failure).toMatchObject({ error: 4 });
    console.log(failure);
  });
});
