import { z } from "zod";

/**
 * The version a form was loaded with (optimistic concurrency). Stored as a PostgreSQL integer,
 * so anything above its range is refused here as a bad request — never passed to the database,
 * where it would fail with an error instead of a message.
 */
export const PG_INT_MAX = 2_147_483_647;

export function recordVersion(min: 0 | 1) {
  return z.coerce.number({ invalid_type_error: "error.badRequest" }).int("error.badRequest").min(min, "error.badRequest").max(PG_INT_MAX, "error.badRequest");
}
