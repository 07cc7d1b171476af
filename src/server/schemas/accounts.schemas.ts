import { z } from "@hono/zod-openapi";
import { ROLES } from "../../accounts/role.ts";
import { PASSWORD_MAX_LENGTH } from "../../accounts/password-hash.ts";
import { orNull } from "./common.schemas.ts";

/** A user as the API shows it: never a password or its hash. */
export const UserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    organisation: z.string().nullable(),
    sector: z.string().nullable().openapi({ description: "Stakeholder sector (commercial, academic, non-profit, government …)" }),
    disabled: z.boolean(),
    hasPassword: z.boolean().openapi({ description: "Whether a password is set (false: a setup link or OpenID Connect only)" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("User");

export const LoginBodySchema = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

export const SessionResponseSchema = z
  .object({
    user: orNull(UserSchema).openapi({ description: "The signed-in user, or null when signed out" }),
    csrfToken: z.string().nullable().openapi({ description: "Send it as X-CSRF-Token on every POST/PUT/PATCH/DELETE; null when signed out" }),
    expiresAt: z.string().nullable().openapi({ description: "The session's absolute expiry (it also ends after 2 h idle)" }),
    oidcEnabled: z.boolean().openapi({ description: "Whether OpenID Connect sign-in is offered (GET /api/auth/oidc/start)" }),
    setupRequired: z.boolean().openapi({ description: "True while no admin exists: the console shows a first-admin setup link" }),
  })
  .openapi("Session");

export const SignedInResponseSchema = z
  .object({ user: UserSchema, csrfToken: z.string(), expiresAt: z.string() })
  .openapi("SignedIn");

export const SetupBodySchema = z.object({
  token: z.string().min(1).max(200).openapi({ description: "The token from the setup link (after #token=)" }),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  email: z.string().min(1).max(254).optional().openapi({ description: "First-admin links only: the admin's e-mail" }),
  displayName: z.string().min(1).max(200).optional().openapi({ description: "First-admin links only: the admin's name" }),
});

export const OkResponseSchema = z.object({ ok: z.literal(true) });

export const UserListQuerySchema = z.object({
  role: z.enum(ROLES).optional(),
  disabled: z.enum(["true", "false"]).optional().openapi({ description: "Only disabled (true) or enabled (false) users" }),
});

export const UserListResponseSchema = z.object({ items: z.array(UserSchema) });

export const CreateUserBodySchema = z.object({
  email: z.string().min(1).max(254),
  displayName: z.string().min(1).max(200),
  role: z.enum(ROLES),
  organisation: z.string().max(200).nullable().optional(),
  sector: z.string().max(100).nullable().optional(),
  password: z.string().max(PASSWORD_MAX_LENGTH).optional().openapi({ description: "Initial password (12+ characters); omit it to get a single-use setup link for the user instead" }),
});

export const CreatedUserResponseSchema = z.object({
  user: UserSchema,
  setupLink: z.string().nullable().openapi({ description: "Single-use link (72 h) to pass on to the user when no password was given" }),
  setupLinkExpiresAt: z.string().nullable(),
});

export const UserIdParamsSchema = z.object({
  id: z.coerce.number().int().min(1).openapi({ param: { name: "id", in: "path" }, example: 2 }),
});

export const PatchUserBodySchema = z
  .object({
    displayName: z.string().min(1).max(200).optional(),
    role: z.enum(ROLES).optional(),
    disabled: z.boolean().optional().openapi({ description: "true disables the user and ends all its sessions" }),
    organisation: z.string().max(200).nullable().optional(),
    sector: z.string().max(100).nullable().optional(),
  })
  .strict();

export const UserResponseSchema = z.object({ user: UserSchema });

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUserId: z.number().int().nullable(),
    actorLabel: z.string(),
    action: z.string().openapi({ example: "user.create" }),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown().openapi({ description: "JSON snapshot before the write (null: did not exist)" }),
    after: z.unknown().openapi({ description: "JSON snapshot after the write (null: removed)" }),
  })
  .openapi("AuditEntry");

const isoInstant = z.iso.datetime({ offset: true });

export const AuditFilterSchema = z.object({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.coerce.number().int().min(1).optional(),
  action: z.string().max(100).optional().openapi({ description: "Exact action (user.create) or a prefix ending in a dot (user.)" }),
  since: isoInstant.optional().openapi({ description: "Entries at or after this ISO instant" }),
  until: isoInstant.optional().openapi({ description: "Entries before this ISO instant" }),
});

export const AuditListQuerySchema = AuditFilterSchema.extend({
  order: z.enum(["desc", "asc"]).default("desc"),
  cursor: z.coerce.number().int().min(0).optional().openapi({ description: "The previous page's nextCursor" }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditListResponseSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.number().int().nullable().openapi({ description: "Pass as cursor for the next page; null on the last page" }),
  total: z.number().int().min(0).openapi({ description: "Entries matching the filters, on every page together (cursor and limit ignored)" }),
  preceding: z.number().int().min(0).openapi({ description: "Matching entries ahead of this page in the chosen order (0 on the first page): this page holds entries preceding+1 to preceding+items.length of total" }),
});

export const AuditExportQuerySchema = AuditFilterSchema.extend({
  format: z.enum(["csv", "json"]).default("csv"),
});
