/** A failed API call, with what the user can do about it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** One sentence on what to do next, by kind of failure. */
  get advice(): string {
    if (this.status === 0) return "The Concord server did not answer. Check that it is running (npm start) and reload the page.";
    if (this.status === 400) return `Correct ${this.field ? `the value of “${this.field}”` : "the filters"} and try again.`;
    if (this.status === 404) return "It may have been removed or the link may be wrong; go back or start from the navigation.";
    if (this.status === 502) return "A data source could not be read; see the server's log, then try again.";
    return "The server failed on this request; its log has the details. Try again in a moment.";
  }
}

interface ErrorBody {
  readonly error?: { readonly code?: string; readonly message?: string; readonly field?: string };
}

/** The data of an openapi-fetch call, or an ApiError (network failure, or the API's `{ error }` body). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "No answer from the server.");
  }
  if (result.response.ok && result.data !== undefined) return result.data;
  const body = (result.error ?? {}) as ErrorBody;
  const status = result.response.status;
  throw new ApiError(status, body.error?.code ?? `HTTP_${status}`, body.error?.message ?? `HTTP ${status} ${result.response.statusText}`, body.error?.field);
}
