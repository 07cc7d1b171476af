import { createRequire } from "node:module";
import countries from "i18n-iso-countries/index.js";
import type { LocaleData } from "i18n-iso-countries/index.js";

/**
 * ISO 3166-1 alpha-3 codes and English names from the `i18n-iso-countries` package (only its English locale is
 * loaded: the package's Node entry point would load all of its ~80 locales).
 */
const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json") as LocaleData);

/** True for an assigned ISO 3166-1 alpha-3 code (upper case). */
export function isIsoAlpha3(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.isValid(code);
}

/** The English name of an alpha-3 code as the package gives it (`United States of America`), or null for an unassigned code. */
export function isoCountryName(iso3: string): string | null {
  return isIsoAlpha3(iso3) ? (countries.getName(iso3, "en") ?? null) : null;
}
