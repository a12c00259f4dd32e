import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/TextField";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { pupilLinks } from "~/modules/screenings/pupil-links";
import { pupilsHref, pupilsQuerySchema } from "~/modules/screenings/pupils";
import { listPupils, type PupilList, type PupilScreening } from "~/modules/screenings/pupils.server";
import { signedIn } from "~/kit/request.server";

export const links = pupilLinks;

/**
 * The school's pupil list (decision 018): GET filter by name (a search changes nothing), 50 a
 * page, each child with the viewer's last visible screening and a start link.
 */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "pupils");
  const params = new URL(args.request.url).searchParams;
  const q = params.get("q") ?? "";
  const repeated = [...params.keys()].some((key, index, keys) => keys.indexOf(key) !== index);
  const parsed = pupilsQuerySchema.safeParse(Object.fromEntries(params));
  if (repeated || !parsed.success) {
    const error = (parsed.success ? "pupils.error.query" : (parsed.error.issues[0]?.message ?? "pupils.error.query")) as MessageKey;
    return json({ q, error, list: null as PupilList | null }, 400);
  }
  const list = await listPupils({ ...caller, query: parsed.data });
  return json({ q: parsed.data.q, error: null as MessageKey | null, list });
}

function ScreeningLine({ screening, name }: { screening: PupilScreening | null; name: string }) {
  const { t } = useTranslation();
  if (!screening) return <p className="muted pupil-screening">{t("pupils.screening.none")}</p>;
  const status =
    screening.status === "completed"
      ? t("pupils.screening.completed", { date: formatDate(screening.completedAt ?? screening.startedAt) })
      : screening.status === "in_progress"
        ? t("pupils.screening.inProgress", { date: formatDate(screening.startedAt) })
        : t("pupils.screening.abandoned", { date: formatDate(screening.startedAt) });
  return (
    <p className="pupil-screening">
      {status}
      {" · "}
      {/* The visible text starts the accessible name; the child's name tells the links apart. */}
      <Link to={screening.href} aria-label={`${t("pupils.screening.open")}: ${name}`}>
        {t("pupils.screening.open")}
      </Link>
    </p>
  );
}

export default function Pupils() {
  const { t } = useTranslation();
  const { q, error, list } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("pupils.title")}</h1>
      <p className="lead">{t("pupils.intro")}</p>
      <p className="muted">{t("pupils.rosterNote")}</p>
      <Form method="get" className="pupil-search" role="search">
        <TextField
          name="q"
          type="search"
          label={t("pupils.filter.label")}
          hint={t("pupils.filter.hint")}
          defaultValue={q}
          autoComplete="off"
          maxLength={100}
          error={error ? t(error) : undefined}
        />
        <div className="actions">
          <button type="submit" className="button-primary">
            {t("pupils.filter.submit")}
          </button>
          {q ? <Link to="/screenings/pupils">{t("pupils.filter.reset")}</Link> : null}
        </div>
      </Form>
      {list ? (
        <section aria-labelledby="pupils-count">
          {list.total === 0 ? (
            <>
              <p role="status" id="pupils-count">
                {q ? t("pupils.noMatch", { query: q }) : t("pupils.empty")}
              </p>
              {list.mayCreate ? (
                <p>
                  <Link to="/people/new" className="button-secondary">
                    {t("pupils.add")}
                  </Link>
                </p>
              ) : null}
            </>
          ) : (
            <>
              <h2 id="pupils-count">{t("pupils.count", { from: list.from, to: list.to, total: list.total })}</h2>
              <ul className="pupil-list" data-testid="pupils">
                {list.rows.map((pupil) => (
                  <li key={pupil.id} className="pupil-card">
                    <h3>
                      <Link to={`/people/${pupil.id}`}>{pupil.name}</Link>
                    </h3>
                    <p className="muted">{pupil.birthDate ? t("pupils.birthDate", { date: formatDate(pupil.birthDate) }) : t("pupils.birthDateUnknown")}</p>
                    <ScreeningLine screening={pupil.lastScreening} name={pupil.name} />
                    {pupil.startHref ? (
                      <div className="actions">
                        <Link to={pupil.startHref} className="button-primary" aria-label={`${t("pupils.start")}: ${pupil.name}`}>
                          {t("pupils.start")}
                        </Link>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
              {list.pageCount > 1 ? (
                <nav className="pager" aria-label={t("pupils.pager.label")}>
                  {list.page > 1 ? <Link to={pupilsHref(q, list.page - 1)}>{t("pupils.pager.previous")}</Link> : null}
                  {list.page < list.pageCount ? <Link to={pupilsHref(q, list.page + 1)}>{t("pupils.pager.next")}</Link> : null}
                </nav>
              ) : null}
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
