// Reads the entry points of src/entry/index.ts: each exported function's name, parameter
// names and JSDoc. Shared by the build (which generates the top-level wrappers) and the
// bundle test (which checks them).
const ts = require('typescript');

function readEntryPoints(sourceText, fileName = 'index.ts') {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.ES2020, true);
  const entries = [];
  for (const statement of source.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const params = statement.parameters.map((p) => {
      if (p.dotDotDotToken)
        throw new Error(`${statement.name.text}: rest parameters are not supported`);
      return p.name.getText(source);
    });
    const jsDoc = ts
      .getJSDocCommentsAndTags(statement)
      .filter(ts.isJSDoc)
      .map((doc) => doc.getText(source))
      .join('\n');
    entries.push({ name: statement.name.text, params, jsDoc });
  }
  return entries;
}

module.exports = { readEntryPoints };
