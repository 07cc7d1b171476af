/**
 * The CDM keywords of CCSDS 508.0-B-1 (tables 3-1 to 3-5), in the order the standard lists them, each with its
 * section, the model property it fills, its kind, its unit and whether the standard makes it mandatory. The
 * KVN and XML readers and writers are driven by this one table.
 */

export type CdmSection = "header" | "relative" | "metadata" | "od" | "additional" | "state" | "covariance";
export type CdmValueKind = "text" | "number" | "time";

export interface CdmKeyword {
  readonly key: string;
  readonly section: CdmSection;
  readonly property: string;
  /** Index into the property's array (state vector components, covariance lower triangle). */
  readonly index?: number;
  readonly kind: CdmValueKind;
  readonly unit?: string;
  readonly mandatory: boolean;
  /** XML only: the element the keyword is nested in inside its section (`relativeStateVector`). */
  readonly xmlGroup?: string;
}

function entry(
  key: string,
  section: CdmSection,
  property: string,
  kind: CdmValueKind,
  mandatory: boolean,
  unit?: string,
  extra: { index?: number; xmlGroup?: string } = {},
): CdmKeyword {
  return { key, section, property, kind, mandatory, ...(unit === undefined ? {} : { unit }), ...extra };
}

const RTN = ["R", "T", "N", "RDOT", "TDOT", "NDOT", "DRG", "SRP", "THR"] as const;
const ROW_PREFIX = ["CR", "CT", "CN", "CRDOT", "CTDOT", "CNDOT", "CDRG", "CSRP", "CTHR"] as const;
const COMPONENT_UNIT = ["m", "m", "m", "m/s", "m/s", "m/s", "m**2/kg", "m**2/kg", "m/s**2"] as const;

function product(a: string, b: string): string {
  if (a === b) return a === "m" ? "m**2" : a === "m/s" ? "m**2/s**2" : a === "m**2/kg" ? "m**4/kg**2" : "m**2/s**4";
  const units: Record<string, string> = {
    "m|m/s": "m**2/s",
    "m|m**2/kg": "m**3/kg",
    "m/s|m**2/kg": "m**3/(kg*s)",
    "m|m/s**2": "m**2/s**2",
    "m/s|m/s**2": "m**2/s**3",
    "m**2/kg|m/s**2": "m**3/(kg*s**2)",
  };
  return units[`${b}|${a}`] ?? units[`${a}|${b}`] ?? `${a}*${b}`;
}

function covarianceKeywords(): CdmKeyword[] {
  const keywords: CdmKeyword[] = [];
  let index = 0;
  for (let row = 0; row < RTN.length; row++) {
    for (let column = 0; column <= row; column++) {
      const key = `${ROW_PREFIX[row]}_${RTN[column]}`;
      const unit = product(COMPONENT_UNIT[row] ?? "", COMPONENT_UNIT[column] ?? "");
      keywords.push(entry(key, "covariance", "lowerTriangle", "number", index < 21, unit, { index }));
      index++;
    }
  }
  return keywords;
}

const RSV = { xmlGroup: "relativeStateVector" };

export const CDM_KEYWORDS: readonly CdmKeyword[] = [
  entry("CCSDS_CDM_VERS", "header", "version", "text", true),
  entry("CREATION_DATE", "header", "creationDateMs", "time", true),
  entry("ORIGINATOR", "header", "originator", "text", true),
  entry("MESSAGE_FOR", "header", "messageFor", "text", false),
  entry("MESSAGE_ID", "header", "messageId", "text", true),
  entry("TCA", "relative", "tcaMs", "time", true),
  entry("MISS_DISTANCE", "relative", "missDistanceM", "number", true, "m"),
  entry("RELATIVE_SPEED", "relative", "relativeSpeedMS", "number", false, "m/s"),
  entry("RELATIVE_POSITION_R", "relative", "relativePositionRM", "number", false, "m", RSV),
  entry("RELATIVE_POSITION_T", "relative", "relativePositionTM", "number", false, "m", RSV),
  entry("RELATIVE_POSITION_N", "relative", "relativePositionNM", "number", false, "m", RSV),
  entry("RELATIVE_VELOCITY_R", "relative", "relativeVelocityRMS", "number", false, "m/s", RSV),
  entry("RELATIVE_VELOCITY_T", "relative", "relativeVelocityTMS", "number", false, "m/s", RSV),
  entry("RELATIVE_VELOCITY_N", "relative", "relativeVelocityNMS", "number", false, "m/s", RSV),
  entry("START_SCREEN_PERIOD", "relative", "startScreenPeriodMs", "time", false),
  entry("STOP_SCREEN_PERIOD", "relative", "stopScreenPeriodMs", "time", false),
  entry("SCREEN_VOLUME_FRAME", "relative", "screenVolumeFrame", "text", false),
  entry("SCREEN_VOLUME_SHAPE", "relative", "screenVolumeShape", "text", false),
  entry("SCREEN_VOLUME_X", "relative", "screenVolumeXM", "number", false, "m"),
  entry("SCREEN_VOLUME_Y", "relative", "screenVolumeYM", "number", false, "m"),
  entry("SCREEN_VOLUME_Z", "relative", "screenVolumeZM", "number", false, "m"),
  entry("SCREEN_ENTRY_TIME", "relative", "screenEntryTimeMs", "time", false),
  entry("SCREEN_EXIT_TIME", "relative", "screenExitTimeMs", "time", false),
  entry("COLLISION_PROBABILITY", "relative", "collisionProbability", "number", false),
  entry("COLLISION_PROBABILITY_METHOD", "relative", "collisionProbabilityMethod", "text", false),
  entry("OBJECT", "metadata", "object", "text", true),
  entry("OBJECT_DESIGNATOR", "metadata", "objectDesignator", "text", true),
  entry("CATALOG_NAME", "metadata", "catalogName", "text", true),
  entry("OBJECT_NAME", "metadata", "objectName", "text", true),
  entry("INTERNATIONAL_DESIGNATOR", "metadata", "internationalDesignator", "text", true),
  entry("OBJECT_TYPE", "metadata", "objectType", "text", false),
  entry("OPERATOR_CONTACT_POSITION", "metadata", "operatorContactPosition", "text", false),
  entry("OPERATOR_ORGANIZATION", "metadata", "operatorOrganization", "text", false),
  entry("OPERATOR_PHONE", "metadata", "operatorPhone", "text", false),
  entry("OPERATOR_EMAIL", "metadata", "operatorEmail", "text", false),
  entry("EPHEMERIS_NAME", "metadata", "ephemerisName", "text", true),
  entry("COVARIANCE_METHOD", "metadata", "covarianceMethod", "text", true),
  entry("MANEUVERABLE", "metadata", "maneuverable", "text", true),
  entry("ORBIT_CENTER", "metadata", "orbitCenter", "text", false),
  entry("REF_FRAME", "metadata", "refFrame", "text", true),
  entry("GRAVITY_MODEL", "metadata", "gravityModel", "text", false),
  entry("ATMOSPHERIC_MODEL", "metadata", "atmosphericModel", "text", false),
  entry("N_BODY_PERTURBATIONS", "metadata", "nBodyPerturbations", "text", false),
  entry("SOLAR_RAD_PRESSURE", "metadata", "solarRadPressure", "text", false),
  entry("EARTH_TIDES", "metadata", "earthTides", "text", false),
  entry("INTRACK_THRUST", "metadata", "intrackThrust", "text", false),
  entry("TIME_LASTOB_START", "od", "timeLastObStartMs", "time", false),
  entry("TIME_LASTOB_END", "od", "timeLastObEndMs", "time", false),
  entry("RECOMMENDED_OD_SPAN", "od", "recommendedOdSpanDays", "number", false, "d"),
  entry("ACTUAL_OD_SPAN", "od", "actualOdSpanDays", "number", false, "d"),
  entry("OBS_AVAILABLE", "od", "obsAvailable", "number", false),
  entry("OBS_USED", "od", "obsUsed", "number", false),
  entry("TRACKS_AVAILABLE", "od", "tracksAvailable", "number", false),
  entry("TRACKS_USED", "od", "tracksUsed", "number", false),
  entry("RESIDUALS_ACCEPTED", "od", "residualsAcceptedPercent", "number", false, "%"),
  entry("WEIGHTED_RMS", "od", "weightedRms", "number", false),
  entry("AREA_PC", "additional", "areaPcM2", "number", false, "m**2"),
  entry("AREA_DRG", "additional", "areaDrgM2", "number", false, "m**2"),
  entry("AREA_SRP", "additional", "areaSrpM2", "number", false, "m**2"),
  entry("MASS", "additional", "massKg", "number", false, "kg"),
  entry("CD_AREA_OVER_MASS", "additional", "cdAreaOverMassM2Kg", "number", false, "m**2/kg"),
  entry("CR_AREA_OVER_MASS", "additional", "crAreaOverMassM2Kg", "number", false, "m**2/kg"),
  entry("THRUST_ACCELERATION", "additional", "thrustAccelerationMS2", "number", false, "m/s**2"),
  entry("SEDR", "additional", "sedrWKg", "number", false, "W/kg"),
  entry("X", "state", "positionKm", "number", true, "km", { index: 0 }),
  entry("Y", "state", "positionKm", "number", true, "km", { index: 1 }),
  entry("Z", "state", "positionKm", "number", true, "km", { index: 2 }),
  entry("X_DOT", "state", "velocityKmS", "number", true, "km/s", { index: 0 }),
  entry("Y_DOT", "state", "velocityKmS", "number", true, "km/s", { index: 1 }),
  entry("Z_DOT", "state", "velocityKmS", "number", true, "km/s", { index: 2 }),
  ...covarianceKeywords(),
];

export const CDM_KEYWORD_BY_KEY: ReadonlyMap<string, CdmKeyword> = new Map(CDM_KEYWORDS.map((k) => [k.key, k]));

export const OBJECT_SECTIONS: readonly CdmSection[] = ["metadata", "od", "additional", "state", "covariance"];

/** XML element name of each object data section (inside `<data>`). */
export const XML_DATA_ELEMENT: Readonly<Record<string, string>> = {
  od: "odParameters",
  additional: "additionalParameters",
  state: "stateVector",
  covariance: "covarianceMatrix",
};

/** The unit as written, normalised for comparison (case, spaces, `sec` for `s`). */
export function normaliseUnit(unit: string): string {
  return unit.replace(/\s+/g, "").replace(/sec\b/g, "s").toLowerCase();
}
