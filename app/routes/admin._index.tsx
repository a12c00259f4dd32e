import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { localName } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { signedIn } from "~/kit/request.server";
import { AGENCY_TYPES, parseAdminFilter, RECORD_STATUSES } from "~/modules/admin/admin.schema";
import { AgencyOptions, DistrictOptions, StatusBadge } from "~/modules/admin/admin.components";
import { adminFormOptions, listAgencies, listUsers } from "~/modules/admin/admin.server";
import { ROLES } from "~policies/roles";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

/** Administration home: agencies and user accounts, each list with its filters. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const caller = await signedIn({ request, context }, "admin");
  const filter = parseAdminFilter(new URL(request.url));
  const [agencies, users, options] = await Promise.all([listAgencies({ ...caller, filter }), listUsers({ ...caller, filter }), adminFormOptions(caller)]);
  return json({ filter, agencies, users, options });
}

export default function AdminHome() {
  const { t, locale } = useTranslation();
  const { filter, agencies, users, options } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("admin.title")}</h1>
      <p className="lead">{t("admin.intro")}</p>
      <p className="actions">
        <Link to="/admin/agencies/new" className="button-primary">
          {t("admin.agency.new")}
        </Link>
        <Link to="/admin/users/new" className="button-primary">
          {t("admin.user.new")}
        </Link>
      </p>

      <section aria-labelledby="agencies-heading">
        <h2 id="agencies-heading">{t("admin.agencies.title")}</h2>
        <Form method="get" className="filter-grid" aria-label={t("admin.agencies.filter")}>
          {/* Keep the other list's filters when this one changes. */}
          {(["agency", "role", "status"] as const).map((name) => (filter[name] ? <input key={name} type="hidden" name={name} value={filter[name]} /> : null))}
          <SelectField name="territory" id="filter-territory" label={t("admin.field.territory")} defaultValue={filter.territory ?? ""}>
            <option value="">{t("admin.filter.all")}</option>
            <DistrictOptions districts={options.districts} />
          </SelectField>
          <SelectField name="type" id="filter-type" label={t("admin.field.agencyType")} defaultValue={filter.type ?? ""}>
            <option value="">{t("admin.filter.all")}</option>
            {AGENCY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`agencyType.${type}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button-secondary">
            {t("admin.filter.apply")}
          </button>
        </Form>
        {agencies.rows.length === 0 ? (
          <p className="muted">{t("admin.agencies.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t("admin.agencies.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin.field.name")}</th>
                  <th scope="col">{t("admin.field.agencyType")}</th>
                  <th scope="col">{t("admin.field.territory")}</th>
                  <th scope="col">{t("admin.field.users")}</th>
                  <th scope="col">{t("admin.field.status")}</th>
                </tr>
              </thead>
              <tbody>
                {agencies.rows.map((agency) => (
                  <tr key={agency.id}>
                    <td>
                      <Link to={`/admin/agencies/${agency.id}`}>{localName(agency, locale)}</Link>
                    </td>
                    <td>{t(`agencyType.${agency.type}`)}</td>
                    <td>{localName(agency.territory, locale)}</td>
                    <td>
                      <Link to={`/admin?agency=${agency.id}#users-heading`}>{agency.userCount}</Link>
                    </td>
                    <td>
                      <StatusBadge status={agency.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {agencies.truncated ? <p className="muted">{t("admin.list.truncated")}</p> : null}
      </section>

      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t("admin.users.title")}</h2>
        <Form method="get" className="filter-grid" aria-label={t("admin.users.filter")}>
          {(["territory", "type"] as const).map((name) => (filter[name] ? <input key={name} type="hidden" name={name} value={filter[name]} /> : null))}
          <SelectField name="agency" id="filter-agency" label={t("admin.field.agency")} defaultValue={filter.agency ?? ""}>
            <option value="">{t("admin.filter.all")}</option>
            <AgencyOptions agencies={options.agencies} />
          </SelectField>
          <SelectField name="role" id="filter-role" label={t("admin.field.role")} defaultValue={filter.role ?? ""}>
            <option value="">{t("admin.filter.all")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}`)}
              </option>
            ))}
          </SelectField>
          <SelectField name="status" id="filter-status" label={t("admin.field.status")} defaultValue={filter.status ?? ""}>
            <option value="">{t("admin.filter.all")}</option>
            {RECORD_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`admin.status.${status}`)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button-secondary">
            {t("admin.filter.apply")}
          </button>
        </Form>
        {users.rows.length === 0 ? (
          <p className="muted">{t("admin.users.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t("admin.users.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("admin.field.username")}</th>
                  <th scope="col">{t("admin.field.displayName")}</th>
                  <th scope="col">{t("admin.field.agency")}</th>
                  <th scope="col">{t("admin.field.roles")}</th>
                  <th scope="col">{t("admin.field.status")}</th>
                </tr>
              </thead>
              <tbody>
                {users.rows.map((user) => (
                  <tr key={user.id}>
                    <td>
                      <Link to={`/admin/users/${user.id}`}>{user.username}</Link>
                    </td>
                    <td>{user.displayName}</td>
                    <td>{localName(user.agency, locale)}</td>
                    <td>{user.roles.map((role) => t(`role.${role}`)).join(", ")}</td>
                    <td>
                      <StatusBadge status={user.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {users.truncated ? <p className="muted">{t("admin.list.truncated")}</p> : null}
      </section>
    </div>
  );
}
