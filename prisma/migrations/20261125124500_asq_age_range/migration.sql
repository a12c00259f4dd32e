-- Data, hand-written: the ASQ's validated ages (10–24, NIMH) became part of its v1 definition
-- after v1 was first seeded. Databases seeded before that get the same amendment here; the
-- questions and the scoring rule are untouched (those only ever change in a new version).
UPDATE "instrument_version"
SET "definition" = jsonb_set("definition", '{ageRange}', '{"min": 10, "max": 24}'::jsonb)
WHERE "instrument" = 'asq' AND "version" = 1 AND NOT ("definition" ? 'ageRange');
