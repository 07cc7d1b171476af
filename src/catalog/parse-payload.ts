import { SourceFormatError } from "../core/concord-error.ts";
import type { ParseResult } from "../core/rejection.ts";
import type { ElementSetFormat, MeanElements } from "../orbit/mean-elements.ts";
import { parseOmmCsv } from "../orbit/omm-csv-parse.ts";
import { parseOmmJson } from "../orbit/omm-json-parse.ts";
import { parseOmmKvn } from "../orbit/omm-kvn-parse.ts";
import { parseOmmXml } from "../orbit/omm-xml-parse.ts";
import { parseTle } from "../orbit/tle-parse.ts";
import { detectFormat } from "../sources/detect-format.ts";
import type { SourcePayload } from "../sources/source-payload.ts";
import { parseCelestrakSatcatCsv } from "./satcat-celestrak-csv-parse.ts";
import type { SatcatFormat, SatcatRecord } from "./satcat-record.ts";
import { parseSpacetrackSatcatJson } from "./satcat-spacetrack-json-parse.ts";

/** A payload's records after format detection and parsing: either SATCAT records or element sets. */
export type ParsedPayload =
  | ({ readonly kind: "satcat"; readonly format: SatcatFormat } & ParseResult<SatcatRecord>)
  | ({ readonly kind: "element-sets"; readonly format: ElementSetFormat } & ParseResult<MeanElements>);

const ELEMENT_SET_PARSERS: Record<ElementSetFormat, (text: string, source: string) => ParseResult<MeanElements>> = {
  tle: parseTle,
  "omm-json": parseOmmJson,
  "omm-csv": parseOmmCsv,
  "omm-xml": parseOmmXml,
  "omm-kvn": parseOmmKvn,
};

/** Detects the payload's format from its content (never its name) and parses it. */
export function parsePayload(payload: Pick<SourcePayload, "text" | "source">): ParsedPayload {
  const format = detectFormat(payload.text, payload.source);
  switch (format) {
    case "satcat-spacetrack-json":
      return { kind: "satcat", format, ...parseSpacetrackSatcatJson(payload.text, payload.source) };
    case "satcat-celestrak-csv":
      return { kind: "satcat", format, ...parseCelestrakSatcatCsv(payload.text, payload.source) };
    case "space-weather-csv":
      // Not catalog data: `concord ingest` routes it to src/environment/space-weather-ingest.service.ts.
      throw new SourceFormatError(payload.source, "a CelesTrak space-weather file holds no catalog records; ingest it with ingestSpaceWeather");
    case "cara-hbr-mass-csv":
      // Not catalog data: `concord ingest` routes it to src/environment/mass-estimate-ingest.service.ts.
      throw new SourceFormatError(payload.source, "a CARA HBR and mass estimates file holds no catalog records; ingest it with ingestMassEstimates");
    default:
      return { kind: "element-sets", format, ...ELEMENT_SET_PARSERS[format](payload.text, payload.source) };
  }
}
