export * from './clinics';
export * from './users';
export * from './refresh-tokens';
export * from './patients';
export * from './audit-events';
export * from './encounters';
export * from './audio-chunks';
export * from './documents';
