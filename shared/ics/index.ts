export * from './format';
export * from './exportPlan';
