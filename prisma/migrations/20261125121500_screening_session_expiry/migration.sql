-- Hand-written: the session-expiry sweep reads only unfinished sessions, so the index stays
-- small however many screenings are stored (Prisma 6 cannot declare a partial index).
CREATE INDEX "screening_in_progress_idx" ON "screening"("started_at") WHERE "status" = 'in_progress';
