import { csvHeader } from '@gatehouse/read-model-kit';
import { usersListDeclaration } from '@gatehouse/users-list';

/**
 * The users CSV, UTF-8 with an optional BOM: the header first (so the first bytes go out before any row
 * is read), then the rows' lines as the store gives them, a batch to a chunk (each line rendered and
 * neutralised by the users list's `csv` cells, see csvLine).
 */
export async function* usersCsv(
  lines: AsyncIterable<Buffer | string>,
  options: { readonly bom: boolean },
): AsyncGenerator<Buffer | string> {
  yield csvHeader(usersListDeclaration, options.bom);
  yield* lines;
}
