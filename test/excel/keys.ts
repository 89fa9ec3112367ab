/** The fake model's key of an A1 cell (row * 16384 + column), for reading its sparse format maps in tests. */
export function cellKeyOf(a1: string): number {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a cell: ${a1}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return (Number(m[2]) - 1) * 16384 + col;
}
