/** A table's column headers: one row of `columns`, in the tables' header style. */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className="border-b border-line bg-sunken">
      <tr>
        {columns.map((h) => (
          <th
            key={h}
            scope="col"
            className="px-3 py-2 text-left text-xs font-medium tracking-wide text-ink-muted uppercase"
          >
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}
