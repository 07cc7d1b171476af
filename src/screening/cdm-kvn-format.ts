import type { Cdm, CdmObject } from "./cdm.ts";
import { CDM_KEYWORDS, type CdmKeyword, type CdmSection, OBJECT_SECTIONS } from "./cdm-keywords.ts";
import { formatCdmValue } from "./cdm-value.ts";

const KEY_WIDTH = 36;

function valueOf(section: Record<string, unknown>, keyword: CdmKeyword): unknown {
  const value = section[keyword.property];
  return keyword.index === undefined ? value : (value as unknown[] | undefined)?.[keyword.index];
}

function sectionLines(section: Record<string, unknown>, name: CdmSection, lines: string[]): void {
  const keywords = CDM_KEYWORDS.filter((k) => k.section === name);
  const first = keywords[0];
  // The section's opening keyword (CCSDS_CDM_VERS, OBJECT) precedes its comments; everywhere else comments lead.
  const leading = first !== undefined && (first.key === "CCSDS_CDM_VERS" || first.key === "OBJECT") ? first : null;
  const write = (keyword: CdmKeyword): void => {
    const value = valueOf(section, keyword);
    if (value === undefined) return;
    const unit = keyword.unit === undefined ? "" : ` [${keyword.unit}]`;
    lines.push(`${keyword.key.padEnd(KEY_WIDTH)} = ${formatCdmValue(keyword, value)}${unit}`);
  };
  if (leading !== null) write(leading);
  for (const comment of (section["comments"] as readonly string[] | undefined) ?? []) lines.push(comment === "" ? "COMMENT" : `COMMENT ${comment}`);
  for (const keyword of keywords) if (keyword !== leading) write(keyword);
}

function objectLines(object: CdmObject, lines: string[]): void {
  for (const name of OBJECT_SECTIONS) sectionLines(object[name as keyof CdmObject] as unknown as Record<string, unknown>, name, lines);
}

/** The CDM in KVN (508.0-B-1 §5), keywords in the standard's order with their units; ends with a newline. */
export function formatCdmKvn(cdm: Cdm): string {
  const lines: string[] = [];
  sectionLines(cdm.header as unknown as Record<string, unknown>, "header", lines);
  sectionLines(cdm.relative as unknown as Record<string, unknown>, "relative", lines);
  objectLines(cdm.object1, lines);
  objectLines(cdm.object2, lines);
  return `${lines.join("\n")}\n`;
}
