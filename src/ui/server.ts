/**
 * A typed promise wrapper over `google.script.run`: `call('sidebarStatus')` resolves with what
 * the server function returned, or rejects with its error.
 */
import type { SidebarServer } from '../core/sidebar';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

type Method = keyof SidebarServer;

export function call<M extends Method>(
  name: M,
  ...args: Parameters<SidebarServer[M]>
): Promise<ReturnType<SidebarServer[M]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined') {
      reject(new Error('google.script.run is not available'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServer[M]>))
      .withFailureHandler((error) =>
        reject(error instanceof Error ? error : new Error(String(error))),
      );
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
