/** The one error shape clients see: { code, message, details }. Never a stack trace. */
export interface ApiErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
  }
}

export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Sign in first: this request has no valid session.');
export const forbidden = (message: string, details: Record<string, unknown> = {}) => new ApiError(403, 'forbidden', message, details);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);
export const badRequest = (message: string, details: Record<string, unknown> = {}) => new ApiError(400, 'invalid_request', message, details);
