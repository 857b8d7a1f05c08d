import { AppError } from '../errors/app-error';

export const signedNoteIsFinal = () =>
  new AppError('conflict', 'This note is signed and can no longer be changed. Add an addendum instead.');

/** `If-Match` carries the version the editor started from; another tab may have saved since. */
export function assertCurrentVersion(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'precondition_failed',
      `The note was changed elsewhere (you edited version ${expected}; it is now at version ${current}). Reload it and apply your change again.`,
      { members: { currentVersion: current } },
    );
  }
}
