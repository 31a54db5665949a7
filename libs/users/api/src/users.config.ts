/** Key that signs session tokens (≥ 32 bytes of entropy); every service that authenticates needs it. */
export abstract class SessionConfig {
  abstract readonly sessionKey: string;
}

/** Bearer token of the platform operator, who alone may open new accounts (users service only). */
export abstract class OperatorConfig {
  abstract readonly operatorToken: string;
}
