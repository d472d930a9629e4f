/**
 * Reading a file the user chose or dropped, with an error that names the file and the likely
 * cause. Browsers reject such reads with bare messages ("network error", NotReadableError) when
 * the file was moved, deleted or changed after it was chosen, or cannot be read. DOM-free.
 */

/**
 * The error for a chosen file that could not be read: names the file, says what to do, and keeps
 * the browser's own text in parentheses.
 */
export function fileReadError(name: string, cause: unknown): Error {
  const detail = cause instanceof Error ? `${cause.name === 'Error' ? '' : `${cause.name}: `}${cause.message}` : String(cause);
  return new Error(
    `${name} could not be read (${detail}): it was moved, deleted or changed after you chose it, or the browser may not read it. Choose the file again.`,
    { cause },
  );
}

/**
 * Runs `read` (a read of the file called `name`) and turns a rejection into {@link fileReadError}.
 * @throws Error naming the file when the read fails.
 */
export async function readChosenFile<T>(name: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw fileReadError(name, e);
  }
}
