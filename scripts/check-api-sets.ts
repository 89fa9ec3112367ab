/**
 * Fails when code in src/ uses an Excel JavaScript API from a requirement set above the manifest's
 * minimum (`<Set Name="ExcelApi" MinVersion="1.9"/>`) without a guard.
 *
 * Which set a member belongs to comes from @types/office-js: every member of the `Excel` namespace
 * carries `[Api set: ExcelApi 1.x]` in its JSDoc. The TypeScript compiler resolves each property access
 * in src/ to its declaration, so `sheet.notes` is known to be `Excel.Worksheet.notes` (ExcelApi 1.18)
 * whatever the variable is called.
 *
 * A use above the minimum is guarded when it sits
 *  - inside a function with a parameter typed `ApiSetProof<'1.x'>` (src/excel/api-sets.ts; only an
 *    `isSetSupported` check makes one) with 1.x at least the member's set, or
 *  - in the true branch of an `if`, `?:` or `&&` whose condition calls `isSetSupported('ExcelApi', '1.x')`.
 *
 * Usage: tsx scripts/check-api-sets.ts [--manifest manifest.xml] [--src src/excel]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import ts from 'typescript';

export interface ApiSetViolation {
  file: string;
  line: number;
  column: number;
  /** "Worksheet.notes" */
  member: string;
  /** The ExcelApi version the member needs. */
  required: string;
  minVersion: string;
}

/** Compares "1.9" and "1.18" as versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The manifest's minimum ExcelApi version; throws when the manifest does not declare one. */
export function readMinVersion(manifestPath: string): string {
  const xml = readFileSync(manifestPath, 'utf8');
  const m = /<Set\b[^>]*\bName="ExcelApi"[^>]*\bMinVersion="([\d.]+)"/.exec(xml) ?? /<Set\b[^>]*\bMinVersion="([\d.]+)"[^>]*\bName="ExcelApi"/.exec(xml);
  if (!m) throw new Error(`${manifestPath} declares no <Set Name="ExcelApi" MinVersion="…"/>`);
  return m[1];
}

/** Every .ts/.tsx file under a directory. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** True when a declaration lies inside `namespace Excel` of @types/office-js. */
function inExcelNamespace(decl: ts.Node): boolean {
  const file = decl.getSourceFile().fileName.replace(/\\/g, '/');
  if (!file.includes('/@types/office-js/')) return false;
  for (let n: ts.Node | undefined = decl.parent; n; n = n.parent) {
    if (ts.isModuleDeclaration(n) && n.name.text === 'Excel' && (!n.parent || ts.isSourceFile(n.parent))) return true;
  }
  return false;
}

/** The ExcelApi version of a declaration from its JSDoc, for reading or (when `writing`) for setting. */
function declaredVersion(decl: ts.Node, writing: boolean): string | null {
  const text = decl.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
  const comment = ranges.map((r) => text.slice(r.pos, r.end)).join('\n');
  const m = /\[Api set: ExcelApi ([^\]]+)\]/.exec(comment);
  if (!m) return null;
  const note = m[1];
  if (writing) {
    const set = /(\d+\.\d+) for (?:set|setting)/.exec(note);
    if (set) return set[1];
  }
  const first = /(\d+\.\d+)/.exec(note);
  return first ? first[1] : null;
}

/** The version an `isSetSupported('ExcelApi', 'x')` call in `node` proves, if any (the highest found). */
function provenByCondition(node: ts.Node): string | null {
  let best: string | null = null;
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const [set, version] = n.arguments;
      if (name === 'isSetSupported' && set && ts.isStringLiteralLike(set) && set.text === 'ExcelApi' && version && ts.isStringLiteralLike(version)) {
        if (!best || compareVersions(version.text, best) > 0) best = version.text;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return best;
}

/** The version proved where `node` is: by an enclosing proof parameter or an enclosing guard. */
function provenAt(node: ts.Node): string | null {
  let best: string | null = null;
  const consider = (v: string | null): void => {
    if (v && (!best || compareVersions(v, best) > 0)) best = v;
  };
  for (let child: ts.Node = node, n = node.parent; n; child = n, n = n.parent) {
    if (ts.isFunctionLike(n)) {
      for (const p of n.parameters) {
        const m = p.type ? /ApiSetProof\s*<\s*['"]([\d.]+)['"]\s*>/.exec(p.type.getText()) : null;
        if (m) consider(m[1]);
      }
    }
    if (ts.isIfStatement(n) && child === n.thenStatement) consider(provenByCondition(n.expression));
    if (ts.isConditionalExpression(n) && child === n.whenTrue) consider(provenByCondition(n.condition));
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === n.right) consider(provenByCondition(n.left));
  }
  return best;
}

function isAssignmentTarget(node: ts.Node): boolean {
  const p = node.parent;
  return ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

export interface CheckOptions {
  files: string[];
  minVersion: string;
  /** Where node_modules/@types lives (the project root). */
  projectRoot: string;
}

/** Every use of an Excel API above `minVersion` without a guard, in the given files. */
export function checkApiSets(options: CheckOptions): ApiSetViolation[] {
  return apiSetChecker(options.files, options.projectRoot)(options.minVersion);
}

/** Compiles the files once and returns a check for any minimum version (compiling is the slow part). */
export function apiSetChecker(files: string[], projectRoot: string): (minVersion: string) => ApiSetViolation[] {
  const options = { files, projectRoot };
  const program = ts.createProgram(options.files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['office-js', 'node'],
    typeRoots: [join(options.projectRoot, 'node_modules', '@types')],
  });
  const checker = program.getTypeChecker();
  const wanted = new Set(options.files.map((f) => resolve(f)));
  return (minVersion) => {
    const violations: ApiSetViolation[] = [];
    for (const sf of program.getSourceFiles()) {
      if (!wanted.has(resolve(sf.fileName))) continue;
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAccessExpression(node)) {
          const symbol = checker.getSymbolAtLocation(node.name);
          const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : null;
          const signature = call ? checker.getResolvedSignature(call)?.declaration : undefined;
          const decls = signature ? [signature] : symbol?.declarations ?? [];
          const writing = isAssignmentTarget(node);
          let required: string | null = null;
          let owner = '';
          for (const d of decls) {
            if (!inExcelNamespace(d)) continue;
            const v = declaredVersion(d, writing);
            if (v && (!required || compareVersions(v, required) < 0)) {
              required = v;
              const parent = d.parent as ts.Node & { name?: ts.Identifier };
              owner = parent?.name?.text ?? '';
            }
          }
          if (required && compareVersions(required, minVersion) > 0) {
            const proven = provenAt(node);
            if (!proven || compareVersions(proven, required) < 0) {
              const { line, character } = sf.getLineAndCharacterOfPosition(node.name.getStart());
              violations.push({
                file: relative(options.projectRoot, sf.fileName),
                line: line + 1,
                column: character + 1,
                member: `${owner ? `${owner}.` : ''}${node.name.text}`,
                required,
                minVersion,
              });
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    return violations;
  };
}

function main(argv: string[]): number {
  const arg = (name: string, fallback: string): string => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
  };
  const root = resolve(__dirname, '..');
  const manifest = resolve(root, arg('--manifest', 'manifest.xml'));
  const src = resolve(root, arg('--src', 'src/excel'));
  if (!existsSync(manifest)) {
    console.error(`check-api-sets: ${manifest} not found`);
    return 2;
  }
  const minVersion = readMinVersion(manifest);
  const violations = checkApiSets({ files: sourceFiles(src), minVersion, projectRoot: root });
  for (const v of violations) {
    console.error(`${v.file}:${v.line}:${v.column} ${v.member} needs ExcelApi ${v.required} (manifest minimum ${v.minVersion}): guard it with isSetSupported or an ApiSetProof<'${v.required}'> parameter`);
  }
  if (violations.length === 0) console.log(`check-api-sets: no Excel API above ExcelApi ${minVersion} without a guard`);
  return violations.length === 0 ? 0 : 1;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
