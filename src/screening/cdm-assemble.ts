import type { Cdm, CdmObject } from "./cdm.ts";
import { CdmParseError } from "./cdm.ts";
import { CDM_KEYWORDS, type CdmKeyword, type CdmSection } from "./cdm-keywords.ts";

/** One section being filled by a reader: values by property, comments, and where each keyword was seen. */
export interface SectionDraft {
  comments: string[];
  values: Record<string, unknown>;
  lines: Map<string, number | null>;
}

export type ObjectDraft = Record<"metadata" | "od" | "additional" | "state" | "covariance", SectionDraft>;

export interface CdmDraft {
  header: SectionDraft;
  relative: SectionDraft;
  objects: ObjectDraft[];
}

export function emptySection(): SectionDraft {
  return { comments: [], values: {}, lines: new Map() };
}

export function emptyObject(): ObjectDraft {
  return { metadata: emptySection(), od: emptySection(), additional: emptySection(), state: emptySection(), covariance: emptySection() };
}

/** Puts one converted value in its section; a keyword given twice in one section is an error. */
export function setValue(section: SectionDraft, keyword: CdmKeyword, value: unknown, source: string, line: number | null): void {
  if (section.lines.has(keyword.key)) {
    throw new CdmParseError(source, line, keyword.key, "keyword given twice in the same section");
  }
  section.lines.set(keyword.key, line);
  if (keyword.index === undefined) {
    section.values[keyword.property] = value;
  } else {
    const array = (section.values[keyword.property] ??= []) as unknown[];
    array[keyword.index] = value;
  }
}

const SECTIONS_OF: Record<CdmSection, CdmKeyword[]> = {
  header: [], relative: [], metadata: [], od: [], additional: [], state: [], covariance: [],
};
for (const keyword of CDM_KEYWORDS) SECTIONS_OF[keyword.section].push(keyword);

function checkMandatory(section: SectionDraft, name: CdmSection, source: string, where: string, fallbackLine: number | null): void {
  for (const keyword of SECTIONS_OF[name]) {
    if (keyword.mandatory && !section.lines.has(keyword.key)) {
      throw new CdmParseError(source, fallbackLine, keyword.key, `mandatory keyword missing${where}`);
    }
  }
}

function build(section: SectionDraft): Record<string, unknown> {
  return { comments: section.comments, ...section.values };
}

function buildObject(draft: ObjectDraft, label: string, source: string, fallbackLine: number | null): CdmObject {
  for (const name of ["metadata", "state", "covariance"] as const) checkMandatory(draft[name], name, source, ` in ${label}`, fallbackLine);
  const triangle = (draft.covariance.values["lowerTriangle"] ?? []) as (number | undefined)[];
  const length = triangle.length;
  if (![21, 28, 36, 45].includes(length) || triangle.some((v) => v === undefined) || Object.keys(triangle).length !== length) {
    throw new CdmParseError(source, fallbackLine, "CDRG_R", `${label}: optional covariance rows must be complete and in order (got ${Object.keys(triangle).length} of ${length} terms)`);
  }
  return {
    metadata: build(draft.metadata),
    od: build(draft.od),
    additional: build(draft.additional),
    state: build(draft.state),
    covariance: build(draft.covariance),
  } as unknown as CdmObject;
}

/** The typed CDM of a filled draft, after checking every mandatory keyword of 508.0-B-1 is present. */
export function assembleCdm(draft: CdmDraft, source: string, lastLine: number | null): Cdm {
  checkMandatory(draft.header, "header", source, " in the header", lastLine);
  checkMandatory(draft.relative, "relative", source, " in the relative metadata/data", lastLine);
  if (draft.objects.length !== 2) {
    throw new CdmParseError(source, lastLine, "OBJECT", `a CDM holds exactly two objects, found ${draft.objects.length}`);
  }
  const [first, second] = draft.objects as [ObjectDraft, ObjectDraft];
  const object1 = buildObject(first, "OBJECT1", source, lastLine);
  const object2 = buildObject(second, "OBJECT2", source, lastLine);
  if (object1.metadata.object !== "OBJECT1" || object2.metadata.object !== "OBJECT2") {
    throw new CdmParseError(source, lastLine, "OBJECT", `objects must be OBJECT1 then OBJECT2, found ${object1.metadata.object}, ${object2.metadata.object}`);
  }
  return { header: build(draft.header), relative: build(draft.relative), object1, object2 } as unknown as Cdm;
}
