import type { Kysely } from "kysely";
import { ForbiddenError } from "../core/concord-error.ts";
import { listComments } from "../store/consultation-comment.repository.ts";
import { listParagraphs } from "../store/consultation.repository.ts";
import type { StoreSchema } from "../store/schema.ts";
import { readableConsultation } from "./consultation-access.ts";
import type { ConsultationReader } from "./consultation-reader.ts";
import { isOrganiser } from "./consultation-reader.ts";
import { buildConsultationSummary } from "./consultation-summary.ts";
import type { ConsultationSummary } from "./consultation-summary.ts";

/** The organisers' summary (every comment, confidential ones included); anyone else is refused. */
export async function loadConsultationSummary(db: Kysely<StoreSchema>, reader: ConsultationReader, consultationId: number, now: Date): Promise<ConsultationSummary> {
  const { consultation } = await readableConsultation(db, reader, consultationId);
  if (!isOrganiser(reader)) throw new ForbiddenError("only the organisers (admin, analyst) read a consultation's summary: it holds confidential comments");
  const [paragraphs, comments] = await Promise.all([listParagraphs(db, consultationId), listComments(db, consultationId, { visibleTo: "all" })]);
  return buildConsultationSummary(consultation, paragraphs, comments, now.toISOString());
}
