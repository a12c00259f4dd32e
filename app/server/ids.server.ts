import { randomUUID } from "node:crypto";

/** Record ids are made by the application, before insert (encryption binds to them). */
export function newId(): string {
  return randomUUID();
}
