import type { FastifyReply } from 'fastify';

/** RFC 9457 problem details, with the offending fields named by their rule. */
export interface ProblemField {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code?: string;
  readonly instance?: string;
  /** On a 500 only: the id under which the failure was logged, for the caller to quote. */
  readonly correlationId?: string;
  readonly errors?: readonly ProblemField[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Answers with `body` as application/problem+json at its own status. */
export function sendProblem(reply: FastifyReply, body: Problem): void {
  reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

export function problem(
  status: number,
  code: string,
  title: string,
  detail?: string,
  errors?: ProblemField[],
): Problem {
  return {
    type: `https://gatehouse.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
}
