import { openConcordContext } from "../../app/concord-context.ts";
import { InvalidInputError } from "../../core/concord-error.ts";
import { loadDestructiveAsatTests } from "../../diplomacy/destructive-asat-test.ts";
import { disposalComplianceProvider } from "../../environment/compliance.service.ts";
import { stateActorCodes } from "../../environment/state-actor-codes.ts";
import { loadStateProfile } from "../../diplomacy/state-profile.service.ts";
import type { CliIo } from "../cli-io.ts";
import { writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseCommandArgs } from "../global-flags.ts";
import { stateProfileText } from "../state-profile-text.ts";

/**
 * `concord state ISO3 [--json]`: a state's profile: its acts under every instrument and its fora (unknown shown as
 * unknown), its conduct in orbit from the catalog (a predecessor's apart), its part in the newest screening run, and
 * commitments beside conduct; every figure with its source and as-of date.
 */
export async function runState(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs("state", args, { json: { type: "boolean" } }, true);
  const [state, ...rest] = positionals;
  if (state === undefined || rest.length > 0) throw new InvalidInputError("state", "usage: concord state ISO3 [--json] (one ISO 3166-1 alpha-3 code or English name)");
  const context = await openConcordContext(configFromFlags(values, io.env));
  try {
    const tests = loadDestructiveAsatTests(new Date().toISOString().slice(0, 10));
    const db = context.database.db;
    const disposalCompliance = disposalComplianceProvider(db, (iso3) => stateActorCodes(context.actors, iso3), () => Date.now());
    const profile = await loadStateProfile(db, context.actors, tests, state, { disposalCompliance });
    if (values.json) writeJson(io, profile);
    else writeLine(io, stateProfileText(profile));
    return EXIT.ok;
  } finally {
    await context.close();
  }
}
