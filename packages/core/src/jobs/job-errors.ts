/** Trying again cannot help: bad audio, rejected credentials, a missing configuration. */
export class PermanentJobError extends Error {
  constructor(
    /** Shown on the encounter: a clinician or admin should understand it and know what to do. */
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'PermanentJobError';
  }
}
