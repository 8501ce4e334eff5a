import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { BatchInputError } from './batch-error';

export interface DataRow {
  /** 1-based position among the data rows (the header is not a row). */
  row: number;
  /** The line of the CSV file the row ends on; null for JSON. */
  line: number | null;
  values: Record<string, unknown>;
  /** What is wrong with the row itself (cells that do not line up with the header), reported by column. */
  problems?: { column?: string; message: string }[];
}

export interface DataTable {
  /** As shown in messages: relative to the project root. */
  file: string;
  columns: string[];
  rows: DataRow[];
}

function readCsv(shown: string, text: string): DataTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Arrays, not objects: a row with more or fewer cells than the header is one bad row, not a bad file.
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (err) {
    throw new BatchInputError(`${shown}: not valid CSV: ${(err as Error).message}; fix that line (quote cells that hold commas).`);
  }
  const [header, ...body] = records;
  const columns = header ? header.record : [];
  const rows = body.map((r, i): DataRow => {
    const values = Object.fromEntries(columns.map((c, j) => [c, r.record[j]]));
    const cells = r.record.length;
    if (cells === columns.length) return { row: i + 1, line: r.info.lines, values };
    const problem =
      cells > columns.length
        ? { column: columns[columns.length - 1], message: `the row has ${cells} cells and the header ${columns.length} columns: ${JSON.stringify(r.record.slice(columns.length).join(','))} comes after the last column; quote a cell that holds a comma, or add the column to the header` }
        : { column: columns[cells], message: `has no cell: the row has ${cells} cells and the header ${columns.length} columns; add the missing cells (empty ones too: "a,,c")` };
    return { row: i + 1, line: r.info.lines, values, problems: [problem] };
  });
  return { file: shown, columns, rows };
}

function readJson(shown: string, text: string): DataTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BatchInputError(`${shown}: not valid JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { rows?: unknown })?.rows;
  if (!Array.isArray(list)) throw new BatchInputError(`${shown}: expected an array of row objects (or {"rows": [...]}); wrap the rows in [ ].`);
  const columns = new Set<string>();
  const rows = list.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw new BatchInputError(`${shown}: row ${i + 1} ($[${i}]) is not an object; write each row as {"column": value, …}.`);
    for (const k of Object.keys(item)) columns.add(k);
    return { row: i + 1, line: null, values: item as Record<string, unknown> };
  });
  return { file: shown, columns: [...columns], rows };
}

/** The rows of a .csv (header line = column names) or .json (array of objects) file. */
export async function readRows(file: string, root: string = process.cwd()): Promise<DataTable> {
  const shown = path.relative(root, path.resolve(root, file)) || file;
  let text: string;
  try {
    text = await readFile(path.resolve(root, file), 'utf8');
  } catch (err) {
    throw new BatchInputError(`${shown}: cannot read the data file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); check the path given to --data.`);
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return readCsv(shown, text);
  if (ext === '.json') return readJson(shown, text);
  throw new BatchInputError(`${shown}: unknown data format "${ext}"; use a .csv file with a header line or a .json array of objects.`);
}
