/**
 * The manifest's OAuth scopes, enforced. Google refuses a call whose documented scopes the
 * script's manifest (`oauthScopes` in appsscript.json) does not list, with
 * "You do not have permission to call X. Required permissions: …"; so does the emulator.
 *
 * The table (table.json) holds, for each method of each class the emulator implements, the
 * scopes of the "Authorization" section of its page on developers.google.com/apps-script/
 * reference (any one of them suffices); scripts/scope-table.ts regenerates it and says how.
 * An empty list: the page names no scope. A method not in the table is allowed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gasError } from '../services/gas';

const PREFIX = 'https://www.googleapis.com/auth/';

type Table = Map<string, readonly string[]>;
let table: Table | null = null;

function loadTable(): Table {
  if (table) return table;
  const raw = JSON.parse(fs.readFileSync(path.join(__dirname, 'table.json'), 'utf8')) as Record<
    string,
    Record<string, string[]>
  >;
  table = new Map();
  for (const [cls, sets] of Object.entries(raw)) {
    for (const [set, methods] of Object.entries(sets)) {
      const scopes = set === '' ? [] : set.split(' ').map((s) => PREFIX + s);
      for (const m of methods) table.set(`${cls}.${m}`, scopes);
    }
  }
  return table;
}

/**
 * Advanced services' methods (counted as `Drive.Files.create`…): the scopes of the
 * "Authorization scopes" section of each method's page in the REST reference
 * (developers.google.com/workspace/drive/api/reference/rest/v3/files/create, …/update,
 * …/get, …/generateIds),
 * and the API method named in Google's error. Not generated: scripts/scope-table.ts covers the
 * built-in services only.
 */
const ADVANCED: Record<string, { api: string; scopes: readonly string[] }> = {
  'Drive.Files.create': {
    api: 'drive.files.create',
    scopes: ['drive', 'drive.appdata', 'drive.file'].map((s) => PREFIX + s),
  },
  'Drive.Files.generateIds': {
    api: 'drive.files.generateIds',
    scopes: ['drive', 'drive.appdata', 'drive.file'].map((s) => PREFIX + s),
  },
  'Drive.Files.update': {
    api: 'drive.files.update',
    scopes: ['drive', 'drive.appdata', 'drive.file', 'drive.metadata', 'drive.scripts'].map(
      (s) => PREFIX + s,
    ),
  },
  'Drive.Files.get': {
    api: 'drive.files.get',
    scopes: [
      'drive',
      'drive.appdata',
      'drive.file',
      'drive.meet.readonly',
      'drive.metadata',
      'drive.metadata.readonly',
      'drive.photos.readonly',
      'drive.readonly',
      'drive.scripts',
    ].map((s) => PREFIX + s),
  },
};

/** The scopes Google documents for `Class.method` (any one suffices); undefined if unknown. */
export function documentedScopes(method: string): readonly string[] | undefined {
  return ADVANCED[method]?.scopes ?? loadTable().get(method);
}

/**
 * An advanced service's call without its scope reaches the API with a token that lacks it:
 * Google answers with the API's error, not Apps Script's permission message.
 */
export function insufficientScopesMessage(method: string): string | undefined {
  const api = ADVANCED[method]?.api;
  return (
    api && `API call to ${api} failed with error: Request had insufficient authentication scopes.`
  );
}

/** Google's wording: one scope bare, several as `(a || b)`. */
export function permissionMessage(method: string, scopes: readonly string[]): string {
  const required = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
  return `You do not have permission to call ${method}. Required permissions: ${required}`;
}

/**
 * What a script may call: its manifest's scopes. Google accepts a narrower grant where it
 * implies the documented one only through the documented alternatives, so this compares the
 * lists as they are.
 */
export class ScopeGuard {
  private readonly granted: ReadonlySet<string>;

  constructor(scopes: readonly string[]) {
    this.granted = new Set(scopes);
  }

  static fromManifest(manifestPath: string): ScopeGuard | null {
    if (!fs.existsSync(manifestPath)) return null;
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
      oauthScopes?: string[];
    };
    // Without oauthScopes Google infers the scopes from the code: nothing to enforce.
    return manifest.oauthScopes ? new ScopeGuard(manifest.oauthScopes) : null;
  }

  scopes(): string[] {
    return [...this.granted];
  }

  /** Methods already found allowed (every emulated call is checked; the grant is fixed). */
  private readonly allowed = new Set<string>();

  /** Throws Google's permission error when `method` needs a scope the manifest lacks. */
  check(method: string): void {
    if (this.allowed.has(method)) return;
    const needed = documentedScopes(method);
    if (needed && needed.length > 0 && !needed.some((s) => this.granted.has(s)))
      throw gasError(insufficientScopesMessage(method) ?? permissionMessage(method, needed));
    this.allowed.add(method);
  }
}
