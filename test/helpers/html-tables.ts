/**
 * The tables of an HTML page, read from its text: for each table, its header row's cell count and
 * every other row's. The report's tables use no colspan or rowspan, so a cell is one <th> or <td>.
 */
export interface TableShape {
  /** The table's class attribute, to name it in a failure. */
  name: string;
  header: number;
  rows: number[];
}

const cells = (row: string) => (row.match(/<t[hd][\s>]/g) ?? []).length;

export function tableShapes(html: string): TableShape[] {
  return [...html.matchAll(/<table([^>]*)>([\s\S]*?)<\/table>/g)].map((table) => {
    const rows = [...table[2]!.matchAll(/<tr[\s>][\s\S]*?<\/tr>/g)].map((m) => m[0]);
    const name = /class="([^"]*)"/.exec(table[1]!)?.[1] ?? 'table';
    return { name, header: cells(rows[0] ?? ''), rows: rows.slice(1).map(cells) };
  });
}

/** Rows whose cell count differs from their header's, as `table: row i has n cells, header m`. */
export function ragged(html: string): string[] {
  return tableShapes(html).flatMap((t) => t.rows.flatMap((n, i) => (n === t.header ? [] : [`${t.name}: row ${i + 1} has ${n} cells, its header ${t.header}`])));
}
