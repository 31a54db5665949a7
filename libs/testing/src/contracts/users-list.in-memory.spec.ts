import { InMemoryUsersListReadModel } from '@gatehouse/read-models';
import { usersListContract } from './users-list.contract';

usersListContract('in memory', () => new InMemoryUsersListReadModel());
