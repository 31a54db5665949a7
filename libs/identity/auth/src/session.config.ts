/** Key that signs session tokens (≥ 32 bytes of entropy); every service that authenticates needs it. */
export abstract class SessionConfig {
  abstract readonly sessionKey: string;
}
