import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, formatDateTime, localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { signedIn } from "~/kit/request.server";
import { orderLinks, statusLabel } from "~/modules/protection-orders/OrderComponents";
import { orderBoard, type BoardSection, type DistrictBoard, type RegionRow } from "~/modules/protection-orders/order-board.server";

export const links = orderLinks;

/** The police supervisor's board: their district's pointers, or a region's districts. Others: the module's audited 404. */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "ordersBoard");
  return json({ board: await orderBoard(caller) });
}

const SECTIONS = ["notServed", "checksOverdue", "expiringSoon", "violationsThisWeek", "reassessmentDue", "programmeCondition"] as const;
type SectionKey = (typeof SECTIONS)[number];

export default function OrderBoardPage() {
  const { t } = useTranslation();
  const { board } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("order.board.title")}</h1>
      {board.kind === "district" ? <District district={board.district} /> : <Region districts={board.districts} />}
    </div>
  );
}

function District({ district }: { district: DistrictBoard }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="lead">{t("order.board.districtIntro")}</p>
      <dl className="facts board-counts">
        <div>
          <dt>{t("order.board.inForce")}</dt>
          <dd>{district.inForce}</dd>
        </div>
        {SECTIONS.map((key) => (
          <div key={key}>
            <dt>{t(`order.board.${key}`)}</dt>
            <dd>
              <a href={`#board-${key}`}>{district[key].count}</a>
            </dd>
          </div>
        ))}
      </dl>
      {SECTIONS.map((key) => (
        <BoardList key={key} sectionKey={key} section={district[key]} />
      ))}
    </>
  );
}

function BoardList({ sectionKey, section }: { sectionKey: SectionKey; section: BoardSection }) {
  const { t } = useTranslation();
  const atKey = sectionKey === "reassessmentDue" ? null : (`order.board.at.${sectionKey}` as MessageKey);
  return (
    <section aria-labelledby={`board-${sectionKey}`} className="board-section">
      <h2 id={`board-${sectionKey}`} tabIndex={-1}>
        {t(`order.board.${sectionKey}`)} <span className="badge">{section.count}</span>
      </h2>
      {sectionKey === "programmeCondition" ? <p className="muted">{t("order.board.programmeHint")}</p> : null}
      {section.items.length === 0 ? (
        <p className="muted">{t("order.board.none")}</p>
      ) : (
        <ul className="board-items">
          {section.items.map((item, index) => (
            <li key={`${item.id}-${index}`}>
              <Link to={`/orders/${item.id}`}>{t("order.board.item", { date: formatDate(item.issuedAt) })}</Link>
              <span className="muted">
                {" · "}
                {statusLabel(t, item.status)}
                {atKey && item.at ? ` · ${t(atKey, { date: formatDateTime(item.at) })}` : null}
                {item.responsibleName ? ` · ${t("order.board.officer", { name: item.responsibleName })}` : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {section.count > section.items.length ? (
        <p className="muted small">{t("order.board.more", { shown: section.items.length, count: section.count })}</p>
      ) : null}
    </section>
  );
}

function Region({ districts }: { districts: RegionRow[] }) {
  const { t, locale } = useTranslation();
  const most = Math.max(1, ...districts.map((district) => district.checksOverdue));
  return (
    <>
      <p className="lead">{t("order.board.regionIntro")}</p>
      <table className="order-cards">
        <caption>{t("order.board.regionCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("order.board.district")}</th>
            <th scope="col">{t("order.board.inForce")}</th>
            <th scope="col">{t("order.board.notServed")}</th>
            <th scope="col">{t("order.board.checksOverdue")}</th>
            <th scope="col">{t("order.board.expiringSoon")}</th>
            <th scope="col">{t("order.board.violationsThisWeek")}</th>
          </tr>
        </thead>
        <tbody>
          {districts.map((district) => (
            <tr key={district.territoryId}>
              <th scope="row" data-label={t("order.board.district")}>
                {localName(district, locale)}
              </th>
              <td data-label={t("order.board.inForce")}>{district.inForce}</td>
              <td data-label={t("order.board.notServed")}>{district.notServed}</td>
              <td data-label={t("order.board.checksOverdue")}>{district.checksOverdue}</td>
              <td data-label={t("order.board.expiringSoon")}>{district.expiringSoon}</td>
              <td data-label={t("order.board.violationsThisWeek")}>{district.violationsThisWeek}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figure className="bar-chart" aria-labelledby="chart-title">
        <figcaption id="chart-title">
          <strong>{t("order.board.chartTitle")}</strong> <span className="muted small">{t("order.board.chartHint")}</span>
        </figcaption>
        {/* The table above is the text alternative; the bars repeat it with the number beside each bar. */}
        <ul className="plain-list bars">
          {districts.map((district) => (
            <li key={district.territoryId} className="bar-row">
              <span className="bar-label">{localName(district, locale)}</span>
              <span className="bar-track">
                <span className={`bar bar-w${Math.round((district.checksOverdue / most) * 20) * 5}`} />
              </span>
              <span className="bar-value">{district.checksOverdue}</span>
            </li>
          ))}
        </ul>
      </figure>
    </>
  );
}
