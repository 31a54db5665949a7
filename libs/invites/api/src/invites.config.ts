/**
 * Where invite links point (a page that posts the token to /v1/invite-acceptances) and the key of the
 * keyed hash naming the email guard streams (the deployment's reservation key: ≥ 32 bytes of entropy).
 */
export abstract class InvitesConfig {
  /** The link is `<linkBase>#token=<token>`: a fragment, so the token never reaches a server log. */
  abstract readonly linkBase: string;
  abstract readonly emailKey: string;
}
