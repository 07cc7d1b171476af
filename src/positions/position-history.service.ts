import type { Kysely } from "kysely";
import { NotFoundError } from "../core/concord-error.ts";
import { listPositionCitations } from "../store/position-citation.repository.ts";
import { findPosition, findPositionVersion, listPositionVersions } from "../store/position.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { diffLines } from "./line-diff.ts";
import type { LineDiff } from "./line-diff.ts";
import type { PositionCitation } from "./position-citation.ts";
import { loadPositionPeople } from "./position-people.ts";
import type { PositionPeople } from "./position-people.ts";
import type { PositionVersion } from "./position.ts";

/** A position's history: every version (who, when, note), one version's text, and the diff between two versions. */

async function assertPosition(db: Kysely<StoreSchema>, positionId: number): Promise<void> {
  if ((await findPosition(db, positionId)) === null) throw new NotFoundError("position", `no position ${positionId}`);
}

/** Every version, oldest first, and the names of those who wrote them. */
export async function loadPositionVersions(db: Kysely<StoreSchema>, positionId: number): Promise<{ versions: PositionVersion[]; people: PositionPeople }> {
  await assertPosition(db, positionId);
  const versions = await listPositionVersions(db, positionId);
  return { versions, people: await loadPositionPeople(db, versions.map((v) => v.changedBy)) };
}

async function versionOrNotFound(db: Kysely<StoreSchema>, positionId: number, versionNumber: number): Promise<PositionVersion> {
  const version = await findPositionVersion(db, positionId, versionNumber);
  if (version === null) throw new NotFoundError("version", `position ${positionId} has no version ${versionNumber}`);
  return version;
}

/** One version, with the figures the position cited while it was current (cited at or before it, not yet removed then). */
export async function loadPositionVersion(db: Kysely<StoreSchema>, positionId: number, versionNumber: number): Promise<{ version: PositionVersion; citations: PositionCitation[]; people: PositionPeople }> {
  await assertPosition(db, positionId);
  const version = await versionOrNotFound(db, positionId, versionNumber);
  const citations = (await listPositionCitations(db, positionId, { includeRemoved: true })).filter(
    (c) => c.citedInVersion <= versionNumber && (c.removedInVersion === null || c.removedInVersion > versionNumber),
  );
  return { version, citations, people: await loadPositionPeople(db, [version.changedBy, ...citations.map((c) => c.citedBy)]) };
}

export interface VersionDiff {
  readonly from: PositionVersion;
  readonly to: PositionVersion;
  readonly titleChanged: boolean;
  readonly diff: LineDiff;
  readonly people: PositionPeople;
}

export async function diffPositionVersions(db: Kysely<StoreSchema>, positionId: number, from: number, to: number): Promise<VersionDiff> {
  await assertPosition(db, positionId);
  const [a, b] = [await versionOrNotFound(db, positionId, from), await versionOrNotFound(db, positionId, to)];
  return { from: a, to: b, titleChanged: a.title !== b.title, diff: diffLines(a.markdown, b.markdown), people: await loadPositionPeople(db, [a.changedBy, b.changedBy]) };
}
