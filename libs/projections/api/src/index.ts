export * from './projections-api.module';
export * from './users-list-projector/users-list-projector';
