import { XMLParser, XMLValidator } from "fast-xml-parser";
import { SourceFormatError } from "../core/concord-error.ts";
import type { ParseResult, Rejection } from "../core/rejection.ts";
import type { MeanElements } from "./mean-elements.ts";
import { type OmmKey, isFieldProblem, meanElementsFromOmm } from "./omm-fields.ts";

const RAW_LIMIT = 300;
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (tagName) => tagName === "omm" || tagName === "segment",
});

function child(node: unknown, name: string): XmlNode | undefined {
  if (node === null || typeof node !== "object") return undefined;
  const value = (node as XmlNode)[name];
  if (Array.isArray(value)) return value[0] as XmlNode | undefined;
  return value !== null && typeof value === "object" ? (value as XmlNode) : undefined;
}

function leaf(node: XmlNode | undefined, key: string): string | undefined {
  const value = node?.[key];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return value === "" ? "" : undefined;
}

/**
 * Parses CCSDS OMM XML as CelesTrak serves it (`FORMAT=xml`): `<ndm>` with one or many `<omm>`, or a single
 * `<omm>` root; each `<omm>` is `header/body/segment/{metadata, data/{meanElements, tleParameters}}`.
 * A failing `<omm>` is a Rejection with its 0-based `recordIndex` (XML positions are not tracked, line is
 * null). Throws SourceFormatError when the text is not well-formed XML or holds no `<omm>`.
 */
export function parseOmmXml(text: string, source: string): ParseResult<MeanElements> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new SourceFormatError(source, `XML is not well formed at line ${valid.err.line}: ${valid.err.msg}`);
  const document = parser.parse(text) as XmlNode;
  const root = child(document, "ndm") ?? document;
  const omms = root["omm"];
  if (!Array.isArray(omms)) throw new SourceFormatError(source, "no <omm> element");
  const records: MeanElements[] = [];
  const rejections: Rejection[] = [];
  let metadata: XmlNode | undefined;
  let meanElements: XmlNode | undefined;
  let tleParameters: XmlNode | undefined;
  const valueOf = (key: OmmKey): string | undefined => leaf(metadata, key) ?? leaf(meanElements, key) ?? leaf(tleParameters, key);
  for (let index = 0; index < omms.length; index++) {
    const segment = child(child(omms[index], "body"), "segment");
    metadata = child(segment, "metadata");
    const data = child(segment, "data");
    meanElements = child(data, "meanElements");
    tleParameters = child(data, "tleParameters");
    if (metadata === undefined || meanElements === undefined) {
      rejections.push({ source, line: null, recordIndex: index, field: null, reason: "<omm> lacks body/segment/metadata or data/meanElements", raw: JSON.stringify(omms[index]).slice(0, RAW_LIMIT) });
      continue;
    }
    const result = meanElementsFromOmm(valueOf);
    if (isFieldProblem(result)) {
      rejections.push({ source, line: null, recordIndex: index, field: result.field, reason: result.reason, raw: JSON.stringify(segment).slice(0, RAW_LIMIT) });
    } else records.push(result);
  }
  return { records, rejections };
}
