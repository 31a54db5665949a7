/**
 * Where invite links point (a page that posts the token to /v1/invite-acceptances) and the key of the
 * keyed hash naming the email guard streams (the deployment's reservation key: ≥ 32 bytes of entropy).
 */
export abstract class InvitesConfig {
  /**
   * The link is `<linkBase>?token=<token>&lang=<language>`: the page (accept-invite.page.controller.ts)
   * reads the token to greet the invitee in their language and moves it into its form; request logs never
   * hold a URL, and the page sends no Referer.
   */
  abstract readonly linkBase: string;
  abstract readonly emailKey: string;
  /**
   * Test hook, off unless set (GATEHOUSE_TEST_CRASH_AFTER_INVITEE_USER=1 in the invites service): the
   * process SIGKILLs itself once the invitee's user exists and before the invite records its acceptance,
   * so a crash test can prove InviteAcceptanceReaction finishes it.
   */
  abstract readonly testCrashAfterInviteeUser?: boolean;
}
