import { userInfo } from "node:os";
import { openConcordContext } from "../../app/concord-context.ts";
import type { AuditActor } from "../../accounts/audit-actor.ts";
import { issueFirstAdminSetupLink, issuePasswordSetupLink } from "../../accounts/account-setup.service.ts";
import { SYSTEM_ACTOR } from "../../accounts/audit-actor.ts";
import { ROLES } from "../../accounts/role.ts";
import type { Role } from "../../accounts/role.ts";
import { createUser, updateUser } from "../../accounts/user.service.ts";
import { InvalidInputError, NotFoundError } from "../../core/concord-error.ts";
import { findUserByEmail, listUsers } from "../../store/user.repository.ts";
import type { CliIo } from "../cli-io.ts";
import { formatTable, writeJson, writeLine } from "../cli-io.ts";
import { EXIT } from "../exit-codes.ts";
import { configFromFlags, parseChoiceFlag, parseCommandArgs } from "../global-flags.ts";

const USAGE = [
  "usage: concord users add --email E --name NAME --role admin|analyst|stakeholder|viewer [--organisation O] [--sector S] [--password-stdin] [--json]",
  "       concord users list [--role R] [--json]",
  "       concord users disable|enable EMAIL",
].join("\n");

/** Who the CLI writes as in the audit log: `cli:<os user>`, no user id. */
export function cliActor(): AuditActor {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return { userId: null, label: `cli:${name}` };
}

/** The whole of standard input, without the final line break (a password piped in with `echo`). */
async function readStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

/**
 * `concord users add|list|disable|enable`: manage accounts from the console. `add` never prompts: with
 * `--password-stdin` it reads the initial password from standard input (never from argv, where `ps` would show it);
 * without it, it prints a single-use setup link (72 h) with which the user chooses its own password.
 */
export async function runUsers(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "users",
    args,
    {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      organisation: { type: "string" },
      sector: { type: "string" },
      "password-stdin": { type: "boolean" },
      json: { type: "boolean" },
    },
    true,
  );
  const [subcommand, ...rest] = positionals;
  const role = parseChoiceFlag("role", values.role, ROLES);
  if (subcommand === "add") {
    if (rest.length > 0 || values.email === undefined || values.name === undefined || role === undefined) throw new InvalidInputError("users", USAGE);
    const password = values["password-stdin"] ? await readStdin(process.stdin) : null;
    const config = configFromFlags(values, io.env);
    const context = await openConcordContext(config);
    try {
      const actor = cliActor();
      const now = new Date();
      const user = await createUser(context.database.db, { email: values.email, displayName: values.name, role, password, organisation: values.organisation ?? null, sector: values.sector ?? null }, actor, now);
      const link = password === null ? await issuePasswordSetupLink(context.database.db, user.id, config.publicBaseUrl, actor, now) : null;
      if (values.json) {
        writeJson(io, { user, setupLink: link?.url ?? null, setupLinkExpiresAt: link?.expiresAt.toISOString() ?? null });
        return EXIT.ok;
      }
      writeLine(io, `Added ${user.email} (${user.role}), user #${user.id}.`);
      if (link !== null) {
        writeLine(io, `Single-use setup link (valid until ${link.expiresAt.toISOString()}); pass it on to the user, who sets a password with it:`);
        writeLine(io, link.url);
      }
      return EXIT.ok;
    } finally {
      await context.close();
    }
  }
  if (subcommand === "list") {
    if (rest.length > 0) throw new InvalidInputError("users", USAGE);
    const context = await openConcordContext(configFromFlags(values, io.env));
    try {
      const users = await listUsers(context.database.db, role === undefined ? {} : { role: role satisfies Role });
      if (values.json) {
        writeJson(io, { users });
        return EXIT.ok;
      }
      if (users.length === 0) {
        writeLine(io, "No users yet. Start `concord serve` for the first-admin setup link, or: concord users add --email E --name N --role admin");
        return EXIT.ok;
      }
      writeLine(
        io,
        formatTable(
          ["id", "e-mail", "name", "role", "organisation", "sector", "status", "password", "created"],
          users.map((u) => [u.id, u.email, u.displayName, u.role, u.organisation, u.sector, u.disabled ? "disabled" : "enabled", u.hasPassword ? "set" : "not set", u.createdAt.slice(0, 10)]),
        ),
      );
      return EXIT.ok;
    } finally {
      await context.close();
    }
  }
  if (subcommand === "disable" || subcommand === "enable") {
    const [email, ...extra] = rest;
    if (email === undefined || extra.length > 0) throw new InvalidInputError("users", USAGE);
    const context = await openConcordContext(configFromFlags(values, io.env));
    try {
      const user = await findUserByEmail(context.database.db, email);
      if (user === null) throw new NotFoundError("user", `no user with the e-mail ${email}: concord users list shows them`);
      const updated = await updateUser(context.database.db, user.id, { disabled: subcommand === "disable" }, cliActor(), new Date());
      writeLine(io, `${updated.email} is ${updated.disabled ? "disabled; its sessions have ended" : "enabled"}.`);
      return EXIT.ok;
    } finally {
      await context.close();
    }
  }
  throw new InvalidInputError("users", USAGE);
}

/**
 * The first start (`concord serve` on a store without an admin): prints ONE single-use link (24 h; any earlier unused
 * one stops working) with which the person at the console creates the first admin. Nothing when an admin exists.
 */
export async function announceFirstAdminSetup(context: { database: { db: Parameters<typeof issueFirstAdminSetupLink>[0] }; config: { publicBaseUrl: string } }, io: CliIo): Promise<void> {
  const link = await issueFirstAdminSetupLink(context.database.db, context.config.publicBaseUrl, SYSTEM_ACTOR, new Date());
  if (link === null) return;
  writeLine(io, "");
  writeLine(io, `No admin account yet. Open this single-use link (valid until ${link.expiresAt.toISOString()}) to create the first admin:`);
  writeLine(io, `  ${link.url}`);
  writeLine(io, "");
}
