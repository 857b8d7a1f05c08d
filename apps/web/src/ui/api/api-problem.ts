export interface FieldProblem {
  /** JSON Pointer to the field, e.g. `/birthDate`. */
  pointer: string;
  detail: string;
  code: string;
}

/** An RFC 9457 problem answered by the API, or one we make up when the server could not be reached. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    /** The API's English explanation, shown when we have no localized message. */
    readonly detail: string,
    readonly type: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }

  static async fromResponse(response: Response): Promise<ApiProblem> {
    const body = (await response.json().catch(() => undefined)) as Partial<ApiProblem> | undefined;
    return new ApiProblem(
      response.status,
      typeof body?.detail === 'string' ? body.detail : response.statusText,
      typeof body?.type === 'string' ? body.type : 'about:blank',
      Array.isArray(body?.errors) ? body.errors : [],
    );
  }
}

/** Status 0: the request never got an answer. */
export const networkProblem = () => new ApiProblem(0, 'The server could not be reached.', 'network');

/** A failure of our own code in the browser: reported in the console, shown as a generic message. */
export function unexpectedProblem(error: unknown): ApiProblem {
  console.error(error);
  return new ApiProblem(500, 'Unexpected error in the page.', 'internal');
}

/** The session is over and the browser is already on its way to the login page: nothing to show. */
export class SessionExpired extends Error {
  constructor() {
    super('The session has expired.');
    this.name = 'SessionExpired';
  }
}
