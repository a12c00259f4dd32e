import type { Prisma } from "~/generated/prisma/client.ts";
import type { NormaliserName } from "./normalise";

/**
 * THE declaration of what is encrypted (docs/decisions/008-field-encryption.md). The Prisma
 * extension in extension.server.ts applies it to every query, so domain code reads and writes
 * plaintext and never calls encrypt/decrypt. To protect a new record type, add its model here
 * (the types only accept string columns of that model) and run the tests: a start-up check
 * compares this registry with the schema.
 *
 * - `table` and the column names are the database names. They are part of the associated
 *   data of every ciphertext, so renaming a table or column needs a re-encryption.
 * - `freeText`: encrypted fields that hold prose. They can never get a blind index (an HMAC
 *   of a sentence would leak equal sentences and is useless for search).
 * - `blindIndexes`: field that stores the index → index name (part of its key derivation,
 *   never change it) and the encrypted fields it covers, each with its normaliser.
 */

type Scalars<M extends Prisma.ModelName> = Prisma.TypeMap["model"][M]["payload"]["scalars"];

/** Fields of model M whose type is a plain (nullable) string — not an enum, date or list. */
export type StringField<M extends Prisma.ModelName> = {
  [K in keyof Scalars<M>]-?: Scalars<M>[K] extends string | null ? (string extends NonNullable<Scalars<M>[K]> ? K : never) : never;
}[keyof Scalars<M>] &
  string;

export type BlindIndexDeclaration<M extends Prisma.ModelName> = {
  /** Database column of the index. */
  column: string;
  /** Name in the key derivation: deriveKey(`blind-index|<table>|<name>`). */
  name: string;
  sources: readonly { field: StringField<M>; normalise: NormaliserName }[];
};

export type ModelEncryption<M extends Prisma.ModelName> = {
  table: string;
  /** Encrypted field → database column. */
  encrypted: { readonly [F in StringField<M>]?: string };
  freeText: readonly StringField<M>[];
  blindIndexes: { readonly [F in StringField<M>]?: BlindIndexDeclaration<M> };
};

export type EncryptionRegistry = { readonly [M in Prisma.ModelName]?: ModelEncryption<M> };

export const ENCRYPTION_REGISTRY = {
  Person: {
    table: "person",
    encrypted: {
      surname: "surname",
      givenName: "given_name",
      patronymic: "patronymic",
      pin: "pin",
      birthDate: "birth_date",
      address: "address",
      phone: "phone",
      notes: "notes",
    },
    freeText: ["address", "notes"],
    blindIndexes: {
      pinIndex: { column: "pin_bidx", name: "pin", sources: [{ field: "pin", normalise: "pin" }] },
      surnameBirthIndex: {
        column: "surname_birth_bidx",
        name: "surname_birth",
        sources: [
          { field: "surname", normalise: "text" },
          { field: "birthDate", normalise: "date" },
        ],
      },
    },
  },
  BreakGlassGrant: {
    table: "break_glass_grant",
    encrypted: { reason: "reason", reviewComment: "review_comment" },
    freeText: ["reason", "reviewComment"],
    blindIndexes: {},
  },
  SupportPlan: {
    table: "support_plan",
    encrypted: {
      groundsOther: "grounds_other",
      parentInvolvement: "parent_involvement",
      childView: "child_view",
      closureJustification: "closure_justification",
      closureDecisionComment: "closure_decision_comment",
    },
    freeText: ["groundsOther", "parentInvolvement", "childView", "closureJustification", "closureDecisionComment"],
    blindIndexes: {},
  },
  SupportPlanMember: {
    table: "support_plan_member",
    encrypted: { roleInPlan: "role_in_plan" },
    freeText: ["roleInPlan"],
    blindIndexes: {},
  },
  SupportPlanGoal: {
    table: "support_plan_goal",
    encrypted: { text: "text", notDoneReason: "not_done_reason" },
    freeText: ["text", "notDoneReason"],
    blindIndexes: {},
  },
  SupportPlanReview: {
    table: "support_plan_review",
    encrypted: { progressNote: "progress_note" },
    freeText: ["progressNote"],
    blindIndexes: {},
  },
  Screening: {
    table: "screening",
    encrypted: { answers: "answers", otherWorry: "other_worry", safetyChecklist: "safety_checklist" },
    freeText: ["answers", "otherWorry", "safetyChecklist"],
    blindIndexes: {},
  },
  SafetyAssessment: {
    table: "safety_assessment",
    encrypted: { answers: "answers", plan: "plan" },
    freeText: ["answers", "plan"],
    blindIndexes: {},
  },
  ScreeningAction: {
    table: "screening_action",
    encrypted: { dismissReason: "dismiss_reason" },
    freeText: ["dismissReason"],
    blindIndexes: {},
  },
  // Protection orders (decision 022): what people said and wrote; statuses, dates and categories stay clear.
  IncidentAccount: {
    table: "incident_account",
    encrypted: { narrative: "narrative", occurredOn: "occurred_on" },
    freeText: ["narrative"],
    blindIndexes: {},
  },
  ProtectionOrder: {
    table: "protection_order",
    encrypted: { serviceNote: "service_note", revocationReason: "revocation_reason" },
    freeText: ["serviceNote", "revocationReason"],
    blindIndexes: {},
  },
  ProtectionOrderCondition: {
    table: "protection_order_condition",
    encrypted: { details: "details" },
    freeText: ["details"],
    blindIndexes: {},
  },
  OrderRiskAssessment: {
    table: "order_risk_assessment",
    encrypted: { answers: "answers", judgementReason: "judgement_reason" },
    freeText: ["answers", "judgementReason"],
    blindIndexes: {},
  },
  ComplianceCheck: {
    table: "compliance_check",
    encrypted: { note: "note", protectedStatement: "protected_statement" },
    freeText: ["note", "protectedStatement"],
    blindIndexes: {},
  },
  OrderViolation: {
    table: "order_violation",
    encrypted: { description: "description" },
    freeText: ["description"],
    blindIndexes: {},
  },
  OrderExtension: {
    table: "order_extension",
    encrypted: { decisionReference: "decision_reference" },
    freeText: ["decisionReference"],
    blindIndexes: {},
  },
  // Staff second-factor secrets: a database dump must not let anyone generate codes.
  User: {
    table: "app_user",
    encrypted: { totpSecret: "totp_secret", totpPendingSecret: "totp_pending_secret" },
    freeText: [],
    blindIndexes: {},
  },
} as const satisfies EncryptionRegistry;

export type EncryptedModelName = keyof typeof ENCRYPTION_REGISTRY;

/** The registry seen without its literal types, for code that walks any model. */
export type ModelSpec = {
  model: string;
  table: string;
  /** [field, column] pairs. */
  encrypted: ReadonlyMap<string, string>;
  freeText: ReadonlySet<string>;
  blindIndexes: ReadonlyMap<string, { column: string; name: string; sources: readonly { field: string; normalise: NormaliserName }[] }>;
  /** Encrypted fields that feed a blind index. */
  indexSources: ReadonlySet<string>;
};

function toSpec(model: string, declaration: ModelEncryption<Prisma.ModelName>): ModelSpec {
  const blindIndexes = new Map(Object.entries(declaration.blindIndexes as Record<string, BlindIndexDeclaration<Prisma.ModelName>>));
  return {
    model,
    table: declaration.table,
    encrypted: new Map(Object.entries(declaration.encrypted as Record<string, string>)),
    freeText: new Set<string>(declaration.freeText),
    blindIndexes,
    indexSources: new Set([...blindIndexes.values()].flatMap((index) => index.sources.map((source) => source.field))),
  };
}

const SPECS: ReadonlyMap<string, ModelSpec> = new Map(
  Object.entries(ENCRYPTION_REGISTRY as EncryptionRegistry).map(([model, declaration]) => [
    model,
    toSpec(model, declaration as ModelEncryption<Prisma.ModelName>),
  ]),
);

/** The declaration of a model, or undefined if it has no encrypted fields. */
export function modelSpec(model: string | undefined): ModelSpec | undefined {
  return model === undefined ? undefined : SPECS.get(model);
}

export function allModelSpecs(): ModelSpec[] {
  return [...SPECS.values()];
}
