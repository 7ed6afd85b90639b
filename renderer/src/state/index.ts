export * from './WorkspaceContext';
export * from './actions';
export * from './commands';
export * from './CommandsContext';
export type { NoticeAction } from './noticeAction';
