import type { Cdm, CdmObject } from "./cdm.ts";
import { CDM_KEYWORDS, type CdmKeyword, type CdmSection, XML_DATA_ELEMENT } from "./cdm-keywords.ts";
import { formatCdmValue } from "./cdm-value.ts";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function valueOf(section: Record<string, unknown>, keyword: CdmKeyword): unknown {
  const value = section[keyword.property];
  return keyword.index === undefined ? value : (value as unknown[] | undefined)?.[keyword.index];
}

function element(keyword: CdmKeyword, value: unknown, indent: string): string {
  const units = keyword.unit === undefined ? "" : ` units="${escapeXml(keyword.unit)}"`;
  return `${indent}<${keyword.key}${units}>${escapeXml(formatCdmValue(keyword, value))}</${keyword.key}>`;
}

/** The elements of one section: COMMENTs first (as the schema orders them), then keywords, grouped where nested. */
function sectionElements(section: Record<string, unknown>, name: CdmSection, indent: string, skip: ReadonlySet<string>): string[] {
  const lines = ((section["comments"] as readonly string[] | undefined) ?? []).map((c) => `${indent}<COMMENT>${escapeXml(c)}</COMMENT>`);
  let group: string | null = null;
  for (const keyword of CDM_KEYWORDS) {
    if (keyword.section !== name || skip.has(keyword.key)) continue;
    const value = valueOf(section, keyword);
    if (value === undefined) continue;
    const wanted = keyword.xmlGroup ?? null;
    if (wanted !== group) {
      if (group !== null) lines.push(`${indent}</${group}>`);
      if (wanted !== null) lines.push(`${indent}<${wanted}>`);
      group = wanted;
    }
    lines.push(element(keyword, value, group === null ? indent : `${indent}  `));
  }
  if (group !== null) lines.push(`${indent}</${group}>`);
  return lines;
}

const NO_SKIP: ReadonlySet<string> = new Set();

function segment(object: CdmObject): string[] {
  const lines = ["    <segment>", "      <metadata>"];
  lines.push(...sectionElements(object.metadata as unknown as Record<string, unknown>, "metadata", "        ", NO_SKIP));
  lines.push("      </metadata>", "      <data>");
  for (const name of ["od", "additional", "state", "covariance"] as const) {
    const section = object[name] as unknown as Record<string, unknown>;
    const inner = sectionElements(section, name, "          ", NO_SKIP);
    if (inner.length === 0) continue;
    const tag = XML_DATA_ELEMENT[name] ?? name;
    lines.push(`        <${tag}>`, ...inner, `        </${tag}>`);
  }
  lines.push("      </data>", "    </segment>");
  return lines;
}

/**
 * The CDM in XML (CCSDS NDM/XML, `ndmxml-1.0-cdm` schema): `<cdm id="CCSDS_CDM_VERS" version="1.0">` with
 * `header`, `body/relativeMetadataData` (relative position/velocity in `relativeStateVector`) and two
 * `segment`s of `metadata` and `data` (`odParameters`, `additionalParameters`, `stateVector`,
 * `covarianceMatrix`); numeric elements carry their `units` attribute.
 */
export function formatCdmXml(cdm: Cdm): string {
  const header = cdm.header as unknown as Record<string, unknown>;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<cdm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://sanaregistry.org/r/ndmxml/ndmxml-1.0-master.xsd" id="CCSDS_CDM_VERS" version="${escapeXml(cdm.header.version)}">`,
    "  <header>",
    ...sectionElements(header, "header", "    ", new Set(["CCSDS_CDM_VERS"])),
    "  </header>",
    "  <body>",
    "    <relativeMetadataData>",
    ...sectionElements(cdm.relative as unknown as Record<string, unknown>, "relative", "      ", NO_SKIP),
    "    </relativeMetadataData>",
    ...segment(cdm.object1),
    ...segment(cdm.object2),
    "  </body>",
    "</cdm>",
  ];
  return `${lines.join("\n")}\n`;
}
