// Workspaces without React: the registry, opening a document from IndexedDB, the sample.
export * from './registry';
export * from './openWorkspace';
export * from './boardPreviewCache';
export * from './compaction';
export * from './sample';
export * from './seed';
export * from './launch';
export * from './persistentStorage';
