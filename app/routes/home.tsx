import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { AgencyType } from "~/generated/prisma/enums.ts";
import { localName } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/server/auth/session.server";

/** Each role's landing page: who you are, where you work, and what your role does here. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    displayName: user.displayName,
    roles: user.roles,
    agency: { type: user.agency.type, nameRu: user.agency.nameRu, nameKy: user.agency.nameKy, nameEn: user.agency.nameEn },
    territory: user.agency.territory,
  });
}

export default function Home() {
  const { t, locale } = useTranslation();
  const { displayName, roles, agency, territory } = useLoaderData<typeof loader>();
  const place = territory.parent ? `${localName(territory, locale)}, ${localName(territory.parent, locale)}` : localName(territory, locale);
  return (
    <div className="page">
      <p className="eyebrow">{t("home.title")}</p>
      <h1>{t("home.welcome", { name: displayName })}</h1>
      <dl className="facts">
        <div>
          <dt>{t(roles.length > 1 ? "home.roles" : "home.role")}</dt>
          <dd data-testid="home-role">{roles.map((role) => t(`role.${role}`)).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("home.agency")}</dt>
          <dd>
            {localName(agency, locale)} <span className="muted">({t(`agencyType.${agency.type as AgencyType}`)})</span>
          </dd>
        </div>
        <div>
          <dt>{t("home.territory")}</dt>
          <dd>{place}</dd>
        </div>
      </dl>
      <section aria-labelledby="your-work">
        <h2 id="your-work">{t("home.yourWork")}</h2>
        <ul className="role-work">
          {roles.map((role) => (
            <li key={role}>{t(`roleWork.${role}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
