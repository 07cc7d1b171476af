/** What the first-start bootstrap (ingest of CelesTrak's SATCAT and active GP) is doing; shown by `/api/health`. */
export interface BootstrapStatus {
  readonly state: "idle" | "running" | "done" | "failed";
  readonly message: string;
  readonly progress: { readonly phase: string; readonly source: string; readonly done: number; readonly total: number } | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export const NO_BOOTSTRAP: BootstrapStatus = {
  state: "idle",
  message: "no bootstrap: the server was started without one",
  progress: null,
  startedAt: null,
  finishedAt: null,
};
