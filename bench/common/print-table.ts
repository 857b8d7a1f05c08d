/** Prints rows under a header, the first column left-aligned and the others right-aligned, as bench/upload does. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]! + 3)))
      .join('');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
