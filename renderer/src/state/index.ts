export * from './WorkspaceContext';
export * from './actions';
