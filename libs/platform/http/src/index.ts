export * from './problem';
export * from './validation';
export * from './problem.filter';
export * from './authentication';
export * from './http-app';
export * from './body-limits';
export * from './correlation';
export * from './request-refused';
