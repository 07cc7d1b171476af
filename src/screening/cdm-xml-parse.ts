import { XMLParser, XMLValidator } from "fast-xml-parser";
import { CdmParseError, type CdmReadResult, type CdmWarning } from "./cdm.ts";
import { type CdmDraft, type SectionDraft, assembleCdm, emptyObject, emptySection, setValue } from "./cdm-assemble.ts";
import { CDM_KEYWORD_BY_KEY, type CdmSection, XML_DATA_ELEMENT } from "./cdm-keywords.ts";
import { convertCdmValue } from "./cdm-value.ts";

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => name === "COMMENT" || name === "segment",
});

function asNode(value: unknown): XmlNode | undefined {
  if (Array.isArray(value)) return asNode(value[0]);
  return value !== null && typeof value === "object" ? (value as XmlNode) : undefined;
}

function textOf(value: unknown): { text: string; unit: string | null } {
  if (value !== null && typeof value === "object") {
    const node = value as XmlNode;
    const units = node["@_units"];
    return { text: String(node["#text"] ?? "").trim(), unit: typeof units === "string" ? units : null };
  }
  return { text: String(value ?? "").trim(), unit: null };
}

const GROUPS = new Set(["relativeStateVector", ...Object.values(XML_DATA_ELEMENT)]);

/** Fills one section from an XML element: its COMMENTs, its keyword elements, and nested groups. */
function readSection(node: XmlNode | undefined, section: SectionDraft, expected: CdmSection | "data", source: string, warnings: CdmWarning[], object: ReturnType<typeof emptyObject> | null): void {
  if (node === undefined) return;
  for (const [name, value] of Object.entries(node)) {
    if (name.startsWith("@_") || name === "#text") continue;
    if (name === "COMMENT") {
      section.comments.push(...(value as unknown[]).map((c) => textOf(c).text));
      continue;
    }
    if (GROUPS.has(name)) {
      const sectionName = (Object.entries(XML_DATA_ELEMENT).find(([, tag]) => tag === name)?.[0] ?? expected) as CdmSection;
      const target = object !== null && sectionName !== expected ? object[sectionName as keyof typeof object] : section;
      readSection(asNode(value), target, sectionName, source, warnings, null);
      continue;
    }
    const keyword = CDM_KEYWORD_BY_KEY.get(name);
    if (keyword === undefined || expected === "data" || keyword.section !== expected) {
      throw new CdmParseError(source, null, name, keyword === undefined ? "unknown CDM element" : `element not allowed in the ${expected} section`);
    }
    const { text, unit } = textOf(Array.isArray(value) ? value[0] : value);
    setValue(section, keyword, convertCdmValue(keyword, text, unit, source, null, warnings), source, null);
  }
}

/**
 * Reads one CCSDS CDM in XML (NDM/XML 1.0 CDM schema): a `<cdm>` root (or the first `<cdm>` in an `<ndm>`
 * or `<message>`), namespace prefixes ignored, `units` attributes checked like KVN units. A `COMMENT` directly
 * in `<data>` joins the OD-parameter comments. Throws CdmParseError (file, element) when the XML is not well
 * formed, an element is unknown or misplaced, a value is bad or a mandatory element is missing.
 */
export function parseCdmXml(text: string, source: string): CdmReadResult {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new CdmParseError(source, valid.err.line, null, `XML is not well formed: ${valid.err.msg}`);
  const document = parser.parse(text) as XmlNode;
  const root = asNode(document["cdm"]) ?? asNode(asNode(document["ndm"])?.["cdm"]) ?? asNode(asNode(document["message"])?.["cdm"]);
  if (root === undefined) throw new CdmParseError(source, null, "cdm", "no <cdm> element");
  const warnings: CdmWarning[] = [];
  const draft: CdmDraft = { header: emptySection(), relative: emptySection(), objects: [] };
  const version = root["@_version"];
  const versionKeyword = CDM_KEYWORD_BY_KEY.get("CCSDS_CDM_VERS");
  if (typeof version === "string" && versionKeyword !== undefined) setValue(draft.header, versionKeyword, version, source, null);
  readSection(asNode(root["header"]), draft.header, "header", source, warnings, null);
  const body = asNode(root["body"]);
  if (body === undefined) throw new CdmParseError(source, null, "body", "no <body> element");
  readSection(asNode(body["relativeMetadataData"]), draft.relative, "relative", source, warnings, null);
  const segments = body["segment"];
  for (const segment of Array.isArray(segments) ? segments : []) {
    const object = emptyObject();
    draft.objects.push(object);
    const node = asNode(segment);
    readSection(asNode(node?.["metadata"]), object.metadata, "metadata", source, warnings, null);
    readSection(asNode(node?.["data"]), object.od, "data", source, warnings, object);
  }
  return { cdm: assembleCdm(draft, source, null), warnings };
}
