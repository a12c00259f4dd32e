import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fact } from "~/components/Fact";
import { formatDate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { readPerson } from "~/modules/people/people.server";
import { notFound, requireArea } from "~/server/authorization.server";

const ID = /^[0-9a-f-]{36}$/i;

/** One person, as much as this viewer may see; 404 (audited) otherwise. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "people");
  if (!params.personId || !ID.test(params.personId)) throw notFound();
  const view = await readPerson({ user, context, personId: params.personId });
  return json(view);
}

export default function PersonPage() {
  const { t } = useTranslation();
  const { person, fields, hiddenFields, breakGlass } = useLoaderData<typeof loader>();
  const value = (field: (typeof fields)[number]) => {
    const raw = person[field];
    if (raw == null || raw === "") return <span className="muted">{t("person.notRecorded")}</span>;
    if (field === "birthDate") return formatDate(raw);
    if (field === "sex") return t(raw === "female" ? "person.sex.female" : "person.sex.male");
    return raw;
  };
  return (
    <div className="page">
      <h1>{[person.surname, person.givenName, person.patronymic].filter(Boolean).join(" ") || t("person.title")}</h1>
      {breakGlass ? (
        <p className="notice notice-warning" role="status">
          {t("person.readOnlyBreakGlass")}
        </p>
      ) : null}
      <dl className="facts">
        {fields.map((field) => (
          <Fact key={field} label={t(`person.field.${field}`)}>
            {value(field)}
          </Fact>
        ))}
      </dl>
      {hiddenFields > 0 ? <p className="muted">{t("person.hiddenFields")}</p> : null}
    </div>
  );
}
