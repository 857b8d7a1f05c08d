export * from './clinics';
export * from './users';
export * from './refresh-tokens';
export * from './patients';
export * from './audit-events';
