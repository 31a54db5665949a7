import { deciderSpec } from '@gatehouse/testing';
import { inviteSettingsDecider } from './invite-settings.decider';

const spec = deciderSpec(inviteSettingsDecider);
const change = (expiryHours: number) => ({ type: 'ChangeInviteSettings', expiryHours }) as const;
const changed = (from: number, to: number) =>
  ({ type: 'InviteSettingsChanged', data: { expiryHours: { from, to } } }) as const;

describe("an account's invite settings", () => {
  describe('when never changed', () => {
    it('starts from invites valid for 7 days', () => {
      spec
        .given([])
        .when(change(24))
        .then([changed(168, 24)]);
    });
    it('records nothing for the value already in force', () => {
      spec.given([]).when(change(168)).then([]);
    });
  });
  describe('when changed', () => {
    it('accepts from 1 hour to 30 days', () => {
      spec
        .given([changed(168, 24)])
        .when(change(1))
        .then([changed(24, 1)]);
      spec
        .given([changed(168, 24)])
        .when(change(720))
        .then([changed(24, 720)]);
    });
    it('refuses less than an hour, more than 30 days or a fraction of an hour', () => {
      for (const hours of [0, 721, 1.5, -1])
        spec.given([]).when(change(hours)).thenThrows('INVITE_EXPIRY_OUT_OF_RANGE');
    });
  });
});
