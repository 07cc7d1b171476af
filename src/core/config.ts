import { z } from "zod";
import { InvalidInputError } from "./concord-error.ts";

/**
 * The one typed configuration object. Precedence: command-line flags, then environment variables, then defaults.
 * Validated with zod at start-up; a bad value is an InvalidInputError naming the flag or variable.
 */
export const configSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .nullable(),
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  celestrakBaseUrl: z.url(),
  spacetrackBaseUrl: z.url(),
  spacetrackIdentity: z.string().nullable(),
  spacetrackPassword: z.string().nullable(),
  /** Ingest CelesTrak's public SATCAT and active GP when the server starts on an empty store. */
  bootstrapOnEmpty: z.boolean(),
});

export type Config = z.infer<typeof configSchema>;

export interface ConfigFlags {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  host?: string | undefined;
  port?: string | undefined;
  bootstrap?: boolean | undefined;
}

const ENV_NAMES: Record<keyof Config, string> = {
  dataDir: "CONCORD_DATA_DIR",
  databaseUrl: "DATABASE_URL",
  host: "CONCORD_HOST",
  port: "PORT",
  celestrakBaseUrl: "CELESTRAK_BASE_URL",
  spacetrackBaseUrl: "SPACETRACK_BASE_URL",
  spacetrackIdentity: "SPACETRACK_IDENTITY",
  spacetrackPassword: "SPACETRACK_PASSWORD",
  bootstrapOnEmpty: "CONCORD_BOOTSTRAP",
};

export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv): Config {
  const pick = (flag: string | undefined, key: keyof Config): string | undefined => {
    if (flag !== undefined) return flag;
    const fromEnv = env[ENV_NAMES[key]];
    return fromEnv === undefined || fromEnv === "" ? undefined : fromEnv;
  };
  const portText = pick(flags.port, "port") ?? "8080";
  const bootstrapText = env[ENV_NAMES.bootstrapOnEmpty];
  const candidate = {
    dataDir: pick(flags.dataDir, "dataDir") ?? "./.concord",
    databaseUrl: pick(flags.databaseUrl, "databaseUrl") ?? null,
    host: pick(flags.host, "host") ?? "127.0.0.1",
    port: /^\d+$/.test(portText) ? Number(portText) : Number.NaN,
    celestrakBaseUrl: pick(undefined, "celestrakBaseUrl") ?? "https://celestrak.org",
    spacetrackBaseUrl: pick(undefined, "spacetrackBaseUrl") ?? "https://www.space-track.org",
    spacetrackIdentity: pick(undefined, "spacetrackIdentity") ?? null,
    spacetrackPassword: pick(undefined, "spacetrackPassword") ?? null,
    bootstrapOnEmpty: flags.bootstrap ?? (bootstrapText === undefined ? true : !/^(0|false|no)$/i.test(bootstrapText)),
  };
  const parsed = configSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = (issue?.path[0] ?? "config") as keyof Config;
    const flagName = `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new InvalidInputError(`${flagName} / ${ENV_NAMES[key] ?? key}`, issue?.message ?? "invalid value");
  }
  return parsed.data;
}
