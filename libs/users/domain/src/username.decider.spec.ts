import { deciderSpec } from '@gatehouse/testing';
import { usernameDecider } from './username.decider';

const spec = deciderSpec(usernameDecider);
const reserved = { type: 'UsernameReserved' as const, data: { username: 'Ada', userId: 'u1' } };

describe('username reservation', () => {
  it('reserves a free username', () => {
    spec.given([]).when({ type: 'ReserveUsername', username: 'Ada', userId: 'u1' }).then([reserved]);
  });
  it('refuses a username reserved by another user', () => {
    spec
      .given([reserved])
      .when({ type: 'ReserveUsername', username: 'ada', userId: 'u2' })
      .thenThrows('USERNAME_TAKEN');
  });
  it('accepts the same reservation again without new events', () => {
    spec.given([reserved]).when({ type: 'ReserveUsername', username: 'Ada', userId: 'u1' }).then([]);
  });
});
