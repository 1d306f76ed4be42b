/**
 * What the sidebar «Панель мониторинга» and the server exchange: plain objects, shared by the
 * server use case and the page's script (which is typed without Apps Script's types).
 */
export interface SidebarField {
  code: string;
  label: string;
  value: string;
}

export interface SidebarJob {
  title: string;
  step: string;
  /** Items done in the current step, and its size; the share in percent. */
  done: number;
  total: number;
  percent: number;
  text: string;
}

export interface SidebarStatus {
  period: string;
  deadline: string;
  daysLeft: string;
  schools: number;
  responded: number;
  respondedText: string;
  /** Names of active schools without an accepted response (the first few). */
  notResponded: string[];
  held: number;
  rejected: number;
  quotaLeft: number;
  /** «ежедневные напоминания» — 30.11.2026 09:00: …, newest first. */
  runs: string[];
  job: SidebarJob | null;
  fields: SidebarField[];
  settingErrors: string[];
}

export interface SaveOutcome {
  ok: boolean;
  errors: string[];
}

/** The server functions the page calls through `google.script.run`, with their signatures. */
export interface SidebarServer {
  sidebarStatus(): SidebarStatus;
  sidebarSaveSettings(values: Record<string, string>): SaveOutcome;
  menuSendLinks(): string;
  menuReconcile(): string;
  menuRecompute(): string;
  menuReport(): string;
  menuLetters(): string;
  menuCheckInstallation(): string;
}
