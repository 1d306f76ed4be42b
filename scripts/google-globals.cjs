// The Google services Apps Script puts in the global scope: one list for the lint rule that
// keeps them out of the core, use cases and sheet mapping (eslint.config.mjs), and for the
// bundle test that traps every one of them at load time (test/bundle.test.ts).
module.exports = [
  'SpreadsheetApp',
  'FormApp',
  'DocumentApp',
  'DriveApp',
  'MailApp',
  'GmailApp',
  'ScriptApp',
  'PropertiesService',
  'LockService',
  'CacheService',
  'Utilities',
  'Session',
  'HtmlService',
  'Logger',
  'UrlFetchApp',
  'Charts',
  'CalendarApp',
];
