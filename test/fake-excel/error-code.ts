/** The `code` an Office-style error carries when `p` rejects, `no-code` without one, `no-error` when it resolves. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? 'no-code';
  }
  return 'no-error';
}
