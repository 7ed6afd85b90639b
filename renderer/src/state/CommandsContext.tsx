import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { AppCommand, CommandRegistry } from './commands';

const CommandsContext = createContext<CommandRegistry | null>(null);

/** Provides the app's one command registry. */
export function CommandsProvider(props: { registry: CommandRegistry; children: ReactNode }) {
  return (
    <CommandsContext.Provider value={props.registry}>{props.children}</CommandsContext.Provider>
  );
}

/** The command registry: `run` it from buttons exactly as the menu and shortcuts do. */
export function useCommands(): CommandRegistry {
  const registry = useContext(CommandsContext);
  if (!registry) throw new Error('useCommands needs a CommandsProvider.');
  return registry;
}

/** Handles `command` while the calling component is mounted (always its latest `handler`). */
export function useCommand(command: AppCommand, handler: () => void): void {
  const registry = useCommands();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => registry.register(command, () => latest.current()), [registry, command]);
}
