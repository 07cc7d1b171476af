import type { MeanElements } from "../orbit/mean-elements.ts";
import type { ConjunctionEvent, ScreeningParameters } from "./conjunction-event.ts";
import { createScreeningContext, screenBlock } from "./screen-block.ts";
import type { BlockResult } from "./screen-block.ts";
import { mergeBlockResults } from "./screen-merge.ts";
import type { ScreeningRunStats } from "./screen-merge.ts";
import { DEFAULT_SCREENING_SETTINGS, validateScreening } from "./screen-settings.ts";
import type { ScreeningEngineSettings } from "./screen-settings.ts";

/**
 * The whole screening on the calling thread, block after block (satellite.js WASM single-thread SGP4 for nodes). Same
 * results as screenCatalog on workers (the blocks are the same units of work); for tests and small catalogs.
 */
export async function screenCatalogInProcess(
  elements: readonly MeanElements[],
  params: ScreeningParameters,
  settings: ScreeningEngineSettings = DEFAULT_SCREENING_SETTINGS,
): Promise<{ events: ConjunctionEvent[]; stats: ScreeningRunStats }> {
  validateScreening(params, settings);
  const started = performance.now();
  const ctx = await createScreeningContext(elements, params, settings);
  const blocks: BlockResult[] = [];
  for (const blockStartMs of ctx.plan.blockStartsMs) blocks.push(await screenBlock(ctx, blockStartMs));
  return mergeBlockResults(blocks, ctx.objects, params, settings, { threads: 1, wallMs: performance.now() - started });
}
