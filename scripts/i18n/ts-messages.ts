/**
 * Reads `defineMessages({ 'key': { ky, ru, en } })` objects out of TypeScript source text without
 * running it (the TypeScript parser, not `import`): the conversion must work on a file that no longer
 * compiles (its `defineMessages` import is gone once the catalogue is JSON) and on old versions of a
 * file read from git.
 */
import ts from 'typescript';

export type TsMessage = { key: string; ky: string; ru: string; en: string; file: string };

const LANGS = ['ky', 'ru', 'en'] as const;

function propertyName(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return null;
}

/** A string written as a literal, a template without `${}`, or `+` of those; anything else is an error. */
function stringValue(node: ts.Expression, where: () => string): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return stringValue(node.expression, where);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return stringValue(node.left, where) + stringValue(node.right, where);
  throw new Error(`${where()}: a message text must be a plain string (found ${ts.SyntaxKind[node.kind]})`);
}

/** Every message of every `defineMessages(...)` call in one source file. */
export function messagesInSource(file: string, text: string): TsMessage[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.ES2022,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: TsMessage[] = [];
  const where = (node: ts.Node) => () => `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineMessages') {
      const arg = node.arguments[0];
      if (!arg || !ts.isObjectLiteralExpression(arg))
        throw new Error(`${where(node)()}: defineMessages needs an object literal`);
      for (const prop of arg.properties) {
        if (!ts.isPropertyAssignment(prop))
          throw new Error(`${where(prop)()}: only 'key': { ky, ru, en } entries are understood`);
        const key = propertyName(prop.name);
        if (key === null || !ts.isObjectLiteralExpression(prop.initializer))
          throw new Error(`${where(prop)()}: only 'key': { ky, ru, en } entries are understood`);
        const texts: Partial<Record<(typeof LANGS)[number], string>> = {};
        for (const p of prop.initializer.properties) {
          if (!ts.isPropertyAssignment(p)) throw new Error(`${where(p)()}: ${key}: unexpected entry`);
          const lang = propertyName(p.name);
          if (lang !== 'ky' && lang !== 'ru' && lang !== 'en')
            throw new Error(`${where(p)()}: ${key}: unknown language ${lang}`);
          texts[lang] = stringValue(p.initializer, where(p));
        }
        for (const l of LANGS) if (texts[l] === undefined) throw new Error(`${where(prop)()}: ${key} has no ${l} text`);
        out.push({ key, ky: texts.ky!, ru: texts.ru!, en: texts.en!, file });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/**
 * True when the file holds nothing but messages: imports, `defineMessages` constants and objects that
 * spread such constants together (`export const appealsMessages = { ...core, ...admin }`). Such a file
 * is deleted once its messages are in the JSON catalogues; a file with other code is left to a person.
 */
export function isMessagesOnly(file: string, text: string): boolean {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  return source.statements.every((s) => {
    if (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) return true;
    if (!ts.isVariableStatement(s)) return false;
    return s.declarationList.declarations.every((d) => {
      const init = d.initializer;
      if (!init) return false;
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'defineMessages')
        return true;
      return ts.isObjectLiteralExpression(init) && init.properties.every((p) => ts.isSpreadAssignment(p));
    });
  });
}
