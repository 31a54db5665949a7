export * from './projections-api.module';
export * from './projection-runner/projection-runner';
export * from './projection-runner/projections';
export * from './projection-runner/read-models.readiness';
