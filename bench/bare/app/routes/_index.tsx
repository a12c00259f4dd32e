import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

// Same shape as the caseload page: 50 rows of five short columns.
const ROWS = Array.from({ length: 50 }, (_, i) => ({
  id: `row-${i}`,
  name: `Surname${i} Given${i}`,
  status: i % 3 === 0 ? "active" : "draft",
  lead: `Lead ${i % 7}`,
  due: new Date(Date.UTC(2026, 10, 1 + i)).toISOString(),
}));

export function loader() {
  return json({ rows: ROWS });
}

export default function Index() {
  const { rows } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Bare page</h1>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Status</th>
            <th>Lead</th>
            <th>Due</th>
            <th>Link</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>{row.name}</td>
              <td>{row.status}</td>
              <td>{row.lead}</td>
              <td>{row.due.slice(0, 10)}</td>
              <td>
                <a href={`/plans/${row.id}`}>{row.id}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
