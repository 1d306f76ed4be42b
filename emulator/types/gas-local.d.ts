declare module 'gas-local' {
  /** Evaluates every matching file of a folder as a classic script in one fresh context. */
  export function require(
    folderPath: string,
    globalObject?: object,
    options?: { filter?: (file: string) => boolean },
  ): Record<string, unknown>;
  export const globalMockDefault: Record<string, unknown>;
}
