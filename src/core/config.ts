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
  /** The address users reach the server at (invitation links, OpenID Connect redirects); default http://host:port. */
  publicBaseUrl: z.url(),
  /** Cookies carry `Secure` (default: when publicBaseUrl is https). */
  secureCookies: z.boolean(),
  /** Outgoing mail (consultation invitations): `smtp://user:pass@host:port` or `smtps://…`; null = no mail configured. */
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .nullable(),
  mailFrom: z.string().min(3),
  /** Optional OpenID Connect sign-in: the issuer URL, client id and secret (all three, or none). */
  oidcIssuer: z.url().nullable(),
  oidcClientId: z.string().min(1).nullable(),
  oidcClientSecret: z.string().min(1).nullable(),
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
  publicBaseUrl: "CONCORD_PUBLIC_URL",
  secureCookies: "CONCORD_SECURE_COOKIES",
  smtpUrl: "CONCORD_SMTP_URL",
  mailFrom: "CONCORD_MAIL_FROM",
  oidcIssuer: "CONCORD_OIDC_ISSUER",
  oidcClientId: "CONCORD_OIDC_CLIENT_ID",
  oidcClientSecret: "CONCORD_OIDC_CLIENT_SECRET",
};

export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv): Config {
  const pick = (flag: string | undefined, key: keyof Config): string | undefined => {
    if (flag !== undefined) return flag;
    const fromEnv = env[ENV_NAMES[key]];
    return fromEnv === undefined || fromEnv === "" ? undefined : fromEnv;
  };
  const portText = pick(flags.port, "port") ?? "8080";
  const bootstrapText = env[ENV_NAMES.bootstrapOnEmpty];
  const host = pick(flags.host, "host") ?? "127.0.0.1";
  const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
  const publicBaseUrl = (pick(undefined, "publicBaseUrl") ?? `http://${host.includes(":") ? `[${host}]` : host}:${port}`).replace(/\/+$/, "");
  const secureText = pick(undefined, "secureCookies");
  const candidate = {
    dataDir: pick(flags.dataDir, "dataDir") ?? "./.concord",
    databaseUrl: pick(flags.databaseUrl, "databaseUrl") ?? null,
    host,
    port,
    celestrakBaseUrl: pick(undefined, "celestrakBaseUrl") ?? "https://celestrak.org",
    spacetrackBaseUrl: pick(undefined, "spacetrackBaseUrl") ?? "https://www.space-track.org",
    spacetrackIdentity: pick(undefined, "spacetrackIdentity") ?? null,
    spacetrackPassword: pick(undefined, "spacetrackPassword") ?? null,
    bootstrapOnEmpty: flags.bootstrap ?? (bootstrapText === undefined ? true : !/^(0|false|no)$/i.test(bootstrapText)),
    publicBaseUrl,
    secureCookies: secureText === undefined ? publicBaseUrl.startsWith("https:") : !/^(0|false|no)$/i.test(secureText),
    smtpUrl: pick(undefined, "smtpUrl") ?? null,
    mailFrom: pick(undefined, "mailFrom") ?? "Concord <concord@localhost>",
    oidcIssuer: pick(undefined, "oidcIssuer") ?? null,
    oidcClientId: pick(undefined, "oidcClientId") ?? null,
    oidcClientSecret: pick(undefined, "oidcClientSecret") ?? null,
  };
  const parsed = configSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = (issue?.path[0] ?? "config") as keyof Config;
    const flagName = `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new InvalidInputError(`${flagName} / ${ENV_NAMES[key] ?? key}`, issue?.message ?? "invalid value");
  }
  const oidc = [parsed.data.oidcIssuer, parsed.data.oidcClientId, parsed.data.oidcClientSecret];
  if (oidc.some((v) => v !== null) && oidc.some((v) => v === null)) {
    throw new InvalidInputError("CONCORD_OIDC_ISSUER / CONCORD_OIDC_CLIENT_ID / CONCORD_OIDC_CLIENT_SECRET", "set all three for OpenID Connect sign-in, or none");
  }
  return parsed.data;
}
