// Workspaces without React: the registry, local state, opening a document from IndexedDB, the sample.
export * from './localKeys';
export * from './registry';
export * from './localState';
export * from './openWorkspace';
export * from './boardPreviewCache';
export * from './compaction';
export * from './sample';
export * from './seed';
export * from './launch';
export * from './persistentStorage';
export * from './snapshots';
export * from './copy';
export * from './readStored';
export * from './guide';
export * from './personId';
