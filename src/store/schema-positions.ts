/** Kysely table interfaces of the positions tables (issue 7); see schema.ts for the conventions. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PositionsSchema {}
