import type { MeanElements } from "./mean-elements.ts";
import { type OmmWriteOptions, ommKeywordValues } from "./omm-kvn-format.ts";

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&apos;"));
}

function elements(pairs: [string, string][]): string {
  return pairs.map(([key, value]) => `<${key}>${escapeXml(value)}</${key}>`).join("");
}

/**
 * Writes element sets as one CCSDS NDM/XML document with one `<omm>` per element set
 * (`<ndm><omm><header/><body><segment><metadata/><data><meanElements/><tleParameters/>`), the shape
 * CelesTrak serves for `FORMAT=xml`. Numbers are written in their shortest exact form.
 */
export function formatOmmXml(list: readonly MeanElements[], options: OmmWriteOptions): string {
  const header = `<header><CREATION_DATE>${escapeXml(options.creationDate)}</CREATION_DATE><ORIGINATOR>${escapeXml(options.originator ?? "CONCORD")}</ORIGINATOR></header>`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<ndm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="https://sanaregistry.org/r/ndmxml_unqualified/ndmxml-3.0.0-master-3.0.xsd">',
  ];
  for (const el of list) {
    const { metadata, meanElements, tleParameters } = ommKeywordValues(el);
    out.push(
      `<omm id="CCSDS_OMM_VERS" version="3.0">${header}<body><segment><metadata>${elements(metadata)}</metadata>` +
        `<data><meanElements>${elements(meanElements)}</meanElements><tleParameters>${elements(tleParameters)}</tleParameters></data></segment></body></omm>`,
    );
  }
  out.push("</ndm>", "");
  return out.join("\n");
}
