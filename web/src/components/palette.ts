/**
 * Colours: Okabe & Ito's colour-blind-safe categorical palette, and ColorBrewer's single-hue Blues for quantities
 * (readable by every common form of colour blindness and in greyscale print). Every use also labels its categories.
 */
export const CATEGORY = {
  blue: "#0072B2",
  orange: "#E69F00",
  sky: "#56B4E9",
  green: "#009E73",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  yellow: "#F0E442",
  grey: "#7f7f7f",
} as const;

/** ColorBrewer Blues, 6 classes, light to dark. */
export const BLUES_6 = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"] as const;

/** Bar colour for single-series charts. */
export const BAR = "#3a6ea5";
