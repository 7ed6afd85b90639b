export * from './diff';
export * from './restore';
export * from './budget';
export * from './words';
