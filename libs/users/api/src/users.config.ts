/** Bearer token of the platform operator, who alone may open new accounts (users service only). */
export abstract class OperatorConfig {
  abstract readonly operatorToken: string;
}
