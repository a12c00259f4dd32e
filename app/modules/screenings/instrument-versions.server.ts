// Instrument versions from the database: the published version to start with, and the (cached) versions a screening used.
import { getPrisma } from "~/server/db.server";
import { parseDefinition, type InstrumentDefinition } from "./instruments";

export type InstrumentVersionRow = { id: string; instrument: string; version: number; definition: InstrumentDefinition };

/** The instruments of one screening session: the ASQ and, when the screening has one, the vulnerability module. */
export type Session = { asq: InstrumentVersionRow; vulnerability: InstrumentVersionRow | null };

/** The newest published, not retired version of an instrument. */
export async function currentInstrument(instrument: string): Promise<InstrumentVersionRow | null> {
  const prisma = await getPrisma();
  const row = await prisma.instrumentVersion.findFirst({ where: { instrument, retiredAt: null }, orderBy: { version: "desc" } });
  return row ? { id: row.id, instrument: row.instrument, version: row.version, definition: parseDefinition(row.definition) } : null;
}

/**
 * A published instrument version never changes (a changed text is a new version, decision 016),
 * so each is read and validated once per process: every answer needs its session's versions.
 */
const instrumentCache = new Map<string, Promise<InstrumentVersionRow>>();

function instrumentById(id: string): Promise<InstrumentVersionRow> {
  let cached = instrumentCache.get(id);
  if (!cached) {
    cached = (async () => {
      const prisma = await getPrisma();
      const row = await prisma.instrumentVersion.findUniqueOrThrow({ where: { id } });
      return { id: row.id, instrument: row.instrument, version: row.version, definition: parseDefinition(row.definition) };
    })();
    // A failed read (a missing row) is not remembered.
    cached.catch(() => instrumentCache.delete(id));
    instrumentCache.set(id, cached);
  }
  return cached;
}

/** The instrument versions a screening stored when it started. */
export async function sessionOf(facts: { asqVersionId: string; vulnerabilityVersionId: string | null }): Promise<Session> {
  const [asq, vulnerability] = await Promise.all([
    instrumentById(facts.asqVersionId),
    facts.vulnerabilityVersionId ? instrumentById(facts.vulnerabilityVersionId) : null,
  ]);
  return { asq, vulnerability };
}
