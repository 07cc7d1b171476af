import { CdmParseError, type CdmReadResult, type CdmWarning } from "./cdm.ts";
import { type CdmDraft, type SectionDraft, assembleCdm, emptyObject, emptySection, setValue } from "./cdm-assemble.ts";
import { CDM_KEYWORD_BY_KEY, type CdmKeyword } from "./cdm-keywords.ts";
import { convertCdmValue } from "./cdm-value.ts";

/** Splits `value [unit]` of a numeric or time keyword; an unclosed `[` makes the rest the unit. */
function splitUnit(value: string): { text: string; unit: string | null } {
  const bracket = value.indexOf("[");
  if (bracket < 0) return { text: value, unit: null };
  const close = value.indexOf("]", bracket);
  const unit = value.slice(bracket + 1, close < 0 ? undefined : close).trim();
  return { text: value.slice(0, bracket).trim(), unit };
}

/**
 * Reads one CCSDS CDM in KVN (508.0-B-1 §5): `KEYWORD = value [unit]` lines and `COMMENT` lines, both CCSDS
 * time forms, CRLF or LF. Comment placement: a comment belongs to the section of the keyword that follows it,
 * except a comment just before `OBJECT = …`, which stays with the section it follows (so CARA's
 * `COMMENT HBR = 10 [m]` after the relative data stays there); the writer puts comments first in their
 * section, so KVN → model → KVN → model is the identity. Throws CdmParseError (file, line, keyword) on an
 * unknown keyword, a line without `=`, a repeated keyword, a bad value or a missing mandatory keyword.
 */
export function parseCdmKvn(text: string, source: string): CdmReadResult {
  const draft: CdmDraft = { header: emptySection(), relative: emptySection(), objects: [] };
  const warnings: CdmWarning[] = [];
  const lines = text.split("\n");
  let pending: string[] = [];
  let current: SectionDraft | null = null;
  let lastLine = 0;

  const sectionFor = (keyword: CdmKeyword, line: number): SectionDraft => {
    if (keyword.section === "header" || keyword.section === "relative") {
      if (draft.objects.length > 0) throw new CdmParseError(source, line, keyword.key, `${keyword.section} keyword after the object sections`);
      return draft[keyword.section];
    }
    const object = draft.objects.at(-1);
    if (object === undefined) throw new CdmParseError(source, line, keyword.key, "object keyword before OBJECT = OBJECT1");
    return object[keyword.section];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    lastLine = i + 1;
    if (line === "COMMENT" || line.startsWith("COMMENT ") || line.startsWith("COMMENT\t")) {
      pending.push(line.slice(7).trim());
      continue;
    }
    const equals = line.indexOf("=");
    if (equals < 0) throw new CdmParseError(source, i + 1, null, `line is not "KEYWORD = value": "${line.slice(0, 60)}"`);
    const key = line.slice(0, equals).trim();
    const keyword = CDM_KEYWORD_BY_KEY.get(key);
    if (keyword === undefined) throw new CdmParseError(source, i + 1, key, "unknown CDM keyword");
    const raw = line.slice(equals + 1).trim();
    if (key === "OBJECT") {
      if (pending.length > 0) (current ?? draft.header).comments.push(...pending);
      pending = [];
      draft.objects.push(emptyObject());
    }
    const section = sectionFor(keyword, i + 1);
    section.comments.push(...pending);
    pending = [];
    current = section;
    const { text: valueText, unit } = keyword.kind === "text" ? { text: raw, unit: null } : splitUnit(raw);
    setValue(section, keyword, convertCdmValue(keyword, valueText, unit, source, i + 1, warnings), source, i + 1);
  }
  if (pending.length > 0) (current ?? draft.header).comments.push(...pending);
  return { cdm: assembleCdm(draft, source, lastLine), warnings };
}
