export * from './days';
export * from './cadence';
export * from './proposals';
export * from './windows';
export * from './flags';
export * from './schedule';
