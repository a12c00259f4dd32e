import crypto from "node:crypto";
import type { AgencyType, Prisma, Role } from "~/generated/prisma/client.ts";
import { hashPassword } from "~/server/auth/password.server";
import { base32Encode } from "~/server/auth/totp.server";
import type { TerritorySeed } from "./data/territories";

/**
 * Factories shared by the demo seed and the tests. Everything is derived from stable keys,
 * so the same run gives the same data (ids, TOTP secrets, even password salts).
 */

/** A UUID-shaped id derived from a namespace and a key. */
export function stableId(namespace: string, key: string): string {
  const hex = crypto.createHash("sha256").update(`${namespace}:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function territoryRows(seeds: TerritorySeed[], parentId: string | null = null): Prisma.TerritoryCreateManyInput[] {
  return seeds.flatMap(({ children, ...territory }) => {
    const id = stableId("territory", territory.code);
    return [{ ...territory, id, parentId }, ...territoryRows(children ?? [], id)];
  });
}

export type AgencyInput = {
  code: string;
  type: AgencyType;
  territoryId: string;
  nameRu: string;
  nameKy: string;
  nameEn: string;
};

export function buildAgency(input: AgencyInput): Prisma.AgencyCreateManyInput {
  return { id: stableId("agency", input.code), ...input };
}

export type UserInput = {
  username: string;
  displayName: string;
  roles: Role[];
  agencyId: string;
  password: string;
  /** false: the user has not enrolled an authenticator yet. */
  enrolled?: boolean;
};

/** A TOTP secret that is the same on every run for the same username (demo and tests only). */
export function demoTotpSecret(username: string): string {
  return base32Encode(crypto.createHash("sha256").update(`kamkor-demo-totp:${username}`).digest().subarray(0, 20));
}

export async function buildUser(input: UserInput): Promise<Prisma.UserCreateManyInput> {
  const salt = crypto.createHash("sha256").update(`kamkor-demo-salt:${input.username}`).digest().subarray(0, 16);
  return {
    id: stableId("user", input.username),
    username: input.username,
    displayName: input.displayName,
    roles: input.roles,
    agencyId: input.agencyId,
    passwordHash: await hashPassword(input.password, salt),
    totpSecret: input.enrolled === false ? null : demoTotpSecret(input.username),
  };
}
