export * from './organizations.js';
export * from './users.js';
export * from './sessions.js';
export * from './sign-in-failures.js';
export * from './invitations.js';
export * from './outbox.js';
export * from './audit.js';
