/**
 * Finds user-visible text in .tsx files that bypasses the catalogue (src/ui/i18n): JSX text with
 * letters, and string or template literals with letters in user-visible attributes (aria-label,
 * title, placeholder, alt, aria-valuetext, label) or in the value positions of a JSX expression
 * (the expression itself, either branch of `?:`, the right of `??`/`||`/`&&`). Walks the AST with
 * the TypeScript compiler API; comparisons, calls (t('key')) and object keys are not text.
 */
import ts from 'typescript';

/** Attributes whose string value is read or shown to the user. */
export const TEXT_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'label']);

/** Text allowed outside the catalogue: symbols and notation that read the same in every language. */
export const ALLOWED_TEXT = new Set([
  'Oct-ResNet',
  'Oct-ResNet-',
  'Oct-MobileNet',
  'R',
  'α =',
  '(α',
  ', Oct-ResNet-',
  'α',
  'α_in→α_out',
  'H',
  'L',
  'α=',
  'α ',
  'px',
  '%',
  's',
  '#',
]);

/** One piece of text found outside the catalogue. */
export interface StrayText {
  file: string;
  line: number;
  text: string;
}

const LETTER = /\p{L}/u;

/** True when `text` (trimmed) has a letter and is not in {@link ALLOWED_TEXT}. */
export function needsCatalogue(text: string): boolean {
  const s = text.replace(/\s+/g, ' ').trim();
  return s !== '' && LETTER.test(s) && !ALLOWED_TEXT.has(s);
}

/** The literal text parts of a string/template literal, or [] for any other node. */
function literalParts(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  return [];
}

/** Value positions of an expression: the literals a JSX child or text attribute can end up showing. */
function valueLiterals(node: ts.Expression, out: ts.Node[]): void {
  if (ts.isParenthesizedExpression(node)) return valueLiterals(node.expression, out);
  if (ts.isConditionalExpression(node)) {
    valueLiterals(node.whenTrue, out);
    valueLiterals(node.whenFalse, out);
    return;
  }
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) valueLiterals(node.left, out);
    if (
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.AmpersandAmpersandToken
    ) {
      valueLiterals(node.right, out);
    }
    return;
  }
  if (ts.isTemplateExpression(node)) {
    out.push(node);
    for (const span of node.templateSpans) valueLiterals(span.expression, out);
    return;
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node);
}

/** Every stray text of one .tsx source (file names the result only). */
export function findStrayText(file: string, source: string): StrayText[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: StrayText[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!needsCatalogue(text)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ file, line, text: text.replace(/\s+/g, ' ').trim() });
  };
  const reportValue = (expr: ts.Expression) => {
    const lits: ts.Node[] = [];
    valueLiterals(expr, lits);
    for (const lit of lits) for (const part of literalParts(lit)) report(lit, part);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) reportValue(node.expression);
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) reportValue(init.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
